import { sql } from 'kysely'
import type { AnyTx } from '../../kernel/db/database.ts'
import type { RecruitingTx } from './database.ts'

/**
 * What the marketplace-health module (issue 15 §4) needs from the marketplace, "as of" a UTC day:
 * every figure depends only on the day and the data's own timestamps (stage history, opened/closed
 * times), never on when it runs, so recomputing a past day gives the same numbers. Set-based, one
 * statement per figure group; read in the caller's transaction (the health job runs as the system).
 */
const view = (tx: AnyTx) => tx as RecruitingTx

/** The day's bounds [s, e) in UTC, as SQL. */
const bounds = (day: string) => sql`(select ${day}::date::timestamp at time zone 'UTC' as s,
  (${day}::date + 1)::timestamp at time zone 'UTC' as e)`

export interface MarketplaceDayFacts {
  active_recruiters: number
  active_companies: number
  open_roles: number
  applications: number
  placements: number
  median_days_to_hire: string | null
  hires: number
  closed_applications: number
  guarantees_ended: number
  guarantees_completed: number
  median_first_response_hours: string | null
  roles_without_submission: number
  disputes_opened: number
}

/** Activity, performance, quality and dispute figures of one UTC day (YYYY-MM-DD). */
export async function marketplaceDayFacts(anyTx: AnyTx, day: string): Promise<MarketplaceDayFacts> {
  const tx = view(anyTx)
  const { rows } = await sql<MarketplaceDayFacts>`
    with b as ${bounds(day)},
    open_roles as (
      select r.id, r.company_id, r.opened_at from ats.roles r, b
       where r.opened_at < b.e and (r.closed_at is null or r.closed_at >= b.e)),
    recent as (
      select a.recruiter_id, a.submitted_at, a.role_id from ats.applications a, b
       where a.submitted_at >= b.e - interval '30 days' and a.submitted_at < b.e),
    moves as (
      select h.application_id, h.to_stage, h.from_stage, h.changed_at from ats.application_stage_history h, b
       where h.changed_at >= b.s and h.changed_at < b.e),
    first_moves as (
      select a.submitted_at, m.changed_at from moves m
        join ats.applications a on a.id = m.application_id
       where m.from_stage = 'submitted'
         and not exists (select 1 from ats.application_stage_history h2
                          where h2.application_id = m.application_id and h2.from_stage = 'submitted'
                            and h2.changed_at < m.changed_at)),
    placed as (
      select p.created_at, a.submitted_at from ats.placements p, b, ats.applications a
       where a.id = p.application_id and p.created_at >= b.s and p.created_at < b.e),
    ended as (
      select p.fell_off_on from ats.placements p, b
       where p.guarantee_ends_on <= (b.e - interval '1 day')::date
         and p.guarantee_ends_on > (b.e - interval '91 days')::date and p.created_at < b.e)
    select
      (select count(distinct recruiter_id) from recent)::int as active_recruiters,
      (select count(distinct company_id) from open_roles)::int as active_companies,
      (select count(*) from open_roles)::int as open_roles,
      (select count(*) from recent, b where recent.submitted_at >= b.s)::int as applications,
      (select count(*) from placed)::int as placements,
      (select round(percentile_cont(0.5) within group (
                 order by extract(epoch from created_at - submitted_at) / 86400)::numeric, 2)::text from placed)
        as median_days_to_hire,
      (select count(*) from moves where to_stage = 'hired')::int as hires,
      (select count(*) from moves where to_stage in ('hired', 'rejected', 'withdrawn'))::int as closed_applications,
      (select count(*) from ended)::int as guarantees_ended,
      (select count(*) from ended, b where fell_off_on is null or fell_off_on >= b.e::date)::int as guarantees_completed,
      (select round(percentile_cont(0.5) within group (
                 order by extract(epoch from changed_at - submitted_at) / 3600)::numeric, 2)::text from first_moves)
        as median_first_response_hours,
      (select count(*) from open_roles o, b where o.opened_at <= b.e - interval '7 days'
          and not exists (select 1 from ats.applications a where a.role_id = o.id and a.submitted_at < b.e))::int
        as roles_without_submission,
      (select count(*) from ats.ownership_disputes d, b where d.disputed_at >= b.s and d.disputed_at < b.e)::int
        as disputes_opened`.execute(tx)
  return rows[0]!
}

export interface LiquidityCell {
  function: string
  location: string
  open_roles: number
  submissions: number
  roles_without_submission: number
  overcrowded_roles: number
  active_recruiters: number
}

/**
 * Liquidity of one UTC day per function × location (the role's country, '—' without one): open
 * roles, their submissions so far, those open 7+ days with none, those with 50+, and recruiters who
 * submitted to roles of the cell in the 30 days up to the day. Cells where no recruiter is active
 * are the regions without one.
 */
export async function liquidityDayFacts(anyTx: AnyTx, day: string): Promise<LiquidityCell[]> {
  const tx = view(anyTx)
  const { rows } = await sql<LiquidityCell>`
    with b as ${bounds(day)},
    open_roles as (
      select r.id, r.function, coalesce(r.country, '—') as location, r.opened_at from ats.roles r, b
       where r.opened_at < b.e and (r.closed_at is null or r.closed_at >= b.e)),
    subs as (
      select a.role_id as id, count(*)::int as n from ats.applications a join open_roles o on o.id = a.role_id, b
       where a.submitted_at < b.e
       group by a.role_id),
    per_role as (
      select o.function, o.location, o.opened_at, coalesce(s.n, 0) as n from open_roles o left join subs s on s.id = o.id),
    cells as (
      select function, location, count(*)::int as open_roles, sum(n)::int as submissions,
             count(*) filter (where n = 0 and opened_at <= (select e from b) - interval '7 days')::int as roles_without_submission,
             count(*) filter (where n >= 50)::int as overcrowded_roles
        from per_role group by function, location),
    active as (
      select r.function, coalesce(r.country, '—') as location, count(distinct a.recruiter_id)::int as n
        from ats.applications a join ats.roles r on r.id = a.role_id, b
       where a.submitted_at >= b.e - interval '30 days' and a.submitted_at < b.e
       group by 1, 2)
    select c.*, coalesce(x.n, 0)::int as active_recruiters
      from cells c left join active x on x.function = c.function and x.location = c.location
     order by c.function, c.location`.execute(tx)
  return rows
}

/** Days an application usually stays in each open stage before it moves (the risk score's norms). */
export const STAGE_NORM_DAYS: Record<string, number> = { submitted: 5, screening: 7, interview: 10, offer: 7 }

export interface DealFacts {
  kind: 'placement' | 'application'
  id: string
  application_id: string
  role_id: string
  role_title: string
  company_id: string
  company_name: string
  recruiter_id: string
  candidate_name: string
  stage: string
  days_in_stage: number
  /** The company moved the application out of `submitted` at least once. */
  company_responded: boolean
  /** Interviews completed with no feedback note naming them. */
  interviews_without_feedback: number
  /** Placements only: days until the guarantee ends. */
  guarantee_days_left: number | null
  /** The recruiter's placements and how many of them fell off (history). */
  recruiter_placements: number
  recruiter_fall_offs: number
}

/**
 * Deals at risk as of `now`: placements still in guarantee, and open applications that stayed in
 * their stage longer than its norm. `scope` narrows to a recruiter's or companies' own deals; the
 * caller's row-level security applies underneath.
 */
export async function dealRiskFacts(
  anyTx: AnyTx,
  now: Date,
  scope: { recruiterId?: string | null; companyIds?: readonly string[] | null; limit: number },
): Promise<DealFacts[]> {
  const tx = view(anyTx)
  const recruiterId = scope.recruiterId ?? null
  const companyIds = scope.companyIds ? [...scope.companyIds] : null
  const { rows } = await sql<DealFacts>`
    with deals as (
      (select 'placement' as kind, p.id, p.application_id, a.stage, a.stage_changed_at, a.recruiter_id,
              p.role_id, p.company_id, a.candidate_id, (p.guarantee_ends_on - ${now}::date)::int as guarantee_days_left
         from ats.placements p join ats.applications a on a.id = p.application_id
        where p.status = 'active' and p.guarantee_ends_on >= ${now}::date)
      union all
      (select 'application', a.id, a.id, a.stage, a.stage_changed_at, a.recruiter_id, a.role_id, a.company_id,
              a.candidate_id, null
         from ats.applications a
        where (a.stage = 'submitted' and a.stage_changed_at < ${now}::timestamptz - make_interval(days => ${STAGE_NORM_DAYS.submitted}))
           or (a.stage = 'screening' and a.stage_changed_at < ${now}::timestamptz - make_interval(days => ${STAGE_NORM_DAYS.screening}))
           or (a.stage = 'interview' and a.stage_changed_at < ${now}::timestamptz - make_interval(days => ${STAGE_NORM_DAYS.interview}))
           or (a.stage = 'offer' and a.stage_changed_at < ${now}::timestamptz - make_interval(days => ${STAGE_NORM_DAYS.offer})))
    ),
    scoped as (
      select * from deals
       where (${recruiterId}::uuid is null or recruiter_id = ${recruiterId}::uuid)
         and (${companyIds}::uuid[] is null or company_id = any(${companyIds}::uuid[]))
       order by stage_changed_at, id limit ${scope.limit})
    select d.kind, d.id, d.application_id, d.role_id, r.title as role_title, d.company_id, co.name as company_name,
           d.recruiter_id, c.full_name as candidate_name, d.stage,
           floor(extract(epoch from ${now}::timestamptz - d.stage_changed_at) / 86400)::int as days_in_stage,
           exists (select 1 from ats.application_stage_history h
                    where h.application_id = d.application_id and h.from_stage = 'submitted') as company_responded,
           (select count(*) from ats.interviews i where i.application_id = d.application_id and i.status = 'completed'
               and not exists (select 1 from ats.application_notes n
                                where n.application_id = i.application_id and n.kind = 'interview_feedback'
                                  and (n.interview_id = i.id or n.interview_id is null)))::int as interviews_without_feedback,
           d.guarantee_days_left,
           (select count(*) from ats.placements p2 join ats.applications a2 on a2.id = p2.application_id
             where a2.recruiter_id = d.recruiter_id)::int as recruiter_placements,
           (select count(*) from ats.placements p2 join ats.applications a2 on a2.id = p2.application_id
             where a2.recruiter_id = d.recruiter_id and p2.status = 'fell_off')::int as recruiter_fall_offs
      from scoped d
      join ats.roles r on r.id = d.role_id
      join ats.companies co on co.id = d.company_id
      join ats.candidates c on c.id = d.candidate_id
     order by d.stage_changed_at, d.id`.execute(tx)
  return rows
}
