import type { Transaction } from 'kysely'
import type { Principal } from '../../kernel/http/access.ts'
import { access } from '../../kernel/http/access.ts'
import { moduleRoutes } from '../../kernel/http/route.ts'
import { type SplitsParts, splitsPartsOf } from '../recruiting/index.ts'
import type { IntelligenceDatabase } from './database.ts'

/** Who calls matching's routes, resolved once per request: admin, their hiring teams, their recruiter id. */
export interface MatchingCaller extends SplitsParts {
  principal: Principal | null
  /** The role they act in, for the decision log. */
  role: string
}

async function resolveMatchingCaller(
  tx: Transaction<IntelligenceDatabase>,
  principal: Principal | null,
): Promise<MatchingCaller> {
  const parts = await splitsPartsOf(tx, principal)
  const role = !principal
    ? 'anonymous'
    : parts.isPlatformAdmin
      ? 'platform_admin'
      : parts.recruiterId
        ? 'recruiter'
        : parts.teamCompanyIds.length
          ? 'company_team'
          : 'user'
  return { principal, ...parts, role }
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
