import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eventually } from '../../../../../packages/testing/src/eventually.ts'
import {
  api,
  makeCandidate,
  makeCompany,
  makeRecruiter,
  makeRole,
  platformAdmin,
  type TestCompany,
  type TestRecruiter,
  type World,
} from '../../../../../packages/testing/src/factories/index.ts'
import { startTestApp } from '../../../../../packages/testing/src/test-app.ts'
import { useTestDatabase } from '../../../../../packages/testing/src/test-database.ts'
import type { RunningApp } from '../../app.ts'
import { FixedClock } from '../../kernel/clock.ts'

const database = useTestDatabase()
const clock = new FixedClock('2026-05-04T09:00:00Z')
let app: RunningApp & { baseUrl: string }
let w: World
let company: TestCompany
let otherCompany: TestCompany
let rachel: TestRecruiter
let tom: TestRecruiter
// biome-ignore lint/suspicious/noExplicitAny: API bodies are read field by field
let role: any
// biome-ignore lint/suspicious/noExplicitAny: API bodies are read field by field
let strong: any

const FRONTEND = {
  title: 'Senior Frontend Engineer',
  description:
    'You will build our trading screens in React and TypeScript, with a Node.js backend for frontend.',
  function: 'engineering',
  seniority: 'senior',
  location: 'Tel Aviv',
  country: 'IL',
  work_mode: 'hybrid',
  salary: { min: '40000000', max: '50000000', currency: 'ILS' },
}
const GOOD_FIT = {
  current_title: 'Senior Frontend Engineer',
  location: 'Tel Aviv',
  country: 'IL',
  skills: ['ReactJS', 'TypeScript', 'Node'],
  years_experience: 6,
  salary_expectation: { min: '42000000', currency: 'ILS' },
}

type Match = {
  id: string
  score: number
  candidate: { id: string; name: string | null }
  role: { id: string }
}

async function matchesOf(who: TestRecruiter | TestCompany['admin'], query = ''): Promise<Match[]> {
  const res = await api(w, who).get(`/api/matches${query}`)
  expect(res.status).toBe(200)
  return res.body.data
}

beforeAll(async () => {
  app = await startTestApp(database.current.url, { clock })
  w = { ctx: app.ctx, baseUrl: app.baseUrl }
  company = await makeCompany(w)
  otherCompany = await makeCompany(w)
  rachel = await makeRecruiter(w)
  tom = await makeRecruiter(w)
  role = await makeRole(w, company, FRONTEND)
  strong = await makeCandidate(w, rachel, GOOD_FIT)
  await makeCandidate(w, rachel, {
    current_title: 'Account Executive',
    skills: ['Salesforce', 'Negotiation'],
    location: 'London',
    country: 'GB',
  })
  await eventually('the strong candidate suggested', async () =>
    (await matchesOf(rachel)).find((m) => m.candidate.id === strong.id),
  )
})
afterAll(async () => app?.stop())

describe('suggestions', () => {
  it('suggest a recruiter’s candidate for an open role, every factor explained and the points adding up', async () => {
    const res = await api(w, rachel).get(`/api/matches?candidate_id=${strong.id}`)
    expect(res.status).toBe(200)
    expect(res.body.threshold).toBe(60)
    const m = res.body.data.find((x: Match) => x.role.id === role.id)
    expect(m.score).toBeGreaterThanOrEqual(60)
    expect(m.candidate.name).toBe(strong.full_name)
    expect(m.model_version).toBe(1)
    expect(m.reasons.map((r: { factor: string }) => r.factor)).toEqual([
      'skills',
      'function',
      'seniority',
      'location',
      'salary',
      'history',
    ])
    expect(m.reasons.reduce((s: number, r: { points: number }) => s + r.points, 0)).toBe(m.score)
    expect(m.reasons[0].explanation).toMatch(/Has 3 of 3 skills/)
    expect(m.confidence).toBeGreaterThan(80)
    // the weak candidate (sales, London) never reaches anyone
    expect(res.body.data.every((x: Match) => x.score >= 60)).toBe(true)
    const all = await matchesOf(rachel)
    expect(all.every((x) => x.candidate.id === strong.id)).toBe(true)
  })

  it('show the hiring team a profile, not the person’s name; another recruiter or company sees nothing', async () => {
    const forTeam = await matchesOf(company.admin, `?role_id=${role.id}`)
    expect(forTeam.map((m) => m.candidate.id)).toContain(strong.id)
    const seen = forTeam.find((m) => m.candidate.id === strong.id)! as Match & {
      candidate: { title: string }
    }
    expect(seen.candidate.name).toBeNull()
    expect(seen.candidate.title).toBe('Senior Frontend Engineer')
    expect(await matchesOf(tom)).toEqual([])
    expect(await matchesOf(otherCompany.admin)).toEqual([])
    const id = forTeam[0]!.id
    expect((await api(w, tom).get(`/api/matches/${id}`)).status).toBe(404)
    expect((await api(w, tom).post(`/api/matches/${id}/accept`, {})).status).toBe(404)
    expect(
      (await api(w, otherCompany.admin).post(`/api/matches/${id}/reject`, { reason: 'Not ours' })).status,
    ).toBe(404)
  })

  it('refuse bad input naming the field, changing nothing', async () => {
    const bad = await api(w, rachel).get('/api/matches?min_score=500')
    expect(bad.status).toBe(400)
    expect(JSON.stringify(bad.body)).toContain('min_score')
    expect((await api(w, rachel).get('/api/matches?colour=red')).status).toBe(400)
    expect((await api(w, rachel).get('/api/matches?role_id=nope')).status).toBe(400)
    const [m] = await matchesOf(rachel)
    const noReason = await api(w, rachel).post(`/api/matches/${m!.id}/reject`, {})
    expect(noReason.status).toBe(400)
    expect(JSON.stringify(noReason.body)).toContain('reason')
    const blank = await api(w, rachel).post(`/api/matches/${m!.id}/reject`, { reason: '  ' })
    expect(blank.status).toBe(400)
    expect((await api(w, rachel).get(`/api/matches/${m!.id}`)).body.status).toBe('suggested')
    expect((await api(w, rachel).get('/api/matches/00000000-0000-7000-8000-000000000000')).status).toBe(404)
  })

  it('re-score incrementally when the candidate or the role changes', async () => {
    const cand = await makeCandidate(w, rachel, {
      current_title: 'Backend Engineer',
      location: 'Tel Aviv',
      country: 'IL',
      skills: ['Go', 'Kubernetes'],
      years_experience: 6,
    })
    // a Go engineer shares no skill with the React role: no suggestion
    await new Promise((r) => setTimeout(r, 1500))
    expect((await matchesOf(rachel, `?candidate_id=${cand.id}`)).length).toBe(0)
    // the candidate learns the role's stack: they are re-scored, and now suggested
    const edited = await api(w, rachel).patch(`/api/candidates/${cand.id}`, {
      skills: ['Go', 'React', 'TypeScript', 'Node.js'],
    })
    expect(edited.status).toBe(200)
    const m = await eventually('re-scored after the candidate changed', async () =>
      (await matchesOf(rachel, `?candidate_id=${cand.id}`)).find((x) => x.role.id === role.id),
    )
    expect(m.score).toBeGreaterThanOrEqual(60)
    // the role is closed: its open suggestions expire and leave everyone's list
    const closing = await makeRole(w, company, { ...FRONTEND, title: 'Frontend Engineer (closing soon)' })
    await eventually(
      'suggested for the second role',
      async () => (await matchesOf(rachel, `?role_id=${closing.id}`)).length > 0,
    )
    const closed = await api(w, company.admin).post(`/api/roles/${closing.id}/status`, { status: 'closed' })
    expect(closed.status).toBe(200)
    await eventually(
      'expired when the role closed',
      async () => (await matchesOf(rachel, `?role_id=${closing.id}`)).length === 0,
    )
  })
})

describe('decisions', () => {
  it('accepting pre-fills a submission and submits nothing; 20 concurrent accepts: exactly one wins', async () => {
    const cand = await makeCandidate(w, rachel, { ...GOOD_FIT, skills: ['React', 'TypeScript'] })
    const m = await eventually('suggested', async () =>
      (await matchesOf(rachel, `?candidate_id=${cand.id}`)).find((x) => x.role.id === role.id),
    )
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => api(w, rachel).post(`/api/matches/${m.id}/accept`, {})),
    )
    const won = answers.filter((a) => a.status === 200)
    expect(won.length).toBe(1)
    expect(answers.filter((a) => a.status === 409).length).toBe(19)
    expect(answers.find((a) => a.status === 409)!.body.code).toBe('match_already_decided')
    const body = won[0]!.body
    expect(body.prefill).toMatchObject({ role_id: role.id, candidate_id: cand.id })
    expect(body.prefill.note).toMatch(/Suggested match/)
    expect(body.match.status).toBe('accepted')
    const apps = await api(w, rachel).get(`/api/applications?role_id=${role.id}`)
    expect(apps.body.data.filter((a: { candidate: { id: string } }) => a.candidate.id === cand.id)).toEqual(
      [],
    )
    // deciding again is a conflict
    const again = await api(w, rachel).post(`/api/matches/${m.id}/reject`, { reason: 'Changed my mind' })
    expect(again.status).toBe(409)
    // the recruiter confirms the submission themselves: the outcome follows
    const sub = await api(w, rachel).post('/api/applications', body.prefill)
    expect(sub.status).toBe(201)
    await eventually('outcome submitted', async () => {
      const r = await api(w, rachel).get(`/api/matches/${m.id}`)
      return r.body.outcome === 'submitted'
    })
  })

  it('rejecting needs a reason; the hiring team may reject; every decision lands in the hash-chained log', async () => {
    const cand = await makeCandidate(w, rachel, { ...GOOD_FIT, skills: ['React', 'Node.js', 'TypeScript'] })
    const m = await eventually('suggested', async () =>
      (await matchesOf(company.admin, `?role_id=${role.id}`)).find((x) => x.candidate.id === cand.id),
    )
    const rejected = await api(w, company.admin).post(`/api/matches/${m.id}/reject`, {
      reason: 'We need more fintech background',
    })
    expect(rejected.status).toBe(200)
    expect(rejected.body.status).toBe('rejected')
    expect(rejected.body.decision_reason).toBe('We need more fintech background')
    // the recruiter no longer sees it among open suggestions
    expect((await matchesOf(rachel)).find((x) => x.id === m.id)).toBeUndefined()

    const admin = await platformAdmin(w)
    const log = await api(w, admin).get(`/api/admin/decisions?match_id=${m.id}`)
    expect(log.status).toBe(200)
    expect(log.body.chain.ok).toBe(true)
    const kinds = log.body.data.map((d: { kind: string }) => d.kind)
    expect(kinds).toEqual(['decision', 'suggestion'])
    const decision = log.body.data[0]
    expect(decision).toMatchObject({
      human_decision: 'rejected',
      agrees: false,
      ai_recommendation: 'suggest',
    })
    expect(decision.reason).toBe('We need more fintech background')
    const suggestion = log.body.data[1]
    expect(suggestion.model_version).toBe(1)
    expect(suggestion.factors.length).toBe(6)
    const all = await api(w, admin).get('/api/admin/decisions?kind=decision')
    expect(all.body.agreement.length).toBeGreaterThan(0)
    expect(all.body.agreement[0].decisions).toBeGreaterThanOrEqual(2)
    expect((await api(w, company.admin).get('/api/admin/decisions')).status).toBe(403)
    expect((await api(w, admin).get('/api/admin/decisions?from=yesterday')).status).toBe(400)
  })

  it('keeps the decision log append-only in SQL', async () => {
    const pool = database.current.pool
    await expect(
      pool.query('update intelligence.decision_audit_log set reason = $1', ['tampered']),
    ).rejects.toThrow(/append-only/)
    await expect(pool.query('delete from intelligence.decision_audit_log')).rejects.toThrow(/append-only/)
  })

  it('stores no protected attribute in matching’s own tables', async () => {
    const { rows } = await database.current.pool.query(
      `select table_name, column_name from information_schema.columns where table_schema = 'intelligence'
         and table_name in ('candidate_profiles', 'role_profiles', 'candidate_role_matches')`,
    )
    const PROTECTED =
      /(^|_)(full_name|name|gender|sex|age|birth|birthday|dob|photo|nationality|citizenship|religion|ethnicity|race|marital)($|_)/
    expect(rows.filter((r) => PROTECTED.test(r.column_name))).toEqual([])
  })
})

describe('models, fairness and recruiter fit', () => {
  it('refuses a refit without enough outcomes, and lists the active version with printable weights', async () => {
    const admin = await platformAdmin(w)
    const refit = await api(w, admin).post('/api/admin/matching/models/refit', {})
    expect(refit.status).toBe(409)
    expect(refit.body.code).toBe('not_enough_outcomes')
    const models = await api(w, admin).get('/api/admin/matching/models')
    expect(models.body.data[0]).toMatchObject({ version: 1, status: 'active' })
    const weights = models.body.data[0].weights as Record<string, number>
    expect(Object.values(weights).reduce((a, b) => a + b, 0)).toBe(100)
    const fairness = await api(w, admin).get('/api/admin/matching/fairness')
    expect(fairness.status).toBe(200)
    expect(fairness.body.data.some((d: { dimension: string }) => d.dimension === 'country')).toBe(true)
  })

  it('explains which recruiters fit a role, to its team only', async () => {
    const fit = await api(w, company.admin).get(`/api/matches/recruiter-fit?role_id=${role.id}`)
    expect(fit.status).toBe(200)
    for (const r of fit.body.data)
      expect(r.reasons.reduce((s: number, x: { points: number }) => s + x.points, 0)).toBe(r.score)
    expect(
      (await api(w, otherCompany.admin).get(`/api/matches/recruiter-fit?role_id=${role.id}`)).status,
    ).toBe(404)
    expect((await api(w, rachel).get(`/api/matches/recruiter-fit?role_id=${role.id}`)).status).toBe(403)
  })
})
