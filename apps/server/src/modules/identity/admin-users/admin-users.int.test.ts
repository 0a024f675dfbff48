import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sessionFor, type TestSession } from '../../../../../../packages/testing/src/sessions.ts'
import { startTestApp } from '../../../../../../packages/testing/src/test-app.ts'
import { useTestDatabase } from '../../../../../../packages/testing/src/test-database.ts'
import type { RunningApp } from '../../../app.ts'
import { verifyAuditChain } from '../../../kernel/audit/audit.ts'
import { demoPersonasSeed } from '../seed.ts'

const database = useTestDatabase()
let app: RunningApp & { baseUrl: string }
let admin: TestSession
let rachel: TestSession

beforeAll(async () => {
  app = await startTestApp(database.current.url)
  await demoPersonasSeed.run(app.ctx, () => {})
  admin = await sessionFor(app.ctx, { email: 'admin@splits.demo' })
  rachel = await sessionFor(app.ctx, { email: 'rachel@recruiters.demo' })
})
afterAll(async () => app?.stop())

async function call(path: string, init: { method?: string; body?: unknown; as?: TestSession } = {}) {
  const res = await fetch(`${app.baseUrl}${path}`, {
    method: init.method ?? (init.body ? 'POST' : 'GET'),
    headers: { ...(init.body ? { 'content-type': 'application/json' } : {}), ...(init.as ?? admin).headers },
    body: init.body ? JSON.stringify(init.body) : undefined,
  })
  return { status: res.status, body: (await res.json()) as Record<string, any> }
}

describe('admin: users', () => {
  it('searches by name, email or phone, with contacts masked, paginated', async () => {
    const byName = await call('/api/admin/users?q=rachel')
    expect(byName.body.data).toEqual([
      expect.objectContaining({
        display_name: 'Rachel Green',
        email_masked: 'r***@recruiters.demo',
        phone_masked: '+972 52-***-5678',
      }),
    ])
    expect(JSON.stringify(byName.body)).not.toContain('rachel@recruiters.demo')
    expect((await call('/api/admin/users?q=0542345678')).body.data[0].display_name).toBe('אבי מזרחי')
    expect((await call('/api/admin/users?role=professional')).body.data).toHaveLength(2)

    const page1 = await call('/api/admin/users?limit=4')
    expect(page1.body.data).toHaveLength(4)
    expect(page1.body.has_more).toBe(true)
    const page2 = await call(`/api/admin/users?limit=4&starting_after=${page1.body.next_cursor}`)
    const seen = new Set([...page1.body.data, ...page2.body.data].map((u: { id: string }) => u.id))
    expect(seen.size).toBe(8)
    expect((await call('/api/admin/users?starting_after=not-a-cursor')).body.code).toBe('invalid_cursor')
  })

  it('reveals contacts only in the detail view, and logs the reveal', async () => {
    const d = await call(`/api/admin/users/${rachel.userId}`)
    expect(d.body).toMatchObject({ email: 'rachel@recruiters.demo', phone: '+972522345678' })
    const log = await database.current.pool.query(
      `select fields, purpose, actor_user_id from platform.pii_access_log where subject_id = $1`,
      [rachel.userId],
    )
    expect(log.rows).toEqual([
      { fields: ['email', 'phone'], purpose: 'admin.user_detail', actor_user_id: admin.userId },
    ])
  })

  it('grants and removes roles, refusing misfits and duplicates, and audits each change', async () => {
    const orgs = await call('/api/admin/organizations?q=acme')
    const acme = orgs.body.data[0]
    const misfit = await call(`/api/admin/users/${rachel.userId}/memberships`, {
      body: { organization_id: acme.id, role: 'recruiter' },
    })
    expect(misfit.status).toBe(422)
    expect(misfit.body.errors[0].field).toBe('body.role')

    const granted = await call(`/api/admin/users/${rachel.userId}/memberships`, {
      body: { organization_id: acme.id, role: 'hiring_manager' },
    })
    expect(granted.status).toBe(201)
    const m = granted.body.memberships.find((x: { role: string }) => x.role === 'hiring_manager')
    expect(m.organization_name).toBe('Acme Robotics')
    const twice = await call(`/api/admin/users/${rachel.userId}/memberships`, {
      body: { organization_id: acme.id, role: 'hiring_manager' },
    })
    expect(twice.status).toBe(409)

    // the new role takes effect on her existing session at once
    expect((await call('/api/auth/session', { as: rachel })).body.user.roles).toContain('hiring_manager')

    const removed = await call(`/api/admin/users/${rachel.userId}/memberships/${m.id}`, { method: 'DELETE' })
    expect(removed.status).toBe(200)
    expect(removed.body.audit.map((a: { action: string }) => a.action)).toEqual([
      'identity.role_revoked',
      'identity.role_granted',
    ])
  })

  it('suspends (ending sessions at once) and reactivates, with a reason, audited', async () => {
    const noReason = await call(`/api/admin/users/${rachel.userId}/suspend`, { body: { reason: '' } })
    expect(noReason.status).toBe(400)
    const suspended = await call(`/api/admin/users/${rachel.userId}/suspend`, {
      body: { reason: 'Duplicate submissions under review' },
    })
    expect(suspended.status).toBe(200)
    expect(suspended.body).toMatchObject({
      status: 'suspended',
      suspended_reason: 'Duplicate submissions under review',
      active_sessions: 0,
    })
    expect((await call('/api/account', { as: rachel })).status).toBe(401)
    expect(
      (await call(`/api/admin/users/${rachel.userId}/suspend`, { body: { reason: 'again' } })).status,
    ).toBe(409)
    const back = await call(`/api/admin/users/${rachel.userId}/reactivate`, { method: 'POST' })
    expect(back.body.status).toBe('active')
    expect(back.body.audit[0]).toMatchObject({
      action: 'identity.user_reactivated',
      actor_user_id: admin.userId,
    })
    expect(await verifyAuditChain(app.ctx.db)).toMatchObject({ ok: true })
  })

  it('will not let an admin suspend themselves or drop their own admin role', async () => {
    expect(
      (await call(`/api/admin/users/${admin.userId}/suspend`, { body: { reason: 'oops, me' } })).status,
    ).toBe(409)
    const me = await call(`/api/admin/users/${admin.userId}`)
    const own = me.body.memberships.find((m: { role: string }) => m.role === 'platform_admin')
    expect(
      (await call(`/api/admin/users/${admin.userId}/memberships/${own.id}`, { method: 'DELETE' })).status,
    ).toBe(409)
  })

  it('refuses everyone but platform admins', async () => {
    const r = await call('/api/admin/users', {
      as: await sessionFor(app.ctx, { email: 'rachel@recruiters.demo' }),
    })
    expect(r.status).toBe(403)
  })
})
