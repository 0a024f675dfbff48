import { inTransaction, systemActor } from '../../kernel/db/transaction.ts'
import type { SeedStep } from '../../kernel/module.ts'
import { computeDayIn } from './compute.ts'
import type { HealthDatabase } from './database.ts'
import { addDays, dayOf, daysBetween } from './math.ts'

export const HISTORY_DAYS = 90

/** 90 days of metrics on first start, computed by the daily job's own code (one transaction). */
export const demoHealthSeed: SeedStep = {
  name: 'health.demo_history',
  version: 1,
  description: `${HISTORY_DAYS} days of marketplace metrics and liquidity, computed as the daily job does`,
  after: [
    'recruiting.demo_marketplace',
    'recruiting.demo_interviews',
    'billing.demo',
    'billing.payouts_demo',
  ],
  async run(ctx, progress) {
    const to = addDays(dayOf(ctx.clock.now()), -1)
    const days = daysBetween(addDays(to, -(HISTORY_DAYS - 1)), to)
    // four lanes of consecutive days, a transaction each: the same code as the daily job, in parallel
    const lanes = 4
    const size = Math.ceil(days.length / lanes)
    let done = 0
    await Promise.all(
      Array.from({ length: lanes }, (_, i) => days.slice(i * size, (i + 1) * size)).map((lane) =>
        inTransaction<void, HealthDatabase>(ctx.db, systemActor('health.demo_history'), async (tx) => {
          for (const day of lane) {
            await computeDayIn(tx, day)
            progress(++done, days.length)
          }
        }),
      ),
    )
    return { days: days.length, from: days[0], to }
  },
}
