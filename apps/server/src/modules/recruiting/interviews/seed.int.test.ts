import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedContext } from '../../../../../../packages/testing/src/seed-context.ts'
import { useTestDatabase } from '../../../../../../packages/testing/src/test-database.ts'
import { FixedClock } from '../../../kernel/clock.ts'
import type { AppContext } from '../../../kernel/context.ts'
import type { DatabaseHandle } from '../../../kernel/db/database.ts'
import { inTransaction, systemActor } from '../../../kernel/db/transaction.ts'
import { demoPersonasSeed } from '../../identity/seed.ts'
import type { RecruitingDatabase } from '../database.ts'
import { demoMarketplaceSeed } from '../seed/demo-marketplace.ts'
import { demoInterviewsSeed } from './seed.ts'

const database = useTestDatabase()
const clock = new FixedClock('2026-06-01T08:30:00Z')
let ctx: AppContext
let handle: DatabaseHandle

beforeAll(async () => {
  ;({ ctx, database: handle } = seedContext(database.current.url, { clock }))
  await demoPersonasSeed.run(ctx, () => {})
  await demoMarketplaceSeed.run(ctx, () => {})
}, 120_000)
afterAll(async () => handle?.close())

describe('demo interviews', () => {
  it('adds four interviews on Acme’s applications from Rachel, fast, once', async () => {
    const started = performance.now()
    const first = await demoInterviewsSeed.run(ctx, () => {})
    const ms = performance.now() - started
    console.log(`demo interviews seed: ${ms.toFixed(0)} ms`)
    expect(first).toEqual({ interviews: 4 })
    // measured 307-312 ms on the shared, busy test machine (about 20 round trips); generous bound
    expect(ms).toBeLessThan(1500)
    expect(await demoInterviewsSeed.run(ctx, () => {})).toEqual({ skipped: 'already applied' })
    const rows = await inTransaction<{ status: string; awaiting: string | null }[], RecruitingDatabase>(
      ctx.db,
      systemActor('test'),
      (tx) => tx.selectFrom('ats.interviews').select(['status', 'awaiting']).orderBy('created_at').execute(),
    )
    expect(rows.map((r) => `${r.status}:${r.awaiting ?? ''}`).sort()).toEqual([
      'completed:',
      'confirmed:',
      'proposed:recruiter',
      'proposed:team',
    ])
  })
})
