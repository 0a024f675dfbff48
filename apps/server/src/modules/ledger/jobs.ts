import { z } from 'zod'
import type { AppContext } from '../../kernel/context.ts'
import { inTransaction, systemActor } from '../../kernel/db/transaction.ts'
import { defineJob } from '../../kernel/jobs/define-job.ts'
import { expireDueHolds } from './holds.ts'
import { reconcileLedger } from './reconcile.ts'

/** Nightly proof of the ledger; a failed check is logged at error level for alerting. */
export const reconcileLedgerJob = defineJob({
  name: 'ledger.reconcile',
  description:
    'Prove the ledger: postings balance, balances equal entries, no forbidden negative, audit chain intact',
  payload: z.object({}),
  retry: { limit: 2, delaySeconds: 300, backoff: true },
  timeoutSeconds: 3600,
  concurrency: 1,
  schedule: { cron: '45 1 * * *', payload: {} },
  handler: async (_payload, ctx: AppContext, run) => {
    const result = await reconcileLedger(ctx.db)
    if (!result.ok) run.log.error({ reconciliation: result }, 'LEDGER RECONCILIATION FAILED')
    else run.log.info({ entries: result.entries }, 'ledger reconciled')
    return result
  },
})

/** Every minute: holds whose time ran out are expired (their reservation released), once each. */
export const expireHoldsJob = defineJob({
  name: 'ledger.expire_holds',
  description: 'Expire pending holds whose time ran out',
  payload: z.object({}),
  retry: { limit: 3, delaySeconds: 10, backoff: true },
  timeoutSeconds: 120,
  concurrency: 1,
  schedule: { cron: '* * * * *', payload: {} },
  handler: async (_payload, ctx: AppContext) => {
    let expired = 0
    for (;;) {
      const n = await inTransaction(ctx.db, systemActor('ledger.expire_holds'), (tx) =>
        expireDueHolds(tx, ctx.clock.now()),
      )
      expired += n
      if (n === 0) return { expired }
    }
  },
})
