import { isCurrency } from '@app/money'
import { z } from 'zod'
import {
  EMPLOYMENT_TYPES,
  FEE_ROLES,
  FUNCTIONS,
  INDUSTRIES,
  PAYMENT_TERMS,
  PLAN_TIERS,
  ROLE_STATUSES,
  SENIORITIES,
  STAGES,
  VISIBILITIES,
  WORK_MODES,
} from './reference.ts'

/** ISO 4217 code the platform supports; anything else is a 400 naming the field. */
export const ZCurrency = z
  .string()
  .refine(isCurrency, { message: 'is not a supported currency (ISO 4217, e.g. USD, EUR, GBP, ILS)' })
  .describe('ISO 4217 currency code')

/** A non-negative amount in minor units as a string (exact; never a float). */
export const ZMinor = z
  .string()
  .regex(/^\d{1,15}$/, 'must be a whole number of minor units (cents), as a string')
  .transform((s) => BigInt(s))
  .describe('Amount in minor units (e.g. cents), as a string')

export const ZIsoDate = z.iso.date().describe('YYYY-MM-DD')
export const ZFunction = z.enum(FUNCTIONS)
export const ZIndustry = z.enum(INDUSTRIES)
export const ZSeniority = z.enum(SENIORITIES)
export const ZWorkMode = z.enum(WORK_MODES)
export const ZEmploymentType = z.enum(EMPLOYMENT_TYPES)
export const ZRoleStatus = z.enum(ROLE_STATUSES)
export const ZVisibility = z.enum(VISIBILITIES)
export const ZPaymentTerms = z.enum(PAYMENT_TERMS)
export const ZPlanTier = z.enum(PLAN_TIERS)
export const ZStage = z.enum(STAGES)
export const ZFeeRole = z.enum(FEE_ROLES)
export const ZCountry = z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166 two-letter country code')
const ZUrl = z.url().max(500)

export const ZSalaryIn = z
  .strictObject({ min: ZMinor, max: ZMinor, currency: ZCurrency })
  .refine((s) => s.max >= s.min, { message: 'max must not be below min', path: ['max'] })
export const ZMoneyRangeOut = z.object({ min: z.string(), max: z.string(), currency: z.string() })

const roleFields = {
  title: z.string().trim().min(2).max(200),
  description: z.string().max(20_000),
  function: ZFunction,
  industry: ZIndustry.nullable().optional(),
  seniority: ZSeniority,
  location: z.string().trim().max(200).nullable().optional(),
  country: ZCountry.nullable().optional(),
  work_mode: ZWorkMode,
  employment_type: ZEmploymentType.default('full_time'),
  salary: ZSalaryIn,
  fee_rate_bps: z
    .number()
    .int()
    .min(0, 'must be 0-10000 (0% to 100%)')
    .max(10_000, 'must be 0-10000 (0% to 100%)')
    .optional()
    .describe('Placement fee as basis points of first-year base salary (2000 = 20%)'),
  guarantee_days: z.number().int().min(0, 'must not be negative').max(365).optional(),
  visibility: ZVisibility.optional(),
  job_owner_recruiter_id: z.uuid().nullable().optional(),
  hiring_manager_user_id: z.uuid().nullable().optional(),
  openings: z.number().int().min(1).max(100).optional(),
}
export const ZRoleCreate = z.strictObject({ company_id: z.uuid(), ...roleFields })
export const ZRoleUpdate = z
  .strictObject({
    ...Object.fromEntries(Object.entries(roleFields).map(([k, v]) => [k, v.optional()])),
    version: z.number().int().min(1).optional().describe('The version you loaded; a newer one answers 409'),
  })
  .refine((b) => Object.keys(b).some((k) => k !== 'version'), 'give at least one field to change')

export const ZRoleSummary = z.object({
  id: z.string(),
  company: z.object({ id: z.string(), name: z.string() }),
  title: z.string(),
  function: z.string(),
  industry: z.string().nullable(),
  seniority: z.string(),
  location: z.string().nullable(),
  country: z.string().nullable(),
  work_mode: z.string(),
  employment_type: z.string(),
  salary: ZMoneyRangeOut,
  fee_rate_bps: z.number().int(),
  guarantee_days: z.number().int(),
  status: ZRoleStatus,
  visibility: ZVisibility,
  openings: z.number().int(),
  created_at: z.iso.datetime(),
  opened_at: z.iso.datetime().nullable().describe('When the role first opened to submissions'),
})

export const ZRole = ZRoleSummary.extend({
  description: z.string(),
  job_owner: z.object({ recruiter_id: z.string(), name: z.string().nullable() }).nullable(),
  hiring_manager_user_id: z.string().nullable(),
  applications_count: z.number().int(),
  hired_count: z.number().int(),
  updated_at: z.iso.datetime(),
  closed_at: z.iso.datetime().nullable(),
  version: z.number().int(),
  can_manage: z.boolean().describe('Whether the caller is on the hiring team (may edit and move candidates)'),
})

const candidateFields = {
  full_name: z.string().trim().min(1).max(200),
  current_title: z.string().trim().max(200).nullable().optional(),
  location: z.string().trim().max(200).nullable().optional(),
  country: ZCountry.nullable().optional(),
  skills: z.array(z.string().trim().toLowerCase().min(1).max(60)).max(50).optional(),
  years_experience: z.number().int().min(0).max(70).nullable().optional(),
  salary_expectation: z
    .strictObject({
      min: ZMinor.nullable().optional(),
      max: ZMinor.nullable().optional(),
      currency: ZCurrency,
    })
    .nullable()
    .optional(),
  notes: z.string().max(10_000).nullable().optional(),
  email: z.email().max(254).nullable().optional(),
  phone: z.string().trim().min(5).max(32).nullable().optional(),
  linkedin_url: ZUrl.nullable().optional(),
  github_url: ZUrl.nullable().optional(),
  website_url: ZUrl.nullable().optional(),
  consent: z
    .strictObject({
      method: z.enum(['email', 'written', 'verbal', 'portal']),
      text_version: z.string().min(1).max(50).default('rtr-2026-01'),
    })
    .nullable()
    .optional()
    .describe('The person agreed to be represented and to have their details shared with companies'),
}
export const ZCandidateCreate = z.strictObject(candidateFields)
export const ZCandidateUpdate = z
  .strictObject(Object.fromEntries(Object.entries(candidateFields).map(([k, v]) => [k, v.optional()])))
  .refine((b) => Object.keys(b).length > 0, 'give at least one field to change')

export const ZDuplicateWarning = z.object({
  matched_on: z.array(z.enum(['email', 'phone', 'linkedin', 'github'])),
  yours: z.boolean(),
  candidate_id: z.string().nullable(),
  represented_to: z.array(
    z.object({ company_id: z.string(), company_name: z.string(), expires_at: z.iso.datetime() }),
  ),
})

export const ZSplitIn = z.strictObject({
  fee_role: ZFeeRole,
  recruiter_id: z.uuid(),
  share_bps: z
    .number()
    .int()
    .min(1)
    .max(10_000)
    .describe('Share of the recruiter pool in basis points; all sum to 10000'),
})
