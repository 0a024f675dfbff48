import { z } from 'zod'
import type { AppContext } from '../../../kernel/context.ts'
import { inTransaction, systemActor } from '../../../kernel/db/transaction.ts'
import { defineJob } from '../../../kernel/jobs/define-job.ts'
import type { CliCommand } from '../../../kernel/module.ts'
import type { OfairTx } from '../database.ts'
import { duePayments, releasePayment } from './service.ts'

/**
 * Captured payments: every paid job whose hold period is over (and has no open dispute — a
 * disputed job is not `paid`) has its parts released to the professionals' balances, one
 * transaction each. Returns how many were released.
 */
export async function releaseHeldPayments(
  ctx: AppContext,
  now: Date,
  onProgress?: (done: number, total: number) => void,
): Promise<number> {
  const due = await inTransaction<{ id: string }[], never>(ctx.db, systemActor('ofair.release_held'), (tx) =>
    duePayments(tx as unknown as OfairTx, now),
  )
  let done = 0
  for (const p of due) {
    await inTransaction(ctx.db, systemActor('ofair.release_held'), (tx) =>
      releasePayment(tx as unknown as OfairTx, null, p.id, now, false).catch((err: { code?: string }) => {
        // a dispute opened in between: it stays held
        if (err.code === 'payment_disputed' || err.code === 'not_releasable') return
        throw err
      }),
    )
    done++
    onProgress?.(done, due.length)
  }
  return done
}

export const releaseHeldPaymentsJob = defineJob({
  name: 'ofair.release_held_payments',
  description: 'Captured payments: release paid jobs whose hold period (7 days by default) is over',
  payload: z.object({}),
  retry: { limit: 3, delaySeconds: 60, backoff: true },
  timeoutSeconds: 600,
  concurrency: 1,
  schedule: { cron: '15 * * * *', payload: {} },
  handler: async (_payload, ctx: AppContext) => ({
    released: await releaseHeldPayments(ctx, ctx.clock.now()),
  }),
})

/** `npm run cli -- ofair:release-held [--at <ISO time>]`: the same release, with progress. */
export const releaseHeldCommand: CliCommand = {
  name: 'ofair:release-held',
  description:
    'Captured payments: release paid jobs whose hold period is over (--at <ISO time> to pretend a time)',
  run: async (ctx, tools, args) => {
    const at = args.indexOf('--at')
    const now = at >= 0 && args[at + 1] ? new Date(args[at + 1]!) : ctx.clock.now()
    if (Number.isNaN(now.getTime())) {
      tools.out('--at takes an ISO time')
      return 2
    }
    const progress = tools.progress('releasing')
    const n = await releaseHeldPayments(ctx, now, (done, total) => progress('jobs', done, total))
    tools.done()
    tools.out(`released ${n} paid job(s) whose hold ended by ${now.toISOString()}`)
    return 0
  },
}
