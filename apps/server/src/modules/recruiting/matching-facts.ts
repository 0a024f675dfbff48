import { sql } from 'kysely'
import type { AnyTx } from '../../kernel/db/database.ts'
import { asSystem } from '../../kernel/db/transaction.ts'
import type { RecruitingTx } from './database.ts'

/**
 * What matching (the intelligence module) may know about roles, candidates and recruiters. Read as
 * the system: matching decides who sees its suggestions, and row-level security guards its own
 * tables. A candidate's facts carry no name, contact or protected attribute (gender, age, photo,
 * nationality are not even stored here): only what a match may be explained by.
 */
export interface RoleMatchFacts {
  id: string
  companyId: string
  companyOrgId: string
  title: string
  description: string
  function: string
  industry: string | null
  seniority: string
  country: string | null
  location: string | null
  workMode: string
  salaryMin: bigint
  salaryMax: bigint
  salaryCurrency: string
  status: string
  visibility: string
  assignedRecruiterIds: string[]
}

export interface CandidateMatchFacts {
  id: string
  recruiterId: string
  recruiterUserId: string
  title: string | null
  country: string | null
  location: string | null
  skills: string[]
  yearsExperience: number | null
  salaryMin: bigint | null
  salaryMax: bigint | null
  salaryCurrency: string | null
}

/** Roles by id, or every open role (`'open'`), at most `limit`. */
export async function roleMatchFacts(
  anyTx: AnyTx,
  which: readonly string[] | 'open',
  limit = 10_000,
): Promise<RoleMatchFacts[]> {
  if (which !== 'open' && which.length === 0) return []
  return asSystem(anyTx, 'recruiting.matching_facts', async () => {
    const tx = anyTx as RecruitingTx
    let q = tx
      .selectFrom('ats.roles as r')
      .innerJoin('ats.companies as c', 'c.id', 'r.company_id')
      .select([
        'r.id',
        'r.company_id',
        'c.organization_id',
        'r.title',
        'r.description',
        'r.function',
        'r.industry',
        'r.seniority',
        'r.country',
        'r.location',
        'r.work_mode',
        'r.salary_min',
        'r.salary_max',
        'r.salary_currency',
        'r.status',
        'r.visibility',
        sql<string[]>`coalesce((select array_agg(ra.recruiter_id) from ats.role_assignments ra
          where ra.role_id = r.id), '{}')`.as('assigned'),
      ])
    q =
      which === 'open' ? q.where('r.status', '=', 'open').orderBy('r.id') : q.where('r.id', 'in', [...which])
    const rows = await q.limit(limit).execute()
    return rows.map((r) => ({
      id: r.id,
      companyId: r.company_id,
      companyOrgId: r.organization_id,
      title: r.title,
      description: r.description,
      function: r.function,
      industry: r.industry,
      seniority: r.seniority,
      country: r.country,
      location: r.location,
      workMode: r.work_mode,
      salaryMin: r.salary_min,
      salaryMax: r.salary_max,
      salaryCurrency: r.salary_currency,
      status: r.status,
      visibility: r.visibility,
      assignedRecruiterIds: r.assigned,
    }))
  })
}

/** Candidates by id, or a sample: each recruiter's newest few (`{ perRecruiter: n }`). */
export async function candidateMatchFacts(
  anyTx: AnyTx,
  which: readonly string[] | { perRecruiter: number },
): Promise<CandidateMatchFacts[]> {
  if (Array.isArray(which) && which.length === 0) return []
  return asSystem(anyTx, 'recruiting.matching_facts', async () => {
    const tx = anyTx as RecruitingTx
    let q = tx
      .selectFrom('ats.candidates as ca')
      .innerJoin('network.recruiters as rc', 'rc.id', 'ca.recruiter_id')
      .select([
        'ca.id',
        'ca.recruiter_id',
        'rc.user_id',
        'ca.current_title',
        'ca.country',
        'ca.location',
        'ca.skills',
        'ca.years_experience',
        'ca.salary_expectation_min',
        'ca.salary_expectation_max',
        'ca.salary_currency',
      ])
    q = Array.isArray(which)
      ? q.where('ca.id', 'in', [...which])
      : q.where(
          'ca.id',
          'in',
          sql<string>`(select id from (select id, row_number() over (partition by recruiter_id order by created_at desc, id) as n
              from ats.candidates) ranked where n <= ${(which as { perRecruiter: number }).perRecruiter})`,
        )
    const rows = await q.execute()
    return rows.map((r) => ({
      id: r.id,
      recruiterId: r.recruiter_id,
      recruiterUserId: r.user_id,
      title: r.current_title,
      country: r.country,
      location: r.location,
      skills: r.skills,
      yearsExperience: r.years_experience,
      salaryMin: r.salary_expectation_min,
      salaryMax: r.salary_expectation_max,
      salaryCurrency: r.salary_currency,
    }))
  })
}

/** Skills of the people hired, per function of the role they were hired into (active placements). */
export async function placedSkillsByFunction(
  anyTx: AnyTx,
): Promise<{ function: string; skills: string[] }[]> {
  return asSystem(anyTx, 'recruiting.matching_facts', async () => {
    const rows = await sql<{ function: string; skills: string[] }>`
      select r.function, ca.skills from ats.placements p
        join ats.roles r on r.id = p.role_id
        join ats.candidates ca on ca.id = p.candidate_id
       where p.status = 'active'`.execute(anyTx as RecruitingTx)
    return rows.rows
  })
}

/** The application a candidate has on a role, if any (the stage tells a match's outcome). */
export async function applicationStageOf(
  anyTx: AnyTx,
  candidateId: string,
  roleId: string,
): Promise<string | null> {
  return asSystem(anyTx, 'recruiting.matching_facts', async () => {
    const row = await (anyTx as RecruitingTx)
      .selectFrom('ats.applications')
      .select('stage')
      .where('candidate_id', '=', candidateId)
      .where('role_id', '=', roleId)
      .executeTakeFirst()
    return row?.stage ?? null
  })
}

/**
 * Which of these candidate–role pairs already have an application (any stage, by any recruiter):
 * matching never suggests them. Keys are `${candidateId}:${roleId}`.
 */
export async function submittedPairs(
  anyTx: AnyTx,
  pairs: readonly { candidateId: string; roleId: string }[],
): Promise<Set<string>> {
  if (pairs.length === 0) return new Set()
  return asSystem(anyTx, 'recruiting.matching_facts', async () => {
    const rows = await sql<{ candidate_id: string; role_id: string }>`
      select a.candidate_id, a.role_id
        from unnest(${pairs.map((p) => p.candidateId)}::uuid[], ${pairs.map((p) => p.roleId)}::uuid[]) as q(c, r)
        join ats.applications a on a.candidate_id = q.c and a.role_id = q.r`.execute(anyTx as RecruitingTx)
    return new Set(rows.rows.map((r) => `${r.candidate_id}:${r.role_id}`))
  })
}

/** What a recruiter's fit for a role is explained by: their specialisation, record and workload. */
export interface RecruiterFitFacts {
  recruiterId: string
  userId: string
  name: string
  functions: string[]
  industries: string[]
  seniorities: string[]
  locations: string[]
  placementsInFunction: number
  placementsInIndustry: number
  placementsTotal: number
  /** Median days from submission to hire over their placements, null without any. */
  medianDaysToPlacement: number | null
  /** Applications of theirs still open (submitted to offer). */
  activeApplications: number
}

/**
 * Recruiters worth asking about a role: those specialised in its function or industry, or who
 * placed in them before (at most `limit`), with what their fit is explained by.
 */
export async function recruiterFitFacts(
  anyTx: AnyTx,
  role: { function: string; industry: string | null },
  limit = 200,
): Promise<RecruiterFitFacts[]> {
  return asSystem(anyTx, 'recruiting.matching_facts', async () => {
    const rows = await sql<{
      recruiter_id: string
      user_id: string
      name: string
      functions: string[]
      industries: string[]
      seniorities: string[]
      locations: string[]
      in_function: number
      in_industry: number
      total: number
      median_days: number | null
      active: number
    }>`
      with placed as (
        select a.recruiter_id, r.function, r.industry,
               extract(epoch from (p.created_at - a.submitted_at)) / 86400 as days
          from ats.placements p
          join ats.applications a on a.id = p.application_id
          join ats.roles r on r.id = p.role_id
         where p.status = 'active'),
      pool as (
        select s.recruiter_id from network.recruiter_specializations s
         where ${role.function} = any(s.function) or (${role.industry}::text is not null and ${role.industry} = any(s.industry))
        union
        select recruiter_id from placed where function = ${role.function} or industry = ${role.industry})
      select rc.id as recruiter_id, rc.user_id, coalesce(u.display_name, '') as name,
             coalesce(s.function, '{}') as functions, coalesce(s.industry, '{}') as industries,
             coalesce(s.seniority, '{}') as seniorities, coalesce(s.locations, '{}') as locations,
             (select count(*)::int from placed pl where pl.recruiter_id = rc.id and pl.function = ${role.function}) as in_function,
             (select count(*)::int from placed pl where pl.recruiter_id = rc.id and pl.industry = ${role.industry}) as in_industry,
             (select count(*)::int from placed pl where pl.recruiter_id = rc.id) as total,
             (select percentile_cont(0.5) within group (order by pl.days)::float8 from placed pl where pl.recruiter_id = rc.id) as median_days,
             (select count(*)::int from ats.applications a where a.recruiter_id = rc.id
                and a.stage in ('submitted', 'screening', 'interview', 'offer')) as active
        from pool
        join network.recruiters rc on rc.id = pool.recruiter_id and rc.status = 'active'
        left join network.recruiter_specializations s on s.recruiter_id = rc.id
        left join identity.user_directory u on u.id = rc.user_id
       limit ${limit}`.execute(anyTx as RecruitingTx)
    return rows.rows.map((r) => ({
      recruiterId: r.recruiter_id,
      userId: r.user_id,
      name: r.name,
      functions: r.functions,
      industries: r.industries,
      seniorities: r.seniorities,
      locations: r.locations,
      placementsInFunction: r.in_function,
      placementsInIndustry: r.in_industry,
      placementsTotal: r.total,
      medianDaysToPlacement: r.median_days === null ? null : Math.round(r.median_days),
      activeApplications: r.active,
    }))
  })
}

/**
 * Names of the candidates the caller may see, read as the caller (row-level security decides: a
 * hiring team sees only people submitted to it, so a suggestion shows them a profile, not a name).
 */
export async function visibleCandidateNames(
  anyTx: AnyTx,
  candidateIds: readonly string[],
): Promise<Map<string, string>> {
  if (candidateIds.length === 0) return new Map()
  const rows = await (anyTx as RecruitingTx)
    .selectFrom('ats.candidates')
    .select(['id', 'full_name'])
    .where('id', 'in', [...new Set(candidateIds)])
    .execute()
  return new Map(rows.map((r) => [r.id, r.full_name]))
}

/** Company names by id (public: they appear on the role marketplace). */
export async function companyNames(
  anyTx: AnyTx,
  companyIds: readonly string[],
): Promise<Map<string, string>> {
  if (companyIds.length === 0) return new Map()
  const rows = await (anyTx as RecruitingTx)
    .selectFrom('ats.companies')
    .select(['id', 'name'])
    .where('id', 'in', [...new Set(companyIds)])
    .execute()
  return new Map(rows.map((r) => [r.id, r.name]))
}
