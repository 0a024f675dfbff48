import { z } from 'zod'
import { ZListQueryBase } from '../../../kernel/http/schemas.ts'
import { ZFeeRole, ZIsoDate, ZVersion } from '../reference/schemas.ts'

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

export const ZPlacementSummary = z.object({
  id: z.string(),
  role: z.object({ id: z.string(), title: z.string() }),
  company: z.object({ id: z.string(), name: z.string() }),
  candidate_name: z.string(),
  base_salary: z.object({ amount: z.string(), currency: z.string() }),
  start_date: z.string(),
  guarantee_ends_on: z.string(),
  fee_rate_bps: z.number().int(),
  status: z.enum(['active', 'fell_off']),
  split_status: z.enum(['pending', 'agreed']),
  created_at: z.iso.datetime(),
})

export const ZPlacement = ZPlacementSummary.extend({
  application_id: z.string(),
  candidate_id: z.string(),
  guarantee_days: z.number().int(),
  fee_basis: z.string(),
  fee_rule_version: z.string(),
  payment_terms: z.string(),
  fell_off_on: z.string().nullable(),
  fall_off_reason: z.string().nullable(),
  version: z
    .number()
    .int()
    .describe('Send it back with a split proposal or agreement: a newer one answers 409'),
  splits: z.array(
    z.object({
      fee_role: ZFeeRole,
      recruiter_id: z.string(),
      recruiter_name: z.string(),
      share_bps: z.number().int(),
      agreed_at: z.iso.datetime().nullable(),
    }),
  ),
})

export const ZPlacementListQuery = z.strictObject({
  company_id: z.uuid().optional(),
  status: z.enum(['active', 'fell_off']).optional(),
  ...ZListQueryBase,
})

export const ZSplitProposal = z.strictObject({
  splits: z.array(ZSplitIn).min(1).max(5),
  version: ZVersion.optional(),
})
export const ZSplitAgreement = z
  .strictObject({ version: ZVersion.optional() })
  .describe('The version of the split you agree to (optional: the current one otherwise)')
export const ZFallOff = z.strictObject({
  reason: z.string().trim().min(3).max(1000),
  date: ZIsoDate,
  version: ZVersion.optional(),
})
