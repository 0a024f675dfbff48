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
  // made by the matrix test's fixture, not demo personas
  | 'other-company-admin'
  | 'third-recruiter'

/** Resources owned by Acme Robotics and its recruiters, made once by the matrix test. */
export interface Fixture {
  acme: string
  draftRole: string
  openRole: string
  candidate: string
  application: string
  placement: string
  dispute: string
}

export interface MatrixContext {
  ctx: AppContext
  /** Session headers of a persona (cookie + CSRF). */
  headers(persona: PersonaKey): Promise<Record<string, string>>
  userId(persona: PersonaKey): Promise<string>
  fixture(): Promise<Fixture>
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

const other = (
  intruder: PersonaKey,
  pick: (f: Fixture) => Record<string, string>,
  expect: 404 | 403 = 404,
  body?: unknown,
): CrossTenantCase => ({
  intruder,
  params: async (m) => pick(await m.fixture()),
  expect,
  ...(body !== undefined ? { body } : {}),
})

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

  // recruiting: reference data
  'GET /api/recruiting/reference': { access: 'authenticated' },
  // recruiting: companies
  'GET /api/companies': { access: 'roles', wrongRole: 'candidate' },
  'POST /api/companies': { access: 'roles', wrongRole: 'company-admin' },
  'GET /api/companies/:id': { access: 'roles', wrongRole: 'ofair-consumer' },
  'PATCH /api/companies/:id': {
    access: 'roles',
    wrongRole: 'hiring-manager',
    crossTenant: other('other-company-admin', (f) => ({ id: f.acme }), 403, { payment_terms: 'net_90' }),
  },
  'GET /api/companies/:id/team': {
    access: 'roles',
    wrongRole: 'recruiter',
    crossTenant: other('other-company-admin', (f) => ({ id: f.acme }), 403),
  },
  'POST /api/companies/:id/team': {
    access: 'roles',
    wrongRole: 'hiring-manager',
    crossTenant: other('other-company-admin', (f) => ({ id: f.acme }), 403, {
      email: 'spy@globex.demo',
      display_name: 'Spy',
      role: 'company_admin',
    }),
  },
  // recruiting: recruiters
  'GET /api/recruiters': { access: 'roles', wrongRole: 'candidate' },
  'GET /api/recruiters/me': { access: 'roles', wrongRole: 'company-admin' },
  'PATCH /api/recruiters/me': { access: 'roles', wrongRole: 'platform-admin' },
  'GET /api/recruiters/:id': { access: 'roles', wrongRole: 'ofair-electrician' },
  // recruiting: roles
  'GET /api/roles': { access: 'roles', wrongRole: 'candidate' },
  'POST /api/roles': { access: 'roles', wrongRole: 'recruiter' },
  'GET /api/roles/:id': {
    access: 'roles',
    wrongRole: 'candidate',
    crossTenant: other('agency-recruiter', (f) => ({ id: f.draftRole })),
  },
  'PATCH /api/roles/:id': {
    access: 'roles',
    wrongRole: 'recruiter',
    crossTenant: other('other-company-admin', (f) => ({ id: f.openRole }), 404, { title: 'Hijacked' }),
  },
  'POST /api/roles/:id/status': {
    access: 'roles',
    wrongRole: 'recruiter',
    crossTenant: other('other-company-admin', (f) => ({ id: f.openRole }), 404, { status: 'closed' }),
  },
  'GET /api/roles/:id/history': {
    access: 'roles',
    wrongRole: 'recruiter',
    crossTenant: other('other-company-admin', (f) => ({ id: f.openRole })),
  },
  'GET /api/roles/:id/assignments': {
    access: 'roles',
    wrongRole: 'recruiter',
    crossTenant: other('other-company-admin', (f) => ({ id: f.openRole })),
  },
  'PUT /api/roles/:id/assignments': {
    access: 'roles',
    wrongRole: 'agency-recruiter',
    crossTenant: other('other-company-admin', (f) => ({ id: f.openRole }), 404, { recruiter_ids: [] }),
  },
  // recruiting: candidates (personal data)
  'GET /api/candidates': { access: 'roles', wrongRole: 'company-admin' },
  'POST /api/candidates': { access: 'roles', wrongRole: 'hiring-manager' },
  'POST /api/candidates/duplicate-check': { access: 'roles', wrongRole: 'platform-admin' },
  'GET /api/candidates/:id': {
    access: 'roles',
    wrongRole: 'candidate',
    crossTenant: other('agency-recruiter', (f) => ({ id: f.candidate })),
  },
  'PATCH /api/candidates/:id': {
    access: 'roles',
    wrongRole: 'company-admin',
    crossTenant: other('agency-recruiter', (f) => ({ id: f.candidate }), 404, { notes: 'mine now' }),
  },
  // recruiting: applications
  'POST /api/applications': { access: 'roles', wrongRole: 'company-admin' },
  'GET /api/applications': { access: 'roles', wrongRole: 'candidate' },
  'GET /api/applications/:id': {
    access: 'roles',
    wrongRole: 'candidate',
    crossTenant: other('other-company-admin', (f) => ({ id: f.application })),
  },
  'POST /api/applications/:id/stage': {
    access: 'roles',
    wrongRole: 'candidate',
    crossTenant: other('other-company-admin', (f) => ({ id: f.application }), 404, {
      to: 'rejected',
      reason: 'not ours',
    }),
  },
  'POST /api/applications/:id/hire': {
    access: 'roles',
    wrongRole: 'recruiter',
    crossTenant: other('other-company-admin', (f) => ({ id: f.application }), 404, {
      base_salary: { amount: '1000000', currency: 'USD' },
      start_date: '2026-06-01',
    }),
  },
  // recruiting: placements
  'GET /api/placements': { access: 'roles', wrongRole: 'candidate' },
  'GET /api/placements/:id': {
    access: 'roles',
    wrongRole: 'candidate',
    crossTenant: other('other-company-admin', (f) => ({ id: f.placement })),
  },
  'PUT /api/placements/:id/splits': {
    access: 'roles',
    wrongRole: 'company-admin',
    crossTenant: other('third-recruiter', (f) => ({ id: f.placement }), 404, {
      splits: [
        {
          fee_role: 'candidate_recruiter',
          recruiter_id: '00000000-0000-7000-8000-000000000000',
          share_bps: 10000,
        },
      ],
    }),
  },
  'POST /api/placements/:id/splits/agree': {
    access: 'roles',
    wrongRole: 'company-admin',
    crossTenant: other('third-recruiter', (f) => ({ id: f.placement })),
  },
  'POST /api/placements/:id/fall-off': {
    access: 'roles',
    wrongRole: 'hiring-manager',
    crossTenant: other('other-company-admin', (f) => ({ id: f.placement }), 404, {
      reason: 'not ours',
      date: '2026-06-10',
    }),
  },
  // recruiting: ownership records and disputes
  'GET /api/ownership/disputes': { access: 'roles', wrongRole: 'company-admin' },
  'GET /api/ownership/disputes/:id': {
    access: 'roles',
    wrongRole: 'company-admin',
    crossTenant: other('third-recruiter', (f) => ({ id: f.dispute })),
  },
  'POST /api/ownership/disputes/:id/dispute': {
    access: 'roles',
    wrongRole: 'platform-admin',
    crossTenant: other('third-recruiter', (f) => ({ id: f.dispute }), 404, {
      reason: 'I want this candidate too',
    }),
  },
  'POST /api/ownership/disputes/:id/resolve': { access: 'roles', wrongRole: 'recruiter' },

  // notifications (each person's own; row-level security keeps it so)
  'GET /api/notifications': { access: 'authenticated' },
  'GET /api/notifications/unread-count': { access: 'authenticated' },
  'POST /api/notifications/:id/read': { access: 'authenticated' },
  'POST /api/notifications/read-all': { access: 'authenticated' },
  'GET /api/notifications/preferences': { access: 'authenticated' },
  'PUT /api/notifications/preferences': { access: 'authenticated' },
}
