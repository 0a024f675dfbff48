import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiClient } from '../../../../../../packages/testing/src/api-client.ts'
import {
  makeInvitation,
  makeOrganization,
  makePerson,
  signIn,
  type TestOrganization,
  type TestPerson,
  uniqueEmail,
} from '../../../../../../packages/testing/src/factories/people.ts'
import { startTestApp } from '../../../../../../packages/testing/src/test-app.ts'
import { useTestDatabase } from '../../../../../../packages/testing/src/test-database.ts'
import type { RunningApp } from '../../../app.ts'
import { FixedClock } from '../../../kernel/clock.ts'
import { inTransaction } from '../../../kernel/db/transaction.ts'
import type { IdentityTx } from '../route.ts'
import { organizationPeople, revokeInvitation } from './service.ts'

/**
 * Invitations from the invitee's side (the company's side, inviting and listing its team, is the
 * recruiting module's screen on identity's services): who sees them, who may answer, answering
 * once, and the email that tells the person.
 */
const database = useTestDatabase()
const clock = new FixedClock('2026-03-02T08:00:00Z')
let app: RunningApp & { baseUrl: string }
let acme: TestOrganization
let acmeAdmin: TestPerson

beforeAll(async () => {
  app = await startTestApp(database.current.url, { clock, env: { DEMO_MODE: 'true' } })
  acme = await makeOrganization(app.ctx, { name: 'Acme Invitations' })
  acmeAdmin = await makePerson(app.ctx, { name: 'Dana Inviter', roles: ['company_admin'], org: acme })
})
afterAll(async () => app?.stop())

const as = async (person: TestPerson) => apiClient(app.baseUrl, await signIn(app.ctx, person))
const peopleOf = (viewer: TestPerson, org: TestOrganization) =>
  inTransaction(app.ctx.db, { kind: 'user', userId: viewer.id, roles: [] }, (tx: IdentityTx) =>
    organizationPeople(tx, org.id, ['company_admin', 'hiring_manager'], clock.now()),
  )

async function devOutbox(recipient: string) {
  const res = await fetch(`${app.baseUrl}/api/dev/outbox?recipient=${encodeURIComponent(recipient)}`)
  return ((await res.json()) as { data: { subject: string | null; body: string }[] }).data
}

describe('who sees an organisation’s invitations', () => {
  it('shows them to the organisation’s members, not to outsiders', async () => {
    const invited = await makeInvitation(app.ctx, { org: acme, invitedBy: acmeAdmin })
    const member = await peopleOf(acmeAdmin, acme)
    expect(member.invitations.map((i) => i.id)).toContain(invited.id)

    const globex = await makeOrganization(app.ctx, { name: 'Globex' })
    const outsider = await makePerson(app.ctx, { roles: ['company_admin'], org: globex })
    const seen = await peopleOf(outsider, acme)
    expect(seen).toEqual({ members: [], invitations: [] })
    const theirs = await (await as(outsider)).get('/api/account/invitations')
    expect(theirs.body.data).toEqual([])
  })

  it('lists my open invitations to me, with who invited me to what', async () => {
    const me = await makePerson(app.ctx, { roles: ['recruiter'] })
    const invited = await makeInvitation(app.ctx, { org: acme, invitedBy: acmeAdmin, email: me.email! })
    const mine = await (await as(me)).get('/api/account/invitations')
    expect(mine.body.data).toEqual([
      expect.objectContaining({
        id: invited.id,
        organization_id: acme.id,
        organization_name: 'Acme Invitations',
        organization_kind: 'company',
        role: 'hiring_manager',
        invited_by_name: 'Dana Inviter',
      }),
    ])
  })
})

describe('answering an invitation', () => {
  it('is for the invitee only: anyone else gets 404 and the invitation stays open', async () => {
    const invitee = await makePerson(app.ctx)
    const invited = await makeInvitation(app.ctx, { org: acme, invitedBy: acmeAdmin, email: invitee.email! })
    for (const stranger of [
      await makePerson(app.ctx, { roles: ['recruiter'] }),
      acmeAdmin,
      await makePerson(app.ctx, { roles: ['platform_admin'] }),
    ]) {
      const api = await as(stranger)
      expect((await api.post(`/api/account/invitations/${invited.id}/accept`)).status).toBe(404)
      expect((await api.post(`/api/account/invitations/${invited.id}/decline`)).status).toBe(404)
    }
    const accepted = await (await as(invitee)).post(`/api/account/invitations/${invited.id}/accept`)
    expect(accepted.status).toBe(200)
    expect(accepted.body).toEqual({ status: 'accepted', organization_id: acme.id, role: 'hiring_manager' })
  })

  it('grants the membership once under 20 concurrent accepts', async () => {
    const invitee = await makePerson(app.ctx)
    const invited = await makeInvitation(app.ctx, { org: acme, invitedBy: acmeAdmin, email: invitee.email! })
    const api = await as(invitee)
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => api.post(`/api/account/invitations/${invited.id}/accept`)),
    )
    expect(answers.map((a) => a.status).sort()).toEqual([200, ...Array(19).fill(409)])
    const memberships = await database.current.pool.query(
      'select role from identity.memberships where user_id = $1 and organization_id = $2',
      [invitee.id, acme.id],
    )
    expect(memberships.rows).toEqual([{ role: 'hiring_manager' }])
    // the new role is the person's at once (who-am-I reads it)
    expect((await api.get('/api/auth/session')).body.user.roles).toEqual(['hiring_manager'])
    expect((await api.get('/api/account/invitations')).body.data).toEqual([])
  })

  it('refuses to accept a declined, revoked or expired invitation', async () => {
    const invitee = await makePerson(app.ctx)
    const api = await as(invitee)
    const invite = (role: 'hiring_manager' | 'company_admin') =>
      makeInvitation(app.ctx, { org: acme, invitedBy: acmeAdmin, email: invitee.email!, role })

    const declined = await invite('hiring_manager')
    expect((await api.post(`/api/account/invitations/${declined.id}/decline`)).body.status).toBe('declined')
    const afterDecline = await api.post(`/api/account/invitations/${declined.id}/accept`)
    expect({ status: afterDecline.status, code: afterDecline.body.code }).toEqual({
      status: 409,
      code: 'invalid_state_transition',
    })

    const revoked = await invite('hiring_manager')
    await inTransaction(app.ctx.db, { kind: 'user', userId: acmeAdmin.id, roles: ['company_admin'] }, (tx) =>
      revokeInvitation(tx, acme.id, revoked.id, clock.now()),
    )
    expect((await api.post(`/api/account/invitations/${revoked.id}/accept`)).status).toBe(409)

    const expiring = await invite('company_admin')
    clock.advance(15 * 24 * 3600_000)
    const later = await as(invitee) // a fortnight on, with a fresh session
    const late = await later.post(`/api/account/invitations/${expiring.id}/accept`)
    expect({ status: late.status, code: late.body.code }).toEqual({ status: 410, code: 'gone' })
    expect((await later.get('/api/auth/session')).body.user.roles).toEqual([])
  })
})

describe('the invitation email', () => {
  it('is sent by the consumer to the invited address, naming the inviter and the organisation', async () => {
    const email = uniqueEmail('emailed')
    await makeInvitation(app.ctx, { org: acme, invitedBy: acmeAdmin, email, displayName: 'Erin Emailed' })
    let messages: Awaited<ReturnType<typeof devOutbox>> = []
    for (let i = 0; i < 200 && messages.length === 0; i++) {
      messages = await devOutbox(email)
      if (messages.length === 0) await new Promise((r) => setTimeout(r, 50))
    }
    expect(messages).toHaveLength(1)
    expect(messages[0]!.subject).toBe('Dana Inviter invited you to Acme Invitations on Splits Network')
    expect(messages[0]!.body).toContain('Hello Erin Emailed,')
    expect(messages[0]!.body).toContain('as hiring manager')
    expect(messages[0]!.body).toContain(`${app.ctx.config.http.publicUrl}/sign-in?next=%2Fsplits%2Faccount`)
  })
})

describe('signing in with an invited address that has no account yet', () => {
  async function codeFor(email: string) {
    for (let i = 0; i < 200; i++) {
      const code = (await devOutbox(email))
        .map((m) => /code is (\d{6})/.exec(m.body)?.[1])
        .find((c) => c !== undefined)
      if (code) return code
      await new Promise((r) => setTimeout(r, 25))
    }
    return undefined
  }
  const post = async (path: string, body: unknown) => {
    const res = await fetch(`${app.baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
    return { status: res.status, body: (await res.json()) as Record<string, any>, headers: res.headers }
  }

  it('sends a code, creates the account named as invited, and lets the person accept', async () => {
    clock.advance(3600_000)
    const email = uniqueEmail('newcomer')
    const invited = await makeInvitation(app.ctx, {
      org: acme,
      invitedBy: acmeAdmin,
      email,
      displayName: 'Nora Newcomer',
    })
    const start = await post('/api/auth/email/start', { email })
    expect(start.status).toBe(202)
    const code = await codeFor(email)
    expect(code).toBeDefined()
    const verified = await post('/api/auth/verify', { challenge_id: start.body.challenge_id, code })
    expect(verified.status).toBe(200)
    expect(verified.body).toMatchObject({
      is_new_user: true,
      marketplace: 'splits',
      user: { display_name: 'Nora Newcomer', email, roles: [], locale: 'en' },
    })
    const cookie = /sid=([^;]+)/.exec(verified.headers.get('set-cookie') ?? '')![1]
    const headers = { cookie: `sid=${cookie}`, 'x-csrf-token': verified.body.csrf_token }
    const mine = await fetch(`${app.baseUrl}/api/account/invitations`, { headers })
    expect(((await mine.json()) as { data: { id: string }[] }).data.map((i) => i.id)).toEqual([invited.id])
    const accepted = await fetch(`${app.baseUrl}/api/account/invitations/${invited.id}/accept`, {
      method: 'POST',
      headers,
    })
    expect(accepted.status).toBe(200)
  })

  it('changes nothing without an open invitation: same answer, no message, no account', async () => {
    clock.advance(3600_000)
    const invitedThenRevoked = uniqueEmail('revoked')
    const revoked = await makeInvitation(app.ctx, {
      org: acme,
      invitedBy: acmeAdmin,
      email: invitedThenRevoked,
    })
    await inTransaction(app.ctx.db, { kind: 'user', userId: acmeAdmin.id, roles: ['company_admin'] }, (tx) =>
      revokeInvitation(tx, acme.id, revoked.id, clock.now()),
    )
    for (const email of [uniqueEmail('stranger'), invitedThenRevoked]) {
      const start = await post('/api/auth/email/start', { email })
      expect(start.status).toBe(202)
      expect(Object.keys(start.body).sort()).toEqual(['challenge_id', 'expires_at', 'sent_to'])
      await new Promise((r) => setTimeout(r, 300))
      expect((await devOutbox(email)).filter((m) => /code is/.test(m.body))).toEqual([])
      const verify = await post('/api/auth/verify', { challenge_id: start.body.challenge_id, code: '123456' })
      expect(verify.body.code).toBe('code_invalid')
      const accounts = await database.current.pool.query(
        'select 1 from identity.user_contacts where email = $1',
        [email],
      )
      expect(accounts.rows).toEqual([])
    }
  })
})
