import { z } from 'zod'
import type { AppContext } from '../../../kernel/context.ts'
import { defineJob } from '../../../kernel/jobs/define-job.ts'
import { processDueSchedules, totalsToWire } from './engine.ts'
import { processDueReleases } from './escrow.ts'
import { reconcilePayouts } from './reconcile.ts'

/**
 * The payout runs (seed 003): schedules at 02:00 UTC, escrow releases at 03:00 UTC (the holdback
 * released then is paid by the next night's run, or at once by an admin's trigger). A run that
 * fails is retried by the queue; every step inside is idempotent. Every five minutes, payouts that
 * a stopped worker left `processing` are re-driven (same key, same transfer).
 */
export const processPayoutSchedulesJob = defineJob({
  name: 'billing.process_payout_schedules',
  description: 'Pay due payout schedules (Stripe Connect transfers, or the bank-transfer batch)',
  payload: z.object({}),
  retry: { limit: 3, delaySeconds: 300, backoff: true },
  timeoutSeconds: 3600,
  concurrency: 1,
  schedule: { cron: '0 2 * * *', tz: 'UTC', payload: {} },
  handler: async (_payload, ctx: AppContext, run) => {
    const totals = totalsToWire(await processDueSchedules(ctx))
    run.log.info({ totals }, 'payout run done')
    return totals
  },
})

export const releaseEscrowHoldsJob = defineJob({
  name: 'billing.release_escrow_holds',
  description: 'Release escrow holds whose guarantee ended',
  payload: z.object({}),
  retry: { limit: 3, delaySeconds: 300, backoff: true },
  timeoutSeconds: 3600,
  concurrency: 1,
  schedule: { cron: '0 3 * * *', tz: 'UTC', payload: {} },
  handler: async (_payload, ctx: AppContext) => processDueReleases(ctx),
})

export const redriveStuckPayoutsJob = defineJob({
  name: 'billing.redrive_stuck_payouts',
  description: 'Send again (same idempotency key) payouts a stopped worker left processing',
  payload: z.object({}),
  retry: { limit: 1, delaySeconds: 60, backoff: false },
  timeoutSeconds: 600,
  concurrency: 1,
  schedule: { cron: '*/5 * * * *', tz: 'UTC', payload: {} },
  handler: async (_payload, ctx: AppContext) =>
    totalsToWire(await processDueSchedules(ctx, { filter: { stuckOnly: true } })),
})

/** Nightly, after the runs: the payout documents against the ledger; a failure is logged for alerting. */
export const reconcilePayoutsJob = defineJob({
  name: 'billing.reconcile_payouts',
  description: 'Prove that escrow holds, schedules and payouts agree with the ledger, recruiter by recruiter',
  payload: z.object({}),
  retry: { limit: 2, delaySeconds: 300, backoff: true },
  timeoutSeconds: 1800,
  concurrency: 1,
  schedule: { cron: '30 4 * * *', tz: 'UTC', payload: {} },
  handler: async (_payload, ctx: AppContext, run) => {
    const result = await reconcilePayouts(ctx.db, { now: ctx.clock.now() })
    if (!result.ok) run.log.error({ reconciliation: result }, 'PAYOUT RECONCILIATION FAILED')
    return result
  },
})
