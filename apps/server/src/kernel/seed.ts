import { sql } from 'kysely'
import type { AppContext } from './context.ts'
import type { AppModule, SeedStep } from './module.ts'

/**
 * Runs every module's seed steps. A step runs when its recorded version is older than its
 * declared one; a lock keeps two processes from seeding at once. A step starts when the steps it
 * names in `after` are done (by default: every step before it), so independent demo data — the
 * two marketplaces — is written side by side.
 */
export async function runSeeds(
  ctx: AppContext,
  modules: readonly AppModule[],
  status: (line: string) => void,
  options: { force?: boolean; onProgress?: (step: string, done: number, total: number) => void } = {},
): Promise<void> {
  const steps = modules.flatMap((m) => m.seeds ?? [])
  if (steps.length === 0) return
  const prerequisites = seedPrerequisites(steps)
  await ctx.db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(727003)`.execute(conn)
    try {
      const done = new Map(
        (await conn.selectFrom('platform.seed_runs').select(['name', 'version']).execute()).map((r) => [
          r.name,
          r.version,
        ]),
      )
      const running = new Map<string, Promise<void>>()
      const runStep = async (step: SeedStep): Promise<void> => {
        await Promise.all((prerequisites.get(step.name) ?? []).map((name) => running.get(name)))
        if (!options.force && (done.get(step.name) ?? 0) >= step.version) return
        const started = performance.now()
        status(`seeding ${step.description}…`)
        const detail = await step.run(ctx, (d, t) => options.onProgress?.(step.name, d, t))
        await ctx.db
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
        status(`seeded ${step.description} (${Math.round(performance.now() - started)} ms)`)
      }
      // listed in order, each waits only for steps already in the map: no cycles possible
      for (const step of steps) running.set(step.name, runStep(step))
      const outcomes = await Promise.allSettled(running.values())
      const failed = outcomes.find((o) => o.status === 'rejected')
      if (failed) throw (failed as PromiseRejectedResult).reason
    } finally {
      await sql`select pg_advisory_unlock(727003)`.execute(conn)
    }
  })
}

/** Each step's prerequisites: the names in `after` (which must come earlier), or all earlier steps. */
export function seedPrerequisites(steps: readonly SeedStep[]): Map<string, readonly string[]> {
  const result = new Map<string, readonly string[]>()
  for (const [i, step] of steps.entries()) {
    const earlier = steps.slice(0, i).map((s) => s.name)
    for (const name of step.after ?? [])
      if (!earlier.includes(name))
        throw new Error(`seed step ${step.name} runs after ${name}, which is not listed before it`)
    result.set(step.name, step.after ?? earlier)
  }
  return result
}
