import { sql } from 'kysely'
import type { AnyTx } from '../../kernel/db/database.ts'
import { splitDays } from '../../kernel/db/day-split.ts'
import type { RecruitingTx } from './database.ts'

/**
 * What the persona homes (insights module) need from the marketplace, as counts and short lists.
 * Read in the caller's own transaction, so row-level security still applies underneath. Each query
 * is served by an index (migration 0073) so a home stays fast with a million applications.
 */
export interface HomeWindow {
  /** The period [from, to) and the one before it, for comparison. */
  from: Date
  to: Date
  prevFrom: Date
  prevTo: Date
  /** Time-series buckets: 'week' (Monday, UTC) or 'month'. */
  bucket: 'week' | 'month'
}

const view = (tx: AnyTx) => tx as RecruitingTx
export const ACTIVE_STAGES = ['submitted', 'screening', 'interview', 'offer'] as const

export interface StageCount {
  stage: string
  count: number
}
export interface BucketCount {
  bucket: string
  count: number
}

/** A recruiter's pipeline, placements, matching roles and candidates gone quiet. */
export async function recruiterHomeFacts(
  anyTx: AnyTx,
  recruiterId: string,
  w: HomeWindow,
  stale: { before: Date; limit: number },
) {
  const tx = view(anyTx)
  const pipeline = await sql<StageCount>`
    select stage, count(*)::int as count from ats.applications
     where recruiter_id = ${recruiterId} and stage = any(${ACTIVE_STAGES as unknown as string[]}::text[])
     group by stage`.execute(tx)
  const placements = await sql<{ current: number; previous: number }>`
    select count(*) filter (where p.created_at >= ${w.from} and p.created_at < ${w.to})::int as current,
           count(*) filter (where p.created_at >= ${w.prevFrom} and p.created_at < ${w.prevTo})::int as previous
      from ats.placements p
     where p.id in (select placement_id from ats.placement_splits where recruiter_id = ${recruiterId})
       and p.created_at >= least(${w.from}::timestamptz, ${w.prevFrom}::timestamptz)`.execute(tx)
  const series = await sql<BucketCount>`
    select to_char(date_trunc(${w.bucket}, p.created_at at time zone 'UTC'), 'YYYY-MM-DD') as bucket, count(*)::int as count
      from ats.placements p
     where p.id in (select placement_id from ats.placement_splits where recruiter_id = ${recruiterId})
       and p.created_at >= ${w.from} and p.created_at < ${w.to}
     group by 1`.execute(tx)
  const placementIds = await sql<{ placement_id: string }>`
    select distinct placement_id from ats.placement_splits where recruiter_id = ${recruiterId}`.execute(tx)
  const staleCount = await sql<{ n: number }>`
    select count(*)::int as n from ats.applications
     where recruiter_id = ${recruiterId} and stage = any(${ACTIVE_STAGES as unknown as string[]}::text[])
       and stage_changed_at < ${stale.before}`.execute(tx)
  const staleRows = await sql<{
    id: string
    stage: string
    stage_changed_at: Date
    candidate_name: string
    role_id: string
    role_title: string
    company_name: string
  }>`
    select a.id, a.stage, a.stage_changed_at, c.full_name as candidate_name, r.id as role_id, r.title as role_title,
           co.name as company_name
      from (select * from ats.applications
             where recruiter_id = ${recruiterId} and stage = any(${ACTIVE_STAGES as unknown as string[]}::text[])
               and stage_changed_at < ${stale.before}
             order by stage_changed_at, id limit ${stale.limit}) a
      join ats.candidates c on c.id = a.candidate_id
      join ats.roles r on r.id = a.role_id
      join ats.companies co on co.id = a.company_id
     order by a.stage_changed_at, a.id`.execute(tx)
  return {
    pipeline: pipeline.rows,
    placements: placements.rows[0] ?? { current: 0, previous: 0 },
    placementSeries: series.rows,
    placementIds: placementIds.rows.map((r) => r.placement_id),
    stale: { count: staleCount.rows[0]?.n ?? 0, items: staleRows.rows },
  }
}

export interface MatchingRole {
  id: string
  title: string
  company_name: string
  function: string
  industry: string | null
  seniority: string
  location: string | null
  salary_max: bigint
  salary_currency: string
  fee_rate_bps: number
  opened_at: Date | null
}

/**
 * Open roles shared with every recruiter (or assigned to this one) in the functions or industries
 * of their specialisations, newest first, that they have not submitted to yet. Nothing when they
 * have named no specialisation.
 */
export async function rolesMatchingRecruiter(anyTx: AnyTx, recruiterId: string, limit: number) {
  const tx = view(anyTx)
  const spec = await tx
    .selectFrom('network.recruiter_specializations')
    .select(['function', 'industry'])
    .where('recruiter_id', '=', recruiterId)
    .executeTakeFirst()
  const functions = spec?.function ?? []
  const industries = spec?.industry ?? []
  if (functions.length === 0 && industries.length === 0)
    return { specialised: false, roles: [] as MatchingRole[] }
  const rows = await sql<MatchingRole>`
    select r.id, r.title, co.name as company_name, r.function, r.industry, r.seniority, r.location, r.salary_max,
           r.salary_currency, r.fee_rate_bps, r.opened_at
      from ats.roles r join ats.companies co on co.id = r.company_id
     where r.status = 'open'
       and (r.function = any(${functions}::text[]) or r.industry = any(${industries}::text[]))
       and (r.visibility = 'all'
            or exists (select 1 from ats.role_assignments ra where ra.role_id = r.id and ra.recruiter_id = ${recruiterId}))
       and not exists (select 1 from ats.applications a where a.role_id = r.id and a.recruiter_id = ${recruiterId})
     order by r.created_at desc, r.id desc
     limit ${limit}`.execute(tx)
  return { specialised: true, roles: rows.rows }
}

/** A hiring team's open roles, submissions awaiting review, time to fill and pipeline by role. */
export async function companyHomeFacts(anyTx: AnyTx, companyIds: readonly string[], w: HomeWindow) {
  const tx = view(anyTx)
  const ids = [...companyIds]
  const roles = await sql<{ status: string; count: number }>`
    select status, count(*)::int as count from ats.roles where company_id = any(${ids}::uuid[]) group by status`.execute(
    tx,
  )
  const awaitingCount = await sql<{ n: number }>`
    select count(*)::int as n from ats.applications where company_id = any(${ids}::uuid[]) and stage = 'submitted'`.execute(
    tx,
  )
  const awaiting = await sql<{
    id: string
    submitted_at: Date
    candidate_name: string
    role_id: string
    role_title: string
    recruiter_name: string | null
  }>`
    select a.id, a.submitted_at, c.full_name as candidate_name, r.id as role_id, r.title as role_title,
           d.display_name as recruiter_name
      from (select * from ats.applications where company_id = any(${ids}::uuid[]) and stage = 'submitted'
             order by stage_changed_at, id limit 5) a
      join ats.candidates c on c.id = a.candidate_id
      join ats.roles r on r.id = a.role_id
      join network.recruiters nr on nr.id = a.recruiter_id
      left join identity.user_directory d on d.id = nr.user_id
     order by a.stage_changed_at, a.id`.execute(tx)
  // days from a role's opening (or creation) to each hire made in the period
  const fills = await sql<{ role_id: string; role_title: string; days: number }>`
    select r.id as role_id, r.title as role_title,
           extract(epoch from (p.created_at - coalesce(r.opened_at, r.created_at))) / 86400.0 as days
      from ats.placements p join ats.roles r on r.id = p.role_id
     where p.company_id = any(${ids}::uuid[]) and p.created_at >= ${w.from} and p.created_at < ${w.to}`.execute(
    tx,
  )
  const hires = await sql<{ current: number; previous: number }>`
    select count(*) filter (where created_at >= ${w.from} and created_at < ${w.to})::int as current,
           count(*) filter (where created_at >= ${w.prevFrom} and created_at < ${w.prevTo})::int as previous
      from ats.placements
     where company_id = any(${ids}::uuid[]) and created_at >= least(${w.from}::timestamptz, ${w.prevFrom}::timestamptz)`.execute(
    tx,
  )
  const submissions = await sql<{ current: number; previous: number }>`
    select count(*) filter (where submitted_at >= ${w.from} and submitted_at < ${w.to})::int as current,
           count(*) filter (where submitted_at >= ${w.prevFrom} and submitted_at < ${w.prevTo})::int as previous
      from ats.applications
     where company_id = any(${ids}::uuid[]) and submitted_at >= least(${w.from}::timestamptz, ${w.prevFrom}::timestamptz)`.execute(
    tx,
  )
  // the open roles with the most candidates in play, stage by stage
  const byRole = await sql<{ role_id: string; role_title: string; stage: string; count: number }>`
    with top as (
      select a.role_id, count(*) as n from ats.applications a join ats.roles r on r.id = a.role_id
       where a.company_id = any(${ids}::uuid[]) and a.stage = any(${ACTIVE_STAGES as unknown as string[]}::text[])
         and r.status = 'open'
       group by a.role_id order by n desc, a.role_id limit 8)
    select t.role_id, r.title as role_title, a.stage, count(*)::int as count
      from top t join ats.roles r on r.id = t.role_id
      join ats.applications a on a.role_id = t.role_id and a.stage = any(${ACTIVE_STAGES as unknown as string[]}::text[])
     group by t.role_id, t.n, r.title, a.stage
     order by t.n desc, t.role_id`.execute(tx)
  return {
    roles: roles.rows,
    awaiting: { count: awaitingCount.rows[0]?.n ?? 0, items: awaiting.rows },
    fills: fills.rows.map((f) => ({ ...f, days: Number(f.days) })),
    hires: hires.rows[0] ?? { current: 0, previous: 0 },
    submissions: submissions.rows[0] ?? { current: 0, previous: 0 },
    pipelineByRole: byRole.rows,
  }
}

/** Placements made in a period: its whole days from the daily summary, its partial days from the rows. */
async function placementsIn(tx: RecruitingTx, from: Date, to: Date, bucket: HomeWindow['bucket']) {
  const d = splitDays(from, to)
  return (
    await sql<BucketCount>`
      select to_char(b, 'YYYY-MM-DD') as bucket, sum(n)::int as count
        from (select date_trunc(${bucket}, day::timestamp) as b, placements as n from ats.placement_days
               where day >= ${d.dayFrom}::date and day < ${d.dayTo}::date
              union all
              -- each partial day on its own: an index-only range scan (an OR of the two reads the rows)
              select date_trunc(${bucket}, created_at at time zone 'UTC'), 1 from ats.placements
               where created_at >= ${d.headFrom} and created_at < ${d.headTo}
              union all
              select date_trunc(${bucket}, created_at at time zone 'UTC'), 1 from ats.placements
               where created_at >= ${d.tailFrom} and created_at < ${d.tailTo}) x
       group by b having sum(n) > 0`.execute(tx)
  ).rows
}

/**
 * Recruiters who submitted (or companies that received a submission) in [from, to). The whole days
 * come from `ats.activity_days` (migration 0077): each member's first active day on or after the
 * first whole day is the one row whose (previous active day, day] contains it — one GiST stab, at
 * most one row per member; the partial days at the ends come from the applications. Counting the
 * distinct members of a period's submissions instead reads every one of them (170,000 in 30 days
 * at the bench's scale), and one probe per member into the applications costs a B-tree descent
 * per member (and its prepared statement's generic plan hashed every submission of the period).
 */
async function activeMembers(tx: RecruitingTx, kind: 'recruiter' | 'company', from: Date, to: Date) {
  const d = splitDays(from, to)
  const column = sql.ref(kind === 'recruiter' ? 'recruiter_id' : 'company_id')
  const r = await sql<{ n: number }>`
    select count(*)::int as n from (
      select m from ats.active_members_on(${kind}, ${d.dayFrom}::date, ${d.dayTo}::date) m
      union
      select ${column} from ats.applications where submitted_at >= ${d.headFrom} and submitted_at < ${d.headTo}
      union
      select ${column} from ats.applications where submitted_at >= ${d.tailFrom} and submitted_at < ${d.tailTo}) m`.execute(
    tx,
  )
  return r.rows[0]?.n ?? 0
}

/**
 * The marketplace as a platform admin sees it: recruiters who submitted and companies that received
 * a submission in each period, placements, and open ownership disputes.
 */
export async function marketplaceHomeFacts(anyTx: AnyTx, w: HomeWindow) {
  const tx = view(anyTx)
  const active = {
    recruiters_current: await activeMembers(tx, 'recruiter', w.from, w.to),
    recruiters_previous: await activeMembers(tx, 'recruiter', w.prevFrom, w.prevTo),
    companies_current: await activeMembers(tx, 'company', w.from, w.to),
    companies_previous: await activeMembers(tx, 'company', w.prevFrom, w.prevTo),
  }
  const disputes = (
    await sql<{ disputes_open: number; disputes_opened_current: number; disputes_opened_previous: number }>`
    select
      (select count(*)::int from ats.ownership_disputes where status = 'disputed') as disputes_open,
      (select count(*)::int from ats.ownership_disputes where disputed_at >= ${w.from} and disputed_at < ${w.to}) as disputes_opened_current,
      (select count(*)::int from ats.ownership_disputes where disputed_at >= ${w.prevFrom} and disputed_at < ${w.prevTo}) as disputes_opened_previous
  `.execute(tx)
  ).rows[0]!
  const series = await placementsIn(tx, w.from, w.to, w.bucket)
  const previous = await placementsIn(tx, w.prevFrom, w.prevTo, w.bucket)
  const total = (rows: BucketCount[]) => rows.reduce((sum, r) => sum + r.count, 0)
  return {
    ...disputes,
    ...active,
    placements_current: total(series),
    placements_previous: total(previous),
    placementSeries: series,
  }
}
