import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eventually } from '../../../../../../packages/testing/src/eventually.ts'
import {
  api,
  makeCompany,
  makeRecruiter,
  makeRole,
  type World,
} from '../../../../../../packages/testing/src/factories/index.ts'
import { startTestApp } from '../../../../../../packages/testing/src/test-app.ts'
import { useTestDatabase } from '../../../../../../packages/testing/src/test-database.ts'
import type { RunningApp } from '../../../app.ts'
import { inTransaction, systemActor } from '../../../kernel/db/transaction.ts'
import type { RecruitingTx } from '../database.ts'
import { alertNewRole, savedSearchAlertsConsumer, sendDailyDigests } from './alerts.ts'

const database = useTestDatabase()
let app: RunningApp & { baseUrl: string }
let w: World

beforeAll(async () => {
  app = await startTestApp(database.current.url)
  w = { ctx: app.ctx, baseUrl: app.baseUrl }
})
afterAll(async () => app?.stop())

const q = async (text: string, values: unknown[] = []) =>
  (await database.current.pool.query(text, values)).rows
const inbox = (userId: string) =>
  q(`select type, title, body, link from notifications.inbox where user_id = $1 order by created_at, id`, [
    userId,
  ])
const asSystem = <T>(fn: (tx: RecruitingTx) => Promise<T>) =>
  inTransaction(app.ctx.db, systemActor('test'), (tx) => fn(tx as unknown as RecruitingTx))

describe('saved searches', () => {
  it('saves, lists, changes and deletes a search of one’s own', async () => {
    const rachel = await makeRecruiter(w)
    const created = await api(w, rachel).post('/api/saved-searches', {
      name: 'Remote engineering',
      filters: { function: 'engineering', work_mode: 'remote', salary_min: '15000000' },
      sort: 'fee',
    })
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({
      name: 'Remote engineering',
      filters: { function: 'engineering', work_mode: 'remote', salary_min: '15000000' },
      sort: 'fee',
      alert_frequency: 'instant',
      channel: 'email',
      matched_roles: 0,
      version: 1,
    })
    const id = created.body.id
    const list = await api(w, rachel).get('/api/saved-searches')
    expect(list.body).toMatchObject({ limit: 25, data: [{ id, name: 'Remote engineering' }] })
    const changed = await api(w, rachel).patch(`/api/saved-searches/${id}`, {
      name: 'Remote eng (daily)',
      alert_frequency: 'daily',
      channel: 'in_app',
      version: 1,
    })
    expect(changed.body).toMatchObject({ name: 'Remote eng (daily)', alert_frequency: 'daily', version: 2 })
    const stale = await api(w, rachel).patch(`/api/saved-searches/${id}`, { sort: 'salary', version: 1 })
    expect(stale.status).toBe(409)
    expect(stale.body.code).toBe('version_conflict')
    expect((await api(w, rachel).delete(`/api/saved-searches/${id}`)).status).toBe(204)
    expect((await api(w, rachel).get(`/api/saved-searches/${id}`)).status).toBe(404)
  })

  it('refuses bad input with a 400 naming the field, saving nothing', async () => {
    const rachel = await makeRecruiter(w)
    const cases: [Record<string, unknown>, number, string, string][] = [
      [{}, 400, 'validation_failed', 'body.name'],
      [{ name: '   ' }, 400, 'validation_failed', 'body.name'],
      [{ name: 'x'.repeat(101) }, 400, 'validation_failed', 'body.name'],
      [{ name: 'A', filters: { colour: 'blue' } }, 400, 'unknown_filter', 'body.filters.colour'],
      [{ name: 'A', filters: { status: 'open' } }, 400, 'unknown_filter', 'body.filters.status'],
      [{ name: 'A', filters: { seniority: 'wizard' } }, 400, 'validation_failed', 'body.filters.seniority'],
      [{ name: 'A', filters: { salary_min: '12.5' } }, 400, 'validation_failed', 'body.filters.salary_min'],
      [{ name: 'A', sort: 'cheapest' }, 400, 'validation_failed', 'body.sort'],
      [{ name: 'A', alert_frequency: 'hourly' }, 400, 'validation_failed', 'body.alert_frequency'],
      [{ name: 'A', channel: 'sms' }, 400, 'validation_failed', 'body.channel'],
      [{ name: 'A', surprise: 1 }, 400, 'validation_failed', 'body.surprise'],
    ]
    for (const [body, status, code, field] of cases) {
      const r = await api(w, rachel).post('/api/saved-searches', body)
      expect({ body, status: r.status, code: r.body.code, field: r.body.errors?.[0]?.field }).toEqual({
        body,
        status,
        code,
        field,
      })
    }
    expect((await api(w, rachel).get('/api/saved-searches')).body.data).toEqual([])
  })

  it('refuses a duplicate name (any case), other people’s searches and other personas', async () => {
    const [rachel, tom] = [await makeRecruiter(w), await makeRecruiter(w)]
    const company = await makeCompany(w)
    const mine = await api(w, rachel).post('/api/saved-searches', { name: 'Backend' })
    const dup = await api(w, rachel).post('/api/saved-searches', { name: 'BACKEND' })
    expect(dup.status).toBe(409)
    expect(dup.body.code).toBe('saved_search_name_taken')
    // another recruiter may use the same name, and cannot see, change or delete mine
    expect((await api(w, tom).post('/api/saved-searches', { name: 'Backend' })).status).toBe(201)
    expect((await api(w, tom).get(`/api/saved-searches/${mine.body.id}`)).status).toBe(404)
    expect(
      (await api(w, tom).patch(`/api/saved-searches/${mine.body.id}`, { name: 'Mine now' })).status,
    ).toBe(404)
    expect((await api(w, tom).delete(`/api/saved-searches/${mine.body.id}`)).status).toBe(404)
    expect((await api(w, tom).get('/api/saved-searches')).body.data).toHaveLength(1)
    expect((await api(w, company.admin).get('/api/saved-searches')).status).toBe(403)
    expect((await api(w, company.admin).post('/api/saved-searches', { name: 'x' })).status).toBe(403)
    expect((await api(w, rachel).get(`/api/saved-searches/${mine.body.id}`)).body.name).toBe('Backend')
    // row-level security hides them in SQL too: as Tom, the table has only his own
    const second = await api(w, rachel).patch(`/api/saved-searches/${mine.body.id}`, { name: 'backend' })
    expect(second.status).toBe(200)
  })

  it('keeps the limit of 25 exactly when 20 saves arrive at once, and one name once', async () => {
    const rachel = await makeRecruiter(w)
    for (let i = 0; i < 10; i++) {
      expect((await api(w, rachel).post('/api/saved-searches', { name: `Search ${i}` })).status).toBe(201)
    }
    const burst = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        api(w, rachel).post('/api/saved-searches', { name: `Burst ${i}` }),
      ),
    )
    const statuses = burst.map((r) => r.status).sort()
    expect(statuses.filter((s) => s === 201)).toHaveLength(15)
    expect(burst.filter((r) => r.status === 409).map((r) => r.body.code)).toEqual(
      Array(5).fill('saved_search_limit'),
    )
    expect((await api(w, rachel).get('/api/saved-searches')).body.data).toHaveLength(25)

    const tom = await makeRecruiter(w)
    const same = await Promise.all(
      Array.from({ length: 20 }, () => api(w, tom).post('/api/saved-searches', { name: 'Same name' })),
    )
    expect(same.filter((r) => r.status === 201)).toHaveLength(1)
    expect(same.filter((r) => r.status === 409).every((r) => r.body.code === 'saved_search_name_taken')).toBe(
      true,
    )
  })
})

describe('alerts for new matching roles', () => {
  it('tells the recruiter once per role and search when a matching role opens, by email and bell', async () => {
    const company = await makeCompany(w)
    const [rachel, tom] = [await makeRecruiter(w), await makeRecruiter(w)]
    await api(w, rachel).post('/api/saved-searches', {
      name: 'Remote AI',
      filters: { company_id: company.id, work_mode: 'remote', q: 'Robotics' },
    })
    await api(w, tom).post('/api/saved-searches', {
      name: 'Onsite only',
      filters: { company_id: company.id, work_mode: 'onsite' },
    })
    const role = await makeRole(w, company, { work_mode: 'remote', title: 'Robotics Engineer' })
    await makeRole(w, company, { work_mode: 'hybrid', title: 'Robotics Lead' })
    const bell = await eventually('Rachel’s alert', async () => {
      const rows = await inbox(rachel.userId)
      return rows.length > 0 && rows
    })
    expect(bell).toEqual([
      {
        type: 'saved_search.matched',
        title: 'New role for “Remote AI”: Robotics Engineer',
        body: `Robotics Engineer at ${company.name} · Boston, MA · fee $32,000–$40,000`,
        link: `/splits/roles/${role.id}`,
      },
    ])
    await eventually('the email', async () => {
      const rows = await q(
        `select 1 from notifications.deliveries where user_id = $1 and channel = 'email'`,
        [rachel.userId],
      )
      return rows.length === 1
    })
    // handled again (a redelivered event, a reopened role): nothing more
    const { rows } = await database.current.pool.query(
      `select event_id, event_type, aggregate_type, aggregate_id, payload, occurred_at from platform.outbox
        where event_type = 'role.opened' and aggregate_id = $1`,
      [role.id],
    )
    const e = rows[0]
    const run = { id: 'x', name: 'n', retryCount: 1, signal: new AbortController().signal, log: app.ctx.log }
    const envelope = {
      event_id: e.event_id,
      event: e.event_type,
      timestamp: e.occurred_at.toISOString(),
      aggregate: { type: e.aggregate_type, id: e.aggregate_id },
      request_id: null,
      data: e.payload,
    }
    expect(await savedSearchAlertsConsumer.job.handler(envelope, app.ctx, run)).toEqual({
      skipped: 'already processed',
    })
    expect(await asSystem((tx) => alertNewRole(app.ctx, tx, role.id))).toEqual({ matched: 0, told: 0 })
    await api(w, company.admin).post(`/api/roles/${role.id}/status`, { status: 'paused' })
    await api(w, company.admin).post(`/api/roles/${role.id}/status`, { status: 'open' })
    await new Promise((r) => setTimeout(r, 1000))
    expect(await inbox(rachel.userId)).toHaveLength(1)
    expect(await inbox(tom.userId)).toHaveLength(0)
    const saved = await api(w, rachel).get('/api/saved-searches')
    expect(saved.body.data[0]).toMatchObject({ matched_roles: 1, pending_alerts: 0 })
  })

  it('alerts only recruiters a role is shared with', async () => {
    const company = await makeCompany(w)
    const [rachel, tom] = [await makeRecruiter(w), await makeRecruiter(w)]
    for (const r of [rachel, tom]) {
      await api(w, r).post('/api/saved-searches', { name: 'All of it', filters: { company_id: company.id } })
    }
    const role = await makeRole(w, company, { visibility: 'assigned' }, { status: 'draft' })
    await api(w, company.admin).put(`/api/roles/${role.id}/assignments`, { recruiter_ids: [tom.recruiterId] })
    await api(w, company.admin).post(`/api/roles/${role.id}/status`, { status: 'open' })
    await eventually('Tom’s alert', async () => (await inbox(tom.userId)).length === 1)
    expect(await inbox(rachel.userId)).toHaveLength(0)
  })

  it('batches daily searches into one digest, in the app only when asked, and sends it once', async () => {
    const company = await makeCompany(w)
    const rachel = await makeRecruiter(w)
    const search = await api(w, rachel).post('/api/saved-searches', {
      name: 'Daily digest',
      filters: { company_id: company.id },
      alert_frequency: 'daily',
      channel: 'in_app',
    })
    const roles = [await makeRole(w, company), await makeRole(w, company), await makeRole(w, company)]
    await eventually('three matches', async () => {
      const r = await api(w, rachel).get(`/api/saved-searches/${search.body.id}`)
      return r.body.pending_alerts === 3
    })
    expect(await inbox(rachel.userId)).toHaveLength(0)
    const first = await asSystem((tx) => sendDailyDigests(app.ctx, tx))
    expect(first.digests).toBeGreaterThanOrEqual(1)
    const bell = await inbox(rachel.userId)
    expect(bell).toHaveLength(1)
    expect(bell[0]).toMatchObject({
      type: 'saved_search.matched_in_app',
      title: '3 new roles for “Daily digest”',
      link: `/splits/roles?saved=${search.body.id}`,
    })
    for (const r of roles) expect(bell[0].body).toContain(r.title)
    expect(
      await q(`select 1 from notifications.deliveries where user_id = $1`, [rachel.userId]),
    ).toHaveLength(0)
    await asSystem((tx) => sendDailyDigests(app.ctx, tx))
    expect(await inbox(rachel.userId)).toHaveLength(1)
  })
})
