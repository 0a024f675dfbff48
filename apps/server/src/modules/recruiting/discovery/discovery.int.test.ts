import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  api,
  hire,
  makeCandidate,
  makeCompany,
  makeRecruiter,
  makeRole,
  submitCandidate,
  type World,
} from '../../../../../../packages/testing/src/factories/index.ts'
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

/** The fee engine's rounding: salary × rate, once, half to even. */
function feeOf(salary: bigint, bps: number): bigint {
  const x = salary * BigInt(bps)
  const q = x / 10_000n
  const r = x % 10_000n
  return q + (r > 5_000n || (r === 5_000n && q % 2n === 1n) ? 1n : 0n)
}

interface Row {
  id: string
  created_at: string
  salary_max: bigint
  fee_max: bigint
  submissions_count: number
}

const compare = {
  newest: (a: Row, b: Row) =>
    a.created_at === b.created_at ? cmpDesc(a.id, b.id) : cmpDesc(a.created_at, b.created_at),
  fee: (a: Row, b: Row) => (a.fee_max === b.fee_max ? cmpDesc(a.id, b.id) : a.fee_max > b.fee_max ? -1 : 1),
  salary: (a: Row, b: Row) =>
    a.salary_max === b.salary_max ? cmpDesc(a.id, b.id) : a.salary_max > b.salary_max ? -1 : 1,
  fewest_submissions: (a: Row, b: Row) =>
    a.submissions_count === b.submissions_count
      ? -cmpDesc(a.id, b.id)
      : a.submissions_count - b.submissions_count,
}
const cmpDesc = (a: string, b: string) => (a === b ? 0 : a > b ? -1 : 1)

describe('the role marketplace', () => {
  it('pages through every sort, ties included, giving each role exactly once in order, with an exact count', async () => {
    const company = await makeCompany(w)
    const recruiter = await makeRecruiter(w)
    // 45 open roles with many ties: 3 salaries, 2 rates, 3 submission counts, 4 creation times
    const { rows } = await database.current.pool.query(
      `insert into ats.roles (company_id, title, function, seniority, salary_min, salary_max, salary_currency,
                              fee_rate_bps, status, opened_at, created_at, submissions_count)
       select $1, 'Tie role ' || g, 'engineering', 'senior', 5000000, (array[10000000, 12000000, 15000000])[1 + g % 3],
              'USD', (array[2000, 2500])[1 + g % 2], 'open', now(),
              timestamptz '2026-05-01T00:00:00Z' + ((g % 4) * interval '1 second'), g % 3
         from generate_series(1, 45) g
       returning id, to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') as created_at,
                 salary_max, fee_max, submissions_count`,
      [company.id],
    )
    const all: Row[] = rows.map((r) => ({
      ...r,
      salary_max: BigInt(r.salary_max),
      fee_max: BigInt(r.fee_max),
    }))
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('newest', 'fee', 'salary', 'fewest_submissions' as const),
        fc.integer({ min: 1, max: 17 }),
        async (sort, limit) => {
          const seen: string[] = []
          let cursor: string | null = null
          for (let page = 0; page < 100; page++) {
            const q = new URLSearchParams({ company_id: company.id, sort, limit: String(limit) })
            if (cursor) q.set('starting_after', cursor)
            const r = await api(w, recruiter).get(`/api/roles?${q}`)
            expect(r.status).toBe(200)
            expect(r.body.total_count).toBe(45)
            seen.push(...r.body.data.map((x: { id: string }) => x.id))
            cursor = r.body.next_cursor
            if (!r.body.has_more) break
          }
          expect(seen).toEqual([...all].sort(compare[sort]).map((r) => r.id))
        },
      ),
      { numRuns: 12 },
    )
  })

  it('shows the fee on each role as the fee engine rounds it, and sorts by it', async () => {
    const company = await makeCompany(w)
    const recruiter = await makeRecruiter(w)
    const low = await makeRole(w, company, { salary: { min: '10000000', max: '12000000', currency: 'USD' } })
    const odd = await makeRole(w, company, {
      fee_rate_bps: 2250,
      salary: { min: '10000002', max: '12345678', currency: 'USD' },
    })
    const r = await api(w, recruiter).get(`/api/roles?company_id=${company.id}&sort=fee`)
    expect(r.body.data.map((x: { id: string }) => x.id)).toEqual([odd.id, low.id])
    expect(r.body.data[0].fee).toEqual({
      min: feeOf(10000002n, 2250).toString(),
      max: feeOf(12345678n, 2250).toString(),
      currency: 'USD',
    })
    expect(r.body.data[1].fee).toEqual({ min: '2000000', max: '2400000', currency: 'USD' })
  })

  it('keeps the exact fee rounding of the engine (half to even) in SQL', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.bigInt({ min: 0n, max: 10n ** 12n }),
        fc.integer({ min: 0, max: 10_000 }),
        async (salary, bps) => {
          const { rows } = await database.current.pool.query('select ats.fee_at_rate($1, $2)::text as fee', [
            salary.toString(),
            bps,
          ])
          expect(rows[0].fee).toBe(feeOf(salary, bps).toString())
        },
      ),
      { numRuns: 200 },
    )
    // the half-way cases round to even
    const { rows } = await database.current.pool.query(
      'select ats.fee_at_rate(5, 5000)::text as a, ats.fee_at_rate(15, 5000)::text as b',
    )
    expect(rows[0]).toEqual({ a: '2', b: '8' })
  })

  it('counts with filters, marks the roles the recruiter works on, and counts submissions', async () => {
    const company = await makeCompany(w)
    const [rachel, tom] = [await makeRecruiter(w), await makeRecruiter(w)]
    const remote = await makeRole(w, company, { work_mode: 'remote', title: 'Remote Rust Engineer' })
    await makeRole(w, company, { work_mode: 'onsite' })
    await makeRole(w, company, { work_mode: 'remote' }, { status: 'draft' })
    const candidate = await makeCandidate(w, rachel)
    await submitCandidate(w, rachel, remote.id, candidate.id)
    const mine = await api(w, rachel).get(`/api/roles?company_id=${company.id}&work_mode=remote`)
    expect(mine.body.total_count).toBe(1)
    expect(mine.body.data[0]).toMatchObject({ id: remote.id, working_on: true, submissions_count: 1 })
    const theirs = await api(w, tom).get(`/api/roles?company_id=${company.id}&sort=fewest_submissions`)
    expect(theirs.body.total_count).toBe(2)
    expect(theirs.body.data.map((r: { working_on: boolean }) => r.working_on)).toEqual([false, false])
    expect(theirs.body.data.at(-1).id).toBe(remote.id)
    expect((await api(w, rachel).get(`/api/roles/${remote.id}`)).body.working_on).toBe(true)
    // the team sees the draft too (3), a word search narrows the count
    expect((await api(w, company.admin).get(`/api/roles?company_id=${company.id}`)).body.total_count).toBe(3)
    expect((await api(w, tom).get(`/api/roles?company_id=${company.id}&q=Remote`)).body.total_count).toBe(1)
  })

  it('refuses a bad sort or a cursor of another sort with a 400, naming the field', async () => {
    const company = await makeCompany(w)
    const recruiter = await makeRecruiter(w)
    await makeRole(w, company)
    await makeRole(w, company)
    const bad = await api(w, recruiter).get('/api/roles?sort=cheapest')
    expect(bad.status).toBe(400)
    expect(bad.body.errors[0].field).toBe('querystring.sort')
    const first = await api(w, recruiter).get(`/api/roles?company_id=${company.id}&sort=fee&limit=1`)
    const wrong = await api(w, recruiter).get(
      `/api/roles?company_id=${company.id}&sort=salary&limit=1&starting_after=${first.body.next_cursor}`,
    )
    expect(wrong.status).toBe(400)
    expect(wrong.body.code).toBe('invalid_cursor')
  })
})

describe('public profiles', () => {
  it('shows a company’s public profile, never its billing, terms, drafts or team', async () => {
    const company = await makeCompany(w, {
      industry: 'ai',
      headquarters: 'Boston, MA',
      description: 'We build robots.',
    })
    const billed = await api(w, company.admin).patch(`/api/companies/${company.id}`, {
      billing_email: 'secret-billing@acme.test',
      billing_address: 'TAX-SECRET street 1',
    })
    expect(billed.status).toBe(200)
    const recruiter = await makeRecruiter(w)
    const open = await makeRole(w, company, { location: 'Austin, TX' })
    const draft = await makeRole(w, company, { title: 'Secret draft role' }, { status: 'draft' })
    const candidate = await makeCandidate(w, recruiter)
    const application = await submitCandidate(w, recruiter, open.id, candidate.id)
    await hire(w, company.admin, application)
    await makeRole(w, company)
    const r = await api(w, recruiter).get(`/api/company-profiles/${company.id}`)
    expect(r.status).toBe(200)
    expect(r.body).toMatchObject({
      id: company.id,
      name: company.name,
      about: 'We build robots.',
      industry: 'ai',
      placements_count: 1,
      open_roles_count: 1,
    })
    expect(r.body.locations).toContain('Boston, MA')
    const bySlug = await api(w, recruiter).get(`/api/company-profiles/${r.body.slug}`)
    expect(bySlug.body.id).toBe(company.id)
    const text = JSON.stringify(r.body)
    for (const secret of [
      'secret-billing',
      'TAX-SECRET',
      'payment_terms',
      draft.id,
      'Secret draft',
      candidate.id,
    ]) {
      expect(text).not.toContain(secret)
    }
    expect((await api(w, recruiter).get('/api/company-profiles/no-such-company')).status).toBe(404)
    expect((await api(w, recruiter).get('/api/company-profiles/bad%20slug')).status).toBe(400)
  })

  it('shows a recruiter’s verified placements (past the guarantee) and roles worked, no ratings or contacts', async () => {
    const company = await makeCompany(w)
    const recruiter = await makeRecruiter(w)
    const viewer = await makeRecruiter(w)
    await api(w, recruiter).patch('/api/recruiters/me', {
      headline: 'Robotics recruiter',
      bio: 'Ten years placing engineers.',
      specializations: { function: ['engineering'], industry: ['ai'] },
    })
    const [a, b] = [await makeRole(w, company), await makeRole(w, company)]
    const [c1, c2] = [await makeCandidate(w, recruiter), await makeCandidate(w, recruiter)]
    // one placement started long ago (its guarantee is over), one still inside it
    await hire(w, company.admin, await submitCandidate(w, recruiter, a.id, c1.id), {
      startDate: '2025-10-01',
    })
    await hire(w, company.admin, await submitCandidate(w, recruiter, b.id, c2.id), {
      startDate: '2026-04-20',
    })
    const r = await api(w, viewer).get(`/api/recruiter-profiles/${recruiter.recruiterId}`)
    expect(r.status).toBe(200)
    expect(r.body).toMatchObject({
      headline: 'Robotics recruiter',
      verified_placements: 1,
      placements_in_guarantee: 1,
      roles_worked: 2,
      companies_worked_with: 1,
      specializations: { function: ['engineering'], industry: ['ai'] },
    })
    const text = JSON.stringify(r.body)
    for (const hidden of ['rating', 'stars', 'plan_tier', '@', c1.id, 'Candidate '])
      expect(text).not.toContain(hidden)
    expect((await api(w, viewer).get(`/api/recruiter-profiles/${crypto.randomUUID()}`)).status).toBe(404)
  })
})
