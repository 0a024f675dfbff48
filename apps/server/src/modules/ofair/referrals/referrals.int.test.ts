import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { api, type World } from '../../../../../../packages/testing/src/factories/index.ts'
import {
  makeConsumerLead,
  makeProfessional,
  makeProLead,
  ofairPerson,
  propose,
  type TestProfessional,
} from '../../../../../../packages/testing/src/factories/ofair.ts'
import { startTestApp } from '../../../../../../packages/testing/src/test-app.ts'
import { useTestDatabase } from '../../../../../../packages/testing/src/test-database.ts'
import type { RunningApp } from '../../../app.ts'
import { inTransaction } from '../../../kernel/db/transaction.ts'

const database = useTestDatabase()
let app: RunningApp & { baseUrl: string }
let w: World

beforeAll(async () => {
  app = await startTestApp(database.current.url)
  w = { ctx: app.ctx, baseUrl: app.baseUrl }
})
afterAll(async () => app?.stop())

const share = (by: TestProfessional, leadId: string, to: TestProfessional[], percent?: number) =>
  api(w, by.session).post(`/api/ofair/leads/${leadId}/share`, {
    receiver_ids: to.map((p) => p.professionalId),
    ...(percent !== undefined ? { commission_percentage: percent } : {}),
  })

describe('referral chains', () => {
  it('records each level’s share, completes the performer’s chain and caps it at four levels and 90%', async () => {
    const [a, b, c, d, e, f] = await Promise.all(Array.from({ length: 6 }, () => makeProfessional(w)))
    const lead = await makeProLead(w, a!, { referrer_share_percentage: 30 })
    const first = await share(a!, lead.id, [b!, c!])
    expect(first.status).toBe(201)
    expect(
      first.body.data.map((r: { commission_percentage: number; level: number }) => [
        r.level,
        r.commission_percentage,
      ]),
    ).toEqual([
      [1, 30],
      [1, 30],
    ])
    const toB = first.body.data.find((r: { receiver: { id: string } }) => r.receiver.id === b!.professionalId)
    const toC = first.body.data.find((r: { receiver: { id: string } }) => r.receiver.id === c!.professionalId)
    // the receiver sees the offer in their inbox and claims it; the other offer of the level closes
    const inbox = await api(w, b!.session).get('/api/ofair/referrals?direction=received')
    expect(inbox.body.data.map((r: { id: string }) => r.id)).toContain(toB.id)
    expect((await api(w, b!.session).post(`/api/ofair/referrals/${toB.id}/accept`)).body.status).toBe(
      'accepted',
    )
    const cView = (await api(w, c!.session).get('/api/ofair/referrals')).body.data.find(
      (r: { id: string }) => r.id === toC.id,
    )
    expect(cView).toMatchObject({ status: 'rejected', closed_reason: 'claimed_by_other' })
    // the notice reached the receiver
    const offeredNotices = async () =>
      (
        await sql<{ n: number }>`select count(*)::int as n from notifications.inbox
          where user_id = ${b!.id} and type = 'ofair_referral.offered'`.execute(database.current.db)
      ).rows[0]!.n
    await expect.poll(offeredNotices, { timeout: 10_000 }).toBe(1)

    // onward: B keeps 20% (chain 50%), D keeps 30% (chain 80%); E may keep at most 10%
    expect((await share(b!, lead.id, [d!], 20)).body.data[0]).toMatchObject({
      level: 2,
      chain_total_percentage: 50,
    })
    const toD = (await api(w, d!.session).get('/api/ofair/referrals')).body.data[0]
    await api(w, d!.session).post(`/api/ofair/referrals/${toD.id}/accept`)
    expect((await share(d!, lead.id, [e!], 30)).body.data[0]).toMatchObject({
      level: 3,
      chain_total_percentage: 80,
    })
    const toE = (await api(w, e!.session).get('/api/ofair/referrals')).body.data[0]
    await api(w, e!.session).post(`/api/ofair/referrals/${toE.id}/accept`)
    const tooMuch = await share(e!, lead.id, [f!], 15)
    expect({ status: tooMuch.status, code: tooMuch.body.code }).toEqual({
      status: 422,
      code: 'share_too_high',
    })
    expect(tooMuch.body.user_message).toContain('90%')
    const loopA = await share(e!, lead.id, [a!], 5)
    expect(loopA.body.code, JSON.stringify(loopA.body)).toBe('referral_loop')
    const loopB = await share(e!, lead.id, [b!], 5)
    expect(loopB.body.code, JSON.stringify(loopB.body)).toBe('referral_loop')
    expect((await share(e!, lead.id, [e!], 5)).body.code).toBe('self_referral')
    const fourth = await share(e!, lead.id, [f!], 10)
    expect(fourth.body.data[0]).toMatchObject({ level: 4, chain_total_percentage: 90 })
    const toF = (await api(w, f!.session).get('/api/ofair/referrals')).body.data[0]
    await api(w, f!.session).post(`/api/ofair/referrals/${toF.id}/accept`)
    expect((await share(f!, lead.id, [c!], 0)).body.code).toBe('referral_chain_too_long')

    // F performs: proposal, acceptance by A, completion; the whole chain completes
    const p = await propose(w, f!, lead.id, '100000')
    expect(
      (await api(w, a!.session).post(`/api/ofair/proposals/${p.id}/accept`, { consent: true })).status,
    ).toBe(200)
    const below = await api(w, a!.session).post(`/api/ofair/leads/${lead.id}/complete`, {
      final_amount: { amount: '500', currency: 'ILS' },
    })
    expect(below.body.code).toBe('amount_below_minimum')
    const done = await api(w, a!.session).post(`/api/ofair/leads/${lead.id}/complete`, {
      final_amount: { amount: '100000', currency: 'ILS' },
    })
    expect(done.body).toMatchObject({
      status: 'closed',
      close_reason: 'completed',
      final_amount: { amount: '100000', currency: 'ILS' },
    })
    expect(
      done.body.chain
        .filter((r: { status: string }) => r.status === 'completed')
        .map((r: { level: number }) => r.level),
    ).toEqual([1, 2, 3, 4])
  })

  it('refuses to refer a consumer request, and refuses the share for someone not in the chain', async () => {
    const consumer = await ofairPerson(w, 'consumer')
    const [a, b] = [await makeProfessional(w), await makeProfessional(w)]
    const request = await makeConsumerLead(w, consumer, { category_id: 'electricity' })
    expect((await share(a, request.id, [b])).body.code).toBe('lead_not_shareable')
    const lead = await makeProLead(w, a)
    expect((await share(b, lead.id, [a], 10)).body.code).toBe('not_in_chain')
    expect((await share(a, lead.id, [a])).body.code).toBe('self_referral')
  })

  it('lets exactly one of 20 concurrent acceptances of the same offer through, and one of competing offers', async () => {
    const [a, b, c] = [await makeProfessional(w), await makeProfessional(w), await makeProfessional(w)]
    const lead = await makeProLead(w, a)
    const offers = (await share(a, lead.id, [b, c])).body.data
    const toB = offers.find((r: { receiver: { id: string } }) => r.receiver.id === b.professionalId)
    const toC = offers.find((r: { receiver: { id: string } }) => r.receiver.id === c.professionalId)
    const answers = await Promise.all([
      ...Array.from({ length: 20 }, () => api(w, b.session).post(`/api/ofair/referrals/${toB.id}/accept`)),
      ...Array.from({ length: 5 }, () => api(w, c.session).post(`/api/ofair/referrals/${toC.id}/accept`)),
    ])
    expect(answers.filter((x) => x.status === 200)).toHaveLength(1)
    const claims = await sql<{
      n: number
    }>`select count(*)::int as n from ofair.referrals where lead_id = ${lead.id} and status = 'accepted'`.execute(
      database.current.db,
    )
    expect(claims.rows[0]!.n).toBe(1)
  })

  it('records one offer when the same referral is sent 20 times at once', async () => {
    const [a, b] = [await makeProfessional(w), await makeProfessional(w)]
    const lead = await makeProLead(w, a)
    const answers = await Promise.all(Array.from({ length: 20 }, () => share(a, lead.id, [b])))
    expect(answers.filter((x) => x.status === 201)).toHaveLength(1)
    for (const x of answers.filter((y) => y.status !== 201)) {
      expect(x.status).toBe(409)
      expect(x.body.user_message).toMatch(/[א-ת]/)
    }
    const offers = await sql<{
      n: number
    }>`select count(*)::int as n from ofair.referrals where lead_id = ${lead.id}`.execute(database.current.db)
    expect(offers.rows[0]!.n).toBe(1)
  })

  it('keeps the chain total at most 90% under 20 concurrent onward shares', async () => {
    const [a, b] = [await makeProfessional(w), await makeProfessional(w)]
    const receivers = await Promise.all(Array.from({ length: 20 }, () => makeProfessional(w)))
    const lead = await makeProLead(w, a, { referrer_share_percentage: 50 })
    const toB = (await share(a, lead.id, [b])).body.data[0]
    await api(w, b.session).post(`/api/ofair/referrals/${toB.id}/accept`)
    const answers = await Promise.all(receivers.map((r, i) => share(b, lead.id, [r], i % 2 ? 40 : 45)))
    expect(answers.filter((x) => x.status === 201)).toHaveLength(10)
    const max = await sql<{
      m: number
    }>`select max(chain_total_bps)::int as m from ofair.referrals where lead_id = ${lead.id}`.execute(
      database.current.db,
    )
    expect(max.rows[0]!.m).toBe(9000)
  })
})

describe('row-level security on clients’ details', () => {
  it('gives another professional nothing from the client tables, whatever the query', async () => {
    const [owner, other] = [await makeProfessional(w), await makeProfessional(w)]
    const lead = await makeProLead(w, owner)
    const asOther = { kind: 'user' as const, userId: other.id, roles: ['professional'] }
    const rows = await inTransaction(app.ctx.db, asOther, async (tx) => ({
      pro: (await sql`select * from ofair.professional_leads`.execute(tx)).rows.length,
      consumer: (await sql`select * from ofair.consumer_leads`.execute(tx)).rows.length,
      read: (await sql`select * from ofair.read_client_details(${lead.id}::uuid, null, null)`.execute(tx))
        .rows.length,
    }))
    expect(rows).toEqual({ pro: 0, consumer: 0, read: 0 })
    const asOwner = { kind: 'user' as const, userId: owner.id, roles: ['professional'] }
    const mine = await inTransaction(
      app.ctx.db,
      asOwner,
      async (tx) => (await sql`select lead_id from ofair.professional_leads`.execute(tx)).rows.length,
    )
    expect(mine).toBe(1)
    // the other professional cannot reveal it to themselves through the accept function either
    const forge = await inTransaction(app.ctx.db, asOther, async (tx) =>
      sql`select * from ofair.accept_proposal(gen_random_uuid(), 'x', null, null)`.execute(tx).then(
        () => 'accepted',
        (err: { code?: string }) => err.code,
      ),
    )
    expect(forge).toBe('OF404')
  })

  it('keeps client columns out of the board’s view', async () => {
    const columns = await sql<{ column_name: string }>`select column_name from information_schema.columns
      where table_schema = 'ofair' and table_name = 'public_leads'`.execute(database.current.db)
    const names = columns.rows.map((c) => c.column_name)
    expect(names).toContain('title')
    for (const c of names) expect(c).not.toMatch(/client|phone|address|name$|created_by_user/)
  })

  it('answers no route with the client’s phone to a professional who did not win', async () => {
    const consumer = await ofairPerson(w, 'consumer')
    const [winner, other] = [
      await makeProfessional(w, { profession_category_id: 'plumbing' }),
      await makeProfessional(w, { profession_category_id: 'plumbing' }),
    ]
    const lead = await makeConsumerLead(w, consumer)
    const p = await propose(w, winner, lead.id)
    await propose(w, other, lead.id)
    await api(w, consumer.session).post(`/api/ofair/proposals/${p.id}/accept`, { consent: true })
    const paths = [
      `/api/ofair/leads/${lead.id}`,
      `/api/ofair/leads/${lead.id}/client`,
      `/api/ofair/leads/${lead.id}/proposals`,
      '/api/ofair/leads/public?limit=100',
      '/api/ofair/leads/mine',
      '/api/ofair/proposals/mine',
      '/api/ofair/referrals',
      `/api/ofair/professionals/${winner.professionalId}`,
      `/api/ofair/professionals/${other.professionalId}`,
    ]
    const national = `0${consumer.phone!.slice(4)}`
    for (const path of paths) {
      const r = await api(w, other.session).get(path)
      expect({
        path,
        leaked: JSON.stringify(r.body).includes(consumer.phone!) || JSON.stringify(r.body).includes(national),
      }).toEqual({
        path,
        leaked: false,
      })
    }
  })
})
