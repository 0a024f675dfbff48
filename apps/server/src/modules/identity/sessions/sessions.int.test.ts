import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiClient } from '../../../../../../packages/testing/src/api-client.ts'
import {
  makePerson,
  signIn,
  type TestPerson,
} from '../../../../../../packages/testing/src/factories/people.ts'
import type { TestSession } from '../../../../../../packages/testing/src/sessions.ts'
import { startTestApp } from '../../../../../../packages/testing/src/test-app.ts'
import { useTestDatabase } from '../../../../../../packages/testing/src/test-database.ts'
import type { RunningApp } from '../../../app.ts'

const database = useTestDatabase()
let app: RunningApp & { baseUrl: string }
let admin: TestPerson
let adminSession: TestSession

beforeAll(async () => {
  app = await startTestApp(database.current.url)
  admin = await makePerson(app.ctx, { roles: ['platform_admin'] })
  adminSession = await signIn(app.ctx, admin, { ip: '192.0.2.1', userAgent: 'admin laptop' })
})
afterAll(async () => app?.stop())

const api = () => apiClient(app.baseUrl)

/** Someone else, signed in on two devices. */
async function someoneWithTwoDevices() {
  const person = await makePerson(app.ctx, { roles: ['recruiter'] })
  const laptop = await signIn(app.ctx, person, { ip: '198.51.100.7', userAgent: 'their laptop' })
  const phone = await signIn(app.ctx, person, { ip: '198.51.100.8', userAgent: 'their phone' })
  return { person, laptop, phone }
}

const stillSignedIn = async (s: TestSession) => (await api().as(s).get('/api/account')).status === 200

describe('my sessions are mine, for everyone (platform admins too)', () => {
  it('lists only the caller’s own sessions', async () => {
    const other = await someoneWithTwoDevices()
    const mine = await api().as(adminSession).get('/api/account/sessions')
    expect(mine.status).toBe(200)
    expect(mine.body.data.map((s: { id: string }) => s.id)).toEqual([adminSession.sessionId])
    expect(JSON.stringify(mine.body)).not.toContain('198.51.100')

    const theirs = await api().as(other.laptop).get('/api/account/sessions')
    expect(theirs.body.data.map((s: { id: string }) => s.id).sort()).toEqual(
      [other.laptop.sessionId, other.phone.sessionId].sort(),
    )
    expect(theirs.body.data.find((s: { current: boolean }) => s.current).id).toBe(other.laptop.sessionId)
  })

  it('answers 404 when an admin revokes someone else’s session through “my” routes, which stays alive', async () => {
    const other = await someoneWithTwoDevices()
    const viaAccount = await api().as(adminSession).delete(`/api/account/sessions/${other.laptop.sessionId}`)
    expect(viaAccount.status).toBe(404)
    const viaRevoke = await api()
      .as(adminSession)
      .post('/api/auth/revoke', { session_id: other.phone.sessionId })
    expect(viaRevoke.status).toBe(404)
    expect(await stillSignedIn(other.laptop)).toBe(true)
    expect(await stillSignedIn(other.phone)).toBe(true)
    expect(await stillSignedIn(adminSession)).toBe(true)
  })

  it('lets a person end their own other session by id, through either route', async () => {
    const other = await someoneWithTwoDevices()
    expect(
      (await api().as(other.laptop).post('/api/auth/revoke', { session_id: other.phone.sessionId })).status,
    ).toBe(204)
    expect(await stillSignedIn(other.phone)).toBe(false)
    expect(await stillSignedIn(other.laptop)).toBe(true)
  })
})

describe('an admin ends someone’s sessions from the admin user screen', () => {
  it('signs every device out, says how many, and audits it', async () => {
    const other = await someoneWithTwoDevices()
    const before = await api().as(adminSession).get(`/api/admin/users/${other.person.id}`)
    expect(before.body.active_sessions).toBe(2)

    const ended = await api().as(adminSession).post(`/api/admin/users/${other.person.id}/sessions/revoke`)
    expect(ended.status).toBe(200)
    expect(ended.body.active_sessions).toBe(0)
    expect(ended.body.audit[0]).toMatchObject({
      action: 'identity.sessions_revoked',
      actor_user_id: admin.id,
      actor_name: admin.name,
      after: { sessions_revoked: 2 },
    })
    expect(await stillSignedIn(other.laptop)).toBe(false)
    expect(await stillSignedIn(other.phone)).toBe(false)
    expect(await stillSignedIn(adminSession)).toBe(true)

    // nothing left to end: the answer says so, and no empty entry is recorded
    const again = await api().as(adminSession).post(`/api/admin/users/${other.person.id}/sessions/revoke`)
    expect(again.status).toBe(200)
    expect(
      again.body.audit.filter((a: { action: string }) => a.action === 'identity.sessions_revoked'),
    ).toHaveLength(1)
  })

  it('is for admins only, for existing people, and not for the admin’s own sessions', async () => {
    const other = await someoneWithTwoDevices()
    const byRecruiter = await api().as(other.laptop).post(`/api/admin/users/${admin.id}/sessions/revoke`)
    expect(byRecruiter.status).toBe(403)
    expect(await stillSignedIn(adminSession)).toBe(true)
    const unknown = await api()
      .as(adminSession)
      .post(`/api/admin/users/${crypto.randomUUID()}/sessions/revoke`)
    expect(unknown.status).toBe(404)
    const self = await api().as(adminSession).post(`/api/admin/users/${admin.id}/sessions/revoke`)
    expect(self.status).toBe(409)
    expect(await stillSignedIn(adminSession)).toBe(true)
  })
})
