import { z } from 'zod'
import type { AppContext } from '../../../kernel/context.ts'
import { inTransaction, systemActor } from '../../../kernel/db/transaction.ts'
import { defineJob } from '../../../kernel/jobs/define-job.ts'
import type { RecruitingTx } from '../database.ts'
import { emit } from '../events.ts'

/**
 * Ends the first looks whose window has passed: each role is released by one UPDATE (a concurrent
 * run finds it already cleared), with its `role.released` event in the same transaction — the
 * saved-search alerts of recruiters without early access follow from it.
 */
export async function releaseEarlyAccess(ctx: AppContext, now: Date): Promise<{ released: number }> {
  return inTransaction(ctx.db, systemActor('recruiting.release_early_access'), async (tx: RecruitingTx) => {
    const rows = await tx
      .updateTable('ats.roles')
      .set({ early_access_until: null })
      .where('early_access_until', '<=', now)
      .returning(['id', 'company_id', 'title'])
      .execute()
    for (const r of rows) {
      await emit(tx, 'role.released', r.id, {
        role_id: r.id,
        company_id: r.company_id,
        title: r.title,
        released_at: now.toISOString(),
      })
    }
    return { released: rows.length }
  })
}

export const earlyAccessReleaseJob = defineJob({
  name: 'recruiting.release_early_access',
  description: 'Show roles to every recruiter once their first look for early-access recruiters ends',
  payload: z.object({}),
  retry: { limit: 3, delaySeconds: 30, backoff: true },
  timeoutSeconds: 60,
  concurrency: 1,
  schedule: { cron: '* * * * *', payload: {} },
  handler: (_payload, ctx: AppContext) => releaseEarlyAccess(ctx, ctx.clock.now()),
})
