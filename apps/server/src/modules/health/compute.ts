import { sql } from 'kysely'
import type { AppContext } from '../../kernel/context.ts'
import { inTransaction, systemActor } from '../../kernel/db/transaction.ts'
import { moneyDayFacts } from '../billing/index.ts'
import { liquidityDayFacts, marketplaceDayFacts } from '../recruiting/index.ts'
import type { HealthDatabase, HealthTx } from './database.ts'
import { bps, daysBetween } from './math.ts'
import { sourceCount } from './sources.ts'

/**
 * Computes the metrics of every UTC day of [from, to] and replaces their rows, in the caller's
 * transaction under a lock on each day: the figures depend only on the day (recruiting's and
 * billing's "as of" reads, one statement each for the whole range), so a recompute writes identical
 * rows, and two computations of the same day never interleave.
 */
export async function computeRangeIn(tx: HealthTx, from: string, to: string): Promise<number> {
  await sql`select pg_advisory_xact_lock(hashtext('health.day'), hashtext(d::date::text))
              from generate_series(${from}::date, ${to}::date, interval '1 day') d order by d`.execute(tx)
  const facts = await marketplaceDayFacts(tx, from, to)
  const cells = await liquidityDayFacts(tx, from, to)
  const money = await moneyDayFacts(tx, from, to)
  const fraud = await Promise.all(facts.map((f) => sourceCount('fraud', tx, f.day)))
  // the range's rows go in one statement (a round trip per table and day adds up)
  await sql`with m as (delete from health.marketplace_money_daily where day between ${from} and ${to}),
                 l as (delete from health.marketplace_liquidity_daily where day between ${from} and ${to})
            delete from health.marketplace_metrics_daily where day between ${from} and ${to}`.execute(tx)
  await tx
    .insertInto('health.marketplace_metrics_daily')
    .values(
      facts.map((f, i) => ({
        day: f.day,
        active_recruiters: f.active_recruiters,
        active_companies: f.active_companies,
        open_roles: f.open_roles,
        applications: f.applications,
        placements: f.placements,
        median_days_to_hire: f.median_days_to_hire,
        hire_rate_bps: bps(f.hires, f.closed_applications),
        completion_rate_bps: bps(f.guarantees_completed, f.guarantees_ended),
        median_first_response_hours: f.median_first_response_hours,
        closed_applications: f.closed_applications,
        roles_without_submission: f.roles_without_submission,
        fraud_signals_opened: fraud[i]!,
        disputes_opened: f.disputes_opened,
      })),
    )
    .execute()
  if (money.length) await tx.insertInto('health.marketplace_money_daily').values(money).execute()
  if (cells.length)
    await tx
      .insertInto('health.marketplace_liquidity_daily')
      .values(
        cells.map((c) => ({
          ...c,
          submissions_per_role: c.open_roles ? (c.submissions / c.open_roles).toFixed(2) : '0',
        })),
      )
      .execute()
  return facts.length
}

/** One day, in the caller's transaction. */
export const computeDayIn = (tx: HealthTx, day: string) => computeRangeIn(tx, day, day)

/** One day in its own system transaction. */
export async function computeDay(ctx: AppContext, day: string): Promise<number> {
  return inTransaction<number, HealthDatabase>(ctx.db, systemActor('health.compute_day'), (tx) =>
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
