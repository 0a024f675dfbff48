import type { Transaction } from 'kysely'
import type { Principal } from '../../kernel/http/access.ts'
import { access } from '../../kernel/http/access.ts'
import { moduleRoutes } from '../../kernel/http/route.ts'
import { companyIdsOfOrganizations, recruiterIdOfUser } from '../recruiting/index.ts'
import type { HealthDatabase } from './database.ts'

/** Who asks: a platform admin sees the marketplace; a recruiter or hiring team their own deals' risk. */
export interface HealthCaller {
  principal: Principal | null
  userId: string
  isPlatformAdmin: boolean
  recruiterId: string | null
  teamCompanyIds: readonly string[]
}

async function resolveHealthCaller(
  tx: Transaction<HealthDatabase>,
  principal: Principal | null,
): Promise<HealthCaller> {
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

export const healthRoute = moduleRoutes<HealthDatabase, HealthCaller>({
  tag: 'health',
  resolveCaller: resolveHealthCaller,
})

export const who = {
  admin: access.roles(['platform_admin']),
  deals: access.roles(
    ['recruiter', 'company_admin', 'hiring_manager', 'platform_admin'],
    'Platform admins (every deal), recruiters (their own deals), hiring teams (their company’s).',
  ),
}
