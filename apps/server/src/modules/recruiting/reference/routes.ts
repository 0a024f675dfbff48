import { CURRENCY_CODES } from '@app/money'
import { z } from 'zod'
import { access } from '../../../kernel/http/access.ts'
import { recruitingRoute as route } from '../route.ts'
import {
  DEFAULT_FEE_RATE_BPS,
  DEFAULT_GUARANTEE_DAYS,
  EMPLOYMENT_TYPES,
  FEE_ROLES,
  FUNCTIONS,
  INDUSTRIES,
  PAYMENT_TERMS,
  PLAN_TIERS,
  ROLE_TRANSITIONS,
  RTR_MONTHS,
  SENIORITIES,
  STAGE_TRANSITIONS,
  STAGES,
  WORK_MODES,
} from './vocabularies.ts'

const ZReference = z.object({
  functions: z.array(z.string()),
  industries: z.array(z.string()),
  seniorities: z.array(z.string()),
  work_modes: z.array(z.string()),
  employment_types: z.array(z.string()),
  payment_terms: z.array(z.string()),
  plan_tiers: z.array(z.string()),
  stages: z.array(z.string()),
  fee_roles: z.array(z.string()),
  currencies: z.array(z.string()),
  role_transitions: z.record(z.string(), z.array(z.string())),
  stage_transitions: z.record(z.string(), z.array(z.string())),
  defaults: z.object({ fee_rate_bps: z.number(), guarantee_days: z.number(), rtr_months: z.number() }),
})

const lists = (table: Record<string, readonly string[]>) =>
  Object.fromEntries(Object.entries(table).map(([k, v]) => [k, [...v]]))

/** The marketplace's vocabularies and defaults, so clients never hard-code them. */
export const referenceRoutes = [
  route.define({
    method: 'GET',
    url: '/api/recruiting/reference',
    operationId: 'getRecruitingReference',
    summary: 'Functions, industries, seniorities, stages, fee roles, currencies and defaults',
    tags: ['reference'],
    access: access.authenticated(),
    transaction: false,
    response: ZReference,
    handler: async () => ({
      functions: [...FUNCTIONS],
      industries: [...INDUSTRIES],
      seniorities: [...SENIORITIES],
      work_modes: [...WORK_MODES],
      employment_types: [...EMPLOYMENT_TYPES],
      payment_terms: [...PAYMENT_TERMS],
      plan_tiers: [...PLAN_TIERS],
      stages: [...STAGES],
      fee_roles: [...FEE_ROLES],
      currencies: [...CURRENCY_CODES],
      role_transitions: lists(ROLE_TRANSITIONS),
      stage_transitions: lists(STAGE_TRANSITIONS),
      defaults: {
        fee_rate_bps: DEFAULT_FEE_RATE_BPS,
        guarantee_days: DEFAULT_GUARANTEE_DAYS,
        rtr_months: RTR_MONTHS,
      },
    }),
  }),
]
