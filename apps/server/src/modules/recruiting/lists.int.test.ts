import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  api,
  candidateBody,
  hire,
  makeCandidate,
  makeCompany,
  makeRecruiter,
  makeRole,
  platformAdmin,
  submitCandidate,
  type TestCompany,
  type TestRecruiter,
  type World,
} from '../../../../../packages/testing/src/factories/index.ts'
import type { TestSession } from '../../../../../packages/testing/src/sessions.ts'
import { startTestApp } from '../../../../../packages/testing/src/test-app.ts'
import { useTestDatabase } from '../../../../../packages/testing/src/test-database.ts'
import type { RunningApp } from '../../app.ts'

/**
 * Every recruiting list pages exactly (issue 7 §4): walking it one row at a time gives the same
 * rows, in the same order, as one big page, even when rows share a millisecond (PostgreSQL keeps
 * microseconds; a cursor that keeps milliseconds skips the rows after the first of them).
 */
const database = useTestDatabase()
let app: RunningApp & { baseUrl: string }
let w: World
let company: TestCompany
let recruiter: TestRecruiter

const N = 5

beforeAll(async () => {
  app = await startTestApp(database.current.url)
  w = { ctx: app.ctx, baseUrl: app.baseUrl }
  company = await makeCompany(w)
  recruiter = await makeRecruiter(w)
  for (let i = 0; i < N; i++) {
    const role = await makeRole(w, company)
    const person = await makeCandidate(w, recruiter)
    const application = await submitCandidate(w, recruiter, role.id, person.id)
    // a second recruiter's record of the same person is blocked: a dispute
    const other = await makeRecruiter(w)
    const again = await api(w, other).post('/api/candidates', candidateBody({ email: person.contacts.email }))
    await api(w, other).post('/api/applications', { role_id: role.id, candidate_id: again.body.candidate.id })
    if (i < 3) await hire(w, company.admin, application)
  }
  // companies sort by name, which need not be unique: three of one name
  for (let i = 0; i < 3; i++) await makeCompany(w, { name: 'Same Name Ltd' })
  // rows that share one millisecond, apart by microseconds
  const pool = database.current.pool
  const sameMs = `'2026-05-04T09:00:00.000Z'::timestamptz + (row_number() over (order by id)) * interval '1 microsecond'`
  for (const [table, column] of [
    ['ats.roles', 'created_at'],
    ['ats.candidates', 'created_at'],
    ['ats.applications', 'stage_changed_at'],
    ['ats.placements', 'created_at'],
  ]) {
    await pool.query(
      `update ${table} t set ${column} = s.at from (select id, ${sameMs} as at from ${table}) s where s.id = t.id`,
    )
  }
})
afterAll(async () => app?.stop())

async function walk(who: TestSession, path: string): Promise<string[]> {
  const sep = path.includes('?') ? '&' : '?'
  const ids: string[] = []
  let cursor: string | null = null
  for (let i = 0; i < 200; i++) {
    const res = await api(w, who).get(`${path}${sep}limit=1${cursor ? `&starting_after=${cursor}` : ''}`)
    expect(res.status).toBe(200)
    ids.push(...res.body.data.map((r: { id: string }) => r.id))
    if (!res.body.has_more) return ids
    cursor = res.body.next_cursor
  }
  throw new Error(`${path} did not end`)
}

async function bigPage(who: TestSession, path: string): Promise<string[]> {
  const sep = path.includes('?') ? '&' : '?'
  const res = await api(w, who).get(`${path}${sep}limit=100`)
  expect(res.body.has_more).toBe(false)
  return res.body.data.map((r: { id: string }) => r.id)
}

describe('exact cursors on every recruiting list', () => {
  const lists: [string, () => TestSession | Promise<TestSession>, string, number][] = [
    ['roles (hiring team)', () => company.admin, '/api/roles', N],
    ['roles (marketplace)', () => recruiter, '/api/roles?status=open,filled', N],
    ['candidates', () => recruiter, '/api/candidates', N],
    ['applications', () => company.admin, '/api/applications', N],
    ['placements', () => company.admin, '/api/placements', 3],
    ['disputes', () => platformAdmin(w), '/api/ownership/disputes', N],
    ['recruiters', () => company.admin, '/api/recruiters', N + 1],
    ['companies (directory)', () => platformAdmin(w), '/api/companies', 4],
  ]
  for (const [name, who, path, expected] of lists) {
    it(`walks ${name} one row at a time and gets one big page`, async () => {
      const session = await who()
      const all = await bigPage(session, path)
      expect(all.length).toBeGreaterThanOrEqual(expected)
      expect(await walk(session, path)).toEqual(all)
    })
  }
})
