import type { AppContext } from '../../kernel/context.ts'
import type { AnyTx } from '../../kernel/db/database.ts'
import { companySpendFacts, platformTakingsFacts, recruiterEarningsFacts } from '../billing/index.ts'
import {
  ACTIVE_STAGES,
  companyHomeFacts,
  marketplaceHomeFacts,
  recruiterHomeFacts,
  rolesMatchingRecruiter,
} from '../recruiting/index.ts'
import type { InsightsCaller } from './caller.ts'
import { daysBetween, median, roundDays, takeRateBps } from './home-math.ts'
import type { HomeWindow } from './period.ts'

/** A candidate is "gone quiet" after this many days without a stage move. */
export const STALE_AFTER_DAYS = 14
const MATCHING_ROLES = 5
const STALE_SHOWN = 5

const fill = (buckets: readonly string[], rows: readonly { bucket: string; count: number }[]) =>
  buckets.map((bucket) => ({ bucket, count: rows.find((r) => r.bucket === bucket)?.count ?? 0 }))

/**
 * The signed-in person's home for a period: a section for each part they play (a recruiter, a
 * company's hiring team, a platform admin), each with the numbers they act on and the period
 * before for comparison. Each section reads only what that persona may see.
 */
export async function personaHome(ctx: AppContext, tx: AnyTx, caller: InsightsCaller, w: HomeWindow) {
  const now = ctx.clock.now()
  return {
    period: {
      key: w.key,
      from: w.from,
      to: w.to,
      previous_from: w.prevFrom,
      previous_to: w.prevTo,
      bucket: w.bucket,
      buckets: w.buckets,
    },
    recruiter: caller.recruiterId ? await recruiterHome(tx, caller.recruiterId, w, now) : null,
    company: caller.teamCompanyIds.length ? await companyHome(tx, caller.teamCompanyIds, w, now) : null,
    admin: caller.isPlatformAdmin ? await adminHome(ctx, tx, w) : null,
  }
}

async function recruiterHome(tx: AnyTx, recruiterId: string, w: HomeWindow, now: Date) {
  const facts = await recruiterHomeFacts(tx, recruiterId, w, {
    before: new Date(now.getTime() - STALE_AFTER_DAYS * 86_400_000),
    limit: STALE_SHOWN,
  })
  const money = await recruiterEarningsFacts(tx, recruiterId, facts.placementIds, w)
  const matching = await rolesMatchingRecruiter(tx, recruiterId, MATCHING_ROLES)
  return {
    pipeline: ACTIVE_STAGES.map((stage) => ({
      stage,
      count: facts.pipeline.find((p) => p.stage === stage)?.count ?? 0,
    })),
    placements: { ...facts.placements, series: fill(w.buckets, facts.placementSeries) },
    earnings: money.balances.map((b) => ({
      currency: b.currency,
      pending: { amount: b.pending, currency: b.currency },
      held: { amount: b.held, currency: b.currency },
      available: { amount: b.available, currency: b.currency },
      paid: { amount: b.paid, currency: b.currency },
    })),
    paid_in_period: money.paidInPeriod.map((p) => ({
      currency: p.currency,
      current: { amount: p.current, currency: p.currency },
      previous: { amount: p.previous, currency: p.currency },
    })),
    paid_series: money.paidSeries.map((p) => ({
      bucket: p.bucket,
      amount: { amount: p.amount, currency: p.currency },
    })),
    matching_roles: {
      specialised: matching.specialised,
      roles: matching.roles.map((r) => ({
        id: r.id,
        title: r.title,
        company_name: r.company_name,
        function: r.function,
        location: r.location,
        fee_rate_bps: r.fee_rate_bps,
        // the fee at the top of the salary band: what the placement is worth at most
        fee_up_to: {
          amount: (BigInt(r.salary_max) * BigInt(r.fee_rate_bps)) / 10_000n,
          currency: r.salary_currency,
        },
        opened_at: r.opened_at,
      })),
    },
    stale: {
      after_days: STALE_AFTER_DAYS,
      count: facts.stale.count,
      items: facts.stale.items.map((s) => ({
        application_id: s.id,
        candidate_name: s.candidate_name,
        role_id: s.role_id,
        role_title: s.role_title,
        company_name: s.company_name,
        stage: s.stage,
        last_activity_at: s.stage_changed_at,
        days_quiet: daysBetween(s.stage_changed_at, now),
      })),
    },
  }
}

async function companyHome(tx: AnyTx, companyIds: readonly string[], w: HomeWindow, now: Date) {
  const facts = await companyHomeFacts(tx, companyIds, w)
  const spend = await companySpendFacts(tx, companyIds, w)
  const roleCount = (status: string) => facts.roles.find((r) => r.status === status)?.count ?? 0
  const byRole = new Map<string, { role_id: string; role_title: string; days: number[] }>()
  for (const f of facts.fills) {
    const entry = byRole.get(f.role_id) ?? { role_id: f.role_id, role_title: f.role_title, days: [] }
    entry.days.push(f.days)
    byRole.set(f.role_id, entry)
  }
  const pipeline = new Map<string, { role_id: string; role_title: string; counts: Map<string, number> }>()
  for (const r of facts.pipelineByRole) {
    const entry = pipeline.get(r.role_id) ?? {
      role_id: r.role_id,
      role_title: r.role_title,
      counts: new Map(),
    }
    entry.counts.set(r.stage, r.count)
    pipeline.set(r.role_id, entry)
  }
  return {
    roles: {
      open: roleCount('open'),
      draft: roleCount('draft'),
      paused: roleCount('paused'),
      filled: roleCount('filled'),
    },
    awaiting_review: {
      count: facts.awaiting.count,
      items: facts.awaiting.items.map((a) => ({
        application_id: a.id,
        candidate_name: a.candidate_name,
        role_id: a.role_id,
        role_title: a.role_title,
        recruiter_name: a.recruiter_name,
        submitted_at: a.submitted_at,
        days_waiting: daysBetween(a.submitted_at, now),
      })),
    },
    submissions: facts.submissions,
    hires: facts.hires,
    time_to_fill: {
      median_days: roundDays(median(facts.fills.map((f) => f.days))),
      hires: facts.fills.length,
      by_role: [...byRole.values()]
        .map((r) => ({
          role_id: r.role_id,
          role_title: r.role_title,
          hires: r.days.length,
          median_days: roundDays(median(r.days))!,
        }))
        .sort((a, b) => b.median_days - a.median_days)
        .slice(0, 10),
    },
    spend: {
      totals: spend.totals.map((t) => ({
        currency: t.currency,
        current: { amount: t.current, currency: t.currency },
        previous: { amount: t.previous, currency: t.currency },
        invoices: t.invoices,
      })),
      owed: spend.owed.map((o) => ({
        amount: { amount: o.amount, currency: o.currency },
        invoices: o.invoices,
      })),
      series: spend.series.map((s) => ({
        bucket: s.bucket,
        amount: { amount: s.amount, currency: s.currency },
      })),
    },
    pipeline_by_role: [...pipeline.values()].map((p) => ({
      role_id: p.role_id,
      role_title: p.role_title,
      submitted: p.counts.get('submitted') ?? 0,
      screening: p.counts.get('screening') ?? 0,
      interview: p.counts.get('interview') ?? 0,
      offer: p.counts.get('offer') ?? 0,
    })),
  }
}

async function adminHome(ctx: AppContext, tx: AnyTx, w: HomeWindow) {
  const market = await marketplaceHomeFacts(tx, w)
  const takings = await platformTakingsFacts(tx, w)
  const failed = await failedJobs(ctx, w)
  return {
    money: takings.totals.map((t) => ({
      currency: t.currency,
      gmv: { amount: t.gmv, currency: t.currency },
      previous_gmv: { amount: t.previousGmv, currency: t.currency },
      fees: { amount: t.fees, currency: t.currency },
      previous_fees: { amount: t.previousFees, currency: t.currency },
      take_rate_bps: takeRateBps(t.fees, t.gmv),
      previous_take_rate_bps: takeRateBps(t.previousFees, t.previousGmv),
    })),
    money_series: takings.series.map((s) => ({
      bucket: s.bucket,
      gmv: { amount: s.gmv, currency: s.currency },
      fees: { amount: s.fees, currency: s.currency },
    })),
    active_recruiters: { current: market.recruiters_current, previous: market.recruiters_previous },
    active_companies: { current: market.companies_current, previous: market.companies_previous },
    placements: {
      current: market.placements_current,
      previous: market.placements_previous,
      series: fill(w.buckets, market.placementSeries),
    },
    disputes: {
      open: market.disputes_open,
      opened: { current: market.disputes_opened_current, previous: market.disputes_opened_previous },
    },
    failed_jobs: failed,
  }
}

/**
 * Jobs that exhausted their retries (the outbox's consumers are jobs too), waiting in dead-letter
 * queues: how many now, by queue, and how many died in each period. The per-job dates are read
 * only when something is dead (one query per queue otherwise).
 */
async function failedJobs(ctx: AppContext, w: HomeWindow) {
  const queues = (await ctx.jobs.queueSummaries()).filter((q) => q.name.endsWith('.dead') && q.queued > 0)
  const waiting = queues.reduce((s, q) => s + q.queued, 0)
  let current = 0
  let previous = 0
  if (waiting > 0) {
    for (const q of queues) {
      for (const j of await ctx.jobs.deadJobs(q.name.slice(0, -'.dead'.length), 500)) {
        if (j.createdOn >= w.from && j.createdOn < w.to) current++
        else if (j.createdOn >= w.prevFrom && j.createdOn < w.prevTo) previous++
      }
    }
  }
  return {
    waiting,
    by_queue: queues
      .map((q) => ({ queue: q.name.slice(0, -'.dead'.length), count: q.queued }))
      .sort((a, b) => b.count - a.count),
    died: { current, previous },
  }
}
