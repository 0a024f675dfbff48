import { z } from 'zod'
import type { AppContext } from '../../kernel/context.ts'
import { inTransaction, systemActor } from '../../kernel/db/transaction.ts'
import { defineJob } from '../../kernel/jobs/define-job.ts'
import { platformAdminUserIds } from '../identity/index.ts'
import { defineNoticeKinds, notify } from '../notifications/index.ts'
import { computeDay } from './compute.ts'
import type { HealthDatabase, HealthTx } from './database.ts'
import { enabled, HEALTH_FLAGS } from './flags.ts'
import { addDays, change, dayOf, zScore } from './math.ts'

export const HEALTH_NOTICES = defineNoticeKinds('health', {
  'health.alert_raised': {
    label: 'Marketplace health alerts (thresholds and anomalies)',
    audience: ['platform_admin'],
    urgent: false,
  },
  'health.weekly_digest': { label: 'Weekly marketplace health digest', audience: ['platform_admin'] },
})

/** Thresholds of the alert rules (issue 15 §4). */
export const ALERT_RULES = {
  /** placements of the last 7 days vs the 7 before: a drop of this fraction or more (needs 3+ before) */
  placementsDrop: 0.3,
  /** roles open 7+ days without a submission vs a week earlier: a rise of this fraction (and 3+ more) */
  noSubmissionRise: 0.25,
  /** hire rate of the last 7 days vs the 7 before: a relative drop of this fraction */
  hireRateDrop: 0.25,
  /** |z| against the trailing 28 days for an anomaly */
  z: 3,
  anomalyMetrics: ['applications', 'placements', 'open_roles', 'active_recruiters'] as const,
}

type DailyRow = {
  day: string
  applications: number
  placements: number
  open_roles: number
  active_recruiters: number
  roles_without_submission: number
  closed_applications: number
  hire_rate_bps: number | null
}

export interface RaisedAlert {
  rule: 'threshold' | 'anomaly'
  metric: string
  severity: 'warning' | 'critical'
  value: number
  baseline: number | null
  z: number | null
  message: string
}

/** The alerts a day's figures raise against the days before it (pure; `rows` ordered by day, ending with `day`). */
export function alertsFor(day: string, rows: readonly DailyRow[]): RaisedAlert[] {
  const byDay = new Map(rows.map((r) => [r.day, r]))
  const today = byDay.get(day)
  if (!today) return []
  const sum = (from: number, to: number, pick: (r: DailyRow) => number) => {
    let s = 0
    for (let i = from; i <= to; i++) {
      const r = byDay.get(addDays(day, -i))
      if (r) s += pick(r)
    }
    return s
  }
  const out: RaisedAlert[] = []
  const placed = sum(0, 6, (r) => r.placements)
  const placedBefore = sum(7, 13, (r) => r.placements)
  const drop = change(placed, placedBefore)
  if (placedBefore >= 3 && drop !== null && drop <= -ALERT_RULES.placementsDrop)
    out.push({
      rule: 'threshold',
      metric: 'placements_7d',
      severity: drop <= -0.6 ? 'critical' : 'warning',
      value: placed,
      baseline: placedBefore,
      z: null,
      message: `Placements in the last 7 days fell to ${placed} from ${placedBefore} (${Math.round(drop * 100)}%)`,
    })
  const weekAgo = byDay.get(addDays(day, -7))
  if (weekAgo) {
    const rise = change(today.roles_without_submission, weekAgo.roles_without_submission)
    if (
      today.roles_without_submission - weekAgo.roles_without_submission >= 3 &&
      (rise === null || rise >= ALERT_RULES.noSubmissionRise)
    )
      out.push({
        rule: 'threshold',
        metric: 'roles_without_submission',
        severity: 'warning',
        value: today.roles_without_submission,
        baseline: weekAgo.roles_without_submission,
        z: null,
        message: `Roles open a week or more without a submission rose to ${today.roles_without_submission} from ${weekAgo.roles_without_submission}`,
      })
  }
  const hires = (from: number, to: number) =>
    sum(from, to, (r) => ((r.hire_rate_bps ?? 0) * r.closed_applications) / 10_000)
  const closed = (from: number, to: number) => sum(from, to, (r) => r.closed_applications)
  if (closed(0, 6) >= 5 && closed(7, 13) >= 5) {
    const now = hires(0, 6) / closed(0, 6)
    const before = hires(7, 13) / closed(7, 13)
    const d = change(now, before)
    if (before > 0 && d !== null && d <= -ALERT_RULES.hireRateDrop)
      out.push({
        rule: 'threshold',
        metric: 'hire_rate_7d',
        severity: 'warning',
        value: Math.round(now * 10_000) / 100,
        baseline: Math.round(before * 10_000) / 100,
        z: null,
        message: `The fill rate of the last 7 days fell to ${(now * 100).toFixed(1)}% from ${(before * 100).toFixed(1)}%`,
      })
  }
  for (const metric of ALERT_RULES.anomalyMetrics) {
    const window: number[] = []
    for (let i = 1; i <= 28; i++) {
      const r = byDay.get(addDays(day, -i))
      if (r) window.push(r[metric])
    }
    const z = zScore(today[metric], window)
    if (z !== null && Math.abs(z) >= ALERT_RULES.z)
      out.push({
        rule: 'anomaly',
        metric,
        severity: Math.abs(z) >= 5 ? 'critical' : 'warning',
        value: today[metric],
        baseline: Math.round((window.reduce((a, b) => a + b, 0) / window.length) * 100) / 100,
        z: Math.round(z * 100) / 100,
        message: `${metric.replaceAll('_', ' ')} was ${today[metric]}, ${z > 0 ? 'above' : 'below'} its 28-day norm (z = ${z.toFixed(1)})`,
      })
  }
  return out
}

async function dailyRows(tx: HealthTx, from: string, to: string): Promise<DailyRow[]> {
  return tx
    .selectFrom('health.marketplace_metrics_daily')
    .select([
      'day',
      'applications',
      'placements',
      'open_roles',
      'active_recruiters',
      'roles_without_submission',
      'closed_applications',
      'hire_rate_bps',
    ])
    .where('day', '>=', from)
    .where('day', '<=', to)
    .orderBy('day')
    .execute()
}

/**
 * Raises the day's alerts (once per day × rule × metric: re-evaluating raises nothing new) and tells
 * the platform admins of the new ones, in-app and by email, in the same transaction.
 */
export async function evaluateAlerts(ctx: AppContext, tx: HealthTx, day: string): Promise<RaisedAlert[]> {
  const raised = alertsFor(day, await dailyRows(tx, addDays(day, -28), day))
  if (raised.length === 0) return []
  const rows = await tx
    .insertInto('health.alerts')
    .values(
      raised.map((a) => ({
        day,
        rule: a.rule,
        metric: a.metric,
        severity: a.severity,
        value: String(a.value),
        baseline: a.baseline === null ? null : String(a.baseline),
        z_score: a.z === null ? null : String(a.z),
        message: a.message,
        created_at: ctx.clock.now(),
      })),
    )
    .onConflict((oc) => oc.columns(['day', 'rule', 'metric']).doNothing())
    .returning(['id', 'metric', 'message', 'severity'])
    .execute()
  const admins = await platformAdminUserIds(tx)
  await notify(
    ctx,
    tx,
    rows.flatMap((a) =>
      admins.map((userId) => ({
        kind: 'health.alert_raised',
        userId,
        title: `Marketplace health: ${a.severity === 'critical' ? 'critical ' : ''}alert on ${day}`,
        body: a.message,
        link: '/admin/health',
        sourceId: a.id,
      })),
    ),
  )
  return raised.filter((r) => rows.some((x) => x.metric === r.metric))
}

/** Yesterday's metrics, then its alerts. Scheduled daily; safe to run again. */
export async function runDaily(ctx: AppContext, day = addDays(dayOf(ctx.clock.now()), -1)) {
  await computeDay(ctx, day)
  if (!(await enabled(ctx, HEALTH_FLAGS.alerts, 'system'))) return { day, alerts: 0 }
  const alerts = await inTransaction<RaisedAlert[], HealthDatabase>(
    ctx.db,
    systemActor('health.daily'),
    (tx) => evaluateAlerts(ctx, tx, day),
  )
  return { day, alerts: alerts.length }
}

export const dailyMetricsJob = defineJob({
  name: 'health.compute_daily',
  description: 'Compute yesterday’s marketplace metrics and liquidity (UTC), then raise its alerts',
  payload: z.object({ day: z.iso.date().optional() }),
  retry: { limit: 3, delaySeconds: 300, backoff: true },
  timeoutSeconds: 900,
  concurrency: 1,
  schedule: { cron: '20 0 * * *', payload: {} },
  handler: async (payload, ctx: AppContext) => runDaily(ctx, payload.day),
})

/** The last 7 days vs the 7 before, as lines of an e-mail. */
export async function weeklyDigest(ctx: AppContext, tx: HealthTx, now: Date) {
  const to = addDays(dayOf(now), -1)
  const rows = await dailyRows(tx, addDays(to, -13), to)
  const from = addDays(to, -6)
  const cur = rows.filter((r) => r.day >= from)
  const prev = rows.filter((r) => r.day < from)
  const total = (rs: DailyRow[], k: 'applications' | 'placements') => rs.reduce((s, r) => s + r[k], 0)
  const last = (rs: DailyRow[], k: 'open_roles' | 'roles_without_submission' | 'active_recruiters') =>
    rs.at(-1)?.[k] ?? 0
  const line = (label: string, a: number, b: number) => {
    const c = change(a, b)
    return `${label}: ${a} (${c === null ? 'new' : `${c >= 0 ? '+' : ''}${Math.round(c * 100)}%`} vs ${b})`
  }
  const alerts = await tx
    .selectFrom('health.alerts')
    .select(['day', 'message'])
    .where('day', '>=', from)
    .where('day', '<=', to)
    .orderBy('day')
    .execute()
  const body = [
    `Marketplace health, ${from} to ${to}`,
    line('Applications', total(cur, 'applications'), total(prev, 'applications')),
    line('Placements', total(cur, 'placements'), total(prev, 'placements')),
    line('Open roles', last(cur, 'open_roles'), last(prev, 'open_roles')),
    line('Active recruiters', last(cur, 'active_recruiters'), last(prev, 'active_recruiters')),
    line(
      'Roles without a submission (7+ days)',
      last(cur, 'roles_without_submission'),
      last(prev, 'roles_without_submission'),
    ),
    `Alerts: ${alerts.length}`,
    ...alerts.map((a) => `- ${a.day}: ${a.message}`),
  ].join('\n')
  const admins = await platformAdminUserIds(tx)
  await notify(
    ctx,
    tx,
    admins.map((userId) => ({
      kind: 'health.weekly_digest',
      userId,
      title: `Marketplace health: week to ${to}`,
      body,
      link: '/admin/health',
      sourceId: `health-digest:${to}`,
    })),
  )
  return { to, admins: admins.length, body }
}

export const weeklyDigestJob = defineJob({
  name: 'health.weekly_digest',
  description: 'E-mail the platform admins the week’s marketplace health against the week before',
  payload: z.object({}),
  retry: { limit: 3, delaySeconds: 300, backoff: true },
  timeoutSeconds: 300,
  concurrency: 1,
  schedule: { cron: '0 7 * * 1', payload: {} },
  handler: async (_p, ctx: AppContext) => {
    if (!(await enabled(ctx, HEALTH_FLAGS.alerts, 'system'))) return { skipped: true }
    return inTransaction<Awaited<ReturnType<typeof weeklyDigest>>, HealthDatabase>(
      ctx.db,
      systemActor('health.weekly_digest'),
      (tx) => weeklyDigest(ctx, tx, ctx.clock.now()),
    )
  },
})
