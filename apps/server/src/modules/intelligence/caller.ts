import type { Transaction } from 'kysely'
import type { Principal } from '../../kernel/http/access.ts'
import { access } from '../../kernel/http/access.ts'
import { moduleRoutes } from '../../kernel/http/route.ts'
import { companyIdsOfOrganizations, recruiterIdOfUser } from '../recruiting/index.ts'
import type { IntelligenceDatabase } from './database.ts'

/** Who calls matching's routes, resolved once per request: admin, their hiring teams, their recruiter id. */
export interface MatchingCaller {
  principal: Principal | null
  userId: string
  isPlatformAdmin: boolean
  teamCompanyIds: readonly string[]
  recruiterId: string | null
  /** The role they act in, for the decision log. */
  role: string
}

async function resolveMatchingCaller(
  tx: Transaction<IntelligenceDatabase>,
  principal: Principal | null,
): Promise<MatchingCaller> {
  if (!principal)
    return {
      principal,
      userId: '',
      isPlatformAdmin: false,
      teamCompanyIds: [],
      recruiterId: null,
      role: 'anonymous',
    }
  const teamOrgs = [
    ...new Set(
      principal.memberships
        .filter((m) => m.role === 'company_admin' || m.role === 'hiring_manager')
        .map((m) => m.organizationId),
    ),
  ]
  const isPlatformAdmin = principal.roles.includes('platform_admin')
  const teamCompanyIds = await companyIdsOfOrganizations(tx, teamOrgs)
  const recruiterId = principal.roles.includes('recruiter')
    ? await recruiterIdOfUser(tx, principal.userId)
    : null
  return {
    principal,
    userId: principal.userId,
    isPlatformAdmin,
    teamCompanyIds,
    recruiterId,
    role: isPlatformAdmin
      ? 'platform_admin'
      : recruiterId
        ? 'recruiter'
        : teamCompanyIds.length
          ? 'company_team'
          : 'user',
  }
}

export const intelligenceRoute = moduleRoutes<IntelligenceDatabase, MatchingCaller>({
  tag: 'matching',
  resolveCaller: resolveMatchingCaller,
})

export const who = {
  reviewers: access.roles(
    ['recruiter', 'company_admin', 'hiring_manager', 'platform_admin'],
    'Recruiters (suggestions for the candidates they represent), hiring teams (for their company’s roles) and platform admins.',
  ),
  team: access.roles(
    ['company_admin', 'hiring_manager', 'platform_admin'],
    'The role’s hiring team and platform admins.',
  ),
  admin: access.roles(['platform_admin']),
}
