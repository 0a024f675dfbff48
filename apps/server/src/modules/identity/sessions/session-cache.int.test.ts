import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makePerson, signIn } from '../../../../../../packages/testing/src/factories/people.ts'
import { startTestApp } from '../../../../../../packages/testing/src/test-app.ts'
import { useTestDatabase } from '../../../../../../packages/testing/src/test-database.ts'
import type { RunningApp } from '../../../app.ts'

/**
 * The session cache may keep a principal for half a minute here, yet a revoked session, a
 * suspension or a new role is seen by the very next request (the database tells every process at
 * commit); and when the cache cannot hear the database, it is not used.
 */
const database = useTestDatabase()
let app: RunningApp & { baseUrl: string }

beforeAll(async () => {
  app = await startTestApp(database.current.url, { env: { SESSION_CACHE_SECONDS: '30' } })
  // the listener connects in the background
  for (let i = 0; i < 100; i++) {
    const { rows } = await database.current.pool.query(
      `select 1 from pg_stat_activity where application_name = 'session-cache' and query like 'listen%'`,
    )
    if (rows.length) break
    await new Promise((r) => setTimeout(r, 50))
  }
})
afterAll(async () => app?.stop())

const account = (headers: Record<string, string>) =>
  fetch(`${app.baseUrl}/api/account`, { headers }).then(async (r) => ({
    status: r.status,
    body: (await r.json()) as { memberships?: unknown[]; code?: string },
  }))

async function within(ms: number, fn: () => Promise<boolean>): Promise<number> {
  const started = Date.now()
  while (!(await fn())) {
    if (Date.now() - started > ms) throw new Error(`not within ${ms} ms`)
    await new Promise((r) => setTimeout(r, 10))
  }
  return Date.now() - started
}

describe('session cache', () => {
  it('forgets a revoked session, a suspension and a role change at once', async () => {
    const person = await makePerson(app.ctx, { roles: ['recruiter'] })
    const session = await signIn(app.ctx, person.id)
    expect((await account(session.headers)).status).toBe(200)
    expect((await account(session.headers)).status).toBe(200) // now cached

    await database.current.pool.query(
      `insert into identity.memberships (user_id, organization_id, role)
      select $1, id, 'candidate' from identity.organizations where slug = 'splits-network'`,
      [person.id],
    )
    await within(2000, async () =>
      JSON.stringify((await account(session.headers)).body).includes('candidate'),
    )

    await database.current.pool.query(
      `update identity.users set status = 'suspended', suspended_reason = 'test' where id = $1`,
      [person.id],
    )
    await within(2000, async () => (await account(session.headers)).status === 403)
    await database.current.pool.query(
      `update identity.users set status = 'active', suspended_reason = null where id = $1`,
      [person.id],
    )
    await within(2000, async () => (await account(session.headers)).status === 200)

    await database.current.pool.query(
      `update identity.sessions set revoked_at = now(), revoked_reason = 'test' where user_id = $1`,
      [person.id],
    )
    await within(2000, async () => (await account(session.headers)).status === 401)
  })

  it('really answers from memory, and only the notification makes it forget', async () => {
    const person = await makePerson(app.ctx, { roles: ['recruiter'] })
    const session = await signIn(app.ctx, person.id)
    expect((await account(session.headers)).status).toBe(200)
    // revoked behind the cache's back (trigger off): the cached principal still answers. The trigger
    // stays off until that answer, so a late write to the session (its last-used time, on a busy
    // machine) cannot notify the cache before the check.
    await database.current.pool.query('alter table identity.sessions disable trigger sessions_changed')
    try {
      await database.current.pool.query(
        `update identity.sessions set revoked_at = now(), revoked_reason = 'test' where user_id = $1`,
        [person.id],
      )
      expect((await account(session.headers)).status).toBe(200)
    } finally {
      await database.current.pool.query('alter table identity.sessions enable trigger sessions_changed')
    }
    await database.current.pool.query(`select pg_notify('identity_changed', $1)`, [person.id])
    await within(2000, async () => (await account(session.headers)).status === 401)
  })

  it('is not used while it cannot hear the database', async () => {
    const person = await makePerson(app.ctx, { roles: ['recruiter'] })
    const session = await signIn(app.ctx, person.id)
    expect((await account(session.headers)).status).toBe(200)
    await database.current.pool.query(
      `select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'session-cache'`,
    )
    // the revocation's notification goes nowhere; the next request must still see it
    await new Promise((r) => setTimeout(r, 100))
    await database.current.pool.query(
      `update identity.sessions set revoked_at = now(), revoked_reason = 'test' where user_id = $1`,
      [person.id],
    )
    expect((await account(session.headers)).status).toBe(401)
  })
})
