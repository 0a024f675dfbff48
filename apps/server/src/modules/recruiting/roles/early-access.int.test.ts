import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eventually } from '../../../../../../packages/testing/src/eventually.ts'
import {
  api,
  makeCandidate,
  makeCompany,
  makeRecruiter,
  makeRole,
  type TestRecruiter,
  type World,
} from '../../../../../../packages/testing/src/factories/index.ts'
import { startTestApp } from '../../../../../../packages/testing/src/test-app.ts'
import { useTestDatabase } from '../../../../../../packages/testing/src/test-database.ts'
import type { RunningApp } from '../../../app.ts'
import { inTransaction, systemActor } from '../../../kernel/db/transaction.ts'
import { switchTier } from '../../billing/plans/index.ts'
import { releaseEarlyAccess } from './early-access.ts'

const database = useTestDatabase()
let app: RunningApp & { baseUrl: string }
let w: World

beforeAll(async () => {
  app = await startTestApp(database.current.url)
  w = { ctx: app.ctx, baseUrl: app.baseUrl }
})
afterAll(async () => app?.stop())

const HOUR = 3_600_000
const q = async (text: string, values: unknown[] = []) =>
  (await database.current.pool.query(text, values)).rows

/** A recruiter on the Partner plan, as billing records a plan change. */
async function partner(): Promise<TestRecruiter> {
  const r = await makeRecruiter(w)
  await inTransaction(app.ctx.db, systemActor('test'), (tx) =>
    switchTier(tx, r.recruiterId, 'partner', new Date(), 'admin', null),
  )
  return r
}

/** What row-level security alone lets a recruiter read (no application code in between). */
const rowVisible = (r: TestRecruiter, roleId: string) =>
  inTransaction(app.ctx.db, { kind: 'user', userId: r.userId, roles: ['recruiter'] }, async (tx) => {
    const rows = await sql<{ id: string }>`select id from ats.roles where id = ${roleId}::uuid`.execute(tx)
    return rows.rows.length === 1
  })

const sees = async (r: TestRecruiter, roleId: string, companyId: string) => {
  const one = await api(w, r).get(`/api/roles/${roleId}`)
  const list = await api(w, r).get(`/api/roles?company_id=${companyId}`)
  return {
    byId: one.status,
    inList: list.body.data.some((x: { id: string }) => x.id === roleId),
    total: list.body.total_count,
    rls: await rowVisible(r, roleId),
  }
}

describe('early access to new roles (a plan entitlement)', () => {
  it('shows a first-look role to Partner recruiters at once and to everyone else when it is released', async () => {
    const company = await makeCompany(w)
    const [tom, rachel] = [await partner(), await makeRecruiter(w)]
    const opened = await makeRole(w, company, { early_access: true })
    expect(opened.early_access).toBe(true)
    const until = Date.parse(opened.early_access_until)
    expect(until - Date.parse(opened.opened_at)).toBe(24 * HOUR)

    expect(await sees(tom, opened.id, company.id)).toEqual({ byId: 200, inList: true, total: 1, rls: true })
    expect(await sees(rachel, opened.id, company.id)).toEqual({
      byId: 404,
      inList: false,
      total: 0,
      rls: false,
    })
    // the hiring team sees its role as always
    expect((await api(w, company.admin).get(`/api/roles/${opened.id}`)).status).toBe(200)

    // only the Partner may submit during the first look; to the others the role does not exist
    const tomsCandidate = await makeCandidate(w, tom)
    const rachelsCandidate = await makeCandidate(w, rachel)
    const tomSubmits = await api(w, tom).post('/api/applications', {
      role_id: opened.id,
      candidate_id: tomsCandidate.id,
    })
    expect(tomSubmits.status).toBe(201)
    const rachelSubmits = await api(w, rachel).post('/api/applications', {
      role_id: opened.id,
      candidate_id: rachelsCandidate.id,
    })
    expect(rachelSubmits.status).toBe(404)

    // before the window ends the release job leaves it alone; after, the role is everyone's
    expect(await releaseEarlyAccess(app.ctx, new Date(until - 1000))).toEqual({ released: 0 })
    expect(await releaseEarlyAccess(app.ctx, new Date(until))).toMatchObject({ released: 1 })
    expect(await releaseEarlyAccess(app.ctx, new Date(until + HOUR))).toEqual({ released: 0 })
    expect(await sees(rachel, opened.id, company.id)).toEqual({
      byId: 200,
      inList: true,
      total: 1,
      rls: true,
    })
    const after = await api(w, rachel).get(`/api/roles/${opened.id}`)
    expect(after.body).toMatchObject({ early_access: true, early_access_until: null })
    const events = await q(
      `select event_type from platform.outbox where aggregate_id = $1 order by occurred_at`,
      [opened.id],
    )
    expect(events.map((e) => e.event_type)).toContain('role.released')
  })

  it('alerts saved searches of early-access recruiters at opening and the others at release, once each', async () => {
    const company = await makeCompany(w)
    const [tom, rachel] = [await partner(), await makeRecruiter(w)]
    for (const r of [tom, rachel]) {
      await api(w, r).post('/api/saved-searches', {
        name: 'Everything here',
        filters: { company_id: company.id },
      })
    }
    const inbox = (userId: string) =>
      q(`select type from notifications.inbox where user_id = $1 and type like 'saved_search%'`, [userId])
    const role = await makeRole(w, company, { early_access: true })
    await eventually('Tom’s alert', async () => (await inbox(tom.userId)).length === 1)
    await new Promise((r) => setTimeout(r, 500))
    expect(await inbox(rachel.userId)).toHaveLength(0)
    await releaseEarlyAccess(app.ctx, new Date(Date.parse(role.early_access_until) + 1))
    await eventually(
      'Rachel’s alert after the release',
      async () => (await inbox(rachel.userId)).length === 1,
    )
    await new Promise((r) => setTimeout(r, 500))
    expect(await inbox(tom.userId)).toHaveLength(1)
  })

  it('ends the first look at once when the company switches it off, and never restarts it on reopening', async () => {
    const company = await makeCompany(w)
    const rachel = await makeRecruiter(w)
    const role = await makeRole(w, company, { early_access: true })
    const off = await api(w, company.admin).patch(`/api/roles/${role.id}`, { early_access: false })
    expect(off.body).toMatchObject({ early_access: false, early_access_until: null })
    expect((await api(w, rachel).get(`/api/roles/${role.id}`)).status).toBe(200)
    const released = await q(
      `select count(*)::int as n from platform.outbox where aggregate_id = $1 and event_type = 'role.released'`,
      [role.id],
    )
    expect(released[0].n).toBe(1)

    const again = await makeRole(w, company, { early_access: true }, { status: 'paused' })
    await releaseEarlyAccess(app.ctx, new Date(Date.parse(again.early_access_until) + 1))
    const reopened = await api(w, company.admin).post(`/api/roles/${again.id}/status`, { status: 'open' })
    expect(reopened.body).toMatchObject({ status: 'open', early_access_until: null })
  })

  it('refuses a first look on a role shared only with chosen recruiters (422 naming the field), changing nothing', async () => {
    const company = await makeCompany(w)
    const bad = await api(w, company.admin).post('/api/roles', {
      company_id: company.id,
      title: 'Assigned with early access',
      description: 'x',
      function: 'engineering',
      seniority: 'senior',
      work_mode: 'remote',
      salary: { min: '10000000', max: '12000000', currency: 'USD' },
      visibility: 'assigned',
      early_access: true,
    })
    expect(bad.status).toBe(422)
    expect(bad.body.errors).toEqual([
      { field: 'body.early_access', message: expect.stringMatching(/shared with everyone/) },
    ])
    const role = await makeRole(w, company, { early_access: true }, { status: 'draft' })
    const switched = await api(w, company.admin).patch(`/api/roles/${role.id}`, { visibility: 'assigned' })
    expect(switched.status).toBe(422)
    expect(switched.body.errors[0].field).toBe('body.visibility')
    const notBool = await api(w, company.admin).patch(`/api/roles/${role.id}`, { early_access: 'yes' })
    expect(notBool.status).toBe(400)
    expect((await api(w, company.admin).get(`/api/roles/${role.id}`)).body).toMatchObject({
      visibility: 'all',
      early_access: true,
      version: 1,
    })
  })

  it('follows the recruiter’s plan: an upgrade to Partner gives early access, a downgrade takes it away', async () => {
    const company = await makeCompany(w)
    const rachel = await makeRecruiter(w)
    const role = await makeRole(w, company, { early_access: true })
    expect((await api(w, rachel).get(`/api/roles/${role.id}`)).status).toBe(404)
    await inTransaction(app.ctx.db, systemActor('test'), (tx) =>
      switchTier(tx, rachel.recruiterId, 'partner', new Date(), 'admin', null),
    )
    expect((await api(w, rachel).get(`/api/roles/${role.id}`)).status).toBe(200)
    await inTransaction(app.ctx.db, systemActor('test'), (tx) =>
      switchTier(tx, rachel.recruiterId, 'pro', new Date(), 'admin', null),
    )
    expect((await api(w, rachel).get(`/api/roles/${role.id}`)).status).toBe(404)
  })
})
