import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eventually } from '../../../../../../packages/testing/src/eventually.ts'
import {
  api,
  makeCandidate,
  makeCompany,
  makeRecruiter,
  makeRole,
  makeTeamMember,
  platformAdmin,
  submitCandidate,
  type TestCompany,
  type TestRecruiter,
  type World,
} from '../../../../../../packages/testing/src/factories/index.ts'
import type { TestSession } from '../../../../../../packages/testing/src/sessions.ts'
import { startTestApp } from '../../../../../../packages/testing/src/test-app.ts'
import { useTestDatabase } from '../../../../../../packages/testing/src/test-database.ts'
import type { RunningApp } from '../../../app.ts'
import { FixedClock } from '../../../kernel/clock.ts'
import { inTransaction, systemActor } from '../../../kernel/db/transaction.ts'
import { parseIcs, resolveIcsTime } from './ics.ts'
import { sendInterviewReminders } from './reminders.ts'

const database = useTestDatabase()
// Friday 20 March 2026: Israel moves its clocks forward on Friday 27 March 2026 at 02:00 (a past date:
// pg-boss starts delayed jobs by the real clock)
const clock = new FixedClock('2026-03-20T08:00:00Z')
let app: RunningApp & { baseUrl: string }
let w: World
const mails: { to: string[]; raw: string }[] = []
let smtp: SMTPServer

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      let raw = ''
      stream.on('data', (chunk) => (raw += chunk))
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw })
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve))
  const port = (smtp.server.address() as AddressInfo).port
  app = await startTestApp(database.current.url, {
    clock,
    // the clock moves weeks ahead within one test: sessions must outlive it
    env: { DEMO_MODE: 'false', SMTP_URL: `smtp://127.0.0.1:${port}`, SESSION_IDLE_HOURS: '2000' },
  })
  w = { ctx: app.ctx, baseUrl: app.baseUrl }
})
afterAll(async () => {
  await app?.stop()
  await new Promise<void>((resolve) => smtp.close(() => resolve()))
})

interface Scene {
  company: TestCompany
  manager: Awaited<ReturnType<typeof makeTeamMember>>
  recruiter: TestRecruiter
  application: { id: string }
  candidateId: string
}

async function scene(): Promise<Scene> {
  const company = await makeCompany(w)
  const manager = await makeTeamMember(w, company)
  const recruiter = await makeRecruiter(w)
  const role = await makeRole(w, company)
  const person = await makeCandidate(w, recruiter)
  const application = await submitCandidate(w, recruiter, role.id, person.id)
  return { company, manager, recruiter, application, candidateId: person.id }
}

const proposal = (s: Scene, over: Record<string, unknown> = {}) => ({
  application_id: s.application.id,
  kind: 'video',
  duration_minutes: 45,
  time_zone: 'Asia/Jerusalem',
  slots: [{ start: '2026-03-27T10:00' }, { start: '2026-03-30T15:30' }],
  interviewer_user_ids: [s.manager.userId],
  meeting_link: 'https://meet.example.test/abc-defg',
  agenda: 'System design, 45 minutes',
  ...over,
})

async function ics(
  as: TestSession,
  id: string,
): Promise<{ status: number; text: string; type: string | null }> {
  const res = await fetch(`${w.baseUrl}/api/interviews/${id}/invite.ics`, { headers: as.headers })
  return { status: res.status, text: await res.text(), type: res.headers.get('content-type') }
}

/** A property of the VEVENT (the VTIMEZONE has DTSTARTs of its own), or of the calendar. */
const prop = (text: string, name: string) => {
  const all = parseIcs(text)
  const event = all.findIndex((p) => p.name === 'BEGIN' && p.value === 'VEVENT')
  return all.slice(event).find((p) => p.name === name) ?? all.find((p) => p.name === name)
}

async function inbox(userId: string, type: string) {
  return inTransaction(w.ctx.db, systemActor('test'), async (tx) =>
    // biome-ignore lint/suspicious/noExplicitAny: a test reads another module's table to count notices
    (tx as any)
      .selectFrom('notifications.inbox')
      .select(['title', 'link', 'body'])
      .where('user_id', '=', userId)
      .where('type', '=', type)
      .execute(),
  ) as Promise<{ title: string; link: string; body: string }[]>
}

describe('the journey', () => {
  it('proposes, confirms with a calendar invitation in the meeting’s zone, reschedules, completes and asks for feedback', async () => {
    const s = await scene()
    const proposed = await api(w, s.company.admin).post('/api/interviews', proposal(s))
    expect(proposed.status).toBe(201)
    expect(proposed.body).toMatchObject({
      status: 'proposed',
      awaiting: 'recruiter',
      time_zone: 'Asia/Jerusalem',
      sequence: 0,
      interviewers: [{ user_id: s.manager.userId }],
    })
    // 10:00 on 27 March is already summer time (UTC+3): 07:00Z; 30 March 15:30 → 12:30Z
    expect(proposed.body.slots.map((x: { starts_at: string }) => x.starts_at)).toEqual([
      '2026-03-27T07:00:00.000Z',
      '2026-03-30T12:30:00.000Z',
    ])
    const id = proposed.body.id
    // the recruiter is told
    await eventually(
      'proposal notice',
      async () => (await inbox(s.recruiter.userId, 'interview.proposed')).length === 1,
    )
    // no invitation before a time is confirmed
    expect((await ics(s.recruiter, id)).status).toBe(409)

    const confirmed = await api(w, s.recruiter).post(`/api/interviews/${id}/confirm`, {
      slot_id: proposed.body.slots[0].id,
      version: proposed.body.version,
    })
    expect(confirmed.status).toBe(200)
    expect(confirmed.body).toMatchObject({
      status: 'confirmed',
      starts_at: '2026-03-27T07:00:00.000Z',
      ends_at: '2026-03-27T07:45:00.000Z',
      sequence: 0,
    })
    expect(confirmed.body.slots.map((x: { status: string }) => x.status)).toEqual(['chosen', 'withdrawn'])
    // the pipeline follows: submitted → screening → interview, with the reason in the history
    const application = (await api(w, s.manager).get(`/api/applications/${s.application.id}`)).body
    expect(application.stage).toBe('interview')
    const moves = application.history.slice(-2)
    expect(moves.map((h: { to_stage: string }) => h.to_stage)).toEqual(['screening', 'interview'])
    for (const h of moves) {
      expect(h.changed_by).toBe(s.recruiter.userId)
      expect(h.reason).toMatch(/^Interview confirmed for /)
    }
    // confirming twice
    const twice = await api(w, s.recruiter).post(`/api/interviews/${id}/confirm`, {
      slot_id: proposed.body.slots[0].id,
    })
    expect(twice.status).toBe(409)
    expect(twice.body.code).toBe('invalid_state_transition')

    // the .ics: REQUEST, TZID with its VTIMEZONE, and read back it is the confirmed instant
    const invite = await ics(s.manager, id)
    expect(invite.status).toBe(200)
    expect(invite.type).toContain('text/calendar')
    expect(invite.text).toContain('\r\n')
    for (const line of invite.text.split('\r\n'))
      expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75)
    const props = parseIcs(invite.text)
    expect(prop(invite.text, 'METHOD')?.value).toBe('REQUEST')
    expect(prop(invite.text, 'SEQUENCE')?.value).toBe('0')
    const uid = prop(invite.text, 'UID')?.value
    expect(uid).toBe(`interview-${id}@${new URL(w.ctx.config.http.publicUrl).hostname}`)
    const start = prop(invite.text, 'DTSTART')!
    expect(start.params.TZID).toBe('Asia/Jerusalem')
    expect(start.value).toBe('20260327T100000')
    expect(resolveIcsTime(props, start).toISOString()).toBe('2026-03-27T07:00:00.000Z')
    expect(resolveIcsTime(props, prop(invite.text, 'DTEND')!).toISOString()).toBe('2026-03-27T07:45:00.000Z')
    expect(props.filter((p) => p.name === 'ATTENDEE').map((p) => p.value)).toHaveLength(2)

    // emailed to the interviewer and the recruiter as text/calendar with method=REQUEST
    const invited = await eventually('invitation emails', () => {
      const m = mails.filter((x) => x.raw.includes(uid!) && /method=REQUEST/i.test(x.raw))
      return m.length >= 3 && m
    })
    // the interviewer, the recruiter, and the team member who proposed it
    expect(invited.flatMap((m) => m.to).sort()).toEqual(
      [s.manager.email, s.recruiter.email, s.company.admin.email].sort(),
    )
    expect(invited[0]!.raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/i)

    // reschedule: the old time is cancelled (SEQUENCE 1), the new confirmed one is sent as SEQUENCE 2, same UID
    const moved = await api(w, s.company.admin).post(`/api/interviews/${id}/reschedule`, {
      slots: [{ start: '2026-04-01T09:00' }],
      note: 'The interviewer is travelling',
    })
    expect(moved.status).toBe(200)
    expect(moved.body).toMatchObject({
      status: 'proposed',
      awaiting: 'recruiter',
      sequence: 1,
      starts_at: null,
    })
    await eventually('cancellation emails', () =>
      mails.some((x) => x.raw.includes(uid!) && /method=CANCEL/i.test(x.raw)),
    )
    const again = await api(w, s.recruiter).post(`/api/interviews/${id}/confirm`, {
      slot_id: moved.body.slots.find((x: { status: string }) => x.status === 'open').id,
    })
    expect(again.body).toMatchObject({
      status: 'confirmed',
      sequence: 2,
      starts_at: '2026-04-01T06:00:00.000Z',
    })
    const reinvite = await ics(s.recruiter, id)
    expect(prop(reinvite.text, 'UID')?.value).toBe(uid)
    expect(prop(reinvite.text, 'SEQUENCE')?.value).toBe('2')
    expect(again.body.history.map((h: { action: string }) => h.action)).toEqual([
      'proposed',
      'confirmed',
      'rescheduled',
      'confirmed',
    ])

    // not before it ends
    const early = await api(w, s.company.admin).post(`/api/interviews/${id}/complete`, {})
    expect(early.status).toBe(409)
    expect(early.body.code).toBe('interview_not_ended')
    clock.set('2026-04-01T07:00:00Z')
    const done = await api(w, s.manager).post(`/api/interviews/${id}/complete`, {})
    expect(done.status).toBe(200)
    expect(done.body.status).toBe('completed')
    const asked = await eventually('feedback notice', async () => {
      const n = await inbox(s.manager.userId, 'interview.feedback_requested')
      return n.length === 1 && n
    })
    expect(asked[0]!.link).toBe(`/splits/applications/${s.application.id}?tab=feedback&interview=${id}`)
    // the job later does not ask again
    await sendInterviewReminders(w.ctx, clock.now())
    expect(await inbox(s.manager.userId, 'interview.feedback_requested')).toHaveLength(1)
    clock.set('2026-03-20T08:00:00Z')
  })

  it('declines with a note, the team proposes again; either side cancels with a reason (CANCEL after confirmation)', async () => {
    const s = await scene()
    const p = (
      await api(w, s.manager).post(
        '/api/interviews',
        proposal(s, { time_zone: 'America/New_York', slots: [{ start: '2026-03-23T09:00' }] }),
      )
    ).body
    expect(p.slots[0].starts_at).toBe('2026-03-23T13:00:00.000Z') // EDT since 8 March
    const declined = await api(w, s.recruiter).post(`/api/interviews/${p.id}/decline`, {
      note: 'She is only free after 4 pm',
    })
    expect(declined.body).toMatchObject({
      status: 'proposed',
      awaiting: 'team',
      recruiter_note: 'She is only free after 4 pm',
    })
    expect(declined.body.slots[0].status).toBe('declined')
    // nothing to confirm any more
    expect(
      (await api(w, s.recruiter).post(`/api/interviews/${p.id}/confirm`, { slot_id: p.slots[0].id })).status,
    ).toBe(409)
    const again = await api(w, s.manager).post(`/api/interviews/${p.id}/reschedule`, {
      slots: [{ start: '2026-03-23T16:30' }],
    })
    expect(again.body).toMatchObject({ awaiting: 'recruiter', sequence: 0 })
    const c = await api(w, s.recruiter).post(`/api/interviews/${p.id}/confirm`, {
      slot_id: again.body.slots.find((x: { status: string }) => x.status === 'open').id,
    })
    expect(c.status).toBe(200)
    expect((await api(w, s.recruiter).post(`/api/interviews/${p.id}/cancel`, {})).status).toBe(400)
    const cancelled = await api(w, s.recruiter).post(`/api/interviews/${p.id}/cancel`, {
      reason: 'Accepted another offer',
    })
    expect(cancelled.body).toMatchObject({
      status: 'cancelled',
      sequence: 1,
      cancel_reason: 'Accepted another offer',
    })
    const withdrawn = await ics(s.manager, p.id)
    expect(prop(withdrawn.text, 'METHOD')?.value).toBe('CANCEL')
    expect(prop(withdrawn.text, 'STATUS')?.value).toBe('CANCELLED')
    expect(prop(withdrawn.text, 'SEQUENCE')?.value).toBe('1')
    expect(prop(withdrawn.text, 'DTSTART')?.value).toBe('20260323T163000')
    // the time is free again
    const reuse = await api(w, s.manager).post(
      '/api/interviews',
      proposal(s, { time_zone: 'America/New_York', slots: [{ start: '2026-03-23T16:30' }] }),
    )
    expect(reuse.status).toBe(201)
    // a cancelled interview stays cancelled
    expect(
      (
        await api(w, s.manager).post(`/api/interviews/${p.id}/reschedule`, {
          slots: [{ start: '2026-03-24T10:00' }],
        })
      ).status,
    ).toBe(409)
  })
})

describe('bad input, nothing changed', () => {
  it('refuses the past, bad zones, impossible local times, durations, strangers as interviewers', async () => {
    const s = await scene()
    const post = (over: Record<string, unknown>) =>
      api(w, s.company.admin).post('/api/interviews', proposal(s, over))
    const past = await post({ slots: [{ start: '2026-03-20T09:00' }] }) // 07:00Z, an hour ago
    expect(past.status).toBe(422)
    expect(past.body).toMatchObject({ code: 'interview_in_past', errors: [{ field: 'body.slots[0].start' }] })
    // year 9999, or anything more than a year ahead, is no interview anyone can plan
    for (const start of ['9999-12-31T23:00', '2027-03-21T10:00', '9999-12-31T20:30:00Z']) {
      const far = await post({ slots: [{ start: '2026-03-23T10:00' }, { start }] })
      expect(far.status, start).toBe(422)
      expect(far.body, start).toMatchObject({
        code: 'interview_too_far_ahead',
        errors: [{ field: 'body.slots[1].start' }],
      })
    }
    const tz = await post({ time_zone: 'Mars/Olympus_Mons' })
    expect(tz.status).toBe(400)
    expect(tz.body).toMatchObject({ code: 'invalid_time_zone', errors: [{ field: 'body.time_zone' }] })
    expect((await post({ time_zone: '+03:00' })).body.code).toBe('invalid_time_zone')
    // 02:30 on 27 March 2026 never happens in Israel (02:00 → 03:00)
    const gap = await post({ slots: [{ start: '2026-03-27T02:30' }] })
    expect(gap.status).toBe(422)
    expect(gap.body.errors[0].field).toBe('body.slots[0].start')
    for (const d of [10, 481, 30.5]) {
      const r = await post({ duration_minutes: d })
      expect(r.status).toBe(400)
      expect(r.body.errors[0].field).toBe('body.duration_minutes')
    }
    const selfOverlap = await post({ slots: [{ start: '2026-03-27T10:00' }, { start: '2026-03-27T10:30' }] })
    expect(selfOverlap.status).toBe(400)
    const stranger = await makeRecruiter(w)
    const notTeam = await post({ interviewer_user_ids: [stranger.userId] })
    expect(notTeam.status).toBe(422)
    expect(notTeam.body.errors[0].field).toBe('body.interviewer_user_ids[0]')
    expect((await post({ surprise: 1 })).status).toBe(400)
    const list = await api(w, s.company.admin).get(
      `/api/interviews?scope=all&application_id=${s.application.id}`,
    )
    expect(list.body.data).toHaveLength(0)
  })

  it('lets only the right people act: wrong persona, the other side, outsiders', async () => {
    const s = await scene()
    const other = await makeCompany(w)
    const otherRecruiter = await makeRecruiter(w)
    // a recruiter does not propose; another company cannot see the application
    expect((await api(w, s.recruiter).post('/api/interviews', proposal(s))).status).toBe(403)
    expect((await api(w, other.admin).post('/api/interviews', proposal(s))).status).toBe(404)
    const p = (await api(w, s.manager).post('/api/interviews', proposal(s))).body
    // the team cannot confirm for the candidate; another recruiter cannot see it
    expect(
      (await api(w, s.manager).post(`/api/interviews/${p.id}/confirm`, { slot_id: p.slots[0].id })).status,
    ).toBe(403)
    expect(
      (await api(w, otherRecruiter).post(`/api/interviews/${p.id}/confirm`, { slot_id: p.slots[0].id }))
        .status,
    ).toBe(404)
    expect((await api(w, otherRecruiter).get(`/api/interviews/${p.id}`)).status).toBe(404)
    expect((await api(w, other.admin).get(`/api/interviews/${p.id}`)).status).toBe(404)
    expect((await ics(other.admin, p.id)).status).toBe(404)
    expect((await api(w, otherRecruiter).get('/api/interviews?scope=all')).body.data).toHaveLength(0)
    // the recruiter does not reschedule or complete
    expect(
      (
        await api(w, s.recruiter).post(`/api/interviews/${p.id}/reschedule`, {
          slots: [{ start: '2026-04-02T10:00' }],
        })
      ).status,
    ).toBe(403)
    expect((await api(w, s.recruiter).post(`/api/interviews/${p.id}/complete`, {})).status).toBe(403)
    // a slot of another interview
    const q = (
      await api(w, s.manager).post('/api/interviews', proposal(s, { slots: [{ start: '2026-05-04T10:00' }] }))
    ).body
    expect(
      (await api(w, s.recruiter).post(`/api/interviews/${p.id}/confirm`, { slot_id: q.slots[0].id })).status,
    ).toBe(422)
    // both sides and the admin list it
    for (const who of [s.recruiter, s.manager, await platformAdmin(w)]) {
      const mine = await api(w, who).get('/api/interviews?scope=upcoming')
      expect(mine.body.data.map((i: { id: string }) => i.id)).toContain(p.id)
    }
  })
})

describe('paging', () => {
  it('walks every interview once, ties included, while more are proposed at the same time', async () => {
    const s = await scene()
    const role = await makeRole(w, s.company)
    const propose = async () => {
      const person = await makeCandidate(w, s.recruiter)
      const app = await submitCandidate(w, s.recruiter, role.id, person.id)
      // every candidate at the same time: the sort time ties, only the id orders them
      const r = await api(w, s.company.admin).post(
        '/api/interviews',
        proposal(s, { application_id: app.id, slots: [{ start: '2026-04-02T10:00' }] }),
      )
      expect(r.status).toBe(201)
      return r.body.id as string
    }
    const before: string[] = []
    for (let k = 0; k < 5; k++) before.push(await propose())
    for (const scope of ['upcoming', 'all']) {
      const seen: string[] = []
      let cursor: string | null = null
      for (let page = 0; page < 20; page++) {
        const r = await api(w, s.company.admin).get(
          `/api/interviews?scope=${scope}&role_id=${role.id}&limit=2${cursor ? `&starting_after=${cursor}` : ''}`,
        )
        expect(r.status).toBe(200)
        seen.push(...r.body.data.map((i: { id: string }) => i.id))
        expect(r.body.has_more).toBe(r.body.next_cursor !== null)
        cursor = r.body.next_cursor
        if (!cursor) break
        await propose() // a new one between pages, at the very same time
      }
      expect(new Set(seen).size, scope).toBe(seen.length)
      for (const id of before) expect(seen, scope).toContain(id)
    }
    const other = await makeCompany(w)
    const page = await api(w, other.admin).get(`/api/interviews?scope=all&role_id=${role.id}`)
    expect(page.body).toMatchObject({ data: [], has_more: false, next_cursor: null })
    const forged = Buffer.from(JSON.stringify(['upcoming', 'x', 'y'])).toString('base64url')
    for (const bad of ['nope', forged]) {
      const r = await api(w, s.company.admin).get(`/api/interviews?starting_after=${bad}`)
      expect(r.status).toBe(400)
      expect(r.body.errors[0].field).toBe('querystring.starting_after')
    }
    // a cursor of one scope does not page another
    const first = await api(w, s.company.admin).get(`/api/interviews?scope=all&role_id=${role.id}&limit=1`)
    const cross = await api(w, s.company.admin).get(
      `/api/interviews?scope=upcoming&starting_after=${first.body.next_cursor}`,
    )
    expect(cross.status).toBe(400)
  })
})

describe('races', () => {
  it('20 concurrent proposals at the same time for one candidate: exactly one wins (exclusion constraint)', async () => {
    const s = await scene()
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, k) =>
        api(w, k % 2 ? s.manager : s.company.admin).post(
          '/api/interviews',
          proposal(s, { slots: [{ start: k % 3 ? '2026-04-05T10:00' : '2026-04-05T10:30' }] }),
        ),
      ),
    )
    expect(results.filter((r) => r.status === 201)).toHaveLength(1)
    const losers = results.filter((r) => r.status !== 201)
    expect(losers.every((r) => r.status === 409 && r.body.code === 'interview_overlap')).toBe(true)
    // adjacent, not overlapping: fine
    expect(
      (
        await api(w, s.manager).post(
          '/api/interviews',
          proposal(s, { slots: [{ start: '2026-04-05T11:30' }] }),
        )
      ).status,
    ).toBe(201)
    // the same candidate through another company's role overlaps too
    const other = await makeCompany(w)
    const role = await makeRole(w, other)
    const app2 = await submitCandidate(w, s.recruiter, role.id, s.candidateId)
    const clash = await api(w, other.admin).post('/api/interviews', {
      ...proposal(s, { slots: [{ start: '2026-04-05T10:15' }] }),
      application_id: app2.id,
      interviewer_user_ids: [other.admin.userId],
    })
    expect(clash.status).toBe(409)
    expect(clash.body.code).toBe('interview_overlap')
  })

  it('20 concurrent confirmations: one wins, the others 409', async () => {
    const s = await scene()
    const p = (
      await api(w, s.manager).post(
        '/api/interviews',
        proposal(s, { slots: [{ start: '2026-04-06T10:00' }, { start: '2026-04-07T10:00' }] }),
      )
    ).body
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, k) =>
        api(w, s.recruiter).post(`/api/interviews/${p.id}/confirm`, { slot_id: p.slots[k % 2].id }),
      ),
    )
    expect(results.filter((r) => r.status === 200)).toHaveLength(1)
    expect(results.filter((r) => r.status === 409)).toHaveLength(19)
    const final = (await api(w, s.recruiter).get(`/api/interviews/${p.id}`)).body
    expect(final.history.filter((h: { action: string }) => h.action === 'confirmed')).toHaveLength(1)
    expect(final.slots.filter((x: { status: string }) => x.status === 'chosen')).toHaveLength(1)
  })

  it('reminders 24 h and 1 h before, once each, also when the job runs concurrently and twice', async () => {
    const s = await scene()
    const p = (
      await api(w, s.manager).post('/api/interviews', proposal(s, { slots: [{ start: '2026-04-08T10:00' }] }))
    ).body
    await api(w, s.recruiter).post(`/api/interviews/${p.id}/confirm`, { slot_id: p.slots[0].id })
    const starts = new Date('2026-04-08T07:00:00Z').getTime()
    const runAt = async (ms: number) => {
      clock.set(new Date(starts - ms))
      const runs = await Promise.all(
        Array.from({ length: 5 }, () => sendInterviewReminders(w.ctx, clock.now())),
      )
      await sendInterviewReminders(w.ctx, clock.now())
      return runs
    }
    await runAt(30 * 3_600_000) // too early: nothing
    expect(await inbox(s.manager.userId, 'interview.reminder')).toHaveLength(0)
    await runAt(23 * 3_600_000)
    await runAt(22 * 3_600_000)
    const day = await inbox(s.manager.userId, 'interview.reminder')
    expect(day).toHaveLength(1)
    expect(day[0]!.title).toMatch(/^Tomorrow/)
    expect(day[0]!.body).toContain('Wed, 8 Apr 2026, 10:00 (Asia/Jerusalem)')
    await runAt(50 * 60_000)
    await runAt(10 * 60_000)
    const both = await inbox(s.recruiter.userId, 'interview.reminder')
    expect(both.map((n) => n.title.split(':')[0]).sort()).toEqual(['In 1 hour', 'Tomorrow'])
    expect(await inbox(s.manager.userId, 'interview.reminder')).toHaveLength(2)
    clock.set('2026-03-20T08:00:00Z')
  })
})
