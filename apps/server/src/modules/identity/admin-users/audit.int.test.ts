import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiClient } from '../../../../../../packages/testing/src/api-client.ts'
import {
  makeInvitation,
  makeOrganization,
  makePerson,
  signIn,
  type TestPerson,
} from '../../../../../../packages/testing/src/factories/people.ts'
import type { TestSession } from '../../../../../../packages/testing/src/sessions.ts'
import { startTestApp } from '../../../../../../packages/testing/src/test-app.ts'
import { useTestDatabase } from '../../../../../../packages/testing/src/test-database.ts'
import type { RunningApp } from '../../../app.ts'
import { encodeCursor } from '../../../kernel/http/pagination.ts'

const database = useTestDatabase()
let app: RunningApp & { baseUrl: string }
let admin: TestPerson
let adminSession: TestSession

beforeAll(async () => {
  app = await startTestApp(database.current.url, { role: 'web' })
  admin = await makePerson(app.ctx, { name: 'Ada Admin', roles: ['platform_admin'] })
  adminSession = await signIn(app.ctx, admin)
})
afterAll(async () => app?.stop())

const asAdmin = () => apiClient(app.baseUrl, adminSession)

/** Follows next_cursor with the given page size; returns every row seen, in order. */
async function walk(path: string, limit: number): Promise<{ id?: string; seq?: string }[]> {
  const rows: { id?: string; seq?: string }[] = []
  let cursor: string | null = null
  for (let pages = 0; pages < 500; pages++) {
    const sep = path.includes('?') ? '&' : '?'
    const res = await asAdmin().get(
      `${path}${sep}limit=${limit}${cursor ? `&starting_after=${encodeURIComponent(cursor)}` : ''}`,
    )
    expect(res.status).toBe(200)
    rows.push(...res.body.data)
    if (!res.body.has_more) return rows
    cursor = res.body.next_cursor
  }
  throw new Error('did not end')
}

describe('the audit trail of a person, on the admin user screen', () => {
  it('records suspensions, roles, sessions ended by an admin and invitations answered, with who did it', async () => {
    const acme = await makeOrganization(app.ctx, { name: 'Acme Audit' })
    const inviter = await makePerson(app.ctx, { roles: ['company_admin'], org: acme })
    const person = await makePerson(app.ctx, { name: 'Pat Person', roles: ['recruiter'] })
    await signIn(app.ctx, person)
    const id = person.id
    const splits = (await asAdmin().get('/api/admin/organizations?q=Splits')).body.data[0]

    expect((await asAdmin().post(`/api/admin/users/${id}/suspend`, { reason: 'Spam reports' })).status).toBe(
      200,
    )
    expect((await asAdmin().post(`/api/admin/users/${id}/reactivate`)).status).toBe(200)
    const granted = await asAdmin().post(`/api/admin/users/${id}/memberships`, {
      organization_id: splits.id,
      role: 'candidate',
    })
    const membership = granted.body.memberships.find((m: { role: string }) => m.role === 'candidate')
    expect((await asAdmin().delete(`/api/admin/users/${id}/memberships/${membership.id}`)).status).toBe(200)
    await signIn(app.ctx, person)
    expect((await asAdmin().post(`/api/admin/users/${id}/sessions/revoke`)).status).toBe(200)
    // the person accepts an invitation to Acme's hiring team, and declines another
    const invited = await makeInvitation(app.ctx, { org: acme, invitedBy: inviter, email: person.email! })
    const declined = await makeInvitation(app.ctx, {
      org: acme,
      invitedBy: inviter,
      email: person.email!,
      role: 'company_admin',
    })
    const session = await signIn(app.ctx, person)
    expect(
      (await apiClient(app.baseUrl, session).post(`/api/account/invitations/${invited.id}/accept`)).status,
    ).toBe(200)
    expect(
      (await apiClient(app.baseUrl, session).post(`/api/account/invitations/${declined.id}/decline`)).status,
    ).toBe(200)

    const trail = await asAdmin().get(`/api/admin/users/${id}/audit?limit=100`)
    expect(trail.status).toBe(200)
    expect(trail.body.has_more).toBe(false)
    expect(
      trail.body.data.map((e: { action: string; actor_name: string | null }) => [e.action, e.actor_name]),
    ).toEqual([
      ['identity.invitation_declined', 'Pat Person'],
      ['identity.invitation_accepted', 'Pat Person'],
      ['identity.sessions_revoked', 'Ada Admin'],
      ['identity.role_revoked', 'Ada Admin'],
      ['identity.role_granted', 'Ada Admin'],
      ['identity.user_reactivated', 'Ada Admin'],
      ['identity.user_suspended', 'Ada Admin'],
    ])
    expect(trail.body.data[1].after).toMatchObject({
      invitation_id: invited.id,
      organization_id: acme.id,
      organization: 'Acme Audit',
      role: 'hiring_manager',
    })
    expect(trail.body.data[6].after).toMatchObject({ status: 'suspended', suspended_reason: 'Spam reports' })
    for (const entry of trail.body.data) expect(entry.occurred_at).toMatch(/^\d{4}-\d{2}-\d{2}T.*Z$/)

    // the detail view carries the same latest entries
    const detail = await asAdmin().get(`/api/admin/users/${id}`)
    expect(detail.body.audit).toEqual(trail.body.data)
  })

  it('pages exactly: page size 1 walks the same entries as one big page', async () => {
    const person = await makePerson(app.ctx, { roles: ['recruiter'] })
    for (let i = 0; i < 4; i++) {
      await asAdmin().post(`/api/admin/users/${person.id}/suspend`, { reason: `round ${i}` })
      await asAdmin().post(`/api/admin/users/${person.id}/reactivate`)
    }
    const big = (await asAdmin().get(`/api/admin/users/${person.id}/audit?limit=100`)).body.data
    expect(big).toHaveLength(8)
    const walked = await walk(`/api/admin/users/${person.id}/audit`, 1)
    expect(walked.map((e) => e.seq)).toEqual(big.map((e: { seq: string }) => e.seq))
    expect((await walk(`/api/admin/users/${person.id}/audit`, 3)).map((e) => e.seq)).toEqual(
      big.map((e: { seq: string }) => e.seq),
    )
  })

  it('answers 404 for an unknown person and 400 for a cursor it did not give', async () => {
    expect((await asAdmin().get(`/api/admin/users/${crypto.randomUUID()}/audit`)).status).toBe(404)
    for (const bad of ['nope', encodeCursor(['x']), encodeCursor(['-1']), encodeCursor([1])]) {
      const res = await asAdmin().get(`/api/admin/users/${admin.id}/audit?starting_after=${bad}`)
      expect({ bad, status: res.status, code: res.body.code }).toEqual({
        bad,
        status: 400,
        code: 'invalid_cursor',
      })
    }
  })
})

describe('GET /api/admin/users pages exactly', () => {
  it('walks the same people with page size 1 as in one big page, with and without filters', async () => {
    for (let i = 0; i < 6; i++) await makePerson(app.ctx, { roles: ['recruiter'] })
    for (let i = 0; i < 3; i++) await makePerson(app.ctx, { phone: true, roles: ['consumer'] })
    for (const filter of ['', '?role=recruiter', '?role=consumer', '?status=active']) {
      const big = (await asAdmin().get(`/api/admin/users${filter}${filter ? '&' : '?'}limit=100`)).body
      expect(big.has_more).toBe(false)
      const walked = await walk(`/api/admin/users${filter}`, 1)
      expect({ filter, ids: walked.map((u) => u.id) }).toEqual({
        filter,
        ids: big.data.map((u: { id: string }) => u.id),
      })
    }
  })

  it('refuses a cursor that is not one of its own with invalid_cursor', async () => {
    for (const bad of ['nope', encodeCursor(['not-a-uuid']), encodeCursor([42])]) {
      const res = await asAdmin().get(`/api/admin/users?starting_after=${bad}`)
      expect({ bad, status: res.status, code: res.body.code }).toEqual({
        bad,
        status: 400,
        code: 'invalid_cursor',
      })
    }
  })
})
