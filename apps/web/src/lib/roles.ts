import type { ResponseBody } from '../api/types'

export type Session = ResponseBody<'/api/auth/session', 'get'>
export type SessionUser = NonNullable<Session['user']>
export type Role = SessionUser['roles'][number]

/** Every role, in the order screens list them: Splits Network first, then OFAIR. */
export const ROLES: readonly Role[] = [
  'platform_admin',
  'company_admin',
  'hiring_manager',
  'recruiter',
  'candidate',
  'consumer',
  'professional',
  'ofair_admin',
]

export function hasRole(user: { roles: readonly string[] } | undefined, role: Role): boolean {
  return user?.roles.includes(role) ?? false
}

/** Which roles an organisation can grant; mirrors identity.role_fits_organization in the database. */
export function rolesFitting(kind: string, marketplace: string): Role[] {
  if (kind === 'platform' && marketplace === 'splits') return ['platform_admin', 'recruiter', 'candidate']
  if (kind === 'platform' && marketplace === 'ofair') return ['consumer', 'professional', 'ofair_admin']
  if (kind === 'company') return ['company_admin', 'hiring_manager']
  if (kind === 'agency') return ['recruiter']
  return []
}
