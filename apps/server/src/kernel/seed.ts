import { sql } from 'kysely'
import type { AppContext } from './context.ts'
import type { AppModule } from './module.ts'

/**
 * Runs every module's seed steps in order. A step runs when its recorded version is older than
 * its declared one; a lock keeps two processes from seeding at once.
 */
export async function runSeeds(
  ctx: AppContext,
  modules: readonly AppModule[],
  status: (line: string) => void,
  options: { force?: boolean; onProgress?: (step: string, done: number, total: number) => void } = {},
): Promise<void> {
  const steps = modules.flatMap((m) => m.seeds ?? [])
  if (steps.length === 0) return
  await ctx.db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(727003)`.execute(conn)
    try {
      const done = new Map(
        (await conn.selectFrom('platform.seed_runs').select(['name', 'version']).execute()).map((r) => [
          r.name,
          r.version,
        ]),
      )
      // each step starts when what it needs is done: by default every step before it
      const started = new Map<string, Promise<void>>()
      for (const [i, step] of steps.entries()) {
        const needs = (step.after ?? steps.slice(0, i).map((s) => s.name)).map((n) => started.get(n))
        started.set(
          step.name,
          Promise.all(needs).then(async () => {
            if (!options.force && (done.get(step.name) ?? 0) >= step.version) return
            const began = performance.now()
            status(`seeding ${step.description}…`)
            const detail = await step.run(ctx, (d, t) => options.onProgress?.(step.name, d, t))
            await conn
              .insertInto('platform.seed_runs')
              .values({ name: step.name, version: step.version, detail: JSON.stringify(detail ?? {}) })
              .onConflict((oc) =>
                oc.column('name').doUpdateSet({
                  version: step.version,
                  applied_at: new Date(),
                  detail: JSON.stringify(detail ?? {}),
                }),
              )
              .execute()
            status(`seeded ${step.description} (${Math.round(performance.now() - began)} ms)`)
          }),
        )
      }
      // every step settles before the lock is released, even when one fails
      const outcomes = await Promise.allSettled(started.values())
      const failed = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected')
      if (failed) throw failed.reason
    } finally {
      await sql`select pg_advisory_unlock(727003)`.execute(conn)
    }
  })
}
