import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sessionFor } from '../../../../packages/testing/src/sessions.ts'
import { startTestApp } from '../../../../packages/testing/src/test-app.ts'
import { useTestDatabase } from '../../../../packages/testing/src/test-database.ts'
import type { RunningApp } from '../app.ts'
import { registeredRoutes } from '../kernel/http/server.ts'
import { DEMO_PERSONAS } from '../modules/identity/personas.ts'
import { demoPersonasSeed } from '../modules/identity/seed.ts'
import { type MatrixContext, type PersonaKey, ROUTE_MATRIX } from './route-matrix.ts'

const database = useTestDatabase()
let app: RunningApp & { baseUrl: string }
const sessions = new Map<PersonaKey, Awaited<ReturnType<typeof sessionFor>>>()

async function session(key: PersonaKey) {
  let s = sessions.get(key)
  if (!s) {
    const p = DEMO_PERSONAS.find((x) => x.key === key)!
    s = await sessionFor(app.ctx, p.email ? { email: p.email } : { phone: p.phone! })
    sessions.set(key, s)
  }
  return s
}

const matrix: MatrixContext = {
  get ctx() {
    return app.ctx
  },
  headers: async (k) => (await session(k)).headers,
  userId: async (k) => (await session(k)).userId,
}

beforeAll(async () => {
  app = await startTestApp(database.current.url, { env: { DEMO_MODE: 'true' } })
  app.ctx.config.http.publicUrl = app.baseUrl
  await demoPersonasSeed.run(app.ctx, () => {})
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
      /:([A-Za-z]+)/g,
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
      if (res.status !== c.expect) failures.push(`${r.key} as ${c.intruder} → ${res.status}`)
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
