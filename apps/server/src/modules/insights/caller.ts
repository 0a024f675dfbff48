import type { Transaction } from 'kysely'
import type { Principal } from '../../kernel/http/access.ts'
import { moduleRoutes } from '../../kernel/http/route.ts'
import { companyIdsOfOrganizations, recruiterIdOfUser } from '../recruiting/index.ts'

/**
 * Insights names no table of its own: every figure comes from the services of the modules that own
 * the data (recruiting, billing, the job runner). Its transaction is the request's, as the caller.
 */
// biome-ignore lint/complexity/noBannedTypes: a module without tables has an empty database type
export type InsightsDatabase = {}

/** Who is asking, resolved once per request: the homes they get follow their roles. */
export interface InsightsCaller {
  principal: Principal | null
  userId: string
  isPlatformAdmin: boolean
  /** Their recruiter profile, when they hold the recruiter role. */
  recruiterId: string | null
  /** Companies whose hiring team they are on (company admin or hiring manager). */
  teamCompanyIds: readonly string[]
}

async function resolveInsightsCaller(
  tx: Transaction<InsightsDatabase>,
  principal: Principal | null,
): Promise<InsightsCaller> {
  if (!principal)
    return { principal, userId: '', isPlatformAdmin: false, recruiterId: null, teamCompanyIds: [] }
  const teamOrgs = [
    ...new Set(
      principal.memberships
        .filter((m) => m.role === 'company_admin' || m.role === 'hiring_manager')
        .map((m) => m.organizationId),
    ),
  ]
  return {
    principal,
    userId: principal.userId,
    isPlatformAdmin: principal.roles.includes('platform_admin'),
    recruiterId: principal.roles.includes('recruiter') ? await recruiterIdOfUser(tx, principal.userId) : null,
    teamCompanyIds: teamOrgs.length ? await companyIdsOfOrganizations(tx, teamOrgs) : [],
  }
}

export const insightsRoute = moduleRoutes<InsightsDatabase, InsightsCaller>({
  tag: 'insights',
  resolveCaller: resolveInsightsCaller,
})
