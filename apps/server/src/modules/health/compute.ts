import { sql } from 'kysely'
import type { AppContext } from '../../kernel/context.ts'
import { inTransaction, systemActor } from '../../kernel/db/transaction.ts'
import { moneyDayFacts } from '../billing/index.ts'
import { liquidityDayFacts, marketplaceDayFacts } from '../recruiting/index.ts'
import type { HealthDatabase, HealthTx } from './database.ts'
import { bps, daysBetween } from './math.ts'
import { sourceCount } from './sources.ts'

/**
 * Computes one UTC day's metrics and replaces its rows, in one transaction under a lock on the day:
 * the figures depend only on the day (recruiting's and billing's "as of" reads), so a recompute
 * writes identical rows, and two computations of the same day never interleave.
 */
export async function computeDayIn(tx: HealthTx, day: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext('health.day'), hashtext(${day}))`.execute(tx)
  const facts = await marketplaceDayFacts(tx, day)
  const cells = await liquidityDayFacts(tx, day)
  const money = await moneyDayFacts(tx, day)
  const fraud = await sourceCount('fraud', tx, day)
  // the day's rows go in one statement (a round trip each adds up over a 90-day history)
  await sql`with m as (delete from health.marketplace_money_daily where day = ${day}),
                 l as (delete from health.marketplace_liquidity_daily where day = ${day})
            delete from health.marketplace_metrics_daily where day = ${day}`.execute(tx)
  await tx
    .insertInto('health.marketplace_metrics_daily')
    .values({
      day,
      active_recruiters: facts.active_recruiters,
      active_companies: facts.active_companies,
      open_roles: facts.open_roles,
      applications: facts.applications,
      placements: facts.placements,
      median_days_to_hire: facts.median_days_to_hire,
      hire_rate_bps: bps(facts.hires, facts.closed_applications),
      completion_rate_bps: bps(facts.guarantees_completed, facts.guarantees_ended),
      median_first_response_hours: facts.median_first_response_hours,
      closed_applications: facts.closed_applications,
      roles_without_submission: facts.roles_without_submission,
      fraud_signals_opened: fraud,
      disputes_opened: facts.disputes_opened,
    })
    .execute()
  if (money.length)
    await tx
      .insertInto('health.marketplace_money_daily')
      .values(money.map((m) => ({ day, currency: m.currency, fees: m.fees, payouts: m.payouts })))
      .execute()
  if (cells.length)
    await tx
      .insertInto('health.marketplace_liquidity_daily')
      .values(
        cells.map((c) => ({
          day,
          ...c,
          submissions_per_role: c.open_roles ? (c.submissions / c.open_roles).toFixed(2) : '0',
        })),
      )
      .execute()
}

/** One day in its own system transaction. */
export async function computeDay(ctx: AppContext, day: string): Promise<void> {
  await inTransaction<void, HealthDatabase>(ctx.db, systemActor('health.compute_day'), (tx) =>
    computeDayIn(tx, day),
  )
}

/** Every day of [from, to], oldest first, a transaction each; `progress(done, total)` after each. */
export async function computeRange(
  ctx: AppContext,
  from: string,
  to: string,
  progress: (done: number, total: number, day: string) => void | Promise<void> = () => {},
): Promise<number> {
  const days = daysBetween(from, to)
  let done = 0
  for (const day of days) {
    await computeDay(ctx, day)
    await progress(++done, days.length, day)
  }
  return days.length
}
