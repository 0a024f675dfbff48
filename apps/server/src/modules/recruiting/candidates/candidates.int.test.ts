import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  api,
  candidateBody,
  makeCandidate,
  makeCompany,
  makeRecruiter,
  makeRole,
  makeTeamMember,
  submitCandidate,
  uniqueTag,
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

const count = async (text: string, params: unknown[]) =>
  (await database.current.pool.query(text, params)).rows[0].n as number

let phones = 100
/** Jane Doe, with contacts of her own (a Gmail address, a phone, a LinkedIn profile). */
function jane(over: Record<string, unknown> = {}) {
  const tag = uniqueTag()
  return candidateBody({
    full_name: 'Jane Doe',
    email: `jane.doe.${tag}@gmail.com`,
    phone: `+1 617 555 0${phones++}`,
    linkedin_url: `https://www.linkedin.com/in/jane-doe-${tag}/`,
    skills: ['ROS', 'C++', 'Motion planning'],
    salary_expectation: { min: '17000000', max: '19000000', currency: 'USD' },
    ...over,
  })
}

describe('adding candidates', () => {
  it('adds a candidate and refuses a recruiter’s own duplicate, however the email is written', async () => {
    const rachel = await makeRecruiter(w)
    const body = jane()
    const created = await api(w, rachel).post('/api/candidates', body)
    expect(created.status).toBe(201)
    expect(created.body.warnings).toEqual([])
    expect(created.body.candidate).toMatchObject({
      yours: true,
      consent: { method: 'email' },
      contacts: { email: body.email },
      version: 1,
    })
    const local = (body.email as string).split('@')[0]!
    const again = await api(w, rachel).post(
      '/api/candidates',
      jane({
        email: `${local.replace('jane.doe', 'Jane.Doe')}+jobs@GMAIL.com`,
        phone: null,
        linkedin_url: null,
      }),
    )
    expect(again.status).toBe(409)
    expect(again.body).toMatchObject({
      code: 'duplicate_candidate',
      existing_candidate_id: created.body.candidate.id,
      matched_on: ['email'],
    })
  })

  it('refuses bad candidate input with a 400 naming the field', async () => {
    const rachel = await makeRecruiter(w)
    const cases: [Record<string, unknown>, string][] = [
      [{ email: 'not-an-email' }, 'body.email'],
      [{ salary_expectation: { min: '9', max: '1', currency: 'USD' } }, 'body.salary_expectation_max'],
      [{ salary_expectation: { min: '9', max: '10', currency: 'DOGE' } }, 'body.salary_expectation.currency'],
      [{ linkedin_url: 'linkedin' }, 'body.linkedin_url'],
      [{ full_name: '' }, 'body.full_name'],
    ]
    for (const [over, field] of cases) {
      const r = await api(w, rachel).post('/api/candidates', jane(over))
      expect({ over, status: r.status, field: r.body.errors?.[0]?.field }).toEqual({
        over,
        status: 400,
        field,
      })
    }
    expect(
      await count('select count(*)::int as n from ats.candidates where recruiter_id = $1', [
        rachel.recruiterId,
      ]),
    ).toBe(0)
  })

  it('is refused to anyone but recruiters, and changed only by the representing recruiter, from the version read', async () => {
    const company = await makeCompany(w)
    expect((await api(w, company.admin).post('/api/candidates', jane())).status).toBe(403)
    const [rachel, tom] = [await makeRecruiter(w), await makeRecruiter(w)]
    const person = await makeCandidate(w, rachel, jane())
    expect((await api(w, tom).patch(`/api/candidates/${person.id}`, { notes: 'mine now' })).status).toBe(404)
    const changed = await api(w, rachel).patch(`/api/candidates/${person.id}`, {
      current_title: 'Staff Robotics Engineer',
      version: person.version,
    })
    expect(changed.body.candidate).toMatchObject({ current_title: 'Staff Robotics Engineer', version: 2 })
    const stale = await api(w, rachel).patch(`/api/candidates/${person.id}`, {
      notes: 'late',
      version: person.version,
    })
    expect({ status: stale.status, code: stale.body.code }).toEqual({ status: 409, code: 'version_conflict' })
  })
})

describe('privacy', () => {
  it('keeps candidates private: 404s across tenants, RLS, and a logged reveal for the company', async () => {
    const [acme, globex] = [await makeCompany(w), await makeCompany(w)]
    const eli = await makeTeamMember(w, acme, 'hiring_manager')
    const [rachel, tom] = [await makeRecruiter(w), await makeRecruiter(w)]
    const body = jane()
    const person = await makeCandidate(w, rachel, { ...body, notes: 'Prefers hybrid' })
    const role = await makeRole(w, acme)
    const application = await submitCandidate(w, rachel, role.id, person.id)
    const toms = await makeCandidate(w, tom)

    expect((await api(w, tom).get(`/api/candidates/${person.id}`)).status).toBe(404)
    expect((await api(w, globex.admin).get(`/api/candidates/${person.id}`)).status).toBe(404)
    expect((await api(w, globex.admin).get(`/api/applications/${application.id}`)).status).toBe(404)
    const seen = await api(w, eli).get(`/api/candidates/${person.id}`)
    expect(seen.status).toBe(200)
    expect(seen.body).toMatchObject({ yours: false, contacts: { email: body.email }, notes: null })
    const log = await database.current.pool.query(
      'select actor_user_id, purpose, fields from platform.pii_access_log where subject_id = $1',
      [person.id],
    )
    expect(log.rows).toEqual([
      {
        actor_user_id: eli.userId,
        purpose: 'company.candidate_review',
        fields: ['email', 'phone', 'linkedin_url'],
      },
    ])
    // the owner reading her own candidate is not a reveal
    expect((await api(w, rachel).get(`/api/candidates/${person.id}`)).body.notes).toBe('Prefers hybrid')
    expect(
      await count('select count(*)::int as n from platform.pii_access_log where subject_id = $1', [
        person.id,
      ]),
    ).toBe(1)
    // a forgotten WHERE clause still shows Tom only his own candidates
    const visible = await inTransaction(
      app.ctx.db,
      { kind: 'user', userId: tom.userId, roles: ['recruiter'] },
      (tx) => sql<{ id: string }>`select id from ats.candidates`.execute(tx),
    )
    expect(visible.rows.map((r) => r.id)).toEqual([toms.id])
    expect(
      (await api(w, rachel).get('/api/candidates?q=jane')).body.data.map((c: { id: string }) => c.id),
    ).toEqual([person.id])
    expect((await api(w, tom).get('/api/candidates')).body.data.map((c: { id: string }) => c.id)).toEqual([
      toms.id,
    ])
    // companies do not list candidates
    expect((await api(w, eli).get('/api/candidates')).status).toBe(403)
  })
})

describe('a company sees only what concerns its own roles (issue 7 §1)', () => {
  it('lists only its own representations and applications of a candidate, in the service and under RLS', async () => {
    const [a, b] = [await makeCompany(w), await makeCompany(w)]
    const recruiter = await makeRecruiter(w)
    const person = await makeCandidate(w, recruiter)
    const [roleA, roleB] = [await makeRole(w, a), await makeRole(w, b)]
    await submitCandidate(w, recruiter, roleA.id, person.id)
    await submitCandidate(w, recruiter, roleB.id, person.id)

    const seenByA = await api(w, a.admin).get(`/api/candidates/${person.id}`)
    expect(seenByA.status).toBe(200)
    expect(seenByA.body.representations.map((r: { company_name: string }) => r.company_name)).toEqual([
      a.name,
    ])
    expect(seenByA.body.applications.map((r: { company_name: string }) => r.company_name)).toEqual([a.name])
    expect(JSON.stringify(seenByA.body)).not.toContain(b.name)
    // the representing recruiter sees both
    const own = await api(w, recruiter).get(`/api/candidates/${person.id}`)
    expect(own.body.representations).toHaveLength(2)

    // a query that forgets its WHERE clause still shows A's team only A's representation
    const rows = await inTransaction(
      app.ctx.db,
      { kind: 'user', userId: a.admin.userId, roles: ['company_admin'] },
      (tx) => sql<{ company_id: string }>`select company_id from ats.representations`.execute(tx),
    )
    expect(rows.rows.map((r) => r.company_id)).toEqual([a.id])
  })
})

describe('duplicates under concurrency (issue 7 §6)', () => {
  it('makes one candidate of 20 concurrent adds of the same person by one recruiter; the others get 409', async () => {
    const recruiter = await makeRecruiter(w)
    const body = candidateBody()
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => api(w, recruiter).post('/api/candidates', body)),
    )
    expect(answers.map((a) => a.status).sort()).toEqual([201, ...Array(19).fill(409)])
    expect(answers.filter((a) => a.status === 409).every((a) => a.body.code === 'duplicate_candidate')).toBe(
      true,
    )
    const created = answers.find((a) => a.status === 201)!.body.candidate.id
    expect(
      answers.filter((a) => a.status === 409).every((a) => a.body.existing_candidate_id === created),
    ).toBe(true)
    expect(
      await count('select count(*)::int as n from ats.candidates where recruiter_id = $1', [
        recruiter.recruiterId,
      ]),
    ).toBe(1)
  })

  it('makes one candidate per recruiter of 20 concurrent adds by two recruiters', async () => {
    const [r1, r2] = [await makeRecruiter(w), await makeRecruiter(w)]
    const body = candidateBody()
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => api(w, i % 2 ? r1 : r2).post('/api/candidates', body)),
    )
    expect(answers.filter((a) => a.status === 201)).toHaveLength(2)
    expect(answers.filter((a) => a.status === 409 && a.body.code === 'duplicate_candidate')).toHaveLength(18)
    expect(
      await count('select count(*)::int as n from ats.candidates where recruiter_id in ($1, $2)', [
        r1.recruiterId,
        r2.recruiterId,
      ]),
    ).toBe(2)
  })
})

describe('skills (issue 7 §15)', () => {
  it('keeps skills as typed, drops repeats whatever their case, and matches them case-insensitively', async () => {
    const recruiter = await makeRecruiter(w)
    const person = await makeCandidate(w, recruiter, { skills: ['C++', 'ROS', 'c++', 'Motion Planning'] })
    expect(person.skills).toEqual(['C++', 'ROS', 'Motion Planning'])
    for (const query of [
      'skill=c%2B%2B',
      'skill=C%2B%2B',
      'skill=ros',
      'skill=motion%20planning',
      'q=MOTION',
    ]) {
      const found = await api(w, recruiter).get(`/api/candidates?${query}`)
      expect({ query, ids: found.body.data.map((c: { id: string }) => c.id) }).toEqual({
        query,
        ids: [person.id],
      })
    }
  })
})
