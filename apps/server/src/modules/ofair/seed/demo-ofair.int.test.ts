import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedContext } from '../../../../../../packages/testing/src/seed-context.ts'
import { useTestDatabase } from '../../../../../../packages/testing/src/test-database.ts'
import { FixedClock } from '../../../kernel/clock.ts'
import type { AppContext } from '../../../kernel/context.ts'
import type { DatabaseHandle } from '../../../kernel/db/database.ts'
import { inTransaction } from '../../../kernel/db/transaction.ts'
import { demoPersonasSeed } from '../../identity/seed.ts'
import type { OfairDatabase } from '../database.ts'
import { leadBoard } from '../leads/board.ts'
import { syncReferenceData } from '../reference/reference-data.ts'
import { demoOfairSeed } from './demo-ofair.ts'

const database = useTestDatabase()
let ctx: AppContext
let handle: DatabaseHandle
let first: Record<string, unknown> | undefined
let firstMs = 0

/** The superuser connection of the test database: every row, whatever the policies. */
const query = async <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
  (await database.current.pool.query(text, params)).rows as T[]

beforeAll(async () => {
  ;({ ctx, database: handle } = seedContext(database.current.url, {
    clock: new FixedClock('2026-06-01T08:30:00Z'),
  }))
  await syncReferenceData(ctx)
  await demoPersonasSeed.run(ctx, () => {})
  const t = performance.now()
  first = await demoOfairSeed.run(ctx, () => {})
  firstMs = performance.now() - t
}, 60_000)
afterAll(async () => handle?.close())

describe('OFAIR demo seed', () => {
  it('loads professionals, consumers and 400 leads in every state in well under a second or two', async () => {
    expect(first).toMatchObject({ leads: 400 })
    console.info(
      `ofair.demo: ${Math.round(firstMs)} ms (the start-up budget is measured by bench/startup.ts)`,
    )
    const [c] = await query<Record<string, number>>(`select
      (select count(*)::int from ofair.professionals) as pros,
      (select count(distinct profession_category_id)::int from ofair.professionals) as trades,
      (select count(distinct base_locality_id)::int from ofair.professionals) as places,
      (select count(*)::int from ofair.leads) as leads,
      (select count(*)::int from ofair.leads where status = 'active') as active,
      (select count(*)::int from ofair.leads where status = 'pending') as pending,
      (select count(*)::int from ofair.leads where close_reason = 'completed') as completed,
      (select count(*)::int from ofair.leads where close_reason = 'cancelled') as cancelled,
      (select count(*)::int from ofair.consumer_leads) + (select count(*)::int from ofair.professional_leads) as details,
      (select count(distinct status)::int from ofair.referrals) as referral_states,
      (select max(level)::int from ofair.referrals) as deepest,
      (select max(chain_total_bps)::int from ofair.referrals) as max_total,
      (select count(distinct status)::int from ofair.proposals) as proposal_states,
      (select count(*)::int from ofair.proposals where status = 'accepted') as accepted,
      (select count(*)::int from ofair.phone_revelations) as revelations,
      (select count(*)::int from ofair.contact_access_logs where action = 'revealed') as logged`)
    expect(c!.pros).toBe(82)
    expect(c!.trades).toBeGreaterThanOrEqual(15)
    expect(c!.places).toBeGreaterThanOrEqual(20)
    expect(c!.leads).toBe(400)
    expect(c!.details).toBe(400)
    for (const k of ['active', 'pending', 'completed', 'cancelled']) expect(c![k], k).toBeGreaterThan(10)
    expect(c!.referral_states).toBe(4)
    expect(c!.deepest).toBeGreaterThanOrEqual(2)
    expect(c!.max_total).toBeLessThanOrEqual(9000)
    expect(c!.proposal_states).toBe(4)
    expect(c!.revelations).toBe(c!.accepted)
    expect(c!.logged).toBe(c!.accepted)
    // the board's counter agrees with the proposals
    const [drift] = await query<{ n: number }>(`select count(*)::int as n from ofair.leads l
      where proposals_count <> (select count(*) from ofair.proposals p where p.lead_id = l.id and p.status in ('pending', 'accepted'))`)
    expect(drift!.n).toBe(0)
  })

  it('gives the persona professionals a busy board, and the consumer persona her requests', async () => {
    for (const phone of ['+972523456789', '+972542345678']) {
      const [pro] = await query<{ user_id: string; id: string }>(
        `select p.user_id, p.id from ofair.professionals p join identity.user_contacts c on c.user_id = p.user_id where c.phone = $1`,
        [phone],
      )
      const board = await inTransaction<Awaited<ReturnType<typeof leadBoard>>, OfairDatabase>(
        ctx.db,
        { kind: 'user', userId: pro!.user_id, roles: ['professional'] },
        (tx) =>
          leadBoard(
            tx,
            {
              principal: null,
              userId: pro!.user_id,
              professionalId: pro!.id,
              isAdmin: false,
              isConsumer: false,
              isProfessional: true,
            },
            { limit: 20 },
          ),
      )
      expect(board.data.length, phone).toBeGreaterThanOrEqual(10)
      expect(JSON.stringify(board)).not.toMatch(/\+972/)
    }
    const [yael] = await query<{ n: number }>(`select count(*)::int as n from ofair.leads l
      join identity.user_contacts c on c.user_id = l.created_by_user_id where c.phone = '+972502345678'`)
    expect(yael!.n).toBeGreaterThanOrEqual(3)
  })

  it('changes nothing when run again', async () => {
    expect(await demoOfairSeed.run(ctx, () => {})).toEqual({ skipped: 'already applied' })
  })
})
