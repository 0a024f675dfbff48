import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import {
  api,
  makeCandidate,
  makeCompany,
  makePerson,
  makeRecruiter,
  makeRole,
  makeTeamMember,
  platformAdmin,
  submitCandidate,
  type World,
} from '../../../../../../packages/testing/src/factories/index.ts'
import type { TestSession } from '../../../../../../packages/testing/src/sessions.ts'
import { startTestApp } from '../../../../../../packages/testing/src/test-app.ts'
import { useTestDatabase } from '../../../../../../packages/testing/src/test-database.ts'
import type { RunningApp } from '../../../app.ts'
import { FixedClock } from '../../../kernel/clock.ts'
import { runChatDigest } from './digest.ts'
import { forgetContactVisibility } from './subjects.ts'

const database = useTestDatabase()
const clock = new FixedClock('2026-05-04T09:00:00Z')
let app: RunningApp & { baseUrl: string }
let w: World

beforeAll(async () => {
  app = await startTestApp(database.current.url, { clock })
  w = { ctx: app.ctx, baseUrl: app.baseUrl }
})
afterAll(async () => app?.stop())

/** A company with an admin and a hiring manager, a recruiter's candidate submitted to its open role. */
async function world() {
  const company = await makeCompany(w)
  const manager = await makeTeamMember(w, company)
  const rachel = await makeRecruiter(w)
  const role = await makeRole(w, company)
  const candidate = await makeCandidate(w, rachel)
  const application = await submitCandidate(w, rachel, role.id, candidate.id)
  return { company, manager, rachel, role, candidate, application }
}

const db = () => database.current.db

describe('application messages', () => {
  it('the recruiter and the hiring team talk; participants are the recruiter and the whole team', async () => {
    const x = await world()
    const first = await api(w, x.rachel).post(`/api/applications/${x.application.id}/messages`, {
      text: 'She can interview on Tuesday. Phone: +1 617 555 0199',
    })
    expect(first.status).toBe(201)
    expect(first.body.mask_reason).toBeNull()
    const seen = await api(w, x.manager).get(`/api/applications/${x.application.id}/messages`)
    expect(seen.status).toBe(200)
    // the hiring team may see the candidate's contact details: shown as typed
    expect(seen.body.data[0].text).toBe('She can interview on Tuesday. Phone: +1 617 555 0199')
    expect(seen.body.candidate_name).toBeTruthy()
    expect(seen.body.participants.map((p: { role: string }) => p.role).sort()).toEqual([
      'hiring_team',
      'hiring_team',
      'recruiter',
    ])
    const reply = await api(w, x.company.admin).post(`/api/applications/${x.application.id}/messages`, {
      text: 'Tuesday 3pm works.',
    })
    expect(reply.status).toBe(201)
    const mine = await api(w, x.rachel).get('/api/splits/conversations')
    expect(mine.body.unread).toBe(1)
    expect(mine.body.data[0]).toMatchObject({ kind: 'application', unread: 1 })
    expect(mine.body.data[0].link).toBe(`/splits/applications/${x.application.id}`)
  })

  it('a team member who joins later takes part; one who left sees contact details hidden', async () => {
    const x = await world()
    await api(w, x.rachel).post(`/api/applications/${x.application.id}/messages`, {
      text: 'Reach her at jane.doe@example.com',
    })
    const late = await makeTeamMember(w, x.company)
    const page = await api(w, late).get(`/api/applications/${x.application.id}/messages`)
    expect(page.status).toBe(200)
    expect(page.body.data[0].text).toBe('Reach her at jane.doe@example.com')
    // removed from the team: still a participant row, but the text is masked for them now
    await sql`delete from identity.memberships where user_id = ${late.userId}`.execute(db())
    // the answer is kept 15 s per process; later reads decide again
    forgetContactVisibility()
    const conv = page.body.conversation_id
    const generic = await api(w, late).get(`/api/conversations/${conv}/messages`)
    expect(generic.status).toBe(200)
    expect(generic.body.data[0]).toMatchObject({
      text: 'Reach her at •••',
      mask_reason: 'candidate_contact_details_hidden',
    })
  })

  it('outsiders: another company 404, another recruiter 404, a candidate 403, an admin 403 (logged view instead)', async () => {
    const x = await world()
    const other = await makeCompany(w)
    const tom = await makeRecruiter(w)
    const candidate = await makePerson(w.ctx, { roles: ['candidate'] })
    const url = `/api/applications/${x.application.id}/messages`
    for (const who of [other.admin, tom]) {
      expect((await api(w, who).get(url)).status).toBe(404)
      expect((await api(w, who).post(url, { text: 'hi' })).status).toBe(404)
    }
    expect((await api(w, candidate).get(url)).status).toBe(403)
    const admin = await platformAdmin(w)
    const r = await api(w, admin).get(url)
    expect(r.status).toBe(403)
    expect(r.body.code).toBe('forbidden')
    const n = await sql<{ n: number }>`select count(*)::int as n from conversations.conversations
      where subject_id = ${x.application.id}`.execute(db())
    expect(n.rows[0]!.n).toBe(0)
  })

  it('refuses markup, oversized, empty and control characters with 400 naming body.text; nothing stored', async () => {
    const x = await world()
    const url = `/api/applications/${x.application.id}/messages`
    for (const text of [
      '<b>hi</b>',
      'see <img src=x onerror=alert(1)>',
      'x'.repeat(2001),
      '   ',
      'a\u0007b',
    ]) {
      const r = await api(w, x.rachel).post(url, { text })
      expect(r.status).toBe(400)
      expect(r.body.code).toBe('validation_failed')
      expect(r.body.errors[0].field).toBe('body.text')
    }
    expect((await api(w, x.rachel).post(url, { text: 'ok', extra: 1 })).status).toBe(400)
    // "a < b" is not markup
    expect((await api(w, x.rachel).post(url, { text: 'salary < 200k and > 150k' })).status).toBe(201)
    const page = await api(w, x.rachel).get(url)
    expect(page.body.data).toHaveLength(1)
    // through the generic route too
    const generic = await api(w, x.rachel).post(`/api/conversations/${page.body.conversation_id}/messages`, {
      text: '<script>alert(1)</script>',
    })
    expect(generic.status).toBe(400)
    expect(generic.body.errors[0].field).toBe('body.text')
  })

  it('20 concurrent first looks open one conversation', async () => {
    const x = await world()
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        api(w, i % 2 ? x.rachel : x.manager).get(`/api/applications/${x.application.id}/messages`),
      ),
    )
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(200))
    expect(new Set(results.map((r) => r.body.conversation_id)).size).toBe(1)
    const n = await sql<{ n: number }>`select count(*)::int as n from conversations.conversations
      where subject_id = ${x.application.id}`.execute(db())
    expect(n.rows[0]!.n).toBe(1)
  })

  it('a block stops everyone writing; only the one who blocked lifts it', async () => {
    const x = await world()
    const page = await api(w, x.manager).get(`/api/applications/${x.application.id}/messages`)
    const conv = page.body.conversation_id
    expect((await api(w, x.manager).put(`/api/conversations/${conv}/block`, { blocked: true })).status).toBe(
      200,
    )
    const r = await api(w, x.rachel).post(`/api/applications/${x.application.id}/messages`, {
      text: 'hello?',
    })
    expect(r.status).toBe(403)
    expect(r.body.code).toBe('conversation_blocked')
    expect((await api(w, x.rachel).get(`/api/applications/${x.application.id}/messages`)).body.blocked).toBe(
      true,
    )
    await api(w, x.manager).put(`/api/conversations/${conv}/block`, { blocked: false })
    expect(
      (await api(w, x.rachel).post(`/api/applications/${x.application.id}/messages`, { text: 'hello' }))
        .status,
    ).toBe(201)
  })
})

describe('role questions', () => {
  it('a recruiter asks; the team sees one thread per recruiter and answers; contact details hidden', async () => {
    const company = await makeCompany(w)
    const manager = await makeTeamMember(w, company)
    const role = await makeRole(w, company)
    const [rachel, tom] = [await makeRecruiter(w), await makeRecruiter(w)]
    const before = await api(w, rachel).get(`/api/roles/${role.id}/questions`)
    expect(before.body).toMatchObject({ viewer: 'recruiter', can_ask: true, data: [] })
    const asked = await api(w, rachel).post(`/api/roles/${role.id}/questions`, {
      text: 'Is the range flexible? Call me on 617-555-0100',
    })
    expect(asked.status).toBe(201)
    expect(asked.body.message).toMatchObject({
      text: 'Is the range flexible? Call me on •••',
      mask_reason: 'contact_details_in_role_questions',
    })
    // asking again uses the same thread
    const again = await api(w, rachel).post(`/api/roles/${role.id}/questions`, { text: 'And remote?' })
    expect(again.body.thread_id).toBe(asked.body.thread_id)
    await api(w, tom).post(`/api/roles/${role.id}/questions`, { text: 'Visa sponsorship?' })
    const team = await api(w, manager).get(`/api/roles/${role.id}/questions`)
    expect(team.body.viewer).toBe('hiring_team')
    expect(team.body.data).toHaveLength(2)
    expect(team.body.data.map((t: { unread: number }) => t.unread)).toEqual([2, 1])
    const conv = team.body.data[0].conversation_id
    expect(
      (await api(w, manager).post(`/api/conversations/${conv}/messages`, { text: 'Up to 10% above.' }))
        .status,
    ).toBe(201)
    // Tom sees only his own thread, and cannot read Rachel's
    const tomView = await api(w, tom).get(`/api/roles/${role.id}/questions`)
    expect(tomView.body.data).toHaveLength(1)
    expect(tomView.body.can_ask).toBe(false)
    expect((await api(w, tom).get(`/api/conversations/${conv}/messages`)).status).toBe(404)
    const rachelView = await api(w, rachel).get(`/api/conversations/${conv}/messages`)
    expect(rachelView.body.data.map((m: { text: string }) => m.text)).toEqual([
      'Is the range flexible? Call me on •••',
      'And remote?',
      'Up to 10% above.',
    ])
  })

  it('counts a thread’s unread messages however many other conversations the team member has', async () => {
    const company = await makeCompany(w)
    const manager = await makeTeamMember(w, company)
    const role = await makeRole(w, company)
    const rachel = await makeRecruiter(w)
    await api(w, rachel).post(`/api/roles/${role.id}/questions`, { text: 'Is the range flexible?' })
    // 100 busier question threads of other roles, all with later activity
    await sql`with c as (
        insert into conversations.conversations (subject_kind, subject_id, last_message_at)
        select 'splits_role_question', gen_random_uuid(), now() + interval '1 hour'
          from generate_series(1, 100)
        returning id)
      insert into conversations.participants (conversation_id, user_id, role)
      select id, ${manager.userId}::uuid, 'hiring_team' from c`.execute(db())
    const team = await api(w, manager).get(`/api/roles/${role.id}/questions`)
    expect(team.body.data.map((t: { unread: number }) => t.unread)).toEqual([1])
    expect(team.body.data[0].last_message_at).not.toBeNull()
  })

  it('unread counters equal a count of the messages after concurrent sends and reads', async () => {
    const x = await world()
    const people = [x.rachel, x.manager, x.company.admin]
    const first = await api(w, x.rachel).post(`/api/applications/${x.application.id}/messages`, {
      text: 'message 0',
    })
    const conv = first.body.conversation_id as string
    // 30 sends from all three sides, racing with each side marking what it has seen as read
    await Promise.all(
      Array.from({ length: 30 }, async (_, i) => {
        const who = people[i % 3]!
        const sent = await api(w, who).post(`/api/applications/${x.application.id}/messages`, {
          text: `message ${i + 1}`,
        })
        expect(sent.status).toBe(201)
        const reader = people[(i + 1) % 3]!
        const page = await api(w, reader).get(`/api/conversations/${conv}/messages?limit=100`)
        const newest = page.body.data.at(-1)?.id ?? page.body.data[0]?.id
        if (i % 4 === 0 && newest)
          await api(w, reader).post(`/api/conversations/${conv}/read`, { message_id: newest })
      }),
    )
    const counters = await sql<{ user_id: string; unread: number; counted: number }>`
      select p.user_id, p.unread,
             (select count(*)::int from conversations.messages m
               where m.conversation_id = p.conversation_id and m.sender_user_id <> p.user_id
                 and (p.last_read_message_id is null or m.id > p.last_read_message_id)) as counted
        from conversations.participants p where p.conversation_id = ${conv}`.execute(db())
    expect(counters.rows.length).toBeGreaterThanOrEqual(3)
    for (const c of counters.rows) expect(c.unread, c.user_id).toBe(c.counted)
    // the badge is the counter, and reading everything brings it to zero
    const inbox = await api(w, x.manager).get('/api/splits/conversations')
    const mine = counters.rows.find((c) => c.user_id === x.manager.userId)!
    expect(inbox.body.data.find((t: { id: string }) => t.id === conv)?.unread ?? mine.counted).toBe(
      mine.counted,
    )
    const all = await api(w, x.manager).get(`/api/conversations/${conv}/messages?limit=100`)
    const last = [...all.body.data]
      .sort((a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1))
      .at(-1)
    await api(w, x.manager).post(`/api/conversations/${conv}/read`, { message_id: last.id })
    const after = await sql<{ unread: number }>`select unread from conversations.participants
      where conversation_id = ${conv} and user_id = ${x.manager.userId}`.execute(db())
    expect(after.rows[0]!.unread).toBe(0)
  })

  it('the menu’s badge counts every unread message, beyond the 100 latest conversations', async () => {
    const company = await makeCompany(w)
    const manager = await makeTeamMember(w, company)
    const role = await makeRole(w, company)
    const rachel = await makeRecruiter(w)
    await api(w, rachel).post(`/api/roles/${role.id}/questions`, { text: 'Is the range flexible?' })
    // 100 later conversations of the same kind, read (nothing unread in them)
    await sql`with c as (
        insert into conversations.conversations (subject_kind, subject_id, last_message_at)
        select 'splits_role_question', gen_random_uuid(), now() + interval '1 hour'
          from generate_series(1, 100)
        returning id)
      insert into conversations.participants (conversation_id, user_id, role)
      select id, ${manager.userId}::uuid, 'hiring_team' from c`.execute(db())
    const inbox = await api(w, manager).get('/api/splits/conversations')
    expect(inbox.status).toBe(200)
    expect(inbox.body.unread).toBe(1)
  })

  it('a Starter recruiter starts 10 conversations a month (plan allowance); the 11th is a 429 and opens nothing', async () => {
    const company = await makeCompany(w)
    const recruiter = await makeRecruiter(w)
    const roles = []
    for (let i = 0; i < 11; i++) roles.push(await makeRole(w, company))
    const asked = []
    for (const role of roles.slice(0, 10))
      asked.push(await api(w, recruiter).post(`/api/roles/${role.id}/questions`, { text: 'Is it remote?' }))
    expect(asked.map((r) => r.status)).toEqual(Array(10).fill(201))
    const refused = await api(w, recruiter).post(`/api/roles/${roles[10]!.id}/questions`, {
      text: 'And this one?',
    })
    expect(refused.status).toBe(429)
    expect(refused.body.code).toBe('plan_limit_reached')
    expect(refused.body.detail).toContain('Starter plan lets you start 10 conversations a month')
    const none = await api(w, recruiter).get(`/api/roles/${roles[10]!.id}/questions`)
    expect(none.body.data).toEqual([])
    // writing again in a thread already started uses nothing
    const again = await api(w, recruiter).post(`/api/roles/${roles[0]!.id}/questions`, {
      text: 'One more thing',
    })
    expect(again.status).toBe(201)
  })

  it('the team writes only to recruiters working the role; recruiters cannot see hidden roles', async () => {
    const company = await makeCompany(w)
    const role = await makeRole(w, company)
    const [rachel, stranger] = [await makeRecruiter(w), await makeRecruiter(w)]
    const candidate = await makeCandidate(w, rachel)
    await submitCandidate(w, rachel, role.id, candidate.id)
    const list = await api(w, company.admin).get(`/api/roles/${role.id}/questions`)
    expect(list.body.recruiters_without_thread.map((r: { recruiter_id: string }) => r.recruiter_id)).toEqual([
      rachel.recruiterId,
    ])
    const missing = await api(w, company.admin).post(`/api/roles/${role.id}/questions`, { text: 'Hi' })
    expect(missing.status).toBe(400)
    expect(missing.body.errors[0].field).toBe('body.recruiter_id')
    const notWorking = await api(w, company.admin).post(`/api/roles/${role.id}/questions`, {
      text: 'Hi',
      recruiter_id: stranger.recruiterId,
    })
    expect(notWorking.status).toBe(422)
    expect(notWorking.body.code).toBe('recruiter_not_on_role')
    const ok = await api(w, company.admin).post(`/api/roles/${role.id}/questions`, {
      text: 'Do you have more like her?',
      recruiter_id: rachel.recruiterId,
    })
    expect(ok.status).toBe(201)
    // a recruiter may not write in someone else's name
    expect(
      (
        await api(w, stranger).post(`/api/roles/${role.id}/questions`, {
          text: 'x',
          recruiter_id: rachel.recruiterId,
        })
      ).status,
    ).toBe(403)
    const draft = await makeRole(w, company, {}, { status: 'draft' })
    expect((await api(w, rachel).post(`/api/roles/${draft.id}/questions`, { text: 'x' })).status).toBe(404)
    expect((await api(w, rachel).get(`/api/roles/${draft.id}/questions`)).status).toBe(404)
    const other = await makeCompany(w)
    expect((await api(w, other.admin).get(`/api/roles/${role.id}/questions`)).status).toBe(404)
  })

  it('20 concurrent first questions make one thread and one conversation', async () => {
    const company = await makeCompany(w)
    const role = await makeRole(w, company)
    const rachel = await makeRecruiter(w)
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        api(w, rachel).post(`/api/roles/${role.id}/questions`, { text: `question ${i}` }),
      ),
    )
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(201))
    expect(new Set(results.map((r) => r.body.thread_id)).size).toBe(1)
    expect(new Set(results.map((r) => r.body.conversation_id)).size).toBe(1)
  })
})

describe('moderation', () => {
  it('a participant reports a message; the admin queue shows it; closing is audited and happens once', async () => {
    const x = await world()
    const sent = await api(w, x.rachel).post(`/api/applications/${x.application.id}/messages`, {
      text: 'Let us settle the fee off the platform.',
    })
    const conv = sent.body.conversation_id
    const url = `/api/conversations/${conv}/messages/${sent.body.id}/report`
    expect((await api(w, x.rachel).post(url, { reason: 'spam' })).status).toBe(422)
    const bad = await api(w, x.manager).post(url, { reason: 'rude' })
    expect(bad.status).toBe(400)
    expect(bad.body.errors[0].field).toBe('body.reason')
    const outsider = await makeRecruiter(w)
    expect((await api(w, outsider).post(url, { reason: 'spam' })).status).toBe(404)
    const r = await api(w, x.manager).post(url, { reason: 'off_platform', note: 'Fee circumvention' })
    expect(r.status).toBe(201)
    const twice = await api(w, x.manager).post(url, { reason: 'spam' })
    expect(twice.body.id).toBe(r.body.id)
    const admin = await platformAdmin(w)
    expect((await api(w, x.manager).get('/api/admin/conversation-reports')).status).toBe(403)
    const queue = await api(w, admin).get('/api/admin/conversation-reports')
    const mineInQueue = queue.body.data.filter((q: { id: string }) => q.id === r.body.id)
    expect(mineInQueue).toHaveLength(1)
    expect(mineInQueue[0]).toMatchObject({
      reason: 'off_platform',
      subject_kind: 'application',
      status: 'open',
    })
    const closes = await Promise.all(
      Array.from({ length: 5 }, () =>
        api(w, admin).post(`/api/admin/conversation-reports/${r.body.id}/close`, { status: 'resolved' }),
      ),
    )
    expect(closes.map((c) => c.status).sort()).toEqual([200, 409, 409, 409, 409])
    const audit = await sql<{ n: number }>`select count(*)::int as n from platform.audit_log
      where entity_id = ${r.body.id} and action = 'splits_chat.report_closed'`.execute(db())
    expect(audit.rows[0]!.n).toBe(1)
  })

  it('the queue is keyset-paged: open oldest first, closed newest first, each report seen once', async () => {
    const x = await world()
    const reported: string[] = []
    for (let i = 0; i < 5; i++) {
      const sent = await api(w, x.rachel).post(`/api/applications/${x.application.id}/messages`, {
        text: `message ${i} to report`,
      })
      const r = await api(w, x.manager).post(
        `/api/conversations/${sent.body.conversation_id}/messages/${sent.body.id}/report`,
        { reason: 'spam' },
      )
      reported.push(r.body.id)
    }
    // five reports made in one instant: ties on created_at are broken by the id
    await sql`update conversations.reports set created_at = '2026-06-01T10:00:00.123456Z'
      where id = any(${reported}::uuid[])`.execute(db())
    const admin = await platformAdmin(w)
    const walk = async (status: string) => {
      const seen: { id: string; created_at: string }[] = []
      let cursor: string | null = null
      do {
        const q = `/api/admin/conversation-reports?status=${status}&limit=2${cursor ? `&starting_after=${cursor}` : ''}`
        const page = await api(w, admin).get(q)
        expect(page.status).toBe(200)
        expect(page.body.data.length).toBeLessThanOrEqual(2)
        seen.push(...page.body.data)
        cursor = page.body.has_more ? page.body.next_cursor : null
      } while (cursor)
      return seen
    }
    const open = await walk('open')
    expect(new Set(open.map((r) => r.id)).size).toBe(open.length)
    expect(open.map((r) => r.id)).toEqual(expect.arrayContaining(reported))
    const times = open.map((r) => Date.parse(r.created_at))
    expect(times).toEqual([...times].sort((a, b) => a - b))
    for (const id of reported) {
      await api(w, admin).post(`/api/admin/conversation-reports/${id}/close`, { status: 'dismissed' })
    }
    const dismissed = await walk('dismissed')
    expect(new Set(dismissed.map((r) => r.id)).size).toBe(dismissed.length)
    expect(dismissed.map((r) => r.id)).toEqual(expect.arrayContaining(reported))
    const forged = await api(w, admin).get('/api/admin/conversation-reports?starting_after=bm9wZQ')
    expect(forged).toMatchObject({ status: 400, body: { code: 'invalid_cursor' } })
  })

  it('an admin reads a transcript as typed; each read is logged (PII reveal + audit); others may not', async () => {
    const company = await makeCompany(w)
    const role = await makeRole(w, company)
    const rachel = await makeRecruiter(w)
    const asked = await api(w, rachel).post(`/api/roles/${role.id}/questions`, {
      text: 'My candidate is at bob@example.com',
    })
    const conv = asked.body.conversation_id
    const admin = await platformAdmin(w)
    const t = await api(w, admin).get(`/api/admin/conversations/${conv}?purpose=moderation`)
    expect(t.status).toBe(200)
    expect(t.body.messages[0]).toMatchObject({
      text: 'My candidate is at bob@example.com',
      mask_reason: null,
    })
    await api(w, admin).get(`/api/admin/conversations/${conv}`)
    const reveals = await sql<{ n: number }>`select count(*)::int as n from platform.pii_access_log
      where subject_id = ${asked.body.thread_id}`.execute(db())
    expect(reveals.rows[0]!.n).toBe(2)
    const audit = await sql<{ n: number }>`select count(*)::int as n from platform.audit_log
      where entity_id = ${conv} and action = 'splits_chat.transcript_read'`.execute(db())
    expect(audit.rows[0]!.n).toBe(2)
    expect((await api(w, company.admin).get(`/api/admin/conversations/${conv}`)).status).toBe(403)
    expect((await api(w, admin).get(`/api/admin/conversations/${role.id}`)).status).toBe(404)
  })
})

describe('e-mail digest', () => {
  it('e-mails unread messages older than 15 minutes, once each, also when runs race', async () => {
    const x = await world()
    await api(w, x.rachel).post(`/api/applications/${x.application.id}/messages`, { text: 'Any news?' })
    const deliveries = async () =>
      (
        await sql<{ user_id: string }>`select user_id from notifications.deliveries
          where kind = 'conversation.messages_unread' and channel = 'email'
            and user_id in (${sql.join([x.manager.userId, x.company.admin.userId, x.rachel.userId])})`.execute(
          db(),
        )
      ).rows
    // too fresh
    await runChatDigest(app.ctx)
    expect(await deliveries()).toHaveLength(0)
    clock.advance(16 * 60_000)
    const runs = await Promise.all([runChatDigest(app.ctx), runChatDigest(app.ctx), runChatDigest(app.ctx)])
    expect(runs.reduce((n, r) => n + r.emailed, 0)).toBeGreaterThanOrEqual(2)
    const sent = await deliveries()
    // the two team members, not the sender
    expect(sent.map((d) => d.user_id).sort()).toEqual([x.manager.userId, x.company.admin.userId].sort())
    await runChatDigest(app.ctx)
    expect(await deliveries()).toHaveLength(2)
    // read messages are not e-mailed: the manager reads a second one in time
    const second = await api(w, x.rachel).post(`/api/applications/${x.application.id}/messages`, {
      text: 'Following up',
    })
    await api(w, x.manager).post(`/api/conversations/${second.body.conversation_id}/read`, {
      message_id: second.body.id,
    })
    clock.advance(16 * 60_000)
    await runChatDigest(app.ctx)
    const after = await deliveries()
    expect(after.filter((d) => d.user_id === x.manager.userId)).toHaveLength(1)
    expect(after.filter((d) => d.user_id === x.company.admin.userId)).toHaveLength(2)
  })
})

describe('real time', () => {
  it('a hiring manager’s answer reaches the recruiter’s socket', async () => {
    const x = await world()
    const ws = socketFor(x.rachel)
    await ws.ready
    const sent = await api(w, x.manager).post(`/api/applications/${x.application.id}/messages`, {
      text: 'Can she start in June?',
    })
    const pushed = await ws.next((e) => e.type === 'message')
    expect(pushed.message).toMatchObject({ id: sent.body.id, text: 'Can she start in June?' })
    ws.ws.close()
  })
})

function socketFor(who: TestSession) {
  const url = `${app.baseUrl.replace(/^http/, 'ws')}/api/conversations/socket`
  const ws = new WebSocket(url, { headers: { cookie: who.headers.cookie!, origin: app.baseUrl } })
  const events: Record<string, unknown>[] = []
  const waiting: {
    test: (e: Record<string, unknown>) => boolean
    resolve: (e: Record<string, unknown>) => void
  }[] = []
  ws.on('message', (data) => {
    const e = JSON.parse(String(data)) as Record<string, unknown>
    events.push(e)
    for (const x of [...waiting]) {
      if (x.test(e)) {
        waiting.splice(waiting.indexOf(x), 1)
        x.resolve(e)
      }
    }
  })
  const next = (test: (e: Record<string, unknown>) => boolean, ms = 5000) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const found = events.find(test)
      if (found) return resolve(found)
      const t = setTimeout(() => reject(new Error(`no event in ${ms} ms: ${JSON.stringify(events)}`)), ms)
      waiting.push({
        test,
        resolve: (e) => {
          clearTimeout(t)
          resolve(e)
        },
      })
    })
  return { ws, next, ready: next((e) => e.type === 'ready') }
}
