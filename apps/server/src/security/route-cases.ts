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
  | 'other-candidate'

/** Resources owned by Acme Robotics and its recruiters, made once by the matrix test. */
export interface Fixture {
  acme: string
  draftRole: string
  openRole: string
  candidate: string
  application: string
  placement: string
  dispute: string
  /** An open invitation to Acme's hiring team. */
  invitation: string
}

export interface MatrixContext {
  ctx: AppContext
  /** Session headers of a persona (cookie + CSRF). */
  headers(persona: PersonaKey): Promise<Record<string, string>>
  userId(persona: PersonaKey): Promise<string>
  fixture(): Promise<Fixture>
}

/**
 * Another tenant's resource: the intruder must get 404 (or 403) and learn nothing. A list of
 * "my own" things (no id in the path) answers the intruder an empty list instead: `'empty-list'`.
 */
export interface CrossTenantCase {
  intruder: PersonaKey
  /** Path parameters naming a resource that belongs to someone else. */
  params(m: MatrixContext): Promise<Record<string, string>>
  body?: unknown
  expect: 404 | 403 | 'empty-list'
}

export type RouteCase =
  | { access: 'public'; why: string }
  | { access: 'authenticated'; crossTenant?: CrossTenantCase }
  | { access: 'roles'; wrongRole: PersonaKey; crossTenant?: CrossTenantCase }

export async function sessionIdOf(m: MatrixContext, persona: PersonaKey): Promise<string> {
  const res = await fetch(`${m.ctx.config.http.publicUrl}/api/account/sessions`, {
    headers: await m.headers(persona),
  })
  const body = (await res.json()) as { data: { id: string }[] }
  return body.data[0]!.id
}

export const other = (
  intruder: PersonaKey,
  pick: (f: Fixture) => Record<string, string>,
  expect: CrossTenantCase['expect'] = 404,
  body?: unknown,
): CrossTenantCase => ({
  intruder,
  params: async (m) => pick(await m.fixture()),
  expect,
  ...(body !== undefined ? { body } : {}),
})
