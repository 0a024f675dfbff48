import { z } from 'zod'

const ZDay = z.iso.date().describe('A UTC day, YYYY-MM-DD')
const ZChange = z
  .number()
  .nullable()
  .describe('Change vs the previous period as a fraction (0.25 = +25%); null when the previous was 0')
const ZPerCurrency = z.record(z.string(), z.string()).describe('Minor units per currency (as strings)')

export const ZDailyQuery = z.strictObject({ from: ZDay, to: ZDay })

export const ZDailyRow = z.object({
  day: ZDay,
  active_recruiters: z.number().int(),
  active_companies: z.number().int(),
  open_roles: z.number().int(),
  applications: z.number().int(),
  placements: z.number().int(),
  median_days_to_hire: z.number().nullable(),
  hire_rate_bps: z.number().int().nullable(),
  completion_rate_bps: z.number().int().nullable(),
  median_first_response_hours: z.number().nullable(),
  closed_applications: z.number().int(),
  roles_without_submission: z.number().int(),
  fraud_signals_opened: z.number().int(),
  disputes_opened: z.number().int(),
})

const ZSummary = z.object({
  days: z.number().int().describe('Days of the period that have metrics'),
  applications: z.number().int(),
  placements: z.number().int(),
  disputes_opened: z.number().int(),
  fraud_signals_opened: z.number().int(),
  active_recruiters: z.number().int().describe('At the period’s last day'),
  active_companies: z.number().int(),
  open_roles: z.number().int(),
  roles_without_submission: z.number().int(),
  hire_rate_bps: z.number().int().nullable(),
  fees: ZPerCurrency,
  payouts: ZPerCurrency,
})

export const ZDailyReport = z.object({
  from: ZDay,
  to: ZDay,
  previous_from: ZDay,
  previous_to: ZDay,
  rows: z.array(ZDailyRow),
  money: z.array(z.object({ day: ZDay, currency: z.string(), fees: z.string(), payouts: z.string() })),
  current: ZSummary,
  previous: ZSummary,
  changes: z.record(z.string(), ZChange),
})

export const ZLiquidityQuery = z.strictObject({
  date: ZDay.optional().describe('The day (default: the latest computed)'),
  function: z.string().max(100).optional(),
  location: z.string().max(100).optional(),
})

export const ZLiquidity = z.object({
  date: ZDay.nullable(),
  cells: z.array(
    z.object({
      function: z.string(),
      location: z.string().describe('The roles’ country, — when none'),
      open_roles: z.number().int(),
      submissions: z.number().int(),
      submissions_per_role: z.number(),
      roles_without_submission: z.number().int().describe('Open 7+ days with no submission'),
      overcrowded_roles: z.number().int().describe('50+ submissions'),
      active_recruiters: z.number().int(),
      no_recruiter: z.boolean().describe('A region with no active recruiter'),
    }),
  ),
})

export const ZBackfillBody = z.strictObject({ from: ZDay, to: ZDay })

export const ZBackfillRun = z.object({
  id: z.uuid(),
  from_day: ZDay,
  to_day: ZDay,
  total: z.number().int(),
  done: z.number().int(),
  status: z.enum(['queued', 'running', 'completed', 'failed']),
  error: z.string().nullable(),
  created_at: z.iso.datetime(),
  finished_at: z.iso.datetime().nullable(),
})

export const ZDealRiskQuery = z.strictObject({
  min_score: z.coerce.number().int().min(0).max(100).default(0),
  limit: z.coerce.number().int().min(1).max(200).default(50),
})

export const ZRiskFactor = z.object({
  factor: z.enum([
    'stalled_stage',
    'no_company_response',
    'interview_without_feedback',
    'guarantee_ending',
    'recruiter_fall_offs',
  ]),
  points: z.number().int(),
  detail: z.record(z.string(), z.number()),
})

export const ZDealRiskList = z.object({
  data: z.array(
    z.object({
      kind: z.enum(['placement', 'application']),
      id: z.uuid(),
      application_id: z.uuid(),
      role: z.object({ id: z.uuid(), title: z.string() }),
      company: z.object({ id: z.uuid(), name: z.string() }),
      candidate_name: z.string(),
      stage: z.string(),
      days_in_stage: z.number().int(),
      guarantee_days_left: z.number().int().nullable(),
      score: z.number().int().min(0).max(100),
      factors: z.array(ZRiskFactor).describe('Why, factor by factor; the points add up to the score'),
    }),
  ),
})

export const ZAlertsQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(200).default(50) })

export const ZAlertList = z.object({
  data: z.array(
    z.object({
      id: z.uuid(),
      day: ZDay,
      rule: z.enum(['threshold', 'anomaly']),
      metric: z.string(),
      severity: z.enum(['info', 'warning', 'critical']),
      value: z.number(),
      baseline: z.number().nullable(),
      z_score: z.number().nullable(),
      message: z.string(),
      created_at: z.iso.datetime(),
    }),
  ),
})
