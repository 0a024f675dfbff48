import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedContext } from '../../../../../../packages/testing/src/seed-context.ts'
import { useTestDatabase } from '../../../../../../packages/testing/src/test-database.ts'
import { FixedClock } from '../../../kernel/clock.ts'
import type { AppContext } from '../../../kernel/context.ts'
import type { DatabaseHandle } from '../../../kernel/db/database.ts'
import { inTransaction, systemActor } from '../../../kernel/db/transaction.ts'
import { demoPersonasSeed } from '../../identity/seed.ts'
import { anonymousOfairCaller } from '../caller.ts'
import type { OfairTx } from '../database.ts'
import { syncReferenceData } from '../reference/reference-data.ts'
import { demoOfairSeed } from '../seed/demo-ofair.ts'
import { demoSettlementSeed } from '../settlement/seed.ts'
import { createPayoutBatch } from './payouts.ts'
import { demoCollectionSeed } from './seed.ts'

const database = useTestDatabase()
let ctx: AppContext
let handle: DatabaseHandle

beforeAll(async () => {
  ;({ ctx, database: handle } = seedContext(database.current.url, {
    clock: new FixedClock('2026-06-01T08:30:00Z'),
  }))
  await syncReferenceData(ctx)
  await demoPersonasSeed.run(ctx, () => {})
  await demoOfairSeed.run(ctx, () => {})
  await demoSettlementSeed.run(ctx, () => {})
}, 60_000)
afterAll(async () => handle?.close())

describe('OFAIR payments demo seed', () => {
  it('gives the professionals who are owed money a payout preference and once', async () => {
    const t = performance.now()
    const first = await demoCollectionSeed.run(ctx, () => {})
    const ms = performance.now() - t
    console.info(
      `ofair.demo_payout_preferences: ${Math.round(ms)} ms (the start-up budget is measured by bench/startup.ts)`,
    )
    expect(first!.preferences).toBeGreaterThan(0)
    expect(await demoCollectionSeed.run(ctx, () => {})).toEqual({ preferences: 0 })
    // the admin's batch has transfers in it (made as the system here)
    const batch = await inTransaction(ctx.db, systemActor('test'), (tx) =>
      createPayoutBatch(ctx, tx as unknown as OfairTx, {
        ...anonymousOfairCaller,
        userId: '00000000-0000-7000-8000-000000000000',
        isAdmin: true,
      }),
    )
    expect(batch.created).toBe(true)
    expect(batch.batch.items.length).toBeGreaterThan(0)
    expect(batch.batch.items.every((i) => i.bank.account_masked.startsWith('••••'))).toBe(true)
  })
})
