import type { CliCommand } from '../../../kernel/module.ts'
import { processDueSchedules, totalsToWire } from './engine.ts'
import { processDueReleases } from './escrow.ts'
import { reconcilePayouts } from './reconcile.ts'

/** Operators run the nightly payout work now: `npm run cli -- payouts:process-due` (with a progress bar). */
export const payoutCommands: CliCommand[] = [
  {
    name: 'payouts:process-due',
    description:
      'Pay due payout schedules now (what the 02:00 UTC job does); then prove the payouts against the ledger',
    run: async (ctx, tools) => {
      const progress = tools.progress('paying')
      const totals = totalsToWire(
        await processDueSchedules(ctx, { onProgress: (done, total) => progress('schedules', done, total) }),
      )
      tools.done()
      tools.out(
        `${totals.completed} paid (${totals.amount_sent} minor units), ${totals.awaiting_manual} in the bank-transfer batch, ${totals.retried} to retry, ${totals.parked} parked, ${totals.failed} failed, ${totals.redriven} re-driven`,
      )
      const proof = await reconcilePayouts(ctx.db, { now: ctx.clock.now() })
      for (const c of proof.checks) tools.out(`${c.ok ? 'ok  ' : 'FAIL'}  ${c.name}: ${c.detail}`)
      return proof.ok ? 0 : 1
    },
  },
  {
    name: 'escrow:process-due',
    description: 'Release escrow holds whose guarantee ended, now (what the 03:00 UTC job does)',
    run: async (ctx, tools) => {
      const progress = tools.progress('releasing')
      const r = await processDueReleases(ctx, { onProgress: (done, total) => progress('holds', done, total) })
      tools.done()
      tools.out(
        `${r.released} hold(s) released (${r.amount} minor units)${r.failed ? `, ${r.failed} batch(es) failed (see the log)` : ''}`,
      )
      return r.failed ? 1 : 0
    },
  },
  {
    name: 'payouts:reconcile',
    description: 'Prove escrow holds, schedules and payouts against the ledger; exits 1 when a check fails',
    run: async (ctx, tools) => {
      const proof = await reconcilePayouts(ctx.db, { now: ctx.clock.now() })
      for (const c of proof.checks) tools.out(`${c.ok ? 'ok  ' : 'FAIL'}  ${c.name}: ${c.detail}`)
      return proof.ok ? 0 : 1
    },
  },
]
