import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { api, type World } from '../../../../../../packages/testing/src/factories/index.ts'
import {
  makeConsumerLead,
  makeProfessional,
  makeProLead,
  type OfairPerson,
  ofairAdmin,
  ofairPerson,
  propose,
  type TestProfessional,
} from '../../../../../../packages/testing/src/factories/ofair.ts'
import { startTestApp } from '../../../../../../packages/testing/src/test-app.ts'
import { useTestDatabase } from '../../../../../../packages/testing/src/test-database.ts'
import type { RunningApp } from '../../../app.ts'
import { FixedClock } from '../../../kernel/clock.ts'
import { inTransaction } from '../../../kernel/db/transaction.ts'

const database = useTestDatabase()
const clock = new FixedClock('2026-05-04T09:00:00Z')
let app: RunningApp & { baseUrl: string }
let w: World

beforeAll(async () => {
  app = await startTestApp(database.current.url, { clock })
  w = { ctx: app.ctx, baseUrl: app.baseUrl }
})
afterAll(async () => app?.stop())

interface Chat {
  consumer: OfairPerson
  pro: TestProfessional
  lead: { id: string }
  proposal: { id: string }
  conversation: string
}

/** A consumer's request, a professional's proposal on it, and the chat of that proposal opened by the owner. */
async function chat(): Promise<Chat> {
  const consumer = await ofairPerson(w, 'consumer', 'דנה לקוחה')
  const pro = await makeProfessional(w, { profession_category_id: 'plumbing' })
  const lead = await makeConsumerLead(w, consumer)
  const proposal = await propose(w, pro, lead.id)
  const opened = await api(w, consumer.session).post(`/api/ofair/proposals/${proposal.id}/chat`)
  expect(opened.status).toBe(200)
  return { consumer, pro, lead, proposal, conversation: opened.body.conversation_id }
}

const send = (w: World, who: OfairPerson, conversation: string, text: string) =>
  api(w, who.session).post(`/api/conversations/${conversation}/messages`, { text })

function socketFor(baseUrl: string, who: OfairPerson, origin = baseUrl) {
  const url = `${baseUrl.replace(/^http/, 'ws')}/api/conversations/socket`
  const ws = new WebSocket(url, { headers: { cookie: who.session.headers.cookie!, origin } })
  const events: Record<string, unknown>[] = []
  const waiting: {
    test: (e: Record<string, unknown>) => boolean
    resolve: (e: Record<string, unknown>) => void
  }[] = []
  ws.on('message', (data) => {
    const e = JSON.parse(String(data)) as Record<string, unknown>
    events.push(e)
    for (const w of [...waiting]) {
      if (w.test(e)) {
        waiting.splice(waiting.indexOf(w), 1)
        w.resolve(e)
      }
    }
  })
  const next = (test: (e: Record<string, unknown>) => boolean, ms = 5000) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const found = events.find(test)
      if (found) return resolve(found)
      const t = setTimeout(() => reject(new Error(`no event in ${ms} ms; got ${JSON.stringify(events)}`)), ms)
      waiting.push({
        test,
        resolve: (e) => {
          clearTimeout(t)
          resolve(e)
        },
      })
    })
  const ready = next((e) => e.type === 'ready')
  return { ws, events, next, ready }
}

describe('OFAIR lead chat', () => {
  it('masks contact details for both sides before acceptance and shows them after, as stored', async () => {
    const c = await chat()
    const typed = 'התקשרו אליי 050-765-4321 או dana@example.co.il, אני ברחוב הרצל 12'
    const sent = await send(w, c.consumer, c.conversation, typed)
    expect(sent.status).toBe(201)
    expect(sent.body.text).not.toContain('765')
    expect(sent.body.mask_reason).toBe('contact_details_before_acceptance')
    const proView = await api(w, c.pro.session).get(`/api/conversations/${c.conversation}/messages`)
    expect(proView.body.data[0].text).toBe('התקשרו אליי ••• או •••, אני ב•••')
    expect(proView.body.participants.map((p: { role: string }) => p.role).sort()).toEqual([
      'owner',
      'professional',
    ])
    // stored as typed
    const stored = await sql<{
      body: string
    }>`select body from conversations.messages where id = ${sent.body.id}`.execute(database.current.db)
    expect(stored.rows[0]!.body).toBe(typed)
    // the threads say so
    const threads = await api(w, c.consumer.session).get(`/api/ofair/leads/${c.lead.id}/chats`)
    expect(threads.body.data).toEqual([
      expect.objectContaining({ proposal_id: c.proposal.id, contact_details_visible: false, unread: 0 }),
    ])
    expect(
      (await api(w, c.pro.session).get(`/api/ofair/leads/${c.lead.id}/chats`)).body.data[0],
    ).toMatchObject({ conversation_id: c.conversation, unread: 1 })

    const accepted = await api(w, c.consumer.session).post(`/api/ofair/proposals/${c.proposal.id}/accept`, {
      consent: true,
    })
    expect(accepted.status).toBe(200)
    const after = await api(w, c.pro.session).get(`/api/conversations/${c.conversation}/messages`)
    expect(after.body.data[0]).toMatchObject({ text: typed, mask_reason: null })
  })

  it('stores <script> as text and returns it as text; refuses oversized, empty and control characters with 400', async () => {
    const c = await chat()
    const script = '<script>alert("x")</script> <img src=x onerror=alert(1)>'
    const sent = await send(w, c.pro, c.conversation, script)
    expect(sent.status).toBe(201)
    expect(sent.body.text).toBe(script)
    expect(sent.headers.get('content-type')).toContain('application/json')
    for (const [text, why] of [
      ['א'.repeat(2001), 'too long'],
      ['   ', 'empty'],
      ['bell \u0007', 'control'],
      ['nul \u0000', 'nul'],
    ] as const) {
      const res = await send(w, c.pro, c.conversation, text)
      expect({ why, status: res.status, code: res.body.code }).toEqual({
        why,
        status: 400,
        code: 'validation_failed',
      })
      expect(res.body.user_message).toMatch(/[א-ת]/)
    }
    const extra = await api(w, c.pro.session).post(`/api/conversations/${c.conversation}/messages`, {
      text: 'hi',
      html: '<b>',
    })
    expect(extra.status).toBe(400)
    expect(
      (await api(w, c.pro.session).get(`/api/conversations/${c.conversation}/messages`)).body.data,
    ).toHaveLength(1)
    expect((await send(w, c.pro, c.conversation, 'א'.repeat(2000))).status).toBe(201)
  })

  it('someone not on the lead gets 403 with a Hebrew message, and cannot read or write a conversation (row-level security)', async () => {
    const c = await chat()
    await send(w, c.consumer, c.conversation, 'שלום')
    const outsider = await makeProfessional(w, { profession_category_id: 'plumbing' })
    const otherConsumer = await ofairPerson(w, 'consumer')
    for (const who of [outsider, otherConsumer]) {
      const open = await api(w, who.session).post(`/api/ofair/proposals/${c.proposal.id}/chat`)
      expect({ status: open.status, code: open.body.code }).toEqual({ status: 403, code: 'forbidden' })
      expect(open.body.user_message).toMatch(/[א-ת]/)
      const threads = await api(w, who.session).get(`/api/ofair/leads/${c.lead.id}/chats`)
      expect(threads.status).toBe(403)
      expect(threads.body.user_message).toMatch(/[א-ת]/)
      const read = await api(w, who.session).get(`/api/conversations/${c.conversation}/messages`)
      expect({ status: read.status, code: read.body.code }).toEqual({ status: 404, code: 'not_found' })
      expect(read.body.user_message).toMatch(/[א-ת]/)
      const write = await send(w, who, c.conversation, 'שלום')
      expect(write.status).toBe(404)
      expect(
        (
          await api(w, who.session).post(`/api/conversations/${c.conversation}/read`, {
            message_id: c.conversation,
          })
        ).status,
      ).toBe(404)
      expect(
        (await api(w, who.session).put(`/api/conversations/${c.conversation}/block`, { blocked: true }))
          .status,
      ).toBe(404)
      expect((await api(w, who.session).get('/api/conversations')).body.data).toEqual([])
    }
    // even a query that forgets its WHERE sees nothing of others' conversations
    const seen = await inTransaction(
      app.ctx.db,
      { kind: 'user', userId: outsider.id, roles: ['professional'] },
      async (tx) =>
        (
          await sql<{ n: number }>`select (select count(*) from conversations.messages)::int
          + (select count(*) from conversations.conversations)::int
          + (select count(*) from conversations.participants)::int as n`.execute(tx)
        ).rows[0]!.n,
    )
    expect(seen).toBe(0)
  })

  it('read receipts move forward only and count unread', async () => {
    const c = await chat()
    const m1 = (await send(w, c.pro, c.conversation, 'אחת')).body
    const m2 = (await send(w, c.pro, c.conversation, 'שתיים')).body
    expect((await api(w, c.consumer.session).get('/api/conversations')).body.data[0]).toMatchObject({
      id: c.conversation,
      unread: 2,
    })
    const read = await api(w, c.consumer.session).post(`/api/conversations/${c.conversation}/read`, {
      message_id: m2.id,
    })
    expect(read.body).toEqual({ last_read_message_id: m2.id, last_read_at: clock.now().toISOString() })
    await api(w, c.consumer.session).post(`/api/conversations/${c.conversation}/read`, { message_id: m1.id })
    const view = await api(w, c.pro.session).get(`/api/conversations/${c.conversation}/messages`)
    expect(
      view.body.participants.find((p: { role: string }) => p.role === 'owner').last_read_message_id,
    ).toBe(m2.id)
    expect((await api(w, c.consumer.session).get('/api/conversations')).body.data[0].unread).toBe(0)
    const mine = await api(w, c.pro.session).get('/api/ofair/chats')
    expect(mine.body).toEqual({
      unread: 0,
      data: [
        expect.objectContaining({
          conversation_id: c.conversation,
          lead_id: c.lead.id,
          with_name: 'דנה לקוחה',
          unread: 0,
        }),
      ],
    })
    await send(w, c.consumer, c.conversation, 'עוד שאלה')
    expect((await api(w, c.pro.session).get('/api/ofair/chats')).body.unread).toBe(1)
    expect((await api(w, c.consumer.session).get('/api/ofair/chats')).body.data[0].with_name).toBeTruthy()
    const wrong = await api(w, c.consumer.session).post(`/api/conversations/${c.conversation}/read`, {
      message_id: c.lead.id,
    })
    expect(wrong.status).toBe(400)
  })

  it('a participant who blocked, or was blocked, cannot write (403 conversation_blocked) until unblocked', async () => {
    const c = await chat()
    expect(
      (await api(w, c.consumer.session).put(`/api/conversations/${c.conversation}/block`, { blocked: true }))
        .status,
    ).toBe(200)
    for (const who of [c.consumer, c.pro]) {
      const res = await send(w, who, c.conversation, 'שלום')
      expect({ status: res.status, code: res.body.code }).toEqual({
        status: 403,
        code: 'conversation_blocked',
      })
      expect(res.body.user_message).toMatch(/[א-ת]/)
    }
    // the other side cannot lift someone else's block
    await api(w, c.pro.session).put(`/api/conversations/${c.conversation}/block`, { blocked: false })
    expect((await send(w, c.pro, c.conversation, 'שלום')).status).toBe(403)
    await api(w, c.consumer.session).put(`/api/conversations/${c.conversation}/block`, { blocked: false })
    expect((await send(w, c.pro, c.conversation, 'שלום')).status).toBe(201)
  })

  it('rate limit: of 25 concurrent sends exactly 20 are stored, the rest 429 with Retry-After; ids follow the order', async () => {
    const c = await chat()
    const results = await Promise.all(
      Array.from({ length: 25 }, (_, i) => send(w, c.pro, c.conversation, `הודעה ${i}`)),
    )
    const statuses = results.map((r) => r.status).sort()
    expect(statuses.filter((s) => s === 201)).toHaveLength(20)
    expect(statuses.filter((s) => s === 429)).toHaveLength(5)
    const limited = results.find((r) => r.status === 429)!
    expect(limited.body.code).toBe('rate_limited')
    expect(Number(limited.headers.get('retry-after'))).toBe(10)
    expect(limited.body.user_message).toMatch(/[א-ת]/)
    const page = await api(w, c.consumer.session).get(`/api/conversations/${c.conversation}/messages`)
    expect(page.body.data).toHaveLength(20)
    const ids = page.body.data.map((m: { id: string }) => m.id)
    expect([...ids].sort()).toEqual(ids)
    // another sender is not limited; after the window the first may write again
    expect((await send(w, c.consumer, c.conversation, 'אני עדיין יכולה')).status).toBe(201)
    clock.advance(10_001)
    expect((await send(w, c.pro, c.conversation, 'שוב')).status).toBe(201)
  })

  it('20 concurrent opens of the same chat make one conversation', async () => {
    const consumer = await ofairPerson(w, 'consumer')
    const pro = await makeProfessional(w, { profession_category_id: 'plumbing' })
    const lead = await makeConsumerLead(w, consumer)
    const proposal = await propose(w, pro, lead.id)
    const opened = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        api(w, (i % 2 ? consumer : pro).session).post(`/api/ofair/proposals/${proposal.id}/chat`),
      ),
    )
    expect(new Set(opened.map((r) => r.status))).toEqual(new Set([200]))
    expect(new Set(opened.map((r) => r.body.conversation_id)).size).toBe(1)
  })

  it('a professional lead: its uploader chats with each proposer, one thread per proposal', async () => {
    const uploader = await makeProfessional(w, { profession_category_id: 'plumbing' })
    const [a, b] = [
      await makeProfessional(w, { profession_category_id: 'plumbing' }),
      await makeProfessional(w, { profession_category_id: 'plumbing' }),
    ]
    const lead = await makeProLead(w, uploader, { category_id: 'plumbing' })
    const pa = await propose(w, a, lead.id)
    const pb = await propose(w, b, lead.id)
    await api(w, a.session).post(`/api/ofair/proposals/${pa.id}/chat`)
    const threads = await api(w, uploader.session).get(`/api/ofair/leads/${lead.id}/chats`)
    expect(threads.body.data.map((t: { proposal_id: string }) => t.proposal_id)).toEqual([pa.id, pb.id])
    expect(threads.body.data[1].conversation_id).toBeNull()
    const mine = await api(w, b.session).get(`/api/ofair/leads/${lead.id}/chats`)
    expect(mine.body.data.map((t: { proposal_id: string }) => t.proposal_id)).toEqual([pb.id])
    // b cannot open a's thread
    expect((await api(w, b.session).post(`/api/ofair/proposals/${pa.id}/chat`)).status).toBe(403)
  })

  it('an admin reads a lead’s transcripts as typed, and each read is logged; others may not', async () => {
    const c = await chat()
    await send(w, c.consumer, c.conversation, 'הטלפון שלי 052-111-2233')
    const admin = await ofairAdmin(w)
    const t = await api(w, admin.session).get(`/api/ofair/admin/leads/${c.lead.id}/transcripts`)
    expect(t.status).toBe(200)
    expect(t.body.data).toHaveLength(1)
    expect(t.body.data[0].messages[0]).toMatchObject({ text: 'הטלפון שלי 052-111-2233', mask_reason: null })
    const logged = await sql<{ n: number }>`select count(*)::int as n from platform.pii_access_log
      where subject_type = 'ofair_lead' and subject_id = ${c.lead.id}`.execute(database.current.db)
    expect(logged.rows[0]!.n).toBe(1)
    const audit = await sql<{
      action: string
    }>`select action from platform.audit_log where entity_id = ${c.lead.id}
      and action = 'ofair_chat.transcripts_read'`.execute(database.current.db)
    expect(audit.rows).toHaveLength(1)
    for (const who of [c.consumer, c.pro]) {
      expect((await api(w, who.session).get(`/api/ofair/admin/leads/${c.lead.id}/transcripts`)).status).toBe(
        403,
      )
    }
    expect(
      (await api(w, admin.session).get(`/api/ofair/admin/leads/${c.proposal.id}/transcripts`)).status,
    ).toBe(404)
  })
})

describe('real time', () => {
  it('pushes messages (masked per reader) and read receipts over the WebSocket', async () => {
    const c = await chat()
    const proSocket = socketFor(app.baseUrl, c.pro)
    const ownerSocket = socketFor(app.baseUrl, c.consumer)
    await Promise.all([proSocket.ready, ownerSocket.ready])
    const sent = (await send(w, c.consumer, c.conversation, 'מספר: 054-999-8877')).body
    const pushed = await proSocket.next((e) => e.type === 'message')
    expect(pushed.message).toMatchObject({
      id: sent.id,
      text: 'מספר: •••',
      mask_reason: 'contact_details_before_acceptance',
    })
    await ownerSocket.next((e) => e.type === 'message')
    await api(w, c.pro.session).post(`/api/conversations/${c.conversation}/read`, { message_id: sent.id })
    const receipt = await ownerSocket.next((e) => e.type === 'read')
    expect(receipt).toMatchObject({
      conversation_id: c.conversation,
      user_id: c.pro.id,
      last_read_message_id: sent.id,
    })
    proSocket.ws.close()
    ownerSocket.ws.close()
  })

  it('refuses a socket without a session (401) or from another site (403)', async () => {
    const url = `${app.baseUrl.replace(/^http/, 'ws')}/api/conversations/socket`
    const status = (headers: Record<string, string>) =>
      new Promise<number>((resolve) => {
        const ws = new WebSocket(url, { headers })
        ws.on('unexpected-response', (_req, res) => {
          resolve(res.statusCode ?? 0)
          ws.terminate()
        })
        ws.on('open', () => {
          resolve(101)
          ws.close()
        })
        ws.on('error', () => resolve(-1))
      })
    expect(await status({ origin: app.baseUrl })).toBe(401)
    const c = await chat()
    expect(await status({ cookie: c.pro.session.headers.cookie!, origin: 'https://evil.example' })).toBe(403)
    expect(await status({ cookie: c.pro.session.headers.cookie!, origin: app.baseUrl })).toBe(101)
  })

  it('long polling: waits for the next message and answers with it; times out empty', async () => {
    const c = await chat()
    const first = (await send(w, c.consumer, c.conversation, 'ראשונה')).body
    const started = Date.now()
    const polling = api(w, c.pro.session).get(
      `/api/conversations/${c.conversation}/messages?after=${first.id}&wait=10`,
    )
    await new Promise((r) => setTimeout(r, 300))
    const second = (await send(w, c.consumer, c.conversation, 'שנייה')).body
    const answer = await polling
    expect(answer.status).toBe(200)
    expect(answer.body.data.map((m: { id: string }) => m.id)).toEqual([second.id])
    expect(Date.now() - started).toBeLessThan(5000)
    const t0 = Date.now()
    const empty = await api(w, c.pro.session).get(
      `/api/conversations/${c.conversation}/messages?after=${second.id}&wait=1`,
    )
    expect(empty.body.data).toEqual([])
    expect(Date.now() - t0).toBeGreaterThanOrEqual(900)
    expect(
      (
        await api(w, c.pro.session).get(
          `/api/conversations/${c.conversation}/messages?after=${second.id}&wait=26`,
        )
      ).status,
    ).toBe(400)
  })

  it('two processes on one database: a message sent through process A reaches a socket on process B', async () => {
    const b = await startTestApp(database.current.url, { clock, role: 'web' })
    try {
      const c = await chat()
      const onB = socketFor(b.baseUrl, c.pro)
      await onB.ready
      const sent = (await send(w, c.consumer, c.conversation, 'מתהליך א')).body
      const pushed = await onB.next((e) => e.type === 'message')
      expect(pushed.message).toMatchObject({ id: sent.id, text: 'מתהליך א', conversation_id: c.conversation })
      // and a long poll on B wakes for a message sent through A
      const poll = apiOn(b.baseUrl, c.pro).get(
        `/api/conversations/${c.conversation}/messages?after=${sent.id}&wait=10`,
      )
      await new Promise((r) => setTimeout(r, 300))
      const next = (await send(w, c.consumer, c.conversation, 'עוד אחת')).body
      expect((await poll).body.data.map((m: { id: string }) => m.id)).toEqual([next.id])
      onB.ws.close()
    } finally {
      await b.stop()
    }
  })
})

describe('the list of my conversations', () => {
  it('is paged by cursor: five threads active at the same instant, two at a time, each seen once', async () => {
    // the clock stands still: every thread's last message is at the same instant
    const consumer = await ofairPerson(w, 'consumer', 'רונה לקוחה')
    const lead = await makeConsumerLead(w, consumer)
    const threads: string[] = []
    for (let i = 0; i < 5; i++) {
      const pro = await makeProfessional(w, { profession_category_id: 'plumbing' })
      const proposal = await propose(w, pro, lead.id)
      const opened = await api(w, consumer.session).post(`/api/ofair/proposals/${proposal.id}/chat`)
      threads.push(opened.body.conversation_id)
      expect((await send(w, pro, opened.body.conversation_id, `הצעה ${i}`)).status).toBe(201)
    }
    const seen: string[] = []
    let cursor: string | null = null
    let pages = 0
    do {
      const page: {
        status: number
        body: { data: { id: string }[]; has_more: boolean; next_cursor: string | null }
      } = await api(w, consumer.session).get(
        `/api/conversations?limit=2${cursor ? `&starting_after=${cursor}` : ''}`,
      )
      expect(page.status).toBe(200)
      seen.push(...page.body.data.map((c) => c.id))
      expect(page.body.has_more).toBe(page.body.next_cursor !== null)
      cursor = page.body.next_cursor
      pages++
    } while (cursor && pages < 10)
    expect(pages).toBe(3)
    expect(seen).toHaveLength(5)
    expect(new Set(seen)).toEqual(new Set(threads))
    // a forged or foreign cursor is named, not a 500
    for (const bad of ['x', Buffer.from('["2026-05-04", 1]').toString('base64url')]) {
      const r = await api(w, consumer.session).get(`/api/conversations?starting_after=${bad}`)
      expect(r.status).toBe(400)
      expect(r.body.code).toBe('invalid_cursor')
    }
  })
})

const apiOn = (baseUrl: string, who: OfairPerson) => api({ ctx: app.ctx, baseUrl }, who.session)
