import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eventually } from '../../../../../packages/testing/src/eventually.ts'
import {
  api,
  makeCandidate,
  makeCompany,
  makeRecruiter,
  makeRole,
  submitCandidate,
  type TestCompany,
  type TestRecruiter,
  type World,
} from '../../../../../packages/testing/src/factories/index.ts'
import { startTestApp } from '../../../../../packages/testing/src/test-app.ts'
import { useTestDatabase } from '../../../../../packages/testing/src/test-database.ts'
import type { RunningApp } from '../../app.ts'
import { FixedClock } from '../../kernel/clock.ts'

/** A suggestion's life after it reaches people: submitted pairs retire, a team's acceptance is told. */
const database = useTestDatabase()
const clock = new FixedClock('2026-05-04T09:00:00Z')
let app: RunningApp & { baseUrl: string }
let w: World
let company: TestCompany
let rachel: TestRecruiter
let tom: TestRecruiter
let role: any

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

type Match = { id: string; score: number; status: string; candidate: { id: string }; role: { id: string } }

async function suggestions(who: TestRecruiter | TestCompany['admin'], query: string): Promise<Match[]> {
  const res = await api(w, who).get(`/api/matches${query}`)
  expect(res.status).toBe(200)
  return res.body.data
}

async function rows(candidateId: string, roleId: string) {
  return (
    await database.current.pool.query<{ status: string; outcome: string | null; score: number }>(
      'select status, outcome, score from intelligence.candidate_role_matches where candidate_id = $1 and role_id = $2',
      [candidateId, roleId],
    )
  ).rows
}

beforeAll(async () => {
  app = await startTestApp(database.current.url, { clock })
  w = { ctx: app.ctx, baseUrl: app.baseUrl }
  company = await makeCompany(w)
  rachel = await makeRecruiter(w)
  tom = await makeRecruiter(w)
  role = await makeRole(w, company, FRONTEND)
})
afterAll(async () => app?.stop())

describe('already-submitted pairs', () => {
  it('a submission retires the open suggestion, and no re-scoring brings it back', async () => {
    const cand = await makeCandidate(w, rachel, GOOD_FIT)
    const control = await makeCandidate(w, rachel, { ...GOOD_FIT, skills: ['React', 'TypeScript'] })
    await eventually('both suggested', async () => {
      const ms = await suggestions(rachel, `?role_id=${role.id}`)
      return ms.some((m) => m.candidate.id === cand.id) && ms.some((m) => m.candidate.id === control.id)
    })
    // the recruiter submits without going through the suggestion
    await submitCandidate(w, rachel, role.id, cand.id)
    await eventually('retired', async () => (await rows(cand.id, role.id))[0]?.status === 'expired')
    expect((await rows(cand.id, role.id))[0]).toMatchObject({ status: 'expired', outcome: 'submitted' })
    expect((await suggestions(rachel, `?role_id=${role.id}`)).map((m) => m.candidate.id)).not.toContain(
      cand.id,
    )
    expect(
      (await suggestions(company.admin, `?role_id=${role.id}`)).map((m) => m.candidate.id),
    ).not.toContain(cand.id)
    // the role is edited: it is re-scored (the control candidate's score moves), the submitted pair stays out
    const before = (await rows(control.id, role.id))[0]!.score
    const edited = await api(w, company.admin).patch(`/api/roles/${role.id}`, {
      description: `${FRONTEND.description} GraphQL and Kubernetes are a plus.`,
    })
    expect(edited.status).toBe(200)
    await eventually('role re-scored', async () => (await rows(control.id, role.id))[0]!.score !== before)
    expect(await rows(cand.id, role.id)).toEqual([expect.objectContaining({ status: 'expired' })])
    // the candidate is edited: re-scored against open roles, still not suggested for this one
    expect(
      (
        await api(w, rachel).patch(`/api/candidates/${cand.id}`, {
          skills: ['React', 'TypeScript', 'Node.js', 'GraphQL'],
        })
      ).status,
    ).toBe(200)
    await new Promise((r) => setTimeout(r, 1500))
    expect(await rows(cand.id, role.id)).toEqual([expect.objectContaining({ status: 'expired' })])
  })

  it('a candidate submitted before any suggestion is never suggested for that role', async () => {
    const other = await makeRole(w, company, { ...FRONTEND, title: 'Frontend Engineer, Payments' })
    const cand = await makeCandidate(w, tom, { ...GOOD_FIT, skills: ['Vue'] })
    await submitCandidate(w, tom, other.id, cand.id)
    // now the candidate fits: re-scored, suggested for the first role but not the one they are in
    expect((await api(w, tom).patch(`/api/candidates/${cand.id}`, { skills: GOOD_FIT.skills })).status).toBe(
      200,
    )
    await eventually('suggested for the other role', async () =>
      (await suggestions(tom, `?candidate_id=${cand.id}`)).some((m) => m.role.id === role.id),
    )
    expect((await suggestions(tom, `?candidate_id=${cand.id}`)).map((m) => m.role.id)).not.toContain(other.id)
    expect(await rows(cand.id, other.id)).toEqual([])
  })
})

describe('a hiring team accepts a suggestion', () => {
  it('tells the candidate’s recruiter once, in-app and by email, linking to the pre-filled submission', async () => {
    const cand = await makeCandidate(w, rachel, { ...GOOD_FIT, current_title: 'Frontend Engineer' })
    const m = await eventually('suggested to the team', async () =>
      (await suggestions(company.admin, `?role_id=${role.id}`)).find((x) => x.candidate.id === cand.id),
    )
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => api(w, company.admin).post(`/api/matches/${m.id}/accept`, {})),
    )
    expect(answers.filter((a) => a.status === 200).length).toBe(1)
    const inbox = (await api(w, rachel).get('/api/notifications')).body.data as {
      title: string
      body: string
      link: string
    }[]
    const told = inbox.filter((n) => n.link === `/splits/candidates/${cand.id}?match=${m.id}`)
    expect(told).toHaveLength(1)
    expect(told[0]!.title).toContain(company.name)
    expect(told[0]!.body).toMatch(/pre-filled submission/)
    const emails = await database.current.pool.query(
      `select count(*)::int as n from notifications.deliveries d
        where d.user_id = $1 and d.channel = 'email' and d.kind = 'match.accepted_by_team'`,
      [rachel.userId],
    )
    expect(emails.rows[0].n).toBe(1)
    // the team sees no notice of its own; the recruiter accepting their own suggestion tells nobody
    expect(
      ((await api(w, company.admin).get('/api/notifications')).body.data as { link: string }[]).some((n) =>
        n.link.includes(m.id),
      ),
    ).toBe(false)
  })

  it('a recruiter accepting their own candidate’s suggestion tells nobody; email off in settings is respected', async () => {
    const pref = await api(w, tom).put('/api/notifications/preferences', {
      preferences: [{ event_type: 'match.accepted_by_team', in_app: true, email: false }],
    })
    expect(pref.status).toBeLessThan(300)
    const cand = await makeCandidate(w, tom, { ...GOOD_FIT, current_title: 'Lead Frontend Engineer' })
    const m = await eventually('suggested to the team', async () =>
      (await suggestions(company.admin, `?role_id=${role.id}`)).find((x) => x.candidate.id === cand.id),
    )
    expect((await api(w, company.admin).post(`/api/matches/${m.id}/accept`, {})).status).toBe(200)
    const emails = await database.current.pool.query(
      `select count(*)::int as n from notifications.deliveries where user_id = $1 and kind = 'match.accepted_by_team'`,
      [tom.userId],
    )
    expect(emails.rows[0].n).toBe(0)
    const inbox = (await api(w, tom).get('/api/notifications')).body.data as { link: string }[]
    expect(inbox.filter((n) => n.link.includes(m.id))).toHaveLength(1)
    const own = await makeCandidate(w, rachel, { ...GOOD_FIT, current_title: 'Staff Frontend Engineer' })
    const mine = await eventually('suggested to rachel', async () =>
      (await suggestions(rachel, `?candidate_id=${own.id}`)).find((x) => x.role.id === role.id),
    )
    expect((await api(w, rachel).post(`/api/matches/${mine.id}/accept`, {})).status).toBe(200)
    const inbox2 = (await api(w, rachel).get('/api/notifications')).body.data as { link: string }[]
    expect(inbox2.filter((n) => n.link.includes(mine.id))).toHaveLength(0)
  })
})

describe('the inverted skill table role re-scoring reads', () => {
  it('follows a candidate’s skills, function and seniority as their profile changes', async () => {
    const cand = await makeCandidate(w, tom, {
      ...GOOD_FIT,
      current_title: 'Senior Data Engineer',
      skills: ['Python', 'Go'],
    })
    const index = async () =>
      (
        await database.current.pool.query<{ skill_id: string; function: string; seniority: string }>(
          'select skill_id, function, seniority from intelligence.candidate_skill_index where candidate_id = $1 order by skill_id',
          [cand.id],
        )
      ).rows
    await eventually('indexed', async () => ((await index()).length === 2 ? true : undefined))
    const first = await index()
    expect(first.every((r) => r.function === first[0]!.function && r.seniority === 'senior')).toBe(true)
    expect(
      (await api(w, tom).patch(`/api/candidates/${cand.id}`, { skills: ['React', 'TypeScript', 'Node.js'] }))
        .status,
    ).toBe(200)
    await eventually('re-indexed', async () => ((await index()).length === 3 ? true : undefined))
    expect((await index()).map((r) => r.skill_id).some((s) => first.some((f) => f.skill_id === s))).toBe(
      false,
    )
    // and they are matched again with their new skills
    await eventually('suggested after the edit', async () =>
      (await suggestions(tom, `?candidate_id=${cand.id}`)).some((m) => m.role.id === role.id)
        ? true
        : undefined,
    )
  })
})
