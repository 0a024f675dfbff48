/**
 * Who may call a route. Every route declares one; the server refuses to start if a route does not.
 * `rule` states the row-level ownership rule in words ("a recruiter sees only candidates they
 * represent"); services and row-level security enforce it, the API reference shows it.
 */
/**
 * The roles people hold through memberships. The kernel knows none of them: a module declares the
 * roles of its marketplace with `defineRoles` and a declaration-merged `RoleCatalog` entry
 * (`interface RoleCatalog extends Record<keyof typeof MY_ROLES, true> {}`), so `access.roles([...])`
 * is type-checked and the registry can list them.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled in by modules through declaration merging
export interface RoleCatalog {}
export type Role = keyof RoleCatalog & string

export interface RoleDefinition {
  marketplace: 'splits' | 'ofair'
  /** Who holds it, in a few words (the admin screens and the API reference show it). */
  label: string
}

const roleRegistry = new Map<string, RoleDefinition & { module: string }>()

export function defineRoles<const T extends Record<string, RoleDefinition>>(module: string, defs: T): T {
  for (const [role, def] of Object.entries(defs)) {
    const existing = roleRegistry.get(role)
    if (existing && existing.module !== module) {
      throw new Error(`role ${role} is defined by both ${existing.module} and ${module}`)
    }
    roleRegistry.set(role, { ...def, module })
  }
  return defs
}

/** Every registered role, in registration order. */
export function registeredRoles(): readonly (RoleDefinition & { role: Role; module: string })[] {
  return [...roleRegistry].map(([role, def]) => ({ role: role as Role, ...def }))
}

export type Access =
  | { kind: 'public'; rule?: string }
  | { kind: 'authenticated'; rule?: string }
  | { kind: 'roles'; roles: readonly Role[]; rule?: string }

export const access = {
  public: (rule?: string): Access => ({ kind: 'public', ...(rule ? { rule } : {}) }),
  authenticated: (rule?: string): Access => ({ kind: 'authenticated', ...(rule ? { rule } : {}) }),
  roles: (roles: readonly Role[], rule?: string): Access => {
    if (roles.length === 0) throw new Error('access.roles needs at least one role')
    return { kind: 'roles', roles, ...(rule ? { rule } : {}) }
  },
}

export interface Membership {
  organizationId: string
  role: Role
}

/** The caller, once authenticated. */
export interface Principal {
  userId: string
  displayName: string
  /** Every role the person holds, across organisations (memberships). */
  roles: readonly Role[]
  memberships: readonly Membership[]
  /** How the caller proved who they are; cookie sessions need a CSRF token on mutations. */
  via: 'session' | 'bearer'
  sessionId?: string
  csrfToken?: string
  /** A suspended person is treated as anonymous on public routes and refused everywhere else. */
  suspended: boolean
}

/** The database actor for a principal's transactions (row-level security reads it). */
export function actorOf(principal: Principal): { kind: 'user'; userId: string; roles: readonly Role[] } {
  return { kind: 'user', userId: principal.userId, roles: principal.roles }
}

/** Organisations in which the principal holds one of `roles`. */
export function organizationsWithRole(principal: Principal, roles: readonly Role[]): string[] {
  return [
    ...new Set(principal.memberships.filter((m) => roles.includes(m.role)).map((m) => m.organizationId)),
  ]
}

/** Resolves the principal of a request (the identity module provides it). */
export interface Authenticator {
  authenticate(request: import('fastify').FastifyRequest): Promise<Principal | null>
}

export const noAuthenticator: Authenticator = { authenticate: async () => null }

export function describeAccess(a: Access): string {
  const base =
    a.kind === 'public'
      ? 'Public.'
      : a.kind === 'authenticated'
        ? 'Any signed-in user.'
        : `Roles: ${a.roles.join(', ')}.`
  return a.rule ? `${base} ${a.rule}` : base
}
