import type { AppContext } from '../../kernel/context.ts'
import { AppError } from '../../kernel/errors.ts'
import { ZIdParams } from '../../kernel/http/schemas.ts'
import { checkRange, getBackfill, requestBackfill } from './backfill.ts'
import type { HealthCaller } from './caller.ts'
import { healthRoute as route, who } from './caller.ts'
import { enabled, HEALTH_FLAGS } from './flags.ts'
import { dailyReport, dealRisk, liquidity, listAlerts } from './read.ts'
import {
  ZAlertList,
  ZAlertsQuery,
  ZBackfillBody,
  ZBackfillRun,
  ZDailyQuery,
  ZDailyReport,
  ZDealRiskList,
  ZDealRiskQuery,
  ZLiquidity,
  ZLiquidityQuery,
} from './schemas.ts'

const tags = ['metrics']

async function dashboardOn(ctx: AppContext, caller: HealthCaller) {
  if (!(await enabled(ctx, HEALTH_FLAGS.dashboard, caller.userId)))
    throw new AppError('metrics_disabled', 'The marketplace health dashboard is not enabled')
}

const iso = <T extends { created_at: Date; finished_at: Date | null }>(r: T) => ({
  ...r,
  created_at: r.created_at.toISOString(),
  finished_at: r.finished_at ? r.finished_at.toISOString() : null,
})

/** Marketplace health: daily metrics with comparison, liquidity, back-fills, deal risk, alerts. */
export const healthRoutes = [
  route.define({
    method: 'GET',
    url: '/api/admin/metrics/daily',
    operationId: 'getDailyMetrics',
    summary: 'Daily marketplace metrics of a period, with the period before it for comparison',
    description:
      'Days are UTC. The previous period is the one of equal length ending the day before `from`. A day that is not over yet answers 422 metrics_future_date; from after to 422 metrics_bad_range.',
    tags,
    access: who.admin,
    query: ZDailyQuery,
    errors: [422],
    response: ZDailyReport,
    handler: async ({ tx, caller, query, ctx }) => {
      await dashboardOn(ctx, caller)
      checkRange(ctx.clock.now(), query.from, query.to)
      return dailyReport(tx, query.from, query.to)
    },
  }),

  route.define({
    method: 'GET',
    url: '/api/admin/metrics/liquidity',
    operationId: 'getLiquidity',
    summary: 'Liquidity of a day by function and location',
    description:
      'Open roles, submissions per role, roles with no submission after 7 days, overcrowded roles (50+), active recruiters; cells with no active recruiter are regions without one.',
    tags,
    access: who.admin,
    query: ZLiquidityQuery,
    errors: [422],
    response: ZLiquidity,
    handler: async ({ tx, caller, query, ctx }) => {
      await dashboardOn(ctx, caller)
      if (query.date) checkRange(ctx.clock.now(), query.date, query.date)
      return liquidity(tx, query)
    },
  }),

  route.define({
    method: 'POST',
    url: '/api/admin/metrics/backfill',
    operationId: 'requestMetricsBackfill',
    summary: 'Recompute the metrics of a range of days in the background',
    description:
      'Answers 202 with the run; follow it with GET /api/admin/metrics/backfill/{id}. While a run of the same range is queued or running, the same run is returned. A day not over yet answers 422 metrics_future_date; from after to (or more than 731 days) 422 metrics_bad_range.',
    tags,
    access: who.admin,
    body: ZBackfillBody,
    status: 202,
    errors: [422],
    response: ZBackfillRun,
    handler: async ({ tx, caller, body, ctx }) => {
      await dashboardOn(ctx, caller)
      const { run } = await requestBackfill(ctx, tx, {
        from: body.from,
        to: body.to,
        requestedBy: caller.userId,
      })
      return iso(run) as never
    },
  }),

  route.define({
    method: 'GET',
    url: '/api/admin/metrics/backfill/:id',
    operationId: 'getMetricsBackfill',
    summary: 'A back-fill’s progress',
    tags,
    access: who.admin,
    params: ZIdParams,
    response: ZBackfillRun,
    handler: async ({ tx, params }) => iso(await getBackfill(tx, params.id)) as never,
  }),

  route.define({
    method: 'GET',
    url: '/api/admin/metrics/deal-risk',
    operationId: 'listDealRisk',
    summary: 'Placements in guarantee and stalled applications, riskiest first, each reason explained',
    description:
      'Score 0–100: days in stage vs the stage norm, no company response, interviews without feedback, the guarantee ending soon with other signals, the recruiter’s fall-off history.',
    tags,
    access: who.admin,
    query: ZDealRiskQuery,
    response: ZDealRiskList,
    handler: async ({ tx, caller, query, ctx }) => {
      await dashboardOn(ctx, caller)
      return dealRisk(tx, ctx.clock.now(), {}, query)
    },
  }),

  route.define({
    method: 'GET',
    url: '/api/me/deal-risk',
    operationId: 'listMyDealRisk',
    summary: 'The risk of my own deals (a recruiter’s, or my hiring team’s)',
    tags,
    access: who.deals,
    query: ZDealRiskQuery,
    response: ZDealRiskList,
    handler: async ({ tx, caller, query, ctx }) => {
      await dashboardOn(ctx, caller)
      if (caller.isPlatformAdmin) return dealRisk(tx, ctx.clock.now(), {}, query)
      if (caller.recruiterId) return dealRisk(tx, ctx.clock.now(), { recruiterId: caller.recruiterId }, query)
      if (caller.teamCompanyIds.length)
        return dealRisk(tx, ctx.clock.now(), { companyIds: caller.teamCompanyIds }, query)
      return { data: [] }
    },
  }),

  route.define({
    method: 'GET',
    url: '/api/admin/metrics/alerts',
    operationId: 'listMetricsAlerts',
    summary: 'Alerts raised by thresholds and anomalies, newest first',
    tags,
    access: who.admin,
    query: ZAlertsQuery,
    response: ZAlertList,
    handler: async ({ tx, caller, query, ctx }) => {
      await dashboardOn(ctx, caller)
      const list = await listAlerts(tx, query.limit)
      return { data: list.data.map((a) => ({ ...a, created_at: a.created_at.toISOString() })) } as never
    },
  }),
]
