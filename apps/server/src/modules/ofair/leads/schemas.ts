import { z } from 'zod'
import { ZListQueryBase } from '../../../kernel/http/schemas.ts'
import { ZCategoryRef } from '../reference/schemas.ts'
import { ZMoneyOut, ZPercentIn, ZShekelsIn, ZVersionIn } from '../schemas.ts'

export const LEAD_TYPES = ['consumer', 'professional_referral'] as const
export const LEAD_STATUSES = ['active', 'pending', 'closed'] as const

const common = {
  title: z.string().trim().min(3).max(120),
  short_description: z.string().trim().min(1).max(500).describe('Shown on the board'),
  category_id: z.string().min(1).max(64),
  subcategory_id: z.string().min(1).max(64).nullable().optional(),
  locality_id: z.number().int().positive().describe('From GET /api/ofair/localities'),
  street: z.string().trim().min(1).max(200).describe('Street and number (private: the client’s address)'),
  client_name: z.string().trim().min(1).max(120).describe('Private until the owner accepts a proposal'),
  preferred_schedule: z.string().trim().max(200).nullable().optional(),
}

export const ZConsumerLeadIn = z.strictObject({
  type: z.literal('consumer'),
  ...common,
  full_description: z.string().trim().max(5000).default(''),
  budget_min: ZShekelsIn.nullable().optional(),
  budget_max: ZShekelsIn.nullable().optional(),
})

export const ZProfessionalLeadIn = z.strictObject({
  type: z.literal('professional_referral'),
  ...common,
  client_phone: z.string().trim().min(3).max(32).describe('The client’s Israeli mobile number (private)'),
  client_notes: z.string().trim().max(2000).default(''),
  estimated_budget: ZShekelsIn,
  preferred_schedule: z.string().trim().min(1).max(200),
  referrer_share_percentage: ZPercentIn.describe(
    'Your share of the final amount when someone else performs the job: 0-90%',
  ),
  attachment_ids: z.array(z.uuid()).max(10).default([]).describe('Uploads of purpose "lead_attachment"'),
})

export const ZLeadIn = z.discriminatedUnion('type', [ZConsumerLeadIn, ZProfessionalLeadIn])
export type TLeadIn = z.infer<typeof ZLeadIn>

export const ZLeadUpdate = z
  .strictObject({
    title: common.title.optional(),
    short_description: common.short_description.optional(),
    full_description: z.string().trim().max(5000).optional(),
    category_id: common.category_id.optional(),
    subcategory_id: common.subcategory_id,
    locality_id: common.locality_id.optional(),
    street: common.street.optional(),
    client_name: common.client_name.optional(),
    client_phone: z.string().trim().min(3).max(32).optional(),
    client_notes: z.string().trim().max(2000).optional(),
    preferred_schedule: z.string().trim().max(200).nullable().optional(),
    budget_min: ZShekelsIn.nullable().optional(),
    budget_max: ZShekelsIn.nullable().optional(),
    estimated_budget: ZShekelsIn.optional(),
    referrer_share_percentage: ZPercentIn.optional(),
    version: ZVersionIn,
  })
  .refine((b) => Object.keys(b).some((k) => k !== 'version'), 'give at least one field to change')
export type TLeadUpdate = z.infer<typeof ZLeadUpdate>

export const ZBoardQuery = z.strictObject({
  category_id: z
    .string()
    .min(1)
    .max(64)
    .optional()
    .describe('A top category; default: your profession and specialties'),
  subcategory_id: z.string().min(1).max(64).optional(),
  locality_id: z.coerce
    .number()
    .int()
    .positive()
    .optional()
    .describe('Centre of the search; default: your base locality'),
  radius_km: z.coerce.number().int().min(1).max(300).optional().describe('Default: your service radius'),
  budget_min: z
    .string()
    .regex(/^\d{1,12}$/)
    .transform(BigInt)
    .optional()
    .describe('Agorot: leads whose budget reaches this'),
  budget_max: z
    .string()
    .regex(/^\d{1,12}$/)
    .transform(BigInt)
    .optional()
    .describe('Agorot: leads whose budget starts at or below this'),
  type: z.enum(LEAD_TYPES).optional(),
  ...ZListQueryBase,
})

export const ZMyLeadsQuery = z.strictObject({ status: z.enum(LEAD_STATUSES).optional(), ...ZListQueryBase })

const ZLocalityOut = z.object({ id: z.number().int(), name: z.string(), district: z.string() })
const ZProRef = z.object({ id: z.string(), display_name: z.string() })

export const ZLeadCard = z.object({
  id: z.string(),
  type: z.enum(LEAD_TYPES),
  title: z.string(),
  short_description: z.string(),
  category: ZCategoryRef,
  subcategory: ZCategoryRef.nullable(),
  locality: ZLocalityOut,
  distance_km: z.number().nullable().describe('From the board’s centre (locality to locality)'),
  budget: z.object({ min: ZMoneyOut.nullable(), max: ZMoneyOut.nullable() }).nullable(),
  referrer_share_percentage: z.number().nullable(),
  proposals_count: z.number().int(),
  published_at: z.iso.datetime(),
  pinned: z.boolean().describe('Published by a subscriber: pinned on the board'),
  owner_professional: ZProRef.nullable(),
})

export const ZLeadSummary = ZLeadCard.extend({
  status: z.enum(LEAD_STATUSES),
  close_reason: z.enum(['completed', 'cancelled', 'removed']).nullable(),
  created_at: z.iso.datetime(),
})

export const ZReferralLink = z.object({
  id: z.string(),
  level: z.number().int(),
  referrer: ZProRef,
  receiver: ZProRef,
  commission_percentage: z.number(),
  chain_total_percentage: z.number(),
  status: z.enum(['pending', 'accepted', 'rejected', 'completed']),
  created_at: z.iso.datetime(),
})

export const ZLead = ZLeadCard.extend({
  status: z.enum(LEAD_STATUSES),
  close_reason: z.enum(['completed', 'cancelled', 'removed']).nullable(),
  preferred_schedule: z.string().nullable(),
  full_description: z.string().nullable().describe('The owner, the accepted professional and admins'),
  client_notes: z.string().nullable().describe('Same as full_description'),
  platform_commission_percentage: z.number(),
  final_amount: ZMoneyOut.nullable(),
  attachments: z.array(z.object({ id: z.string(), name: z.string(), mime: z.string(), url: z.string() })),
  is_owner: z.boolean(),
  accepted_proposal_id: z.string().nullable(),
  winner: ZProRef.nullable(),
  my_proposal: z.object({ id: z.string(), status: z.string() }).nullable(),
  my_referral: z
    .object({
      id: z.string(),
      status: z.string(),
      level: z.number().int(),
      chain_total_percentage: z.number(),
    })
    .nullable()
    .describe('The referral that brought this lead to me'),
  chain: z.array(ZReferralLink).describe('Referrals of the lead the caller may see'),
  can_propose: z.boolean(),
  can_share: z.boolean(),
  can_see_client: z.boolean(),
  created_at: z.iso.datetime(),
  updated_at: z.iso.datetime(),
  version: z.number().int(),
})

export const ZClientDetails = z.object({
  lead_id: z.string(),
  client_name: z.string(),
  client_phone: z.string().describe('E.164'),
  client_address: z.string(),
  seen_as: z.enum(['owner', 'winner', 'admin']),
})

export const ZCloseIn = z.strictObject({ version: ZVersionIn.optional() })
export const ZCompleteIn = z.strictObject({ final_amount: ZShekelsIn })
export const ZRemoveIn = z.strictObject({ note: z.string().trim().min(1).max(1000) })

export const ZAccessLog = z.object({
  id: z.string(),
  lead_id: z.string(),
  accessor: z.object({ user_id: z.string(), display_name: z.string().nullable() }),
  accessor_role: z.enum(['owner', 'winner', 'admin']),
  action: z.enum(['revealed', 'viewed']),
  fields: z.array(z.string()),
  ip: z.string().nullable(),
  user_agent: z.string().nullable(),
  occurred_at: z.iso.datetime(),
})
