import { z } from 'zod'
import { access } from '../../kernel/http/access.ts'
import { ZMoney } from '../../kernel/http/schemas.ts'
import { insightsRoute } from './caller.ts'
import { personaHome } from './home.ts'
import { HOME_PERIODS, homeWindow } from './period.ts'

const ZTs = z.iso.datetime()
const ZCount = z.number().int().nonnegative()
const ZCompare = z
  .object({ current: ZCount, previous: ZCount })
  .describe('The period shown and the one it is compared with')
const ZMoneyCompare = z.object({ currency: z.string(), current: ZMoney, previous: ZMoney })
const ZSeries = z.array(z.object({ bucket: z.iso.date(), count: ZCount }))
const ZMoneySeries = z.array(z.object({ bucket: z.iso.date(), amount: ZMoney }))
const ZStage = z.enum(['submitted', 'screening', 'interview', 'offer'])

const ZRecruiterHome = z.object({
  pipeline: z.array(z.object({ stage: ZStage, count: ZCount })).describe('Candidates in play, by stage'),
  placements: ZCompare.extend({ series: ZSeries }),
  earnings: z
    .array(z.object({ currency: z.string(), pending: ZMoney, held: ZMoney, available: ZMoney, paid: ZMoney }))
    .describe(
      'Per currency: pending (your share of fees not collected yet), held (collected, kept until the guarantee ends), available (ready to pay out), paid (all time)',
    ),
  paid_in_period: z.array(ZMoneyCompare),
  paid_series: ZMoneySeries,
  matching_roles: z.object({
    specialised: z.boolean().describe('False when your profile names no function or industry'),
    roles: z.array(
      z.object({
        id: z.uuid(),
        title: z.string(),
        company_name: z.string(),
        function: z.string(),
        location: z.string().nullable(),
        fee_rate_bps: z.number().int(),
        fee_up_to: ZMoney.describe('The fee at the top of the salary band'),
        opened_at: ZTs.nullable(),
      }),
    ),
  }),
  stale: z.object({
    after_days: z.number().int(),
    count: ZCount,
    items: z.array(
      z.object({
        application_id: z.uuid(),
        candidate_name: z.string(),
        role_id: z.uuid(),
        role_title: z.string(),
        company_name: z.string(),
        stage: ZStage,
        last_activity_at: ZTs,
        days_quiet: ZCount,
      }),
    ),
  }),
})

const ZCompanyHome = z.object({
  roles: z.object({ open: ZCount, draft: ZCount, paused: ZCount, filled: ZCount }),
  awaiting_review: z.object({
    count: ZCount,
    items: z
      .array(
        z.object({
          application_id: z.uuid(),
          candidate_name: z.string(),
          role_id: z.uuid(),
          role_title: z.string(),
          recruiter_name: z.string().nullable(),
          submitted_at: ZTs,
          days_waiting: ZCount,
        }),
      )
      .describe('The oldest submissions still waiting for a first decision'),
  }),
  submissions: ZCompare,
  hires: ZCompare,
  time_to_fill: z.object({
    median_days: z
      .number()
      .nullable()
      .describe('Median days from opening a role to a hire, for hires in the period'),
    hires: ZCount,
    by_role: z.array(
      z.object({ role_id: z.uuid(), role_title: z.string(), hires: ZCount, median_days: z.number() }),
    ),
  }),
  spend: z.object({
    totals: z
      .array(ZMoneyCompare.extend({ invoices: ZCount }))
      .describe('Invoices issued in the period (void ones left out)'),
    owed: z.array(z.object({ amount: ZMoney, invoices: ZCount })).describe('Still owed on open invoices'),
    series: ZMoneySeries,
  }),
  pipeline_by_role: z.array(
    z.object({
      role_id: z.uuid(),
      role_title: z.string(),
      submitted: ZCount,
      screening: ZCount,
      interview: ZCount,
      offer: ZCount,
    }),
  ),
})

const ZAdminHome = z.object({
  money: z.array(
    z.object({
      currency: z.string(),
      gmv: ZMoney.describe('Placement fees charged to companies for placements made in the period'),
      previous_gmv: ZMoney,
      fees: ZMoney.describe('The platform’s share of those fees'),
      previous_fees: ZMoney,
      take_rate_bps: z.number().int().nullable().describe('fees / GMV in basis points; null without GMV'),
      previous_take_rate_bps: z.number().int().nullable(),
    }),
  ),
  money_series: z.array(z.object({ bucket: z.iso.date(), gmv: ZMoney, fees: ZMoney })),
  active_recruiters: ZCompare.describe('Recruiters who submitted a candidate in the period'),
  active_companies: ZCompare.describe('Companies that received a submission in the period'),
  placements: ZCompare.extend({ series: ZSeries }),
  disputes: z.object({ open: ZCount, opened: ZCompare }),
  failed_jobs: z.object({
    waiting: ZCount.describe('Dead-lettered jobs waiting for an operator'),
    by_queue: z.array(z.object({ queue: z.string(), count: ZCount })),
    died: ZCompare,
  }),
})

export const ZHome = z.object({
  period: z.object({
    key: z.enum([...HOME_PERIODS, 'custom']),
    from: ZTs,
    to: ZTs,
    previous_from: ZTs,
    previous_to: ZTs,
    bucket: z.enum(['week', 'month']),
    buckets: z.array(z.iso.date()),
  }),
  recruiter: ZRecruiterHome.nullable().describe('Present for recruiters'),
  company: ZCompanyHome.nullable().describe(
    'Present for a company’s hiring team (all their companies together)',
  ),
  admin: ZAdminHome.nullable().describe('Present for platform admins'),
})

export const homeRoutes = [
  insightsRoute.define({
    method: 'GET',
    url: '/api/me/home',
    operationId: 'getMyHome',
    tags: ['insights'],
    summary: 'Your home: the numbers you act on, for a period, compared with the period before',
    description:
      'One section per part the caller plays on Splits Network: a recruiter (pipeline, placements, earnings, matching roles, quiet candidates), a hiring team (open roles, submissions awaiting review, time to fill, spend, pipeline by role), a platform admin (GMV, fees, take rate, active recruiters and companies, disputes, failed jobs). `period` is 30d, 90d, 12m or ytd (default 30d); or give `from` and `to` (whole days, UTC, `to` included).',
    access: access.roles(
      ['recruiter', 'company_admin', 'hiring_manager', 'platform_admin'],
      'Splits Network recruiters, hiring teams and platform admins; each sees only their own numbers.',
    ),
    query: z.strictObject({
      period: z.enum(HOME_PERIODS).optional(),
      from: z.iso.date().optional().describe('First day of a custom range (YYYY-MM-DD)'),
      to: z.iso.date().optional().describe('Last day of a custom range, included'),
    }),
    response: ZHome,
    handler: ({ ctx, tx, caller, query }) => personaHome(ctx, tx, caller, homeWindow(ctx.clock.now(), query)),
  }),
]
