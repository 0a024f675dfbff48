import type { AnyTx } from '../../kernel/db/database.ts'
import { dealRiskFacts, STAGE_NORM_DAYS } from '../recruiting/index.ts'
import type { HealthTx } from './database.ts'
import { addDays, change, dayCount, riskScore } from './math.ts'

const COLUMNS = [
  'day',
  'active_recruiters',
  'active_companies',
  'open_roles',
  'applications',
  'placements',
  'median_days_to_hire',
  'hire_rate_bps',
  'completion_rate_bps',
  'median_first_response_hours',
  'closed_applications',
  'roles_without_submission',
  'fraud_signals_opened',
  'disputes_opened',
] as const

async function money(tx: HealthTx, from: string, to: string) {
  return tx
    .selectFrom('health.marketplace_money_daily')
    .select(['day', 'currency', 'fees', 'payouts'])
    .where('day', '>=', from)
    .where('day', '<=', to)
    .orderBy('day')
    .orderBy('currency')
    .execute()
}

type Row = Awaited<ReturnType<typeof rows>>[number]
const rows = (tx: HealthTx, from: string, to: string) =>
  tx
    .selectFrom('health.marketplace_metrics_daily')
    .select(COLUMNS)
    .where('day', '>=', from)
    .where('day', '<=', to)
    .orderBy('day')
    .execute()

/** Totals of a period: flows summed, levels at the period's last day, rates over the period. */
function summary(rs: Row[], m: Awaited<ReturnType<typeof money>>) {
  const sum = (
    k: 'applications' | 'placements' | 'disputes_opened' | 'fraud_signals_opened' | 'closed_applications',
  ) => rs.reduce((s, r) => s + r[k], 0)
  const last = rs.at(-1)
  const hires = rs.reduce((s, r) => s + ((r.hire_rate_bps ?? 0) * r.closed_applications) / 10_000, 0)
  const closed = sum('closed_applications')
  const fees: Record<string, string> = {}
  const payouts: Record<string, string> = {}
  for (const x of m) {
    fees[x.currency] = String(BigInt(fees[x.currency] ?? 0) + x.fees)
    payouts[x.currency] = String(BigInt(payouts[x.currency] ?? 0) + x.payouts)
  }
  return {
    days: rs.length,
    applications: sum('applications'),
    placements: sum('placements'),
    disputes_opened: sum('disputes_opened'),
    fraud_signals_opened: sum('fraud_signals_opened'),
    active_recruiters: last?.active_recruiters ?? 0,
    active_companies: last?.active_companies ?? 0,
    open_roles: last?.open_roles ?? 0,
    roles_without_submission: last?.roles_without_submission ?? 0,
    hire_rate_bps: closed ? Math.round((hires * 10_000) / closed) : null,
    fees,
    payouts,
  }
}

/** The days of [from, to], their totals and those of the period of equal length just before, with changes. */
export async function dailyReport(tx: HealthTx, from: string, to: string) {
  const n = dayCount(from, to)
  const prevTo = addDays(from, -1)
  const prevFrom = addDays(from, -n)
  const [cur, prev, curMoney, prevMoney] = [
    await rows(tx, from, to),
    await rows(tx, prevFrom, prevTo),
    await money(tx, from, to),
    await money(tx, prevFrom, prevTo),
  ]
  const current = summary(cur, curMoney)
  const previous = summary(prev, prevMoney)
  const keys = [
    'applications',
    'placements',
    'active_recruiters',
    'active_companies',
    'open_roles',
    'roles_without_submission',
    'disputes_opened',
  ] as const
  const changes = Object.fromEntries(keys.map((k) => [k, change(current[k], previous[k])]))
  return {
    from,
    to,
    previous_from: prevFrom,
    previous_to: prevTo,
    rows: cur.map((r) => ({
      ...r,
      median_days_to_hire: num(r.median_days_to_hire),
      median_first_response_hours: num(r.median_first_response_hours),
    })),
    money: curMoney.map((m) => ({
      day: m.day,
      currency: m.currency,
      fees: String(m.fees),
      payouts: String(m.payouts),
    })),
    current,
    previous,
    changes,
  }
}
const num = (v: string | null) => (v === null ? null : Number(v))

/** Liquidity cells of a day (the latest computed day when none is given), optionally one function / location. */
export async function liquidity(
  tx: HealthTx,
  q: { date?: string | undefined; function?: string | undefined; location?: string | undefined },
) {
  const day =
    q.date ??
    (
      await tx
        .selectFrom('health.marketplace_liquidity_daily')
        .select((eb) => eb.fn.max('day').as('day'))
        .executeTakeFirst()
    )?.day ??
    null
  if (!day) return { date: null, cells: [] }
  let query = tx.selectFrom('health.marketplace_liquidity_daily').selectAll().where('day', '=', day)
  if (q.function) query = query.where('function', '=', q.function)
  if (q.location) query = query.where('location', '=', q.location)
  const cells = await query.orderBy('function').orderBy('location').execute()
  return {
    date: day,
    cells: cells.map((c) => ({
      function: c.function,
      location: c.location,
      open_roles: c.open_roles,
      submissions: c.submissions,
      submissions_per_role: Number(c.submissions_per_role),
      roles_without_submission: c.roles_without_submission,
      overcrowded_roles: c.overcrowded_roles,
      active_recruiters: c.active_recruiters,
      no_recruiter: c.active_recruiters === 0,
    })),
  }
}

/** Deals with their risk, riskiest first: all of them for admins, a recruiter's or a team's own otherwise. */
export async function dealRisk(
  tx: AnyTx,
  now: Date,
  scope: { recruiterId?: string | null; companyIds?: readonly string[] | null },
  q: { min_score: number; limit: number },
) {
  const facts = await dealRiskFacts(tx, now, { ...scope, limit: 2000 })
  const scored = facts.map((f) => {
    const { score, factors } = riskScore({
      ...f,
      stage_norm_days: f.kind === 'placement' ? 30 : (STAGE_NORM_DAYS[f.stage] ?? 7),
    })
    return {
      kind: f.kind,
      id: f.id,
      application_id: f.application_id,
      role: { id: f.role_id, title: f.role_title },
      company: { id: f.company_id, name: f.company_name },
      candidate_name: f.candidate_name,
      stage: f.stage,
      days_in_stage: f.days_in_stage,
      guarantee_days_left: f.guarantee_days_left,
      score,
      factors,
    }
  })
  return {
    data: scored
      .filter((d) => d.score >= q.min_score)
      .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id))
      .slice(0, q.limit),
  }
}

export async function listAlerts(tx: HealthTx, limit: number) {
  const data = await tx
    .selectFrom('health.alerts')
    .select([
      'id',
      'day',
      'rule',
      'metric',
      'severity',
      'value',
      'baseline',
      'z_score',
      'message',
      'created_at',
    ])
    .orderBy('day', 'desc')
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute()
  return {
    data: data.map((a) => ({
      ...a,
      value: Number(a.value),
      baseline: a.baseline === null ? null : Number(a.baseline),
      z_score: a.z_score === null ? null : Number(a.z_score),
    })),
  }
}
