import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedContext } from '../../../../../../packages/testing/src/seed-context.ts'
import { useTestDatabase } from '../../../../../../packages/testing/src/test-database.ts'
import { FixedClock } from '../../../kernel/clock.ts'
import type { AppContext } from '../../../kernel/context.ts'
import type { DatabaseHandle } from '../../../kernel/db/database.ts'
import { demoPersonasSeed } from '../../identity/seed.ts'
import { demoMarketplaceSeed } from '../seed/demo-marketplace.ts'
import { demoConversationsSeed } from './seed.ts'

const database = useTestDatabase()
let ctx: AppContext
let handle: DatabaseHandle

beforeAll(async () => {
  ;({ ctx, database: handle } = seedContext(database.current.url, {
    clock: new FixedClock('2026-06-01T08:30:00Z'),
  }))
  await demoPersonasSeed.run(ctx, () => {})
  await demoMarketplaceSeed.run(ctx, () => {})
})
afterAll(async () => handle?.close())

const query = async <T = Record<string, unknown>>(text: string) =>
  (await database.current.pool.query(text)).rows as T[]

describe('demo conversations', () => {
  it('gives Rachel and Tom application threads and role questions, fast, once', async () => {
    const t = performance.now()
    const first = await demoConversationsSeed.run(ctx, () => {})
    const ms = performance.now() - t
    console.info(`recruiting.demo_conversations: ${Math.round(ms)} ms`, first)
    expect(first).toMatchObject({ role_threads: 4, conversations: 10, messages: 26 })
    // a handful of set-based statements in one transaction (≈ 0.1-0.2 s on an idle machine; the
    // bound only catches a per-row loop creeping in on the shared, loaded test machines)
    expect(ms).toBeLessThan(1000)
    const [counts] = await query<{ conversations: number; threads: number }>(`select
      (select count(*)::int from conversations.conversations where subject_kind like 'splits_%') as conversations,
      (select count(*)::int from ats.role_question_threads) as threads`)
    expect(counts).toEqual({ conversations: Number(first?.conversations), threads: 4 })
    // every message's sender takes part in its conversation
    const [orphans] = await query<{ n: number }>(`select count(*)::int as n from conversations.messages m
      where not exists (select 1 from conversations.participants p
                         where p.conversation_id = m.conversation_id and p.user_id = m.sender_user_id)`)
    expect(orphans!.n).toBe(0)
    const again = await demoConversationsSeed.run(ctx, () => {})
    expect(again).toMatchObject({ messages: 0, role_threads: 0 })
  })
})
