import type { AppContext } from '../kernel/context.ts'

/**
 * Every HTTP route, with who may call it and how to prove the rule holds. The security test
 * enumerates the running server's routes: a route missing here, or an entry whose route is gone,
 * fails the suite. Personas are the demo personas (modules/identity/personas.ts) by key.
 */
export type PersonaKey =
  | 'platform-admin'
  | 'company-admin'
  | 'hiring-manager'
  | 'recruiter'
  | 'agency-recruiter'
  | 'candidate'
  | 'ofair-consumer'
  | 'ofair-electrician'
  | 'ofair-plumber'
  | 'ofair-admin'

export interface MatrixContext {
  ctx: AppContext
  /** Session headers of a persona (cookie + CSRF). */
  headers(persona: PersonaKey): Promise<Record<string, string>>
  userId(persona: PersonaKey): Promise<string>
}

/** Another tenant's resource: the intruder must get 404 (or 403) and learn nothing. */
export interface CrossTenantCase {
  intruder: PersonaKey
  /** Path parameters naming a resource that belongs to someone else. */
  params(m: MatrixContext): Promise<Record<string, string>>
  body?: unknown
  expect: 404 | 403
}

export type RouteCase =
  | { access: 'public'; why: string }
  | { access: 'authenticated'; crossTenant?: CrossTenantCase }
  | { access: 'roles'; wrongRole: PersonaKey; crossTenant?: CrossTenantCase }

async function sessionIdOf(m: MatrixContext, persona: PersonaKey): Promise<string> {
  const res = await fetch(`${m.ctx.config.http.publicUrl}/api/account/sessions`, {
    headers: await m.headers(persona),
  })
  const body = (await res.json()) as { data: { id: string }[] }
  return body.data[0]!.id
}

export const ROUTE_MATRIX: Record<string, RouteCase> = {
  // system
  'GET /health': { access: 'public', why: 'liveness probe' },
  'GET /ready': { access: 'public', why: 'readiness probe' },
  'GET /metrics': { access: 'public', why: 'Prometheus scrape (optional bearer token)' },
  'GET /openapi.json': { access: 'public', why: 'API description' },
  'GET /api/errors': { access: 'public', why: 'error catalogue' },
  'GET /docs': { access: 'public', why: 'API reference UI' },
  'GET /docs/json': { access: 'public', why: 'API reference UI' },
  'GET /docs/yaml': { access: 'public', why: 'API reference UI' },
  'GET /docs/static/*': { access: 'public', why: 'API reference UI' },
  'GET /docs/static/index.html': { access: 'public', why: 'API reference UI' },
  'GET /docs/static/swagger-initializer.js': { access: 'public', why: 'API reference UI' },
  'GET /*': { access: 'public', why: 'the web app' },
  'GET /api/_test/slow': { access: 'public', why: 'test hook, TEST_HOOKS only' },
  'GET /api/_test/boom': { access: 'public', why: 'test hook, TEST_HOOKS only' },
  'POST /api/_test/echo': { access: 'public', why: 'test hook, TEST_HOOKS only' },
  'GET /api/admin/jobs': { access: 'roles', wrongRole: 'company-admin' },
  'GET /api/admin/jobs/dead': { access: 'roles', wrongRole: 'ofair-admin' },
  'POST /api/admin/jobs/dead/:queue/:id/retry': { access: 'roles', wrongRole: 'recruiter' },

  // identity: sign-in
  'POST /api/auth/email/start': { access: 'public', why: 'sign-in' },
  'POST /api/auth/phone/start': { access: 'public', why: 'sign-in' },
  'POST /api/auth/verify': { access: 'public', why: 'sign-in' },
  'POST /api/auth/magic-link': { access: 'public', why: 'sign-in' },
  'GET /api/auth/session': { access: 'public', why: 'tells the app whether it is signed in' },
  'POST /api/auth/sign-out': { access: 'authenticated' },
  'POST /api/auth/revoke': {
    access: 'authenticated',
    crossTenant: {
      intruder: 'candidate',
      params: async () => ({}),
      body: 'other-session',
      expect: 404,
    },
  },
  // identity: account
  'GET /api/account': { access: 'authenticated' },
  'PATCH /api/account': { access: 'authenticated' },
  'GET /api/account/sessions': { access: 'authenticated' },
  'DELETE /api/account/sessions/:id': {
    access: 'authenticated',
    crossTenant: {
      intruder: 'candidate',
      params: async (m) => ({ id: await sessionIdOf(m, 'company-admin') }),
      expect: 404,
    },
  },
  // identity: admin
  'GET /api/admin/users': { access: 'roles', wrongRole: 'ofair-admin' },
  'GET /api/admin/users/:id': { access: 'roles', wrongRole: 'company-admin' },
  'POST /api/admin/users/:id/memberships': { access: 'roles', wrongRole: 'company-admin' },
  'DELETE /api/admin/users/:id/memberships/:membershipId': { access: 'roles', wrongRole: 'recruiter' },
  'POST /api/admin/users/:id/suspend': { access: 'roles', wrongRole: 'ofair-admin' },
  'POST /api/admin/users/:id/reactivate': { access: 'roles', wrongRole: 'hiring-manager' },
  'GET /api/admin/organizations': { access: 'roles', wrongRole: 'candidate' },
  // identity: demo mode
  'GET /api/dev/outbox': { access: 'public', why: 'demo mode only' },
  'GET /api/dev/personas': { access: 'public', why: 'demo mode only' },
}
