import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addAcmeCompany } from '../../../../packages/testing/src/fixtures.ts'
import { sessionFor } from '../../../../packages/testing/src/sessions.ts'
import { startTestApp } from '../../../../packages/testing/src/test-app.ts'
import { useTestDatabase } from '../../../../packages/testing/src/test-database.ts'
import type { RunningApp } from '../app.ts'
import { inTransaction, systemActor } from '../kernel/db/transaction.ts'
import { registeredRoutes } from '../kernel/http/server.ts'
import { DEMO_PERSONAS } from '../modules/identity/personas.ts'
import { demoPersonasSeed } from '../modules/identity/seed.ts'
import { type Fixture, type MatrixContext, type PersonaKey, ROUTE_MATRIX } from './route-matrix.ts'

const database = useTestDatabase()
let app: RunningApp & { baseUrl: string }
const sessions = new Map<PersonaKey, Awaited<ReturnType<typeof sessionFor>>>()

const EXTRA: Partial<Record<PersonaKey, string>> = {
  'other-company-admin': 'hank@globex.demo',
  'third-recruiter': 'ivy@recruiters.demo',
  'other-candidate': 'carl@candidate.demo',
}

async function session(key: PersonaKey) {
  let s = sessions.get(key)
  if (!s) {
    const p = DEMO_PERSONAS.find((x) => x.key === key)
    s = await sessionFor(
      app.ctx,
      p ? (p.email ? { email: p.email } : { phone: p.phone! }) : { email: EXTRA[key]! },
    )
    sessions.set(key, s)
  }
  return s
}

async function call(who: PersonaKey, method: string, path: string, body?: unknown) {
  const res = await fetch(`${app.baseUrl}${path}`, {
    method,
    headers: {
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(await session(who)).headers,
    },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  })
  const json = (await res.json().catch(() => ({}))) as Record<string, any>
  if (res.status >= 400)
    throw new Error(`fixture step ${method} ${path} as ${who} failed: ${res.status} ${JSON.stringify(json)}`)
  return json
}

let fixture: Promise<Fixture> | undefined
/**
 * Acme Robotics with a draft and an open role, Rachel's candidate submitted and placed, Tom's
 * blocked duplicate, Noa's own application (her verified address on Rachel's record of her), an
 * open invitation to Acme's team; Globex with Hank, who accepted his invitation.
 */
function buildFixture(): Promise<Fixture> {
  fixture ??= (async () => {
    const acme = await addAcmeCompany(app.ctx)
    await inTransaction(app.ctx.db, systemActor('matrix'), async (tx) => {
      const splits = await tx
        .selectFrom('identity.organizations')
        .select('id')
        .where('slug', '=', 'splits-network')
        .executeTakeFirstOrThrow()
      for (const [name, email, role] of [
        ['Ivy Third', 'ivy@recruiters.demo', 'recruiter'],
        ['Hank Scorpio', 'hank@globex.demo', null],
        ['Carl Other', 'carl@candidate.demo', 'candidate'],
      ] as const) {
        const user = await tx
          .insertInto('identity.users')
          .values({ display_name: name })
          .returning('id')
          .executeTakeFirstOrThrow()
        await tx
          .insertInto('identity.user_contacts')
          .values({ user_id: user.id, email, email_verified_at: new Date() })
          .execute()
        if (role) {
          await tx
            .insertInto('identity.memberships')
            .values({ user_id: user.id, organization_id: splits.id, role })
            .execute()
        }
      }
      // Noa signed in with her address: it is verified
      await tx
        .updateTable('identity.user_contacts')
        .set({ email_verified_at: new Date() })
        .where('email', '=', 'noa@candidate.demo')
        .execute()
    })
    const globex = await call('platform-admin', 'POST', '/api/companies', { name: 'Globex' })
    const invited = await call('platform-admin', 'POST', `/api/companies/${globex.id}/team`, {
      email: 'hank@globex.demo',
      display_name: 'Hank Scorpio',
      role: 'company_admin',
    })
    const hanks = (invited.data as { id: string; status: string }[]).find((m) => m.status === 'invited')!
    await call('other-company-admin', 'POST', `/api/account/invitations/${hanks.id}/accept`)
    const pending = await call('company-admin', 'POST', `/api/companies/${acme}/team`, {
      email: 'pending@acme.demo',
      display_name: 'Pending Person',
      role: 'hiring_manager',
    })
    const invitation = (pending.data as { id: string; status: string }[]).find(
      (m) => m.status === 'invited',
    )!.id
    const role = (title: string, openings = 1) => ({
      company_id: acme,
      title,
      description: 'x',
      function: 'engineering',
      seniority: 'senior',
      work_mode: 'remote',
      openings,
      salary: { min: '10000000', max: '12000000', currency: 'USD' },
    })
    const draftRole = (await call('company-admin', 'POST', '/api/roles', role('Draft role'))).id
    const openRole = (await call('company-admin', 'POST', '/api/roles', role('Open role', 3))).id
    await call('company-admin', 'POST', `/api/roles/${openRole}/status`, { status: 'open' })
    const person = { full_name: 'Pat Matrix', email: 'pat@matrix.demo', consent: { method: 'email' } }
    const candidate = (await call('recruiter', 'POST', '/api/candidates', person)).candidate.id
    const application = (
      await call('recruiter', 'POST', '/api/applications', { role_id: openRole, candidate_id: candidate })
    ).id
    for (const to of ['screening', 'interview', 'offer']) {
      await call('hiring-manager', 'POST', `/api/applications/${application}/stage`, { to })
    }
    const hired = await call('company-admin', 'POST', `/api/applications/${application}/hire`, {
      base_salary: { amount: '11000000', currency: 'USD' },
      // starts soon: the placement is in its guarantee (a deal whose risk its own people see)
      start_date: new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10),
    })
    const tomsPat = (await call('agency-recruiter', 'POST', '/api/candidates', person)).candidate.id
    const blocked = await fetch(`${app.baseUrl}/api/applications`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await session('agency-recruiter')).headers },
      body: JSON.stringify({ role_id: openRole, candidate_id: tomsPat }),
    })
    const dispute = ((await blocked.json()) as { dispute_id: string }).dispute_id
    const noa = await call('recruiter', 'POST', '/api/candidates', {
      full_name: 'Noa Levi',
      email: 'noa@candidate.demo',
      consent: { method: 'email' },
    })
    await call('recruiter', 'POST', '/api/applications', {
      role_id: openRole,
      candidate_id: noa.candidate.id,
    })
    return {
      acme,
      draftRole,
      openRole,
      candidate,
      application,
      placement: hired.placement_id,
      dispute,
      invitation,
    }
  })()
  return fixture
}

const matrix: MatrixContext = {
  get ctx() {
    return app.ctx
  },
  headers: async (k) => (await session(k)).headers,
  userId: async (k) => (await session(k)).userId,
  fixture: buildFixture,
}

beforeAll(async () => {
  app = await startTestApp(database.current.url, { env: { DEMO_MODE: 'true' } })
  app.ctx.config.http.publicUrl = app.baseUrl
  await demoPersonasSeed.run(app.ctx, () => {})
  await buildFixture()
})
afterAll(async () => app?.stop())

const routes = () =>
  registeredRoutes(app.server!).map((r) => ({
    key: `${r.method} ${r.url}`,
    method: r.method,
    url: r.url,
    access: r.access,
  }))

function concretePath(url: string, params: Record<string, string> = {}): string {
  return url
    .replace(
      /:([A-Za-z_]+)/g,
      (_m, name: string) => params[name] ?? (name === 'queue' ? 'platform.purge_outbox' : randomUUID()),
    )
    .replace('*', 'x')
}

async function send(method: string, path: string, headers: Record<string, string> = {}, body?: unknown) {
  const hasBody = body !== undefined || ['POST', 'PATCH', 'PUT'].includes(method)
  const res = await fetch(`${app.baseUrl}${path}`, {
    method,
    headers: { ...(hasBody ? { 'content-type': 'application/json' } : {}), ...headers },
    body: hasBody ? JSON.stringify(body ?? {}) : undefined,
  })
  return { status: res.status, body: (await res.json().catch(() => ({}))) as Record<string, unknown> }
}

describe('security matrix', () => {
  it('covers every registered route, and nothing else', () => {
    const registered = new Set(routes().map((r) => r.key))
    const missing = [...registered].filter((k) => !(k in ROUTE_MATRIX))
    const stale = Object.keys(ROUTE_MATRIX).filter((k) => !registered.has(k))
    expect({ missing, stale }).toEqual({ missing: [], stale: [] })
  })

  it('matches each route’s declared access', () => {
    for (const r of routes()) {
      const entry = ROUTE_MATRIX[r.key]!
      expect({ route: r.key, access: entry.access }).toEqual({ route: r.key, access: r.access.kind })
    }
  })

  it('answers 401 without credentials on every non-public route', async () => {
    const failures: string[] = []
    for (const r of routes()) {
      if (ROUTE_MATRIX[r.key]!.access === 'public') continue
      const res = await send(r.method, concretePath(r.url))
      if (res.status !== 401 || res.body.code !== 'unauthenticated')
        failures.push(`${r.key} → ${res.status} ${res.body.code}`)
    }
    expect(failures).toEqual([])
  })

  it('answers 403 to a signed-in person without the role', async () => {
    const failures: string[] = []
    for (const r of routes()) {
      const entry = ROUTE_MATRIX[r.key]!
      if (entry.access !== 'roles') continue
      const res = await send(r.method, concretePath(r.url), await matrix.headers(entry.wrongRole))
      if (res.status !== 403 || res.body.code !== 'forbidden')
        failures.push(`${r.key} as ${entry.wrongRole} → ${res.status}`)
    }
    expect(failures).toEqual([])
  })

  it("answers 404 (or 403) for another tenant's resource, without leaking it", async () => {
    const failures: string[] = []
    for (const r of routes()) {
      const entry = ROUTE_MATRIX[r.key]!
      if (entry.access === 'public' || !entry.crossTenant) continue
      const c = entry.crossTenant
      const body =
        c.body === 'other-session' ? { session_id: await matrixSessionId('company-admin') } : c.body
      const res = await send(
        r.method,
        concretePath(r.url, await c.params(matrix)),
        await matrix.headers(c.intruder),
        body,
      )
      if (c.expect === 'empty-list') {
        const data = res.body.data as unknown[] | undefined
        if (res.status !== 200 || !Array.isArray(data) || data.length !== 0)
          failures.push(`${r.key} as ${c.intruder} → ${res.status} with ${JSON.stringify(data)}`)
      } else if (res.status !== c.expect) failures.push(`${r.key} as ${c.intruder} → ${res.status}`)
      if (JSON.stringify(res.body).includes('company-admin')) failures.push(`${r.key} leaked data`)
    }
    expect(failures).toEqual([])
  })

  it('answers a public route without credentials (no 401)', async () => {
    for (const path of [
      '/health',
      '/api/errors',
      '/api/auth/session',
      '/openapi.json',
      '/api/dev/personas',
    ]) {
      expect((await send('GET', path)).status).toBe(200)
    }
  })
})

async function matrixSessionId(persona: PersonaKey): Promise<string> {
  const res = await send('GET', '/api/account/sessions', await matrix.headers(persona))
  return (res.body.data as { id: string }[])[0]!.id
}
