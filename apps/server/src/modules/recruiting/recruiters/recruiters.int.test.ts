import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  api,
  makeCompany,
  makePerson,
  makeRecruiter,
  makeRole,
  type World,
} from '../../../../../../packages/testing/src/factories/index.ts'
import { startTestApp } from '../../../../../../packages/testing/src/test-app.ts'
import { useTestDatabase } from '../../../../../../packages/testing/src/test-database.ts'
import type { RunningApp } from '../../../app.ts'

const database = useTestDatabase()
let app: RunningApp & { baseUrl: string }
let w: World

beforeAll(async () => {
  app = await startTestApp(database.current.url)
  w = { ctx: app.ctx, baseUrl: app.baseUrl }
})
afterAll(async () => app?.stop())

describe('recruiters', () => {
  it('lists a recruiter in the directory from the moment the role is granted, and shows them the marketplace', async () => {
    const company = await makeCompany(w)
    await makeRole(w, company)
    const newcomer = await makePerson(w.ctx, { name: 'New Recruiter', roles: ['recruiter'] })
    expect((await api(w, company.admin).get('/api/recruiters?q=New%20Recruiter')).body.data).toEqual([
      expect.objectContaining({
        display_name: 'New Recruiter',
        plan_tier: 'starter',
        user_id: newcomer.userId,
      }),
    ])
    const roles = await api(w, newcomer).get('/api/roles')
    expect(roles.status).toBe(200)
    expect(roles.body.data.length).toBeGreaterThan(0)
  })

  it('lets recruiters change their own profile and specialisations, found by them in the directory', async () => {
    const rachel = await makeRecruiter(w)
    const changed = await api(w, rachel).patch('/api/recruiters/me', {
      headline: 'Robotics and embedded recruiter',
      specializations: { function: ['engineering'], industry: ['ai'], locations: ['Boston'] },
    })
    expect(changed.status).toBe(200)
    expect(changed.body).toMatchObject({
      id: rachel.recruiterId,
      headline: 'Robotics and embedded recruiter',
      specializations: { function: ['engineering'], industry: ['ai'], locations: ['Boston'], seniority: [] },
      agency: null,
    })
    const found = await api(w, rachel).get('/api/recruiters?function=engineering&industry=ai')
    expect(found.body.data.map((r: { id: string }) => r.id)).toContain(rachel.recruiterId)
    expect((await api(w, rachel).get(`/api/recruiters/${rachel.recruiterId}`)).body.headline).toBe(
      'Robotics and embedded recruiter',
    )
    const bad = await api(w, rachel).patch('/api/recruiters/me', {
      specializations: { function: ['wizardry'] },
    })
    expect(bad.status).toBe(400)
  })

  it('has no profile for people without the recruiter role', async () => {
    const company = await makeCompany(w)
    expect((await api(w, company.admin).get('/api/recruiters/me')).status).toBe(403)
    expect((await api(w, company.admin).patch('/api/recruiters/me', { headline: 'x' })).status).toBe(403)
  })
})
