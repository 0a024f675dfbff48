/**
 * Marketplace health (issue 15 §4): the daily metrics job (`computeDay`: activity, performance,
 * quality, money and liquidity of one UTC day) over 100,000 roles and 1,000,000 applications.
 * Target: one day computed in ≤ 60 s.
 *
 * The data is the homes bench's (bench/homes.ts `generate`: set-based, generate_series, spread over
 * two years), plus each application's stage move written to its stage history (the "as of" reads
 * use the history). `node bench/metrics.ts [--roles 100000] [--applications 1000000] [--days 5]`
 */
import { sql } from 'kysely'
import { computeDay } from '../apps/server/src/modules/health/compute.ts'
import { addDays, dayOf } from '../apps/server/src/modules/health/math.ts'
import { demoPersonasSeed } from '../apps/server/src/modules/identity/seed.ts'
import { addAcmeCompany } from '../packages/testing/src/fixtures.ts'
import { createMigratedDatabase, startThrowawayPostgres } from '../packages/testing/src/postgres.ts'
import { startTestApp } from '../packages/testing/src/test-app.ts'
import { generate } from './homes.ts'

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? Number(process.argv[i + 1]) : fallback
}
const DAYS = arg('days', 5)

export async function benchMetrics(): Promise<Record<string, string | number>[]> {
  const server = await startThrowawayPostgres({ durability: 'fast' })
  const url = await createMigratedDatabase(server.url, 'bench_metrics')
  const app = await startTestApp(url, { role: 'web' })
  const out: Record<string, string | number>[] = []
  try {
    await demoPersonasSeed.run(app.ctx, () => {})
    const acmeId = await addAcmeCompany(app.ctx)
    const rachel = (
      await sql<{
        user_id: string
      }>`select user_id from identity.user_contacts where email = 'rachel@recruiters.demo'`.execute(
        app.ctx.db,
      )
    ).rows[0]!.user_id
    const t = performance.now()
    await app.ctx.db.connection().execute(async (conn) => {
      await generate(conn as never, rachel, acmeId)
      const h = performance.now()
      await sql`set session_replication_role = replica`.execute(conn)
      await sql`insert into ats.application_stage_history (application_id, from_stage, to_stage, changed_at)
                select id, 'submitted', stage, stage_changed_at from ats.applications where stage <> 'submitted'`.execute(
        conn,
      )
      await sql`analyze ats.application_stage_history`.execute(conn)
      console.log(`  stage history: ${((performance.now() - h) / 1000).toFixed(1)} s`)
    })
    console.log(`generated in ${((performance.now() - t) / 1000).toFixed(1)} s`)
    const counts = (
      await sql<{ roles: number; applications: number; placements: number; history: number }>`
        select (select count(*)::int from ats.roles) as roles, (select count(*)::int from ats.applications) as applications,
               (select count(*)::int from ats.placements) as placements,
               (select count(*)::int from ats.application_stage_history) as history`.execute(app.ctx.db)
    ).rows[0]!
    console.log(counts)
    const yesterday = addDays(dayOf(new Date()), -1)
    const days = [yesterday, ...Array.from({ length: DAYS - 1 }, (_, i) => addDays(yesterday, -(i + 1) * 73))]
    for (const day of days) {
      const started = performance.now()
      await computeDay(app.ctx, day)
      const ms = performance.now() - started
      const m = (
        await sql<{ applications: number; placements: number; open_roles: number; cells: number }>`
          select d.applications, d.placements, d.open_roles,
                 (select count(*)::int from health.marketplace_liquidity_daily l where l.day = d.day) as cells
            from health.marketplace_metrics_daily d where d.day = ${day}`.execute(app.ctx.db)
      ).rows[0]!
      const row = {
        day,
        seconds: +(ms / 1000).toFixed(2),
        target: '<= 60 s',
        what: `${m.open_roles} open roles, ${m.applications} applications, ${m.placements} placements, ${m.cells} liquidity cells`,
      }
      console.log(row)
      out.push(row)
    }
  } finally {
    await app.stop()
    await server.stop()
  }
  return out
}

if (import.meta.main) console.table(await benchMetrics())
