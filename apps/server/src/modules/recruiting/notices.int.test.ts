import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiClient } from '../../../../../packages/testing/src/api-client.ts'
import { eventually } from '../../../../../packages/testing/src/eventually.ts'
import { addAcmeCompany } from '../../../../../packages/testing/src/fixtures.ts'
import { sessionFor, type TestSession } from '../../../../../packages/testing/src/sessions.ts'
import { startTestApp } from '../../../../../packages/testing/src/test-app.ts'
import { useTestDatabase } from '../../../../../packages/testing/src/test-database.ts'
import type { RunningApp } from '../../app.ts'
import { demoPersonasSeed } from '../identity/seed.ts'
import { notifyPeopleConsumer } from './notices.ts'

const database = useTestDatabase()
let app: RunningApp & { baseUrl: string }
const s: Record<string, TestSession> = {}
const ids: Record<string, string> = {}
const as = (who: string) => apiClient(app.baseUrl, s[who])

beforeAll(async () => {
  app = await startTestApp(database.current.url, { env: { DEMO_MODE: 'true' } })
  await demoPersonasSeed.run(app.ctx, () => {})
  ids.acme = await addAcmeCompany(app.ctx)
  for (const [k, email] of Object.entries({
    dana: 'dana@acme.demo',
    eli: 'eli@acme.demo',
    rachel: 'rachel@recruiters.demo',
  })) {
    s[k] = await sessionFor(app.ctx, { email })
  }
})
afterAll(async () => app?.stop())

const emailsTo = async (email: string) =>
  (
    await database.current.pool.query(
      `select subject, body from notifications.dev_outbox where recipient = $1 and channel = 'email' order by created_at`,
      [email],
    )
  ).rows

describe('marketplace notices', () => {
  it('lets people choose channels per event type', async () => {
    const defaults = await as('eli').get('/api/notifications/preferences')
    const kinds = defaults.body.data.map((p: { event_type: string; in_app: boolean; email: boolean }) => [
      p.event_type,
      p.in_app,
      p.email,
    ])
    // every kind a module declares is listed once (modules add kinds: the order is theirs)
    expect(new Set(kinds.map((k: unknown[]) => k[0])).size).toBe(kinds.length)
    expect(kinds).toEqual(
      expect.arrayContaining([
        ['application.information_requested', true, true],
        ['application.information_answered', true, true],
        ['application.feedback_added', true, true],
        ['application.submitted', true, true],
        ['application.stage_changed', true, true],
        ['placement.created', true, true],
        ['interview.confirmed', true, true],
        ['conversation.messages_unread', false, true],
      ]),
    )
    const off = await as('eli').put('/api/notifications/preferences', {
      preferences: [{ event_type: 'application.submitted', in_app: true, email: false }],
    })
    expect(
      off.body.data.find((p: { event_type: string }) => p.event_type === 'application.submitted'),
    ).toMatchObject({ in_app: true, email: false })
    const bad = await as('eli').put('/api/notifications/preferences', {
      preferences: [{ event_type: 'role.secret', in_app: true, email: true }],
    })
    expect(bad.status).toBe(400)
  })

  it('rings the hiring team’s bell and emails them when a candidate is submitted, as they chose', async () => {
    const role = await as('dana').post('/api/roles', {
      company_id: ids.acme,
      title: 'Firmware Engineer',
      description: 'Embedded C',
      function: 'engineering',
      seniority: 'mid',
      work_mode: 'onsite',
      salary: { min: '12000000', max: '15000000', currency: 'USD' },
    })
    await as('dana').post(`/api/roles/${role.body.id}/status`, { status: 'open' })
    const candidate = await as('rachel').post('/api/candidates', {
      full_name: 'Lena Park',
      email: 'lena@park.demo',
      consent: { method: 'email' },
    })
    const submitted = await as('rachel').post('/api/applications', {
      role_id: role.body.id,
      candidate_id: candidate.body.candidate.id,
    })
    ids.app = submitted.body.id

    const danaBell = await eventually('Dana’s bell', async () => {
      const r = await as('dana').get('/api/notifications/unread-count')
      return r.body.count > 0 ? r.body.count : undefined
    })
    expect(danaBell).toBe(1)
    expect((await as('eli').get('/api/notifications/unread-count')).body.count).toBe(1)
    const list = await as('dana').get('/api/notifications')
    expect(list.body.data[0]).toMatchObject({
      type: 'application.submitted',
      title: 'New candidate for Firmware Engineer',
      body: 'Rachel Green submitted Lena Park.',
      link: `/splits/applications/${ids.app}`,
      read_at: null,
    })
    // Dana gets the email; Eli turned email off for submissions
    await eventually('Dana’s email', async () =>
      (await emailsTo('dana@acme.demo')).length ? true : undefined,
    )
    expect((await emailsTo('dana@acme.demo'))[0]).toMatchObject({
      subject: 'New candidate for Firmware Engineer',
    })
    expect(await emailsTo('eli@acme.demo')).toEqual([])
    // the recruiter who submitted is not told about her own action
    expect((await as('rachel').get('/api/notifications/unread-count')).body.count).toBe(0)
  })

  it('tells the recruiter when her candidate moves, with the reason for a rejection', async () => {
    await as('eli').post(`/api/applications/${ids.app}/stage`, { to: 'rejected', reason: 'Needs more Rust' })
    const n = await eventually('Rachel’s notification', async () => {
      const r = await as('rachel').get('/api/notifications?unread=true')
      return r.body.data[0]
    })
    expect(n).toMatchObject({
      // stages in words people read (issue 7 §15), not the lowercase codes
      title: 'Lena Park: Rejected for Firmware Engineer',
      body: 'Moved from Submitted to Rejected. Reason: Needs more Rust',
    })
  })

  it('marks one or all read, and keeps everyone to their own', async () => {
    const [first] = (await as('dana').get('/api/notifications')).body.data
    expect((await as('rachel').post(`/api/notifications/${first.id}/read`)).status).toBe(404)
    expect((await as('dana').post(`/api/notifications/${first.id}/read`)).status).toBe(204)
    expect((await as('dana').get('/api/notifications/unread-count')).body.count).toBe(0)
    await as('eli').post('/api/notifications/read-all')
    expect((await as('eli').get('/api/notifications/unread-count')).body.count).toBe(0)
  })

  it('does nothing the second time the same event is delivered', async () => {
    const { rows } = await database.current.pool.query(
      `select event_id, event_type, aggregate_type, aggregate_id, payload, occurred_at from platform.outbox where event_type = 'application.submitted'`,
    )
    const e = rows[0]
    const envelope = {
      event_id: e.event_id,
      event: e.event_type,
      timestamp: e.occurred_at.toISOString(),
      aggregate: { type: e.aggregate_type, id: e.aggregate_id },
      request_id: null,
      data: e.payload,
    }
    const run = { id: 'x', name: 'n', retryCount: 1, signal: new AbortController().signal, log: app.ctx.log }
    expect(await notifyPeopleConsumer.job.handler(envelope, app.ctx, run)).toEqual({
      skipped: 'already processed',
    })
    const count = await database.current.pool.query(
      `select count(*)::int as n from notifications.inbox where event_id = $1`,
      [e.event_id],
    )
    expect(count.rows[0].n).toBe(2)
  })
})
