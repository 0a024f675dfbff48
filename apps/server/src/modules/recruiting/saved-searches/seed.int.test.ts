import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedContext } from '../../../../../../packages/testing/src/seed-context.ts'
import { useTestDatabase } from '../../../../../../packages/testing/src/test-database.ts'
import { FixedClock } from '../../../kernel/clock.ts'
import type { AppContext } from '../../../kernel/context.ts'
import type { DatabaseHandle } from '../../../kernel/db/database.ts'
import { demoPersonasSeed } from '../../identity/seed.ts'
import { demoMarketplaceSeed } from '../seed/demo-marketplace.ts'
import { savedSearchesDemoSeed } from './seed.ts'

const database = useTestDatabase()
let ctx: AppContext
let handle: DatabaseHandle
const query = async (text: string) => (await database.current.pool.query(text)).rows

beforeAll(async () => {
  ;({ ctx, database: handle } = seedContext(database.current.url, {
    clock: new FixedClock('2026-06-01T08:30:00Z'),
  }))
  await demoPersonasSeed.run(ctx, () => {})
  await demoMarketplaceSeed.run(ctx, () => {})
}, 60_000)
afterAll(async () => handle?.close())

describe('discovery demo data', () => {
  it('gives Rachel and Tom saved searches, quickly and once', async () => {
    const t = performance.now()
    expect(await savedSearchesDemoSeed.run(ctx, () => {})).toEqual({ saved_searches: 5 })
    expect(performance.now() - t).toBeLessThan(300)
    expect(await savedSearchesDemoSeed.run(ctx, () => {})).toEqual({ saved_searches: 0 })
    const rows = await query(`select count(*)::int as n from network.saved_searches s
      group by s.recruiter_id order by n desc`)
    expect(rows).toEqual([{ n: 3 }, { n: 2 }])
  })

  it('counts every role’s submissions from the bulk-loaded applications', async () => {
    const [row] = await query(`select count(*)::int as wrong, sum(r.submissions_count)::int as total
      from ats.roles r where r.submissions_count <> (select count(*) from ats.applications a where a.role_id = r.id)`)
    expect(row).toMatchObject({ wrong: 0 })
    const [sum] = await query(
      'select (select sum(submissions_count)::int from ats.roles) as counted, (select count(*)::int from ats.applications) as applications',
    )
    expect(sum!.counted).toBe(sum!.applications)
    expect(sum!.applications).toBeGreaterThan(1000)
  })

  it('fills the demo profiles: company descriptions, recruiter bios and specialisations', async () => {
    const [row] = await query(`select
      (select count(*)::int from ats.companies where description is null) as companies_without_about,
      (select count(*)::int from network.recruiters where bio is null) as recruiters_without_bio,
      (select count(*)::int from network.recruiter_specializations where cardinality(function) = 0) as without_functions`)
    expect(row).toEqual({ companies_without_about: 0, recruiters_without_bio: 0, without_functions: 0 })
  })
})
