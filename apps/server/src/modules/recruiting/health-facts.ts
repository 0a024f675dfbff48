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

/** The UTC days of [from, to] with their bounds [s, e), as SQL. */
const days = (from: string, to: string) => sql`(select d::date as day, d::timestamp at time zone 'UTC' as s,
  (d + interval '1 day')::timestamp at time zone 'UTC' as e
  from generate_series(${from}::date, ${to}::date, interval '1 day') d)`

/**
 * Each pause of a role as [s, e): from its change to `paused` to its next status change (never, while
 * still paused), from the role's history. Only roles ever paused are read: pauses are rare, and a
 * role open between its opening and closing is open unless one of these covers the moment.
 */
const PAUSES = sql`(select role_id, s, e from (
    select h.role_id, h.after ->> 'status' as status, h.changed_at as s,
           coalesce(lead(h.changed_at) over (partition by h.role_id order by h.changed_at, h.id), 'infinity') as e
      from ats.role_history h
     where h.change = 'status_changed'
       and h.role_id in (select role_id from ats.role_history where change = 'status_changed' and after ->> 'status' = 'paused')
  ) changes where status = 'paused')`

/** SQL: the role `role` (an alias) is paused at the instant `at`. */
const pausedAt = (role: string, at: string) =>
  sql`exists (select 1 from pauses p where p.role_id = ${sql.ref(`${role}.id`)} and p.s < ${sql.ref(at)} and p.e >= ${sql.ref(at)})`

export interface MarketplaceDayFacts {
  day: string
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

/**
 * Activity, performance, quality and dispute figures of each UTC day of [from, to] (YYYY-MM-DD),
 * one row per day in order, in one statement (a 90-day history costs one round trip).
 */
export async function marketplaceDayFacts(
  anyTx: AnyTx,
  from: string,
  to: string,
): Promise<MarketplaceDayFacts[]> {
  const tx = view(anyTx)
  // events of a day are counted in one grouped scan each; figures over a window join the days
  const { rows } = await sql<MarketplaceDayFacts>`
    with b as ${days(from, to)},
    r as (select min(s) as s, max(e) as e from b),
    pauses as ${PAUSES},
    submitted as (
      select (a.submitted_at at time zone 'UTC')::date as day, count(*)::int as n
        from ats.applications a, r where a.submitted_at >= r.s and a.submitted_at < r.e group by 1),
    placed as (
      select (p.created_at at time zone 'UTC')::date as day, count(*)::int as n,
             round(percentile_cont(0.5) within group (
               order by extract(epoch from p.created_at - a.submitted_at) / 86400)::numeric, 2)::text as median_days
        from ats.placements p join ats.applications a on a.id = p.application_id, r
       where p.created_at >= r.s and p.created_at < r.e group by 1),
    moves as (
      select day, count(*) filter (where to_stage = 'hired')::int as hires,
             count(*) filter (where to_stage in ('hired', 'rejected', 'withdrawn'))::int as closed,
             round((percentile_cont(0.5) within group (order by response_hours) filter (where first_move))::numeric, 2)::text
               as first_response
        from (select (h.changed_at at time zone 'UTC')::date as day, h.to_stage,
                     extract(epoch from h.changed_at - a.submitted_at) / 3600 as response_hours,
                     h.from_stage = 'submitted' and not exists (
                       select 1 from ats.application_stage_history h2
                        where h2.application_id = h.application_id and h2.from_stage = 'submitted'
                          and h2.changed_at < h.changed_at) as first_move
                from ats.application_stage_history h join ats.applications a on a.id = h.application_id, r
               where h.changed_at >= r.s and h.changed_at < r.e) m
       group by day),
    disputes as (
      select (d.disputed_at at time zone 'UTC')::date as day, count(*)::int as n
        from ats.ownership_disputes d, r where d.disputed_at >= r.s and d.disputed_at < r.e group by 1),
    active as (
      select b.day, count(distinct a.recruiter_id)::int as n
        from b join ats.applications a on a.submitted_at >= b.e - interval '30 days' and a.submitted_at < b.e
       group by b.day),
    open as (
      select b.day, count(*)::int as n, count(distinct o.company_id)::int as companies,
             count(*) filter (where o.opened_at <= b.e - interval '7 days'
               and not exists (select 1 from ats.applications a where a.role_id = o.id and a.submitted_at < b.e))::int
               as without_submission
        from b join ats.roles o on o.opened_at < b.e and (o.closed_at is null or o.closed_at >= b.e)
       where not ${pausedAt('o', 'b.e')}
       group by b.day),
    guarantees as (
      select b.day, count(*)::int as ended,
             count(*) filter (where p.fell_off_on is null or p.fell_off_on > b.day)::int as completed
        from b join ats.placements p
          on p.guarantee_ends_on <= b.day and p.guarantee_ends_on > b.day - 90 and p.created_at < b.e
       group by b.day)
    select to_char(b.day, 'YYYY-MM-DD') as day,
           coalesce(active.n, 0) as active_recruiters, coalesce(open.companies, 0) as active_companies,
           coalesce(open.n, 0) as open_roles, coalesce(submitted.n, 0) as applications,
           coalesce(placed.n, 0) as placements, placed.median_days as median_days_to_hire,
           coalesce(moves.hires, 0) as hires, coalesce(moves.closed, 0) as closed_applications,
           coalesce(guarantees.ended, 0) as guarantees_ended, coalesce(guarantees.completed, 0) as guarantees_completed,
           moves.first_response as median_first_response_hours,
           coalesce(open.without_submission, 0) as roles_without_submission, coalesce(disputes.n, 0) as disputes_opened
      from b
      left join submitted on submitted.day = b.day
      left join placed on placed.day = b.day
      left join moves on moves.day = b.day
      left join disputes on disputes.day = b.day
      left join active on active.day = b.day
      left join open on open.day = b.day
      left join guarantees on guarantees.day = b.day
     order by b.day`.execute(tx)
  return rows
}

export interface LiquidityCell {
  day: string
  function: string
  location: string
  open_roles: number
  submissions: number
  roles_without_submission: number
  overcrowded_roles: number
  active_recruiters: number
}

/**
 * Liquidity of each UTC day of [from, to] per function × location (the role's country, '—' without
 * one): open roles, their submissions so far, those open 7+ days with none, those with 50+, and
 * recruiters who submitted to roles of the cell in the 30 days up to the day. Cells where no
 * recruiter is active are the regions without one.
 */
export async function liquidityDayFacts(anyTx: AnyTx, from: string, to: string): Promise<LiquidityCell[]> {
  const tx = view(anyTx)
  const { rows } = await sql<LiquidityCell>`
    with b as ${days(from, to)},
    pauses as ${PAUSES},
    open_roles as (
      select b.day, b.e, r.id, r.function, coalesce(r.country, '—') as location, r.opened_at
        from b join ats.roles r on r.opened_at < b.e and (r.closed_at is null or r.closed_at >= b.e)
       where not ${pausedAt('r', 'b.e')}),
    subs as (
      select o.day, o.id, count(*)::int as n
        from open_roles o join ats.applications a on a.role_id = o.id and a.submitted_at < o.e
       group by o.day, o.id),
    cells as (
      select o.day, o.function, o.location, count(*)::int as open_roles, coalesce(sum(s.n), 0)::int as submissions,
             count(*) filter (where coalesce(s.n, 0) = 0 and o.opened_at <= o.e - interval '7 days')::int
               as roles_without_submission,
             count(*) filter (where s.n >= 50)::int as overcrowded_roles
        from open_roles o left join subs s on s.day = o.day and s.id = o.id
       group by o.day, o.function, o.location),
    active as (
      select b.day, r.function, coalesce(r.country, '—') as location, count(distinct a.recruiter_id)::int as n
        from b join ats.applications a on a.submitted_at >= b.e - interval '30 days' and a.submitted_at < b.e
        join ats.roles r on r.id = a.role_id
       group by 1, 2, 3)
    select to_char(c.day, 'YYYY-MM-DD') as day, c.function, c.location, c.open_roles, c.submissions,
           c.roles_without_submission, c.overcrowded_roles, coalesce(x.n, 0)::int as active_recruiters
      from cells c left join active x on x.day = c.day and x.function = c.function and x.location = c.location
     order by c.day, c.function, c.location`.execute(tx)
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
