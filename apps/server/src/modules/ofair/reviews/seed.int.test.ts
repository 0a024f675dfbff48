import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedContext } from '../../../../../../packages/testing/src/seed-context.ts'
import { useTestDatabase } from '../../../../../../packages/testing/src/test-database.ts'
import { FixedClock } from '../../../kernel/clock.ts'
import type { AppContext } from '../../../kernel/context.ts'
import type { DatabaseHandle } from '../../../kernel/db/database.ts'
import { demoPersonasSeed } from '../../identity/seed.ts'
import { syncReferenceData } from '../reference/reference-data.ts'
import { demoOfairSeed } from '../seed/demo-ofair.ts'
import { demoSettlementSeed } from '../settlement/seed.ts'
import { demoReviewsSeed } from './seed.ts'

const database = useTestDatabase()
let ctx: AppContext
let handle: DatabaseHandle
let first: Record<string, unknown> | undefined
let firstMs = 0

const query = async <T = Record<string, unknown>>(text: string) =>
  (await database.current.pool.query(text)).rows as T[]

beforeAll(async () => {
  ;({ ctx, database: handle } = seedContext(database.current.url, {
    clock: new FixedClock('2026-06-01T08:30:00Z'),
  }))
  await syncReferenceData(ctx)
  await demoPersonasSeed.run(ctx, () => {})
  await demoOfairSeed.run(ctx, () => {})
  await demoSettlementSeed.run(ctx, () => {})
  const t = performance.now()
  first = await demoReviewsSeed.run(ctx, () => {})
  firstMs = performance.now() - t
}, 60_000)
afterAll(async () => handle?.close())

describe('OFAIR demo reviews and projects seed', () => {
  it('reviews most confirmed jobs, hides one, and every aggregate equals its visible reviews', async () => {
    const [c] = await query<Record<string, number>>(`select
      (select count(*)::int from ofair.lead_payments where status = 'confirmed') as confirmed,
      (select count(*)::int from ofair.professional_reviews) as reviews,
      (select count(*)::int from ofair.professional_reviews where hidden_at is not null) as hidden,
      (select count(*)::int from ofair.professional_reviews where reply_body is not null) as replies,
      (select count(*)::int from ofair.professionals p
        left join lateral (select coalesce(sum(r.rating), 0)::int as s, count(r.id)::int as n
                             from ofair.professional_reviews r
                            where r.professional_id = p.id and r.hidden_at is null) a on true
        where p.rating_sum <> a.s or p.review_count <> a.n) as wrong_aggregates,
      (select count(*)::int from ofair.proposals p join ofair.leads l on l.accepted_proposal_id = p.id
        where p.status = 'accepted' and not exists (select 1 from ofair.projects x where x.proposal_id = p.id)) as without_project,
      (select count(*)::int from ofair.project_milestones) as milestones`)
    expect(c!.reviews).toBeGreaterThan((c!.confirmed ?? 0) / 2)
    expect(c).toMatchObject({ hidden: 1, wrong_aggregates: 0, without_project: 0 })
    expect(c!.replies).toBeGreaterThan(0)
    expect(c!.milestones).toBeGreaterThan(0)
    expect(first).toMatchObject({ reviews: c!.reviews, hidden: 1 })
    console.info(`ofair.demo_reviews: ${JSON.stringify(first)} in ${firstMs.toFixed(0)} ms`)
  })

  it('running it again changes nothing', async () => {
    const again = await demoReviewsSeed.run(ctx, () => {})
    expect(again).toMatchObject({ reviews: 0, hidden: 0, projects: 0 })
  })
})
