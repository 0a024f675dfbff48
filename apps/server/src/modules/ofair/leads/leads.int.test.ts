import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { api, type World } from '../../../../../../packages/testing/src/factories/index.ts'
import {
  BEERSHEBA,
  consumerLeadBody,
  makeConsumerLead,
  makeProfessional,
  makeProLead,
  ofairAdmin,
  ofairPerson,
  proLeadBody,
  propose,
} from '../../../../../../packages/testing/src/factories/ofair.ts'
import { startTestApp } from '../../../../../../packages/testing/src/test-app.ts'
import { useTestDatabase } from '../../../../../../packages/testing/src/test-database.ts'
import type { RunningApp } from '../../../app.ts'
import { FixedClock } from '../../../kernel/clock.ts'

const database = useTestDatabase()
const clock = new FixedClock('2026-05-04T09:00:00Z')
let app: RunningApp & { baseUrl: string }
let w: World

beforeAll(async () => {
  app = await startTestApp(database.current.url, { clock })
  w = { ctx: app.ctx, baseUrl: app.baseUrl }
})
afterAll(async () => app?.stop())

const accessLogCount = async (leadId: string) =>
  Number(
    (
      await sql<{
        n: number
      }>`select count(*)::int as n from ofair.contact_access_logs where lead_id = ${leadId}`.execute(
        database.current.db,
      )
    ).rows[0]!.n,
  )

describe('a consumer request, proposals and the protected reveal', () => {
  it('reveals the client only to the owner and the accepted winner, logging each read', async () => {
    const consumer = await ofairPerson(w, 'consumer', 'יעל לבדיקה')
    const [a, b] = [
      await makeProfessional(w, { profession_category_id: 'plumbing' }),
      await makeProfessional(w, { profession_category_id: 'plumbing' }),
    ]
    const lead = await makeConsumerLead(w, consumer)
    expect(lead).toMatchObject({
      status: 'active',
      type: 'consumer',
      is_owner: true,
      platform_commission_percentage: 10,
    })
    expect(JSON.stringify(lead)).not.toContain(consumer.phone!)

    const pa = await propose(w, a, lead.id, '45000')
    const pb = await propose(w, b, lead.id, '52000')
    // the owner sees both proposals, each professional only their own
    expect(
      (await api(w, consumer.session).get(`/api/ofair/leads/${lead.id}/proposals`)).body.data,
    ).toHaveLength(2)
    const onlyMine = (await api(w, a.session).get(`/api/ofair/leads/${lead.id}/proposals`)).body.data
    expect(onlyMine.map((p: { id: string }) => p.id)).toEqual([pa.id])

    // before acceptance nobody but the owner sees the client; refusals leave no log
    expect((await api(w, a.session).get(`/api/ofair/leads/${lead.id}/client`)).status).toBe(403)
    expect(await accessLogCount(lead.id)).toBe(0)

    const accepted = await api(w, consumer.session).post(`/api/ofair/proposals/${pa.id}/accept`, {
      consent: true,
    })
    expect(accepted.status).toBe(200)
    expect(accepted.body).toMatchObject({ status: 'pending', accepted_proposal_id: pa.id })
    const revealLogs = await sql<{
      accessor_role: string
      action: string
    }>`select accessor_role, action from ofair.contact_access_logs where lead_id = ${lead.id}`.execute(
      database.current.db,
    )
    expect(revealLogs.rows).toEqual([{ accessor_role: 'owner', action: 'revealed' }])
    const revelation = await sql<{ ip: string | null; user_agent: string | null; consent_text: string }>`
      select host(ip) as ip, user_agent, consent_text from ofair.phone_revelations where lead_id = ${lead.id}`.execute(
      database.current.db,
    )
    expect(revelation.rows[0]).toMatchObject({ ip: '127.0.0.1' })
    expect(revelation.rows[0]!.user_agent).toBeTruthy()

    const winnerView = await api(w, a.session).get(`/api/ofair/leads/${lead.id}/client`)
    expect(winnerView.status).toBe(200)
    expect(winnerView.body).toMatchObject({
      client_phone: consumer.phone,
      client_name: 'לקוחה לבדיקה',
      seen_as: 'winner',
    })
    expect(winnerView.body.client_address).toContain('תל אביב')
    const loser = await api(w, b.session).get(`/api/ofair/leads/${lead.id}/client`)
    expect({ status: loser.status, code: loser.body.code }).toEqual({ status: 403, code: 'forbidden' })
    expect(loser.body.user_message).toMatch(/[א-ת]/)
    expect(await accessLogCount(lead.id)).toBe(2) // the reveal and the winner's read
    const declined = (await api(w, b.session).get(`/api/ofair/leads/${lead.id}/proposals`)).body.data[0]
    expect(declined).toMatchObject({ id: pb.id, status: 'rejected', rejected_reason: 'another_accepted' })

    // admins read too, and their reads are logged; the access log lists every entry
    const admin = await ofairAdmin(w)
    expect((await api(w, admin.session).get(`/api/ofair/leads/${lead.id}/client`)).body.seen_as).toBe('admin')
    const logs = await api(w, admin.session).get(`/api/ofair/admin/contact-access-logs?lead_id=${lead.id}`)
    expect(
      logs.body.data.map((l: { accessor_role: string; action: string }) => `${l.accessor_role}:${l.action}`),
    ).toEqual(['admin:viewed', 'winner:viewed', 'owner:revealed'])
  })

  it('refuses bad input with a stable code and a Hebrew message, changing nothing', async () => {
    const consumer = await ofairPerson(w, 'consumer')
    const pro = await makeProfessional(w)
    const before = Number(
      (await sql<{ n: number }>`select count(*)::int as n from ofair.leads`.execute(database.current.db))
        .rows[0]!.n,
    )
    const cases: [unknown, string, number, string][] = [
      [proLeadBody({ referrer_share_percentage: 95 }), 'share_too_high', 422, 'pro'],
      [proLeadBody({ client_phone: '02-123-4567' }), 'invalid_phone', 400, 'pro'],
      [proLeadBody({ client_phone: '050-12' }), 'invalid_phone', 400, 'pro'],
      [proLeadBody({ locality_id: 999999 }), 'unknown_locality', 422, 'pro'],
      [proLeadBody({ category_id: 'astrology' }), 'unknown_category', 422, 'pro'],
      [proLeadBody({ referrer_share_percentage: -1 }), 'validation_failed', 400, 'pro'],
      [consumerLeadBody({ locality_id: 123456 }), 'unknown_locality', 422, 'consumer'],
      [consumerLeadBody({ title: '' }), 'validation_failed', 400, 'consumer'],
    ]
    for (const [body, code, status, who] of cases) {
      const r = await api(w, who === 'pro' ? pro.session : consumer.session).post('/api/ofair/leads', body)
      expect({ code: r.body.code, status: r.status }).toEqual({ code, status })
      expect(r.body.user_message).toMatch(/[א-ת]/)
    }
    const after = Number(
      (await sql<{ n: number }>`select count(*)::int as n from ofair.leads`.execute(database.current.db))
        .rows[0]!.n,
    )
    expect(after).toBe(before)
  })

  it('refuses proposals on one’s own lead and accepting on a closed or someone else’s lead', async () => {
    const [owner, other] = [await makeProfessional(w), await makeProfessional(w)]
    const lead = await makeProLead(w, owner)
    const own = await api(w, owner.session).post(`/api/ofair/leads/${lead.id}/proposals`, {
      price: { amount: '1000', currency: 'ILS' },
      description: 'x',
    })
    expect(own.body.code).toBe('own_lead')
    const p = await propose(w, other, lead.id)
    // someone else's lead: the proposer may not accept their own proposal
    const byProposer = await api(w, other.session).post(`/api/ofair/proposals/${p.id}/accept`, {
      consent: true,
    })
    expect(byProposer.status).toBe(403)
    expect((await api(w, owner.session).post(`/api/ofair/leads/${lead.id}/cancel`, {})).body.status).toBe(
      'closed',
    )
    const onClosed = await api(w, owner.session).post(`/api/ofair/proposals/${p.id}/accept`, {
      consent: true,
    })
    expect({ status: onClosed.status, code: onClosed.body.code }).toEqual({
      status: 409,
      code: 'lead_not_open',
    })
  })

  it('accepts one proposal under 20 concurrent identical requests', async () => {
    const consumer = await ofairPerson(w, 'consumer')
    const pro = await makeProfessional(w, { profession_category_id: 'plumbing' })
    const lead = await makeConsumerLead(w, consumer)
    const p = await propose(w, pro, lead.id)
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        api(w, consumer.session).post(`/api/ofair/proposals/${p.id}/accept`, { consent: true }),
      ),
    )
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1)
    expect(new Set(answers.filter((a) => a.status !== 200).map((a) => a.body.code))).toEqual(
      new Set(['lead_not_open']),
    )
    const revelations = await sql<{
      n: number
    }>`select count(*)::int as n from ofair.phone_revelations where lead_id = ${lead.id}`.execute(
      database.current.db,
    )
    expect(revelations.rows[0]!.n).toBe(1)
  })

  it('keeps one live proposal per professional and lead under 20 concurrent requests', async () => {
    const consumer = await ofairPerson(w, 'consumer')
    const pro = await makeProfessional(w, { profession_category_id: 'plumbing' })
    const lead = await makeConsumerLead(w, consumer)
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        api(w, pro.session).post(`/api/ofair/leads/${lead.id}/proposals`, {
          price: { amount: '30000', currency: 'ILS' },
          description: 'אותה הצעה',
        }),
      ),
    )
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1)
    expect(new Set(answers.filter((a) => a.status !== 201).map((a) => a.body.code))).toEqual(
      new Set(['duplicate_proposal']),
    )
    const detail = await api(w, consumer.session).get(`/api/ofair/leads/${lead.id}`)
    expect(detail.body.proposals_count).toBe(1)
  })
})

describe('the lead board', () => {
  it('shows nearby leads of the professional’s categories without client details, pinned first', async () => {
    const consumer = await ofairPerson(w, 'consumer')
    const pro = await makeProfessional(w, { profession_category_id: 'plumbing', service_radius_km: 20 })
    const near = await makeConsumerLead(w, consumer, { title: 'קרוב לתל אביב' })
    const far = await makeConsumerLead(w, consumer, { title: 'רחוק בבאר שבע', locality_id: BEERSHEBA })
    const otherCategory = await makeConsumerLead(w, consumer, { title: 'חשמל', category_id: 'electricity' })
    const board = await api(w, pro.session).get('/api/ofair/leads/public?limit=100')
    expect(board.status).toBe(200)
    const ids = board.body.data.map((l: { id: string }) => l.id)
    expect(ids).toContain(near.id)
    expect(ids).not.toContain(far.id)
    expect(ids).not.toContain(otherCategory.id)
    const card = board.body.data.find((l: { id: string }) => l.id === near.id)
    expect(card).toMatchObject({ distance_km: 0, proposals_count: 0, locality: { name: 'תל אביב-יפו' } })
    const text = JSON.stringify(board.body)
    expect(text).not.toContain(consumer.phone!)
    expect(text).not.toContain('client_')
    expect(text).not.toContain('הרצל 1')

    // wider radius and another centre find the far one; budget filters
    const south = await api(w, pro.session).get(
      `/api/ofair/leads/public?locality_id=${BEERSHEBA}&radius_km=10`,
    )
    expect(south.body.data.map((l: { id: string }) => l.id)).toContain(far.id)
    const cheap = await api(w, pro.session).get('/api/ofair/leads/public?budget_max=10000&limit=100')
    expect(cheap.body.data.map((l: { id: string }) => l.id)).not.toContain(near.id)
    const unknown = await api(w, pro.session).get('/api/ofair/leads/public?locality_id=999999')
    expect(unknown.body.code).toBe('unknown_locality')
  })

  it('pages through the board exactly with its cursor', async () => {
    const consumer = await ofairPerson(w, 'consumer')
    const pro = await makeProfessional(w, { profession_category_id: 'cleaning' })
    for (let i = 0; i < 7; i++)
      await makeConsumerLead(w, consumer, { category_id: 'cleaning', title: `ניקיון ${i}` })
    const all = (await api(w, pro.session).get('/api/ofair/leads/public?category_id=cleaning&limit=100')).body
      .data
    const walked: string[] = []
    let cursor: string | null = null
    do {
      const page: { body: { data: { id: string }[]; next_cursor: string | null } } = await api(
        w,
        pro.session,
      ).get(
        `/api/ofair/leads/public?category_id=cleaning&limit=3${cursor ? `&starting_after=${cursor}` : ''}`,
      )
      walked.push(...page.body.data.map((l) => l.id))
      cursor = page.body.next_cursor
    } while (cursor)
    expect(walked).toEqual(all.map((l: { id: string }) => l.id))
    expect(walked.length).toBeGreaterThanOrEqual(7)
  })
})
