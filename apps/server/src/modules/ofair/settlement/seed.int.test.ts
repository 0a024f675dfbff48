import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedContext } from '../../../../../../packages/testing/src/seed-context.ts'
import { useTestDatabase } from '../../../../../../packages/testing/src/test-database.ts'
import { FixedClock } from '../../../kernel/clock.ts'
import type { AppContext } from '../../../kernel/context.ts'
import type { DatabaseHandle } from '../../../kernel/db/database.ts'
import { demoPersonasSeed } from '../../identity/seed.ts'
import { reconcileLedger } from '../../ledger/index.ts'
import { syncReferenceData } from '../reference/reference-data.ts'
import { demoOfairSeed } from '../seed/demo-ofair.ts'
import { demoSettlementSeed } from './seed.ts'

const database = useTestDatabase()
let ctx: AppContext
let handle: DatabaseHandle
let first: Record<string, unknown> | undefined
let firstMs = 0

const query = async <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
  (await database.current.pool.query(text, params)).rows as T[]

beforeAll(async () => {
  ;({ ctx, database: handle } = seedContext(database.current.url, {
    clock: new FixedClock('2026-06-01T08:30:00Z'),
  }))
  await syncReferenceData(ctx)
  await demoPersonasSeed.run(ctx, () => {})
  await demoOfairSeed.run(ctx, () => {})
  const t = performance.now()
  first = await demoSettlementSeed.run(ctx, () => {})
  firstMs = performance.now() - t
}, 60_000)
afterAll(async () => handle?.close())

describe('OFAIR demo settlement seed', () => {
  it('settles every completed demo job, the electrician persona’s among them and reconciled', async () => {
    const [c] = await query<Record<string, number>>(`select
      (select count(*)::int from ofair.leads where close_reason = 'completed') as completed,
      (select count(*)::int from ofair.lead_payments where status = 'confirmed') as payments,
      (select count(*)::int from ofair.lead_payments where settlement_posting_id is not null) as posted,
      (select count(*)::int from ofair.lead_payments
        where platform_commission_minor + referrer_fee_minor + professional_net_amount_minor <> final_amount_minor) as unbalanced,
      (select count(distinct to_char(confirmed_at, 'YYYY-MM'))::int from ofair.lead_payments) as months`)
    expect(c!.completed).toBeGreaterThan(20)
    expect(c).toMatchObject({ payments: c!.completed, posted: c!.completed, unbalanced: 0 })
    expect(c!.months).toBeGreaterThan(1)
    expect(first).toMatchObject({ payments: c!.completed })
    // the electrician persona (+972523456789) takes part in settled jobs: his wallet is not empty
    const [persona] = await query<{ n: number }>(`
      select count(*)::int as n from ledger.accounts a
        join ofair.professionals p on p.id::text = a.owner_id
        join identity.user_contacts uc on uc.user_id = p.user_id and uc.phone = '+972523456789'
       where a.book = 'ofair'`)
    expect(persona!.n).toBeGreaterThan(0)
    console.log(`ofair.demo_settlement: ${JSON.stringify(first)} in ${Math.round(firstMs)} ms`)
    const r = await reconcileLedger(ctx.db)
    expect(r.checks.filter((x) => !x.ok)).toEqual([])
  })

  it('running it again changes nothing', async () => {
    expect(await demoSettlementSeed.run(ctx, () => {})).toEqual({ skipped: 'nothing to settle' })
  })
})
