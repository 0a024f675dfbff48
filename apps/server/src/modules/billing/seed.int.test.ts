import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedContext } from '../../../../../packages/testing/src/seed-context.ts'
import { useTestDatabase } from '../../../../../packages/testing/src/test-database.ts'
import { FixedClock } from '../../kernel/clock.ts'
import type { AppContext } from '../../kernel/context.ts'
import type { DatabaseHandle } from '../../kernel/db/database.ts'
import { demoPersonasSeed } from '../identity/seed.ts'
import { reconcileLedger } from '../ledger/index.ts'
import { demoMarketplaceSeed } from '../recruiting/seed/demo-marketplace.ts'
import { verifyPayoutAuditChain } from './payout-audit.ts'
import { billingDemoSeed } from './seed.ts'

/** The demo data has invoices in every state, payments, fall-offs, and it all reconciles. */
const database = useTestDatabase()
const clock = new FixedClock('2026-12-01T09:00:00Z')
let ctx: AppContext
let handle: DatabaseHandle
let detail: Record<string, unknown> | undefined
let ms = 0

beforeAll(async () => {
  ;({ ctx, database: handle } = seedContext(database.current.url, { clock: clock }))
  await demoPersonasSeed.run(ctx, () => {})
  await demoMarketplaceSeed.run(ctx, () => {})
  const t = performance.now()
  detail = await billingDemoSeed.run(ctx, () => {})
  ms = performance.now() - t
}, 120_000)
afterAll(async () => handle?.close())

const query = async <T = Record<string, unknown>>(text: string) =>
  (await database.current.pool.query(text)).rows as T[]

describe('billing demo data', () => {
  it('invoices every placement and shows invoices in every state', async () => {
    const placements = await query<{ n: number }>('select count(*)::int as n from ats.placements')
    expect(detail).toMatchObject({ statements: placements[0]!.n, invoices: placements[0]!.n })
    const states = await query<{ state: string; n: number }>(`
      select case when status in ('open', 'partially_paid') and due_on < '2026-12-01' then 'overdue' else status end as state,
             count(*)::int as n from billing.invoices group by 1`)
    const by = Object.fromEntries(states.map((s) => [s.state, s.n]))
    for (const state of ['paid', 'partially_paid', 'open', 'overdue', 'void']) {
      expect(by[state] ?? 0, state).toBeGreaterThan(0)
    }
    const methods = await query<{ method: string }>(`select distinct method from billing.payments order by 1`)
    expect(methods.map((m) => m.method)).toEqual(['bank_transfer', 'card'])
    console.info(`billing.demo: ${Math.round(ms)} ms (the start-up budget is measured by bench/startup.ts)`)
  })

  it('numbers invoices without gaps per year and reconciles, audit chain included', async () => {
    const gaps = await query<{ year: number; n: number; top: number }>(
      `select year, count(*)::int as n, max(seq)::int as top from billing.invoices where number is not null group by year`,
    )
    for (const g of gaps) expect(g.top, String(g.year)).toBe(g.n)
    const proof = await reconcileLedger(ctx.db)
    expect(proof.checks.filter((c) => !c.ok)).toEqual([])
    expect((await verifyPayoutAuditChain(ctx.db)).ok).toBe(true)
  })
})
