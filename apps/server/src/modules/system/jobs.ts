import { sql } from 'kysely'
import { z } from 'zod'
import { verifyAuditChain } from '../../kernel/audit/audit.ts'
import type { AppContext } from '../../kernel/context.ts'
import { defineJob } from '../../kernel/jobs/define-job.ts'

/** Nightly: walk the audit hash chain; a broken link is logged at error level for alerting. */
export const verifyAuditChainJob = defineJob({
  name: 'platform.verify_audit_chain',
  description: 'Verify the audit log hash chain and report the first broken link',
  payload: z.object({}),
  retry: { limit: 2, delaySeconds: 60, backoff: true },
  timeoutSeconds: 1800,
  concurrency: 1,
  schedule: { cron: '30 1 * * *', payload: {} },
  handler: async (_payload, ctx: AppContext, run) => {
    const result = await verifyAuditChain(ctx.db)
    if (!result.ok) run.log.error({ audit: result }, 'AUDIT CHAIN BROKEN')
    else run.log.info({ rows: result.rows }, 'audit chain verified')
    return result
  },
})

/** Daily: relayed outbox rows older than the retention are deleted (their jobs carry the data). */
export const purgeOutboxJob = defineJob({
  name: 'platform.purge_outbox',
  description: 'Delete outbox events relayed more than `older_than_days` days ago',
  payload: z.object({ older_than_days: z.number().int().min(1).max(3650).default(30) }),
  retry: { limit: 3, delaySeconds: 30, backoff: true },
  timeoutSeconds: 600,
  concurrency: 1,
  schedule: { cron: '15 4 * * *', payload: { older_than_days: 30 } },
  handler: async (payload, ctx: AppContext) => {
    const result = await sql`delete from platform.outbox
      where relayed_at < now() - make_interval(days => ${payload.older_than_days})`.execute(ctx.db)
    return { deleted: Number(result.numAffectedRows ?? 0) }
  },
})

/** Hourly: Idempotency-Key answers are kept for 24 hours, as Stripe keeps them. */
export const purgeIdempotencyKeysJob = defineJob({
  name: 'platform.purge_idempotency_keys',
  description: 'Forget Idempotency-Key answers older than 24 hours',
  payload: z.object({}),
  retry: { limit: 3, delaySeconds: 30, backoff: true },
  timeoutSeconds: 300,
  concurrency: 1,
  schedule: { cron: '7 * * * *', payload: {} },
  handler: async (_payload, ctx: AppContext) => {
    const result = await sql`delete from platform.idempotency_keys
      where created_at < now() - interval '24 hours'`.execute(ctx.db)
    return { deleted: Number(result.numAffectedRows ?? 0) }
  },
})
