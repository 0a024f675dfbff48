import { type Expression, type SqlBool, sql } from 'kysely'
import { escapeLike } from '../../../kernel/db/like.ts'
import { AppError } from '../../../kernel/errors.ts'
import { exactTime, olderThanCursor, timeIdPage } from '../../../kernel/http/pagination.ts'
import { onTeam, type SplitsCaller } from '../caller.ts'
import type { RecruitingTx } from '../database.ts'
import type { RoleStatus } from '../reference/vocabularies.ts'

/** Roles with their company's name: the columns every role list shows. */
export function roleSummaryRows(tx: RecruitingTx) {
  return tx
    .selectFrom('ats.roles as r')
    .innerJoin('ats.companies as c', 'c.id', 'r.company_id')
    .select([
      'r.id',
      'r.company_id',
      'c.name as company_name',
      'r.title',
      'r.function',
      'r.industry',
      'r.seniority',
      'r.location',
      'r.country',
      'r.work_mode',
      'r.employment_type',
      'r.salary_min',
      'r.salary_max',
      'r.salary_currency',
      'r.fee_rate_bps',
      'r.guarantee_days',
      'r.status',
      'r.visibility',
      'r.openings',
      'r.created_at',
      'r.opened_at',
      'r.fee_min',
      'r.fee_max',
      'r.submissions_count',
      'r.early_access',
      'r.early_access_until',
    ])
}

/**
 * Which roles (`ats.roles as r`) a caller sees; the row-level policy `roles_visible` (migration
 * 0024) says the same underneath. A hiring team sees its company's roles. A recruiter sees open
 * roles shared with everyone (during a first look only with early access) or assigned to them, and keeps seeing, whatever its status, a role
 * they have an application on or share a placement of. Drafts only the team. Admins everything.
 */
export function visibleRoles(caller: SplitsCaller): Expression<SqlBool> | null {
  if (caller.isPlatformAdmin) return null
  const arms = []
  if (caller.teamCompanyIds.length) {
    arms.push(sql<SqlBool>`r.company_id = any(${[...caller.teamCompanyIds]}::uuid[])`)
  }
  const me = caller.recruiterId
  if (me) {
    // a first look (early access) hides a role shared with everyone from recruiters without it
    const sharedWithMe = caller.recruiterEarlyAccess
      ? sql<SqlBool>`r.visibility = 'all'`
      : sql<SqlBool>`(r.visibility = 'all' and r.early_access_until is null)`
    arms.push(sql<SqlBool>`(r.status = 'open' and (${sharedWithMe}
        or exists (select 1 from ats.role_assignments ra where ra.role_id = r.id and ra.recruiter_id = ${me})))
      or exists (select 1 from ats.applications a where a.role_id = r.id and a.recruiter_id = ${me})
      or exists (select 1 from ats.placements p join ats.placement_splits s on s.placement_id = p.id
                  where p.role_id = r.id and s.recruiter_id = ${me})`)
  }
  return arms.length ? sql<SqlBool>`(${sql.join(arms, sql` or `)})` : sql<SqlBool>`false`
}

/** One role with what its page shows, if the caller may see it (one query). */
export async function findRole(tx: RecruitingTx, caller: SplitsCaller, id: string) {
  let q = roleSummaryRows(tx)
    .leftJoin('network.recruiters as jo', 'jo.id', 'r.job_owner_recruiter_id')
    .leftJoin('identity.user_directory as jou', 'jou.id', 'jo.user_id')
    .select([
      'r.description',
      'r.job_owner_recruiter_id',
      'jou.display_name as job_owner_name',
      'r.hiring_manager_user_id',
      'r.updated_at',
      'r.closed_at',
      'r.version',
      sql<number>`(select count(*)::int from ats.applications a where a.role_id = r.id)`.as(
        'applications_count',
      ),
      sql<number>`(select count(*)::int from ats.applications a where a.role_id = r.id and a.stage = 'hired')`.as(
        'hired_count',
      ),
      caller.recruiterId
        ? sql<boolean>`exists (select 1 from ats.applications a where a.role_id = r.id and a.recruiter_id = ${caller.recruiterId})`.as(
            'working_on',
          )
        : sql<boolean>`false`.as('working_on'),
    ])
    .where('r.id', '=', id)
  const visible = visibleRoles(caller)
  if (visible) q = q.where(visible)
  const role = await q.executeTakeFirst()
  return role ? { ...role, can_manage: onTeam(caller, role.company_id) } : undefined
}

export type RoleDetail = NonNullable<Awaited<ReturnType<typeof findRole>>>

/** A role the caller may see, or 404 (never "forbidden": a hidden role's existence is not told). */
export async function getRole(tx: RecruitingTx, caller: SplitsCaller, id: string): Promise<RoleDetail> {
  const role = await findRole(tx, caller, id)
  if (!role) throw new AppError('not_found', 'No such role')
  return role
}

/** A role the caller manages (its hiring team, platform admins): 404 if hidden, 403 if only visible. */
export async function getManagedRole(
  tx: RecruitingTx,
  caller: SplitsCaller,
  id: string,
  what: string,
): Promise<RoleDetail> {
  const role = await getRole(tx, caller, id)
  if (!role.can_manage) throw new AppError('forbidden', `Only the company’s hiring team can ${what}`)
  return role
}

export async function roleAssignments(tx: RecruitingTx, caller: SplitsCaller, id: string) {
  await getManagedRole(tx, caller, id, 'see assignments')
  const rows = await tx
    .selectFrom('ats.role_assignments as a')
    .innerJoin('network.recruiters as r', 'r.id', 'a.recruiter_id')
    .innerJoin('identity.user_directory as u', 'u.id', 'r.user_id')
    .select(['a.recruiter_id', 'u.display_name', 'a.created_at'])
    .where('a.role_id', '=', id)
    .orderBy('u.display_name')
    .execute()
  return rows.map((r) => ({ ...r, display_name: r.display_name ?? '' }))
}

export async function roleHistory(tx: RecruitingTx, caller: SplitsCaller, id: string) {
  await getManagedRole(tx, caller, id, 'see the history')
  return tx
    .selectFrom('ats.role_history as h')
    .leftJoin('identity.user_directory as u', 'u.id', 'h.changed_by')
    .select([
      'h.id',
      'h.changed_at',
      'h.changed_by',
      'u.display_name as changed_by_name',
      'h.change',
      'h.before',
      'h.after',
      'h.reason',
    ])
    .where('h.role_id', '=', id)
    .orderBy('h.changed_at')
    .orderBy('h.id')
    .execute()
}

export interface RoleFilters {
  q?: string | undefined
  status?: RoleStatus[] | undefined
  company_id?: string | undefined
  function?: string | undefined
  industry?: string | undefined
  seniority?: string | undefined
  work_mode?: string | undefined
  location?: string | undefined
  country?: string | undefined
  salary_currency?: string | undefined
  /** Roles paying at least this much (their salary_max reaches it), minor units. */
  salary_min?: bigint | undefined
  /** Roles starting at most this much (their salary_min is under it), minor units. */
  salary_max?: bigint | undefined
  limit: number
  startingAfter?: string | undefined
}

/** The roles the caller may see (see `visibleRoles`), filtered, newest first, with an exact cursor. */
export async function searchRoles(tx: RecruitingTx, caller: SplitsCaller, f: RoleFilters) {
  let q = roleSummaryRows(tx)
    .select(exactTime('r.created_at'))
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(f.limit + 1)
  q = q.where(roleConditions(caller, f))
  if (f.startingAfter) q = q.where(olderThanCursor(f.startingAfter, 'r.created_at', 'r.id'))
  return timeIdPage(await q.execute(), f.limit)
}

/**
 * What the caller may see of `ats.roles as r`, narrowed by the filters, as one condition: the
 * marketplace's page, its total count and a saved search's preview share it.
 */
export function roleConditions(
  caller: SplitsCaller,
  f: Omit<RoleFilters, 'limit' | 'startingAfter'>,
): Expression<SqlBool> {
  const c: Expression<SqlBool>[] = []
  const visible = visibleRoles(caller)
  if (visible) c.push(visible)
  // one status (the marketplace's "open") as an equality, so the (status, key, id) indexes give the order
  if (f.status?.length === 1) c.push(sql<SqlBool>`r.status = ${f.status[0]}`)
  else if (f.status?.length) c.push(sql<SqlBool>`r.status = any(${[...f.status]}::text[])`)
  if (f.company_id) c.push(sql<SqlBool>`r.company_id = ${f.company_id}::uuid`)
  if (f.function) c.push(sql<SqlBool>`r.function = ${f.function}`)
  if (f.industry) c.push(sql<SqlBool>`r.industry = ${f.industry}`)
  if (f.seniority) c.push(sql<SqlBool>`r.seniority = ${f.seniority}`)
  if (f.work_mode) c.push(sql<SqlBool>`r.work_mode = ${f.work_mode}`)
  if (f.country) c.push(sql<SqlBool>`r.country = ${f.country}`)
  if (f.location) c.push(sql<SqlBool>`r.location ilike ${`%${escapeLike(f.location)}%`}`)
  if (f.salary_currency) c.push(sql<SqlBool>`r.salary_currency = ${f.salary_currency}`)
  if (f.salary_min !== undefined) c.push(sql<SqlBool>`r.salary_max >= ${f.salary_min}`)
  if (f.salary_max !== undefined) c.push(sql<SqlBool>`r.salary_min <= ${f.salary_max}`)
  if (f.q) {
    c.push(
      sql<SqlBool>`(r.search @@ websearch_to_tsquery('simple', ${f.q}) or r.title ilike ${`%${escapeLike(f.q)}%`})`,
    )
  }
  return c.length ? sql<SqlBool>`(${sql.join(c, sql` and `)})` : sql<SqlBool>`true`
}
