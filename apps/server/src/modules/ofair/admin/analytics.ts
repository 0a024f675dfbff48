import { sql } from 'kysely'
import type { OfairTx } from '../database.ts'

/**
 * Leads, proposals and conversion for admins, computed in SQL in one pass over the period's leads
 * (a range of `leads_admin_idx` or a scan, as the planner prefers) hash-joined to their proposals
 * counted per lead; nothing is materialised. A lead counts in the week or month (Asia/Jerusalem) it was created; its
 * proposals and its outcome count with it (a cohort), whenever they happened.
 */
export interface AnalyticsQuery {
  from: string
  to: string
  granularity: 'week' | 'month'
  group_by: 'category' | 'city' | 'none'
}

export interface Counts {
  leads: number
  proposals: number
  accepted: number
  completed: number
}

const rate = (n: number, d: number) => (d === 0 ? null : Math.round((n / d) * 10000) / 10000)

const withRates = <T extends Counts>(c: T) => ({
  ...c,
  conversion_rate: rate(c.accepted, c.leads),
  acceptance_rate: rate(c.accepted, c.proposals),
  completion_rate: rate(c.completed, c.leads),
})

function add(into: Counts, c: Counts) {
  into.leads += c.leads
  into.proposals += c.proposals
  into.accepted += c.accepted
  into.completed += c.completed
}

export async function analyticsRows(tx: OfairTx, q: AnalyticsQuery) {
  const key =
    q.group_by === 'category'
      ? sql`l.category_id`
      : q.group_by === 'city'
        ? sql`l.locality_id::text`
        : sql`'all'`
  const name =
    q.group_by === 'category' ? sql`c.name_he` : q.group_by === 'city' ? sql`loc.name_he` : sql`'הכל'`
  const joins =
    q.group_by === 'category'
      ? sql`join ofair.categories c on c.id = l.category_id`
      : q.group_by === 'city'
        ? sql`join ofair.localities loc on loc.id = l.locality_id`
        : sql``
  const unit = q.granularity === 'week' ? sql.lit('week') : sql.lit('month')
  const { rows } = await sql<{
    period: string
    key: string
    name: string
    leads: number
    proposals: number
    accepted: number
    completed: number
  }>`
    with proposal_counts as (
      select p.lead_id, count(*) as n
        from ofair.proposals p
        join ofair.leads pl on pl.id = p.lead_id
       where pl.created_at >= (${q.from}::date)::timestamp at time zone 'Asia/Jerusalem'
         and pl.created_at < (${q.to}::date + 1)::timestamp at time zone 'Asia/Jerusalem'
       group by p.lead_id
    )
    select to_char(date_trunc(${unit}, l.created_at at time zone 'Asia/Jerusalem'), 'YYYY-MM-DD') as period,
           ${key} as key, ${name} as name,
           count(*)::int as leads,
           coalesce(sum(pc.n), 0)::int as proposals,
           count(l.accepted_proposal_id)::int as accepted,
           (count(*) filter (where l.close_reason = 'completed'))::int as completed
      from ofair.leads l
      left join proposal_counts pc on pc.lead_id = l.id
      ${joins}
     where l.created_at >= (${q.from}::date)::timestamp at time zone 'Asia/Jerusalem'
       and l.created_at < (${q.to}::date + 1)::timestamp at time zone 'Asia/Jerusalem'
     group by 1, 2, 3
     order by 1, 2`.execute(tx)
  return rows
}

/** The rows, plus the totals per period (the charts) and per group (the table), with rates. */
export async function analytics(tx: OfairTx, q: AnalyticsQuery) {
  const rows = await analyticsRows(tx, q)
  const periods = new Map<string, Counts>()
  const groups = new Map<string, Counts & { key: string; name: string }>()
  for (const r of rows) {
    const p = periods.get(r.period) ?? { leads: 0, proposals: 0, accepted: 0, completed: 0 }
    add(p, r)
    periods.set(r.period, p)
    const g = groups.get(r.key) ?? {
      key: r.key,
      name: r.name,
      leads: 0,
      proposals: 0,
      accepted: 0,
      completed: 0,
    }
    add(g, r)
    groups.set(r.key, g)
  }
  const total = { leads: 0, proposals: 0, accepted: 0, completed: 0 }
  for (const p of periods.values()) add(total, p)
  return {
    ...q,
    total: withRates(total),
    periods: [...periods.entries()].map(([period, c]) => withRates({ period, ...c })),
    groups: [...groups.values()]
      .sort((a, b) => b.leads - a.leads || a.key.localeCompare(b.key))
      .map(withRates),
    rows: rows.map(withRates),
  }
}

export const ANALYTICS_CSV_HEADER = [
  'period',
  'key',
  'name',
  'leads',
  'proposals',
  'accepted',
  'completed',
  'conversion_rate',
  'acceptance_rate',
] as const
