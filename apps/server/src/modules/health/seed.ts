import { inTransaction, systemActor } from '../../kernel/db/transaction.ts'
import type { SeedStep } from '../../kernel/module.ts'
import { computeRangeIn } from './compute.ts'
import type { HealthDatabase } from './database.ts'
import { addDays, dayOf, daysBetween } from './math.ts'

export const HISTORY_DAYS = 90

/** 90 days of metrics on first start, computed by the daily job's own code (one transaction). */
export const demoHealthSeed: SeedStep = {
  name: 'health.demo_history',
  version: 1,
  description: `${HISTORY_DAYS} days of marketplace metrics and liquidity, computed by the daily job’s code`,
  after: [
    'recruiting.demo_marketplace',
    'recruiting.demo_interviews',
    'billing.demo',
    // not the payouts demo: its first payout run is today, and the history ends yesterday
    'fraud.demo_signals',
  ],
  async run(ctx, progress) {
    const to = addDays(dayOf(ctx.clock.now()), -1)
    const days = daysBetween(addDays(to, -(HISTORY_DAYS - 1)), to)
    // the job's own code over the whole range: one statement per figure group for the 90 days
    await inTransaction<number, HealthDatabase>(ctx.db, systemActor('health.demo_history'), (tx) =>
      computeRangeIn(tx, days[0]!, to),
    )
    progress(days.length, days.length)
    return { days: days.length, from: days[0], to }
  },
}
