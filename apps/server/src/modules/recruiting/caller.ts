import { sql } from 'kysely'
import { AppError } from '../../kernel/errors.ts'
import { organizationsWithRole, type Principal } from '../../kernel/http/access.ts'
import type { BaseCaller } from '../../kernel/http/route.ts'
import type { RecruitingTx } from './database.ts'

/**
 * Who is calling, in the Splits Network marketplace: resolved once per request (inside its
 * transaction) and passed to every service, which never asks again. Row-level security applies
 * the same rules underneath, from the transaction's actor settings.
 */
export interface SplitsCaller extends BaseCaller {
  principal: Principal | null
  /** The person's user id ('' for an anonymous caller, who reaches no recruiting service). */
  userId: string
  isPlatformAdmin: boolean
  /**
   * Their recruiter profile (every holder of the recruiter role has one). Looked up for recruiters
   * and hiring teams only: a platform admin or candidate who once was a recruiter acts as neither.
   */
  recruiterId: string | null
  /** Their plan gives early access: they see roles during a first look (billing keeps it current). */
  recruiterEarlyAccess: boolean
  /** Companies whose hiring team they are on (company admin or hiring manager). */
  teamCompanyIds: readonly string[]
  /** Companies whose admin they are. */
  adminCompanyIds: readonly string[]
  /** They follow their own applications as a candidate. */
  isCandidate: boolean
}

const TEAM_ROLES = ['company_admin', 'hiring_manager'] as const

export const anonymousCaller: SplitsCaller = {
  principal: null,
  userId: '',
  isPlatformAdmin: false,
  recruiterId: null,
  recruiterEarlyAccess: false,
  teamCompanyIds: [],
  adminCompanyIds: [],
  isCandidate: false,
}

/**
 * The caller in one round trip: their recruiter profile and the companies of the organisations
 * they belong to (the memberships come with the principal; only the company ids are looked up).
 * A person with the recruiter role but no profile yet (one granted before profiles followed the
 * role) gets one here, as on their first visit before.
 */
export async function resolveSplitsCaller(
  tx: RecruitingTx,
  principal: Principal | null,
): Promise<SplitsCaller> {
  if (!principal) return anonymousCaller
  const teamOrgs = organizationsWithRole(principal, TEAM_ROLES)
  const adminOrgs = new Set(organizationsWithRole(principal, ['company_admin']))
  const base = {
    principal,
    userId: principal.userId,
    isPlatformAdmin: principal.roles.includes('platform_admin'),
    isCandidate: principal.roles.includes('candidate'),
  }
  // nothing to look up for someone on no hiring team who is no recruiter (admins, candidates)
  if (teamOrgs.length === 0 && !principal.roles.includes('recruiter')) {
    return {
      ...base,
      recruiterId: null,
      recruiterEarlyAccess: false,
      teamCompanyIds: [],
      adminCompanyIds: [],
    }
  }
  const row = (
    await sql<{ recruiter_id: string | null; early_access: boolean | null; companies: [string, string][] }>`
      select me.id as recruiter_id, me.early_access,
             coalesce((select json_agg(json_build_array(c.id, c.organization_id)) from ats.companies c
                        where c.organization_id = any(${teamOrgs}::uuid[])), '[]'::json) as companies
        from (select 1) one
        left join network.recruiters me on me.user_id = ${principal.userId}`.execute(tx)
  ).rows[0]!
  const recruiterId =
    row.recruiter_id ??
    (principal.roles.includes('recruiter') ? await createRecruiterProfile(tx, principal.userId) : null)
  return {
    ...base,
    recruiterId,
    recruiterEarlyAccess: row.early_access ?? false,
    teamCompanyIds: row.companies.map(([id]) => id),
    adminCompanyIds: row.companies.filter(([, org]) => adminOrgs.has(org)).map(([id]) => id),
  }
}

/** A new recruiter profile with empty specialisations; a concurrent first use wins harmlessly. */
async function createRecruiterProfile(tx: RecruitingTx, userId: string): Promise<string> {
  const created = await tx
    .insertInto('network.recruiters')
    .values({ user_id: userId })
    .onConflict((oc) => oc.column('user_id').doNothing())
    .returning('id')
    .executeTakeFirst()
  if (created) {
    await tx.insertInto('network.recruiter_specializations').values({ recruiter_id: created.id }).execute()
    return created.id
  }
  // another request made it first; its row is committed, so this statement sees it
  const existing = await tx
    .selectFrom('network.recruiters')
    .select('id')
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow()
  return existing.id
}

/** The caller's recruiter profile, or 403 for anyone without one. */
export function requireRecruiter(caller: SplitsCaller): string {
  if (!caller.recruiterId) throw new AppError('forbidden', 'Only recruiters can do this')
  return caller.recruiterId
}

/** On the company's hiring team, or a platform admin. */
export const onTeam = (caller: SplitsCaller, companyId: string): boolean =>
  caller.isPlatformAdmin || caller.teamCompanyIds.includes(companyId)

/** The company's admin, or a platform admin. */
export const isCompanyAdmin = (caller: SplitsCaller, companyId: string): boolean =>
  caller.isPlatformAdmin || caller.adminCompanyIds.includes(companyId)

/** Refuses unless the caller is on the company's hiring team (its admins only, with `onlyAdmin`). */
export function assertCompanyTeam(caller: SplitsCaller, companyId: string, onlyAdmin = false): void {
  if (onlyAdmin ? isCompanyAdmin(caller, companyId) : onTeam(caller, companyId)) return
  throw new AppError(
    'forbidden',
    onlyAdmin ? 'Only the company’s admins can do this' : 'Only the company’s hiring team can do this',
  )
}

/** The role the caller acts in, for audit entries. */
export function actingRole(caller: SplitsCaller, companyId?: string): string {
  if (caller.isPlatformAdmin) return 'platform_admin'
  if (companyId && caller.adminCompanyIds.includes(companyId)) return 'company_admin'
  if (companyId && caller.teamCompanyIds.includes(companyId)) return 'hiring_manager'
  return caller.recruiterId ? 'recruiter' : 'user'
}
