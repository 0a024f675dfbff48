import type { Transaction } from 'kysely'
import type { AppContext } from '../../kernel/context.ts'
import type { Principal } from '../../kernel/http/access.ts'
import { moduleRoutes } from '../../kernel/http/route.ts'
import { companyIdsOfOrganizations, recruiterIdOfUser } from '../recruiting/index.ts'
import type { BillingDatabase } from './database.ts'

/** Who calls billing's routes, resolved once per request: admin, the companies they run, their recruiter id. */
export interface BillingCaller {
  principal: Principal | null
  userId: string
  isPlatformAdmin: boolean
  /** Companies whose admins the caller is (finance is theirs). */
  adminCompanyIds: readonly string[]
  /** Companies whose hiring team the caller is on. */
  teamCompanyIds: readonly string[]
  recruiterId: string | null
}

async function resolveBillingCaller(
  tx: Transaction<BillingDatabase>,
  principal: Principal | null,
  _ctx: AppContext,
): Promise<BillingCaller> {
  if (!principal) {
    return {
      principal,
      userId: '',
      isPlatformAdmin: false,
      adminCompanyIds: [],
      teamCompanyIds: [],
      recruiterId: null,
    }
  }
  const orgs = (roles: readonly string[]) => [
    ...new Set(principal.memberships.filter((m) => roles.includes(m.role)).map((m) => m.organizationId)),
  ]
  const adminOrgs = orgs(['company_admin'])
  const teamOrgs = orgs(['company_admin', 'hiring_manager'])
  const teamCompanyIds = await companyIdsOfOrganizations(tx, teamOrgs)
  const adminCompanyIds = adminOrgs.length ? await companyIdsOfOrganizations(tx, adminOrgs) : []
  return {
    principal,
    userId: principal.userId,
    isPlatformAdmin: principal.roles.includes('platform_admin'),
    adminCompanyIds,
    teamCompanyIds,
    recruiterId: principal.roles.includes('recruiter') ? await recruiterIdOfUser(tx, principal.userId) : null,
  }
}

export const billingRoute = moduleRoutes<BillingDatabase, BillingCaller>({
  tag: 'billing',
  resolveCaller: resolveBillingCaller,
})
