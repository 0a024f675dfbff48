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
} from './vocabularies.ts'

/** The field schemas every resource of the marketplace shares. */

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
export const ZOwnership = z.enum(['verified', 'pending', 'disputed'])
export const ZMoneyRangeOut = z.object({ min: z.string(), max: z.string(), currency: z.string() })

/** The version a client loaded, for optimistic concurrency: a newer one answers 409 version_conflict. */
export const ZVersion = z
  .number()
  .int()
  .min(1)
  .describe('The version you loaded; if someone changed it since, the answer is 409 version_conflict')

/** A comma-separated list in a query string (`?stage=offer,hired`) or a repeated parameter. */
export const commaList = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (typeof v === 'string' ? v.split(',') : v), z.array(item))

export const ZBooleanQuery = z.enum(['true', 'false']).transform((v) => v === 'true')

/** `%`, `_` and `\` match themselves in a LIKE pattern built from what someone typed. */
