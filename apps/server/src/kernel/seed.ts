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
      for (const step of steps) {
        if (!options.force && (done.get(step.name) ?? 0) >= step.version) continue
        const started = performance.now()
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
        status(`seeded ${step.description} (${Math.round(performance.now() - started)} ms)`)
      }
    } finally {
      await sql`select pg_advisory_unlock(727003)`.execute(conn)
    }
  })
}
