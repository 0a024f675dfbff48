import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  api,
  hire,
  makeCandidate,
  makeCompany,
  makeRecruiter,
  makeRole,
  makeTeamMember,
  roleBody,
  submitCandidate,
  type World,
} from '../../../../../../packages/testing/src/factories/index.ts'
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

describe('posting and changing roles', () => {
  it('refuses bad role input with a 400 naming the field, changing nothing', async () => {
    const company = await makeCompany(w)
    const cases: [Record<string, unknown>, string][] = [
      [{ salary: { min: '20000000', max: '16000000', currency: 'USD' } }, 'body.salary.max'],
      [{ salary: { min: '1', max: '2', currency: 'XYZ' } }, 'body.salary.currency'],
      [{ salary: { min: '1.5', max: '2', currency: 'USD' } }, 'body.salary.min'],
      [{ fee_rate_bps: 12000 }, 'body.fee_rate_bps'],
      [{ fee_rate_bps: -1 }, 'body.fee_rate_bps'],
      [{ guarantee_days: -5 }, 'body.guarantee_days'],
      [{ seniority: 'wizard' }, 'body.seniority'],
      [{ title: '' }, 'body.title'],
      [{ surprise: true }, 'body.surprise'],
    ]
    for (const [over, field] of cases) {
      const r = await api(w, company.admin).post('/api/roles', roleBody(company.id, over))
      expect({ over, status: r.status, field: r.body.errors?.[0]?.field }).toEqual({
        over,
        status: 400,
        field,
      })
    }
    const count = await database.current.pool.query(
      'select count(*)::int as n from ats.roles where company_id = $1',
      [company.id],
    )
    expect(count.rows[0].n).toBe(0)
  })

  it('lets the hiring team post a draft that recruiters cannot see until it opens', async () => {
    const [acme, globex] = [await makeCompany(w), await makeCompany(w)]
    const eli = await makeTeamMember(w, acme, 'hiring_manager')
    const [rachel, tom] = [await makeRecruiter(w), await makeRecruiter(w)]
    const created = await api(w, acme.admin).post(
      '/api/roles',
      roleBody(acme.id, { job_owner_recruiter_id: tom.recruiterId }),
    )
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({
      status: 'draft',
      fee_rate_bps: 2000,
      guarantee_days: 90,
      can_manage: true,
      version: 1,
      job_owner: { recruiter_id: tom.recruiterId, name: tom.name },
    })
    expect(created.body.salary).toEqual({ min: '16000000', max: '20000000', currency: 'USD' })
    const id = created.body.id
    expect((await api(w, rachel).get(`/api/roles/${id}`)).status).toBe(404)
    expect((await api(w, globex.admin).get(`/api/roles/${id}`)).status).toBe(404)
    expect((await api(w, rachel).post('/api/roles', roleBody(acme.id))).status).toBe(403)
    expect((await api(w, globex.admin).post('/api/roles', roleBody(acme.id))).status).toBe(403) // another company's admin

    const opened = await api(w, eli).post(`/api/roles/${id}/status`, { status: 'open' })
    expect(opened.body.status).toBe('open')
    const seen = await api(w, rachel).get(`/api/roles/${id}`)
    expect(seen.body).toMatchObject({ status: 'open', can_manage: false, company: { name: acme.name } })
    expect((await api(w, rachel).patch(`/api/roles/${id}`, { title: 'Hijacked' })).status).toBe(403)
    expect((await api(w, globex.admin).patch(`/api/roles/${id}`, { title: 'Hijacked' })).status).toBe(404)
  })

  it('refuses a status change that is not allowed, naming the allowed ones', async () => {
    const company = await makeCompany(w)
    const role = await makeRole(w, company)
    const r = await api(w, company.admin).post(`/api/roles/${role.id}/status`, { status: 'draft' })
    expect(r.status).toBe(409)
    expect(r.body.code).toBe('invalid_state_transition')
    expect(r.body.allowed).toEqual(['paused', 'filled', 'closed'])
  })

  it('keeps every change in the history and guards concurrent edits with a version', async () => {
    const company = await makeCompany(w)
    const eli = await makeTeamMember(w, company, 'hiring_manager')
    const role = await makeRole(w, company, { title: 'Senior Robotics Software Engineer' })
    expect(role.version).toBe(2)
    const edit = await api(w, company.admin).patch(`/api/roles/${role.id}`, {
      title: 'Staff Robotics Software Engineer',
      version: 2,
    })
    expect(edit.status).toBe(200)
    expect(edit.body.version).toBe(3)
    const stale = await api(w, eli).patch(`/api/roles/${role.id}`, { location: 'Remote', version: 2 })
    expect({ status: stale.status, code: stale.body.code }).toEqual({ status: 409, code: 'version_conflict' })
    const history = await api(w, company.admin).get(`/api/roles/${role.id}/history`)
    expect(history.body.data.map((h: { change: string }) => h.change)).toEqual([
      'created',
      'status_changed',
      'updated',
    ])
    expect(history.body.data[2]).toMatchObject({
      before: { title: 'Senior Robotics Software Engineer' },
      after: { title: 'Staff Robotics Software Engineer' },
      changed_by_name: company.admin.name,
    })
  })
})

describe('the marketplace', () => {
  it('lists and filters roles with cursor pagination', async () => {
    const [acme, globex] = [await makeCompany(w), await makeCompany(w)]
    const rachel = await makeRecruiter(w)
    await makeRole(w, acme, { title: 'Senior Robotics Software Engineer' })
    for (const [title, fn, location, min] of [
      ['Account Executive', 'sales', 'London, UK', '9000000'],
      ['Data Engineer', 'data', 'Tel Aviv, IL', '12000000'],
      ['Product Designer', 'design', 'Remote', '11000000'],
    ] as const) {
      await makeRole(w, acme, {
        title,
        function: fn,
        location,
        salary: { min, max: '21000000', currency: 'USD' },
      })
    }
    await makeRole(w, acme, { title: 'Draft Designer', function: 'design' }, { status: 'draft' })
    const list = async (query: string) => {
      const res = await api(w, rachel).get(`/api/roles?company_id=${acme.id}${query ? `&${query}` : ''}`)
      return res.body.data.map((r: { title: string }) => r.title)
    }
    expect(await list('')).toHaveLength(4)
    expect(await list('function=data')).toEqual(['Data Engineer'])
    expect(await list('location=london')).toHaveLength(1)
    expect(await list('q=designer')).toEqual(['Product Designer'])
    expect(await list('q=robotics')).toHaveLength(1)
    expect(await list('salary_currency=USD&salary_max=10000000')).toEqual(['Account Executive'])
    const p1 = await api(w, rachel).get(`/api/roles?company_id=${acme.id}&limit=3`)
    expect(p1.body.has_more).toBe(true)
    const p2 = await api(w, rachel).get(
      `/api/roles?company_id=${acme.id}&limit=3&starting_after=${p1.body.next_cursor}`,
    )
    expect(p2.body.data).toHaveLength(1)
    expect(new Set([...p1.body.data, ...p2.body.data].map((r: { id: string }) => r.id)).size).toBe(4)
    expect((await api(w, rachel).get('/api/roles?starting_after=garbage')).body.code).toBe('invalid_cursor')
    // a hiring team lists its own company's roles (drafts included), never another's
    expect((await api(w, acme.admin).get('/api/roles')).body.data).toHaveLength(5)
    expect((await api(w, globex.admin).get('/api/roles')).body.data).toHaveLength(0)
  })

  it('shows a role limited to assigned recruiters only to them', async () => {
    const company = await makeCompany(w)
    const [rachel, tom] = [await makeRecruiter(w), await makeRecruiter(w)]
    const secret = await makeRole(w, company, {
      title: 'Confidential VP Engineering',
      seniority: 'executive',
      visibility: 'assigned',
    })
    const assigned = await api(w, company.admin).put(`/api/roles/${secret.id}/assignments`, {
      recruiter_ids: [tom.recruiterId],
    })
    expect(assigned.body.data).toEqual([
      expect.objectContaining({ recruiter_id: tom.recruiterId, display_name: tom.name }),
    ])
    expect((await api(w, tom).get(`/api/roles/${secret.id}`)).status).toBe(200)
    expect((await api(w, rachel).get(`/api/roles/${secret.id}`)).status).toBe(404)
    expect(
      (await api(w, rachel).get(`/api/roles?company_id=${company.id}&q=confidential`)).body.data,
    ).toHaveLength(0)
    expect(
      (await api(w, tom).get(`/api/roles?company_id=${company.id}&q=confidential`)).body.data,
    ).toHaveLength(1)
    const history = await api(w, company.admin).get(`/api/roles/${secret.id}/history`)
    expect(history.body.data.at(-1)).toMatchObject({
      change: 'assignments_changed',
      after: { recruiter_ids: [tom.recruiterId] },
    })
  })
})

describe('the hiring manager of a role (issue 7 §8)', () => {
  it('must be on the company’s hiring team: 422 naming the field otherwise, and the database refuses it too', async () => {
    const [company, other] = [await makeCompany(w), await makeCompany(w)]
    const outsider = await makeRecruiter(w)
    for (const userId of [outsider.userId, other.admin.userId]) {
      const res = await api(w, company.admin).post(
        '/api/roles',
        roleBody(company.id, { hiring_manager_user_id: userId }),
      )
      expect({ status: res.status, field: res.body.errors?.[0]?.field }).toEqual({
        status: 422,
        field: 'body.hiring_manager_user_id',
      })
    }
    const manager = await makeTeamMember(w, company, 'hiring_manager')
    const role = await api(w, company.admin).post(
      '/api/roles',
      roleBody(company.id, { hiring_manager_user_id: manager.userId }),
    )
    expect(role.status).toBe(201)
    expect(role.body.hiring_manager_user_id).toBe(manager.userId)
    const moved = await api(w, company.admin).patch(`/api/roles/${role.body.id}`, {
      hiring_manager_user_id: outsider.userId,
    })
    expect({ status: moved.status, field: moved.body.errors?.[0]?.field }).toEqual({
      status: 422,
      field: 'body.hiring_manager_user_id',
    })
    await expect(
      database.current.pool.query('update ats.roles set hiring_manager_user_id = $1 where id = $2', [
        outsider.userId,
        role.body.id,
      ]),
    ).rejects.toThrow(/hiring manager/)
  })
})

describe('concurrent changes to a role (issue 7 §9)', () => {
  it('lets exactly one of 10 concurrent edits made from the same version win; the rest get 409', async () => {
    const company = await makeCompany(w)
    const role = await makeRole(w, company)
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        api(w, company.admin).patch(`/api/roles/${role.id}`, {
          title: `Title number ${i}`,
          version: role.version,
        }),
      ),
    )
    expect(answers.map((a) => a.status).sort()).toEqual([200, ...Array(9).fill(409)])
    expect(answers.filter((a) => a.status === 409).every((a) => a.body.code === 'version_conflict')).toBe(
      true,
    )
    const history = await api(w, company.admin).get(`/api/roles/${role.id}/history`)
    expect(history.body.data.filter((h: { change: string }) => h.change === 'updated')).toHaveLength(1)
  })

  it('lets exactly one of 10 concurrent status changes win', async () => {
    const company = await makeCompany(w)
    const role = await makeRole(w, company)
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        api(w, company.admin).post(`/api/roles/${role.id}/status`, { status: 'paused' }),
      ),
    )
    expect(answers.map((a) => a.status).sort()).toEqual([200, ...Array(9).fill(409)])
    const history = await api(w, company.admin).get(`/api/roles/${role.id}/history`)
    expect(history.body.data.filter((h: { change: string }) => h.change === 'status_changed')).toHaveLength(2)
  })

  it('refuses a status change made from an older version', async () => {
    const company = await makeCompany(w)
    const role = await makeRole(w, company)
    await api(w, company.admin).patch(`/api/roles/${role.id}`, { title: 'Renamed role' })
    const stale = await api(w, company.admin).post(`/api/roles/${role.id}/status`, {
      status: 'closed',
      version: role.version,
    })
    expect({ status: stale.status, code: stale.body.code }).toEqual({ status: 409, code: 'version_conflict' })
  })
})

describe('which roles recruiters see (issue 7 §11)', () => {
  it('shows a recruiter open roles only, unless they have an application on the role; drafts never', async () => {
    const company = await makeCompany(w)
    const [stranger, involved, other] = [
      await makeRecruiter(w),
      await makeRecruiter(w),
      await makeRecruiter(w),
    ]
    const byStatus: Record<string, string> = {}
    for (const status of ['draft', 'open', 'paused', 'closed'] as const) {
      byStatus[status] = (await makeRole(w, company, { title: `Role ${status}` }, { status })).id
    }
    // roles the involved recruiter applied to while they were open, then paused, closed, filled
    const withApplication: Record<string, string> = {}
    for (const status of ['paused', 'closed', 'filled'] as const) {
      const role = await makeRole(w, company, { title: `Applied ${status}` })
      const person = await makeCandidate(w, involved)
      const application = await submitCandidate(w, involved, role.id, person.id)
      if (status === 'filled') await hire(w, company.admin, application)
      else await api(w, company.admin).post(`/api/roles/${role.id}/status`, { status })
      withApplication[status] = role.id
    }
    // filled by someone else's hire
    const filled = await makeRole(w, company, { title: 'Filled by another' })
    const otherPerson = await makeCandidate(w, other)
    await hire(w, company.admin, await submitCandidate(w, other, filled.id, otherPerson.id))
    byStatus.filled = filled.id

    const seen = async (who: typeof stranger, id: string) =>
      (await api(w, who).get(`/api/roles/${id}`)).status
    for (const [status, id] of Object.entries(byStatus)) {
      expect({ status, answer: await seen(stranger, id) }).toEqual({
        status,
        answer: status === 'open' ? 200 : 404,
      })
    }
    for (const [status, id] of Object.entries(withApplication)) {
      expect({ status, answer: await seen(involved, id) }).toEqual({ status, answer: 200 })
      expect({ status, stranger: await seen(stranger, id) }).toEqual({ status, stranger: 404 })
    }
    // the lists say the same
    const listed = async (who: typeof stranger, status: string) =>
      (await api(w, who).get(`/api/roles?status=${status}&company_id=${company.id}`)).body.data.map(
        (r: { id: string }) => r.id,
      )
    expect(await listed(stranger, 'paused,closed,filled,draft')).toEqual([])
    expect((await listed(involved, 'paused,closed,filled')).sort()).toEqual(
      Object.values(withApplication).sort(),
    )

    // and row-level security, for a query that forgets its WHERE clause
    const visible = await inTransaction(
      app.ctx.db,
      { kind: 'user', userId: stranger.userId, roles: ['recruiter'] },
      (tx) =>
        sql<{ status: string }>`select status from ats.roles where company_id = ${company.id}`.execute(tx),
    )
    expect(visible.rows.map((r) => r.status)).toEqual(['open'])
  })
})
