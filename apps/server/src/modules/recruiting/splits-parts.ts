import { sql } from 'kysely'
import type { AnyTx } from '../../kernel/db/database.ts'
import type { Principal } from '../../kernel/http/access.ts'
import type { RecruitingTx } from './database.ts'

/**
 * The parts a person plays in Splits Network, as the modules built on the marketplace need them to
 * scope a request: their recruiter profile, and the companies whose hiring team they are on (and
 * of those, the ones they administer). One round trip, whatever their memberships.
 */
export interface SplitsParts {
  userId: string
  isPlatformAdmin: boolean
  /** Their recruiter profile, when they hold the recruiter role. */
  recruiterId: string | null
  /** Companies whose hiring team they are on (company admin or hiring manager). */
  teamCompanyIds: readonly string[]
  /** Companies whose admins they are (a subset of the team's). */
  adminCompanyIds: readonly string[]
}

export const NOBODY: SplitsParts = {
  userId: '',
  isPlatformAdmin: false,
  recruiterId: null,
  teamCompanyIds: [],
  adminCompanyIds: [],
}

export async function splitsPartsOf(anyTx: AnyTx, principal: Principal | null): Promise<SplitsParts> {
  if (!principal) return NOBODY
  const team = principal.memberships.filter((m) => m.role === 'company_admin' || m.role === 'hiring_manager')
  const adminOrgs = new Set(team.filter((m) => m.role === 'company_admin').map((m) => m.organizationId))
  const teamOrgs = [...new Set(team.map((m) => m.organizationId))]
  const recruiter = principal.roles.includes('recruiter')
  const isPlatformAdmin = principal.roles.includes('platform_admin')
  if (teamOrgs.length === 0 && !recruiter) return { ...NOBODY, userId: principal.userId, isPlatformAdmin }
  const { rows } = await sql<{ id: string; organization_id: string | null }>`
    select id, organization_id from ats.companies where organization_id = any(${teamOrgs}::uuid[])
    union all
    select id, null::uuid from network.recruiters where ${recruiter} and user_id = ${principal.userId}::uuid`.execute(
    anyTx as RecruitingTx,
  )
  const companies = rows.filter((r) => r.organization_id !== null)
  return {
    userId: principal.userId,
    isPlatformAdmin,
    recruiterId: rows.find((r) => r.organization_id === null)?.id ?? null,
    teamCompanyIds: companies.map((r) => r.id),
    adminCompanyIds: companies.filter((r) => adminOrgs.has(r.organization_id!)).map((r) => r.id),
  }
}
