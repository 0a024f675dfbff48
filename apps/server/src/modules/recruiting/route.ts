import { access } from '../../kernel/http/access.ts'
import { moduleRoutes } from '../../kernel/http/route.ts'
import { resolveSplitsCaller, type SplitsCaller } from './caller.ts'
import type { RecruitingDatabase } from './database.ts'

/**
 * The marketplace's route kit: handlers run on recruiting's own tables (plus identity's directory
 * view) with the caller resolved once per request.
 */
export const recruitingRoute = moduleRoutes<RecruitingDatabase, SplitsCaller>({
  tag: 'recruiting',
  resolveCaller: (tx, principal) => resolveSplitsCaller(tx, principal),
})

export const SPLITS_ROLES = ['recruiter', 'company_admin', 'hiring_manager', 'platform_admin'] as const
export const TEAM = ['company_admin', 'hiring_manager', 'platform_admin'] as const

/** Who may call what: the access declarations the routes share, with their rule in words. */
export const who = {
  members: access.roles(SPLITS_ROLES, 'Any Splits Network member.'),
  team: access.roles(
    TEAM,
    'Only the company’s hiring team (company admins, hiring managers) and platform admins.',
  ),
  companyAdmin: access.roles(
    ['company_admin', 'platform_admin'],
    'Only the company’s admins and platform admins.',
  ),
  recruiter: access.roles(['recruiter'], 'Recruiters, for the candidates they represent.'),
  recruiterOrAdmin: access.roles(
    ['recruiter', 'platform_admin'],
    'A recruiter sees only the candidates they represent; platform admins see all.',
  ),
  admin: access.roles(['platform_admin']),
}
