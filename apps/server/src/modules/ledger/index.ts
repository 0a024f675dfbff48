import './errors.ts'
import type { AppModule } from '../../kernel/module.ts'
import { expireHoldsJob, reconcileLedgerJob } from './jobs.ts'
import { reconcileLedger } from './reconcile.ts'
import { ledgerRoute, ledgerRoutes } from './routes.ts'

/**
 * The ledger: accounts, balanced append-only postings, two-phase holds, reconciliation. Generic —
 * books (Splits Network, OFAIR) declare their account kinds and post through these services; the
 * economics live in the modules on top (billing). See README.md.
 */
export const ledgerModule: AppModule = {
  name: 'ledger',
  schemas: ['ledger'],
  routes: (app, ctx) => ledgerRoute.mount(app, ctx, ledgerRoutes),
  jobs: [reconcileLedgerJob, expireHoldsJob],
  commands: [
    {
      name: 'ledger:reconcile',
      description: 'Prove the ledger (the four checks); exits 1 when a check fails',
      run: async (ctx, tools) => {
        const result = await reconcileLedger(ctx.db, tools.progress('reconciling'))
        tools.done()
        for (const c of result.checks) tools.out(`${c.ok ? 'ok  ' : 'FAIL'}  ${c.name}: ${c.detail}`)
        return result.ok ? 0 : 1
      },
    },
  ],
}

export { accountBalance, type Balance, kindBalancesByOwner, kindTotal, ownerBalances } from './balances.ts'
export { type AccountKind, type AccountRef, defineBook } from './books.ts'
export { getPosting, ownerEntries, postingsAbout } from './explorer.ts'
export { createHold, expireDueHolds, getHold, type HoldCommand, resolveHold } from './holds.ts'
export { type PostingCommand, type PostingLine, post, postMany, reverse } from './post.ts'
export { type Reconciliation, reconcileLedger } from './reconcile.ts'
