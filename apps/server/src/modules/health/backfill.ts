import { sql } from 'kysely'
import { fromKysely } from 'pg-boss'
import { z } from 'zod'
import type { AppContext } from '../../kernel/context.ts'
import { inTransaction, systemActor } from '../../kernel/db/transaction.ts'
import { AppError } from '../../kernel/errors.ts'
import { defineJob } from '../../kernel/jobs/define-job.ts'
import { computeRange } from './compute.ts'
import type { HealthDatabase, HealthTx } from './database.ts'
import { addDays, dayCount, dayOf } from './math.ts'

export const MAX_RANGE_DAYS = 731
export const BACKFILL_JOB = 'health.backfill'

/** A range of days that are over: from ≤ to < today (UTC), at most two years. */
export function checkRange(now: Date, from: string, to: string): void {
  const yesterday = addDays(dayOf(now), -1)
  if (from > yesterday || to > yesterday)
    throw new AppError(
      'metrics_future_date',
      `Metrics exist up to ${yesterday}; ${to > yesterday ? to : from} is not over yet`,
    )
  if (from > to) throw new AppError('metrics_bad_range', `from (${from}) is after to (${to})`)
  if (dayCount(from, to) > MAX_RANGE_DAYS)
    throw new AppError('metrics_bad_range', `At most ${MAX_RANGE_DAYS} days at a time`)
}

export interface BackfillRun {
  id: string
  from_day: string
  to_day: string
  total: number
  done: number
  status: string
  error: string | null
  created_at: Date
  finished_at: Date | null
}

const RUN_COLUMNS = [
  'id',
  'from_day',
  'to_day',
  'total',
  'done',
  'status',
  'error',
  'created_at',
  'finished_at',
] as const

/**
 * Asks for a back-fill of [from, to]: a run row and its job, in the caller's transaction. While a
 * run of the same range is queued or running, asking again returns it (the partial unique index
 * settles concurrent requests).
 */
export async function requestBackfill(
  ctx: AppContext,
  tx: HealthTx,
  input: { from: string; to: string; requestedBy: string | null },
): Promise<{ run: BackfillRun; created: boolean }> {
  checkRange(ctx.clock.now(), input.from, input.to)
  const inserted = await tx
    .insertInto('health.backfill_runs')
    .values({
      from_day: input.from,
      to_day: input.to,
      total: dayCount(input.from, input.to),
      requested_by: input.requestedBy,
      created_at: ctx.clock.now(),
    })
    // the index's predicate as literals: PostgreSQL cannot match a partial index to bound parameters
    .onConflict((oc) =>
      oc.columns(['from_day', 'to_day']).where(sql<boolean>`status in ('queued', 'running')`).doNothing(),
    )
    .returning(RUN_COLUMNS)
    .executeTakeFirst()
  if (inserted) {
    await ctx.jobs.enqueue(
      BACKFILL_JOB,
      { run_id: inserted.id },
      { db: fromKysely(tx), singletonKey: inserted.id },
    )
    return { run: inserted, created: true }
  }
  const existing = await tx
    .selectFrom('health.backfill_runs')
    .select(RUN_COLUMNS)
    .where('from_day', '=', input.from)
    .where('to_day', '=', input.to)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow() // the active run, or the one that just finished in between
  return { run: existing, created: false }
}

export async function getBackfill(tx: HealthTx, id: string): Promise<BackfillRun> {
  const run = await tx
    .selectFrom('health.backfill_runs')
    .select(RUN_COLUMNS)
    .where('id', '=', id)
    .executeTakeFirst()
  if (!run) throw new AppError('not_found', 'No such back-fill')
  return run
}

const sys = <T>(ctx: AppContext, fn: (tx: HealthTx) => Promise<T>) =>
  inTransaction<T, HealthDatabase>(ctx.db, systemActor('health.backfill'), fn)

/** Runs a requested back-fill: day by day, its progress written after each day. */
export async function runBackfill(ctx: AppContext, runId: string): Promise<{ days: number }> {
  const run = await sys(ctx, (tx) =>
    tx
      .updateTable('health.backfill_runs')
      .set({ status: 'running' })
      .where('id', '=', runId)
      .where('status', 'in', ['queued', 'running'])
      .returning(['from_day', 'to_day'])
      .executeTakeFirst(),
  )
  if (!run) return { days: 0 }
  try {
    const days = await computeRange(ctx, run.from_day, run.to_day, (done) =>
      sys(ctx, async (tx) => {
        await tx.updateTable('health.backfill_runs').set({ done }).where('id', '=', runId).execute()
      }),
    )
    await sys(ctx, (tx) =>
      tx
        .updateTable('health.backfill_runs')
        .set({ status: 'completed', finished_at: sql`now()` })
        .where('id', '=', runId)
        .execute(),
    )
    return { days }
  } catch (err) {
    await sys(ctx, (tx) =>
      tx
        .updateTable('health.backfill_runs')
        .set({ status: 'failed', error: (err as Error).message.slice(0, 2000), finished_at: sql`now()` })
        .where('id', '=', runId)
        .execute(),
    )
    throw err
  }
}

export const backfillJob = defineJob({
  name: BACKFILL_JOB,
  description: 'Recompute the marketplace metrics of a range of days (an admin’s back-fill), with progress',
  payload: z.object({ run_id: z.uuid() }),
  retry: { limit: 0, delaySeconds: 60, backoff: false },
  timeoutSeconds: 3600,
  concurrency: 1,
  handler: async (payload, ctx: AppContext) => runBackfill(ctx, payload.run_id),
})
