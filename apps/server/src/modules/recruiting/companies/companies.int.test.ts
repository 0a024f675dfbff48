import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  api,
  makeCompany,
  makePerson,
  makeRecruiter,
  makeRole,
  makeTeamMember,
  platformAdmin,
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

interface TeamEntry {
  id: string
  status: 'active' | 'invited'
  user_id: string | null
  email: string | null
  display_name: string
  role: string
}

describe('companies', () => {
  it('adds a company (platform admins only), with billing shown to its team and admins only', async () => {
    const admin = await platformAdmin(w)
    const recruiter = await makeRecruiter(w)
    const body = { name: 'Billing Test Co', payment_terms: 'net_60', billing_email: 'ap@billing.test' }
    expect((await api(w, recruiter).post('/api/companies', body)).status).toBe(403)
    const created = await api(w, admin).post('/api/companies', body)
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({
      name: 'Billing Test Co',
      payment_terms: 'net_60',
      version: 1,
      open_roles: 0,
      billing: { billing_email: 'ap@billing.test' },
    })
    expect((await api(w, recruiter).get(`/api/companies/${created.body.id}`)).body.billing).toBeNull()
    const audit = await database.current.pool.query(
      `select action from platform.audit_log where entity_id = $1`,
      [created.body.id],
    )
    expect(audit.rows.map((r) => r.action)).toEqual(['company.created'])
  })

  it('lets its admins change the profile and payment terms; others cannot', async () => {
    const [company, other] = [await makeCompany(w), await makeCompany(w)]
    const manager = await makeTeamMember(w, company, 'hiring_manager')
    expect(
      (await api(w, manager).patch(`/api/companies/${company.id}`, { payment_terms: 'net_90' })).status,
    ).toBe(403)
    expect(
      (await api(w, other.admin).patch(`/api/companies/${company.id}`, { payment_terms: 'net_90' })).status,
    ).toBe(403)
    const changed = await api(w, company.admin).patch(`/api/companies/${company.id}`, {
      payment_terms: 'net_90',
      billing_contact_name: 'Accounts Payable',
    })
    expect(changed.body).toMatchObject({
      payment_terms: 'net_90',
      billing: { billing_contact_name: 'Accounts Payable' },
      version: 2,
    })
  })

  it('lists only my companies with mine=true, with my place on the team, and counts roles by status', async () => {
    const company = await makeCompany(w)
    const recruiter = await makeRecruiter(w)
    for (const status of ['open', 'open', 'paused', 'draft'] as const)
      await makeRole(w, company, {}, { status })
    const mine = await api(w, company.admin).get('/api/companies?mine=true')
    expect(mine.body.data).toEqual([
      expect.objectContaining({
        id: company.id,
        name: company.name,
        my_role: 'company_admin',
        open_roles: 2,
      }),
    ])
    expect((await api(w, recruiter).get('/api/companies?mine=true')).body.data).toEqual([])
    expect(
      (await api(w, recruiter).get(`/api/companies?q=${encodeURIComponent(company.name)}`)).body.data,
    ).toEqual([expect.objectContaining({ id: company.id, my_role: null })])
    const detail = await api(w, company.admin).get(`/api/companies/${company.id}`)
    expect(detail.body.roles_by_status).toEqual({ open: 2, paused: 1, draft: 1 })
  })
})

describe('a missing company (issue 7 §7)', () => {
  it('answers 404 to adding someone to the team of a company that does not exist', async () => {
    const admin = await platformAdmin(w)
    const res = await api(w, admin).post(`/api/companies/${randomUUID()}/team`, {
      email: 'someone@nowhere.test',
      display_name: 'Someone',
      role: 'hiring_manager',
    })
    expect({ status: res.status, code: res.body.code }).toEqual({ status: 404, code: 'not_found' })
    expect((await api(w, admin).get(`/api/companies/${randomUUID()}/team`)).status).toBe(404)
    expect((await api(w, admin).get(`/api/companies/${randomUUID()}`)).status).toBe(404)
    expect((await api(w, admin).patch(`/api/companies/${randomUUID()}`, { name: 'Nobody' })).status).toBe(404)
  })
})

describe('the hiring team by invitation (issue 7 §8)', () => {
  it('invites an existing person, who joins only by accepting; admins see invited and active members', async () => {
    const company = await makeCompany(w)
    const outsider = await makeRecruiter(w)
    const invited = await api(w, company.admin).post(`/api/companies/${company.id}/team`, {
      email: outsider.email.toUpperCase(),
      display_name: outsider.name,
      role: 'hiring_manager',
    })
    expect(invited.status).toBe(201)
    // nothing is granted yet: the outsider is not on the team
    expect((await api(w, outsider).get(`/api/companies/${company.id}/team`)).status).toBe(403)
    const team = (await api(w, company.admin).get(`/api/companies/${company.id}/team`)).body
      .data as TeamEntry[]
    expect(team.map((m) => [m.status, m.user_id, m.email, m.role])).toEqual(
      expect.arrayContaining([
        ['active', company.admin.userId, null, 'company_admin'],
        ['invited', null, outsider.email, 'hiring_manager'],
      ]),
    )
    expect(team).toHaveLength(2)

    const mine = await api(w, outsider).get('/api/account/invitations')
    const invitation = mine.body.data.find(
      (i: { organization_id: string }) => i.organization_id === company.organizationId,
    )
    expect(invitation).toMatchObject({ role: 'hiring_manager', organization_name: company.name })
    expect((await api(w, outsider).post(`/api/account/invitations/${invitation.id}/accept`)).status).toBe(200)

    const after = (await api(w, company.admin).get(`/api/companies/${company.id}/team`)).body
      .data as TeamEntry[]
    expect(after.map((m) => [m.status, m.user_id])).toEqual(
      expect.arrayContaining([
        ['active', company.admin.userId],
        ['active', outsider.userId],
      ]),
    )
    expect(after.some((m) => m.status === 'invited')).toBe(false)
    expect((await api(w, outsider).get(`/api/companies/${company.id}/team`)).status).toBe(200)
  })

  it('shows open invitations to the company’s admins only', async () => {
    const company = await makeCompany(w)
    const manager = await makeTeamMember(w, company, 'hiring_manager')
    await api(w, company.admin).post(`/api/companies/${company.id}/team`, {
      email: `new-${randomUUID().slice(0, 6)}@factory.test`,
      display_name: 'New Person',
      role: 'company_admin',
    })
    const seenByAdmin = (await api(w, company.admin).get(`/api/companies/${company.id}/team`)).body.data
    expect(seenByAdmin.filter((m: TeamEntry) => m.status === 'invited')).toHaveLength(1)
    const seenByManager = await api(w, manager).get(`/api/companies/${company.id}/team`)
    expect(seenByManager.status).toBe(200)
    expect(seenByManager.body.data.map((m: TeamEntry) => m.status)).toEqual(['active', 'active'])
    expect(JSON.stringify(seenByManager.body)).not.toContain('New Person')
  })

  it('lets a company admin revoke an open invitation, which can then not be accepted', async () => {
    const company = await makeCompany(w)
    const person = await makePerson(w.ctx)
    const created = await api(w, company.admin).post(`/api/companies/${company.id}/team`, {
      email: person.email,
      display_name: person.name,
      role: 'hiring_manager',
    })
    const invitation = (created.body.data as TeamEntry[]).find((m) => m.status === 'invited')!
    const manager = await makeTeamMember(w, company, 'hiring_manager')
    expect(
      (await api(w, manager).delete(`/api/companies/${company.id}/team/invitations/${invitation.id}`)).status,
    ).toBe(403)
    const other = await makeCompany(w)
    expect(
      (await api(w, other.admin).delete(`/api/companies/${company.id}/team/invitations/${invitation.id}`))
        .status,
    ).toBe(403)
    const revoked = await api(w, company.admin).delete(
      `/api/companies/${company.id}/team/invitations/${invitation.id}`,
    )
    expect(revoked.status).toBe(204)
    expect(
      (await api(w, company.admin).delete(`/api/companies/${company.id}/team/invitations/${invitation.id}`))
        .status,
    ).toBe(404)
    const team = (await api(w, company.admin).get(`/api/companies/${company.id}/team`)).body
      .data as TeamEntry[]
    expect(team.some((m) => m.status === 'invited')).toBe(false)
    const late = await api(w, person).post(`/api/account/invitations/${invitation.id}/accept`)
    expect({ status: late.status, code: late.body.code }).toEqual({
      status: 409,
      code: 'invalid_state_transition',
    })
    expect((await api(w, person).get(`/api/companies/${company.id}/team`)).status).toBe(403)
  })
})

describe('concurrent edits of a company (issue 7 §9)', () => {
  it('lets exactly one of 10 concurrent changes made from the same version win', async () => {
    const company = await makeCompany(w)
    const loaded = (await api(w, company.admin).get(`/api/companies/${company.id}`)).body
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        api(w, company.admin).patch(`/api/companies/${company.id}`, {
          headquarters: `Floor ${i}`,
          version: loaded.version,
        }),
      ),
    )
    expect(answers.map((a) => a.status).sort()).toEqual([200, ...Array(9).fill(409)])
    expect(answers.filter((a) => a.status === 409).every((a) => a.body.code === 'version_conflict')).toBe(
      true,
    )
    expect((await api(w, company.admin).get(`/api/companies/${company.id}`)).body.version).toBe(
      loaded.version + 1,
    )
  })
})
