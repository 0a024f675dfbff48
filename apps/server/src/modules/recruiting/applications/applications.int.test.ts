import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  advance,
  api,
  hire,
  makeCandidate,
  makeCompany,
  makePerson,
  makeRecruiter,
  makeRole,
  makeTeamMember,
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

describe('submitting', () => {
  it('submits a represented candidate, granting the right to represent for 12 months, once', async () => {
    const company = await makeCompany(w)
    const rachel = await makeRecruiter(w)
    const role = await makeRole(w, company)
    const person = await makeCandidate(w, rachel)
    const r = await api(w, rachel).post('/api/applications', {
      role_id: role.id,
      candidate_id: person.id,
      note: 'Strong ROS background',
    })
    expect(r.status).toBe(201)
    expect(r.body).toMatchObject({
      stage: 'submitted',
      ownership: 'verified',
      note: 'Strong ROS background',
      allowed_next: ['screening', 'rejected', 'withdrawn'],
      version: 1,
    })
    expect(r.body.represented_until.slice(0, 10)).toBe('2027-05-04')
    const twice = await api(w, rachel).post('/api/applications', {
      role_id: role.id,
      candidate_id: person.id,
    })
    expect(twice.status).toBe(409)
    // companies do not submit
    expect(
      (await api(w, company.admin).post('/api/applications', { role_id: role.id, candidate_id: person.id }))
        .status,
    ).toBe(403)
  })

  it('refuses submissions without consent, of someone else’s candidate, and to paused or hidden roles', async () => {
    const company = await makeCompany(w)
    const [rachel, tom] = [await makeRecruiter(w), await makeRecruiter(w)]
    const role = await makeRole(w, company)
    const person = await makeCandidate(w, rachel)
    const noConsent = await makeCandidate(w, rachel, { consent: null })
    const r1 = await api(w, rachel).post('/api/applications', {
      role_id: role.id,
      candidate_id: noConsent.id,
    })
    expect(r1.status).toBe(422)
    expect(r1.body.errors[0]).toEqual({ field: 'body.candidate_id', message: 'has no consent on record' })
    expect(
      (await api(w, tom).post('/api/applications', { role_id: role.id, candidate_id: person.id })).status,
    ).toBe(404)
    const hidden = await makeRole(w, company, { visibility: 'assigned' })
    expect(
      (await api(w, rachel).post('/api/applications', { role_id: hidden.id, candidate_id: person.id }))
        .status,
    ).toBe(404)
    // a paused role: hidden from recruiters (issue 7 §11), and closed to submissions for those who
    // still see it because they have an application on it
    const paused = await makeRole(w, company, { title: 'Paused role' })
    await submitCandidate(w, rachel, paused.id, (await makeCandidate(w, rachel)).id)
    await api(w, company.admin).post(`/api/roles/${paused.id}/status`, { status: 'paused' })
    expect(
      (
        await api(w, tom).post('/api/applications', {
          role_id: paused.id,
          candidate_id: (await makeCandidate(w, tom)).id,
        })
      ).status,
    ).toBe(404)
    const r4 = await api(w, rachel).post('/api/applications', { role_id: paused.id, candidate_id: person.id })
    expect(r4.status).toBe(409)
    expect(r4.body.detail).toMatch(/paused/)
  })
})

describe('the pipeline', () => {
  it('moves one stage at a time, by the hiring team, with the history named', async () => {
    const [acme, globex] = [await makeCompany(w), await makeCompany(w)]
    const eli = await makeTeamMember(w, acme, 'hiring_manager')
    const rachel = await makeRecruiter(w)
    const role = await makeRole(w, acme)
    const application = await submitCandidate(w, rachel, role.id, (await makeCandidate(w, rachel)).id)
    const move = (who: Parameters<typeof api>[1], to: string, reason?: string) =>
      api(w, who).post(`/api/applications/${application.id}/stage`, { to, ...(reason ? { reason } : {}) })
    const jump = await move(eli, 'offer')
    expect(jump.status).toBe(409)
    expect(jump.body.allowed).toEqual(['screening', 'rejected', 'withdrawn'])
    expect((await move(rachel, 'screening')).status).toBe(403)
    expect((await move(globex.admin, 'screening')).status).toBe(404)
    expect((await move(eli, 'screening')).body.stage).toBe('screening')
    expect((await move(eli, 'interview')).body.stage).toBe('interview')
    expect((await move(eli, 'hired')).status).toBe(422)
    expect((await move(acme.admin, 'offer')).body.stage).toBe('offer')
    const detail = await api(w, rachel).get(`/api/applications/${application.id}`)
    expect(
      detail.body.history.map(
        (h: { to_stage: string; changed_by_name: string }) => `${h.to_stage}:${h.changed_by_name}`,
      ),
    ).toEqual([
      `submitted:${rachel.name}`,
      `screening:${eli.name}`,
      `interview:${eli.name}`,
      `offer:${acme.admin.name}`,
    ])
    expect(detail.body.version).toBe(4)
  })

  it('requires a reason to reject, and lets only the submitting recruiter withdraw', async () => {
    const company = await makeCompany(w)
    const eli = await makeTeamMember(w, company, 'hiring_manager')
    const rachel = await makeRecruiter(w)
    const role = await makeRole(w, company)
    const application = await submitCandidate(w, rachel, role.id, (await makeCandidate(w, rachel)).id)
    const at = `/api/applications/${application.id}/stage`
    expect((await api(w, eli).post(at, { to: 'rejected' })).status).toBe(400)
    expect((await api(w, eli).post(at, { to: 'withdrawn' })).status).toBe(403)
    const withdrawn = await api(w, rachel).post(at, { to: 'withdrawn', reason: 'Accepted another offer' })
    expect(withdrawn.body).toMatchObject({
      stage: 'withdrawn',
      closed_reason: 'Accepted another offer',
      allowed_next: [],
    })
    expect((await api(w, eli).post(at, { to: 'screening' })).status).toBe(409)
  })

  it('lists a recruiter’s submissions and a company’s incoming candidates, and no one else’s', async () => {
    const [acme, globex] = [await makeCompany(w), await makeCompany(w)]
    const [rachel, tom] = [await makeRecruiter(w), await makeRecruiter(w)]
    const [roleA, roleB] = [await makeRole(w, acme), await makeRole(w, globex)]
    const mine = await submitCandidate(w, rachel, roleA.id, (await makeCandidate(w, rachel)).id)
    const toGlobex = await submitCandidate(w, rachel, roleB.id, (await makeCandidate(w, rachel)).id)
    const toms = await submitCandidate(w, tom, roleA.id, (await makeCandidate(w, tom)).id)
    const ids = async (who: Parameters<typeof api>[1], query = '') =>
      (await api(w, who).get(`/api/applications${query}`)).body.data.map((a: { id: string }) => a.id).sort()
    expect(await ids(rachel)).toEqual([mine.id, toGlobex.id].sort())
    expect(await ids(acme.admin)).toEqual([mine.id, toms.id].sort())
    expect(await ids(acme.admin, `?role_id=${roleA.id}&stage=submitted`)).toEqual([mine.id, toms.id].sort())
    expect(await ids(globex.admin)).toEqual([toGlobex.id])
  })
})

describe('the last hire fills the role (issue 7 §14)', () => {
  it('fills a one-opening role at its hire', async () => {
    const company = await makeCompany(w)
    const recruiter = await makeRecruiter(w)
    const role = await makeRole(w, company)
    const application = await submitCandidate(w, recruiter, role.id, (await makeCandidate(w, recruiter)).id)
    await hire(w, company.admin, application)
    const after = await api(w, company.admin).get(`/api/roles/${role.id}`)
    expect(after.body).toMatchObject({ status: 'filled', hired_count: 1, openings: 1 })
  })

  it('keeps a two-opening role open after the first hire and fills it at the second', async () => {
    const company = await makeCompany(w)
    const recruiter = await makeRecruiter(w)
    const role = await makeRole(w, company, { openings: 2 })
    const first = await submitCandidate(w, recruiter, role.id, (await makeCandidate(w, recruiter)).id)
    const second = await submitCandidate(w, recruiter, role.id, (await makeCandidate(w, recruiter)).id)
    await hire(w, company.admin, first)
    expect((await api(w, company.admin).get(`/api/roles/${role.id}`)).body).toMatchObject({
      status: 'open',
      hired_count: 1,
    })
    await hire(w, company.admin, second)
    expect((await api(w, company.admin).get(`/api/roles/${role.id}`)).body).toMatchObject({
      status: 'filled',
      hired_count: 2,
    })
  })

  it('fills the role when the last two openings are hired at the same time', async () => {
    const company = await makeCompany(w)
    const recruiter = await makeRecruiter(w)
    const role = await makeRole(w, company, { openings: 2 })
    const apps = [
      await submitCandidate(w, recruiter, role.id, (await makeCandidate(w, recruiter)).id),
      await submitCandidate(w, recruiter, role.id, (await makeCandidate(w, recruiter)).id),
    ]
    for (const a of apps) await advance(w, company.admin, a, 'offer')
    const hires = await Promise.all(
      apps.map((a) =>
        api(w, company.admin).post(`/api/applications/${a.id}/hire`, {
          base_salary: { amount: '18000000', currency: 'USD' },
          start_date: '2026-06-01',
        }),
      ),
    )
    expect(hires.map((h) => h.status)).toEqual([201, 201])
    expect((await api(w, company.admin).get(`/api/roles/${role.id}`)).body).toMatchObject({
      status: 'filled',
      hired_count: 2,
    })
  })
})

describe('concurrent stage moves (issue 7 §9)', () => {
  it('lets exactly one of 10 concurrent moves from the same stage win; the rest get 409', async () => {
    const company = await makeCompany(w)
    const recruiter = await makeRecruiter(w)
    const role = await makeRole(w, company)
    const application = await submitCandidate(w, recruiter, role.id, (await makeCandidate(w, recruiter)).id)
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        api(w, company.admin).post(`/api/applications/${application.id}/stage`, { to: 'screening' }),
      ),
    )
    expect(answers.map((a) => a.status).sort()).toEqual([200, ...Array(9).fill(409)])
    const detail = await api(w, company.admin).get(`/api/applications/${application.id}`)
    expect(detail.body.history.map((h: { to_stage: string }) => h.to_stage)).toEqual([
      'submitted',
      'screening',
    ])
  })

  it('refuses a move made from an older version of the application', async () => {
    const company = await makeCompany(w)
    const recruiter = await makeRecruiter(w)
    const role = await makeRole(w, company)
    const application = await submitCandidate(w, recruiter, role.id, (await makeCandidate(w, recruiter)).id)
    await advance(w, company.admin, application, 'screening')
    const stale = await api(w, company.admin).post(`/api/applications/${application.id}/stage`, {
      to: 'rejected',
      reason: 'Not a fit',
      version: application.version,
    })
    expect({ status: stale.status, code: stale.body.code }).toEqual({ status: 409, code: 'version_conflict' })
  })
})

describe('a candidate’s own applications (issue 7 §13)', () => {
  it('lists the applications of the candidate records with her verified email, read-only, and nothing else', async () => {
    const [a, b] = [await makeCompany(w), await makeCompany(w)]
    const recruiter = await makeRecruiter(w)
    const noa = await makePerson(w.ctx, { roles: ['candidate'] })
    const record = await makeCandidate(w, recruiter, {
      email: noa.email.toUpperCase(),
      notes: 'Private note',
    })
    const other = await makeCandidate(w, recruiter)
    const [roleA, roleB] = [
      await makeRole(w, a, { title: 'Role at A' }),
      await makeRole(w, b, { title: 'Role at B' }),
    ]
    const first = await submitCandidate(w, recruiter, roleA.id, record.id, 'Recruiter note to A')
    const second = await submitCandidate(w, recruiter, roleB.id, record.id)
    await submitCandidate(w, recruiter, roleA.id, other.id)
    await advance(w, a.admin, first, 'screening')

    const mine = await api(w, noa).get('/api/me/applications')
    expect(mine.status).toBe(200)
    expect(mine.body.has_more).toBe(false)
    expect(mine.body.data).toHaveLength(2)
    expect(Object.keys(mine.body.data[0]).sort()).toEqual(
      ['company_name', 'id', 'role_title', 'stage', 'stage_changed_at', 'submitted_at'].sort(),
    )
    expect(
      mine.body.data
        .map((x: { id: string; stage: string; company_name: string }) => [x.id, x.stage, x.company_name])
        .sort(),
    ).toEqual(
      [
        [first.id, 'screening', a.name],
        [second.id, 'submitted', b.name],
      ].sort(),
    )
    expect(JSON.stringify(mine.body)).not.toMatch(/note/i)
    // paged one at a time: the same two
    const p1 = await api(w, noa).get('/api/me/applications?limit=1')
    const p2 = await api(w, noa).get(`/api/me/applications?limit=1&starting_after=${p1.body.next_cursor}`)
    expect([...p1.body.data, ...p2.body.data].map((x: { id: string }) => x.id)).toEqual(
      mine.body.data.map((x: { id: string }) => x.id),
    )
    expect(p2.body.has_more).toBe(false)

    // someone else with the candidate role sees nothing of hers
    const stranger = await makePerson(w.ctx, { roles: ['candidate'] })
    expect((await api(w, stranger).get('/api/me/applications')).body.data).toEqual([])
    // an address that was never verified links nothing
    const unverified = await makePerson(w.ctx, { roles: ['candidate'], verified: false })
    await makeCandidate(w, recruiter, { email: unverified.email })
    expect((await api(w, unverified).get('/api/me/applications')).body.data).toEqual([])
    // recruiters and hiring teams do not use this list
    expect((await api(w, recruiter).get('/api/me/applications')).status).toBe(403)

    // underneath, she can read no application, candidate record or note directly
    const direct = await inTransaction(
      app.ctx.db,
      { kind: 'user', userId: noa.userId, roles: ['candidate'] },
      (tx) =>
        sql<{ n: number }>`select (select count(*)::int from ats.applications)
          + (select count(*)::int from ats.candidates) + (select count(*)::int from ats.candidate_contacts) as n`.execute(
          tx,
        ),
    )
    expect(direct.rows[0]!.n).toBe(0)
  })
})
