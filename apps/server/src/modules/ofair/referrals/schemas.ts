import { z } from 'zod'
import { ZListQueryBase } from '../../../kernel/http/schemas.ts'
import { ZCategoryRef } from '../reference/schemas.ts'
import { ZPercentIn } from '../schemas.ts'

export const REFERRAL_STATUSES = ['pending', 'accepted', 'rejected', 'completed'] as const

export const ZShareIn = z.strictObject({
  receiver_ids: z.array(z.uuid()).min(1).max(10).describe('Professionals to offer the lead to'),
  commission_percentage: ZPercentIn.optional().describe(
    'Onward referrals: your share (the chain’s total stays at most 90%). The uploader’s offers carry the lead’s share.',
  ),
  note: z.string().trim().max(500).optional(),
})
export type TShareIn = z.infer<typeof ZShareIn>

const ZProRef = z.object({ id: z.string(), display_name: z.string() })

export const ZReferral = z.object({
  id: z.string(),
  lead: z.object({
    id: z.string(),
    title: z.string(),
    status: z.enum(['active', 'pending', 'closed']),
    category: ZCategoryRef,
    locality: z.object({ id: z.number().int(), name: z.string() }),
  }),
  level: z.number().int(),
  referrer: ZProRef,
  receiver: ZProRef,
  commission_percentage: z.number(),
  chain_total_percentage: z.number(),
  status: z.enum(REFERRAL_STATUSES),
  closed_reason: z.enum(['declined', 'claimed_by_other', 'lead_closed']).nullable(),
  note: z.string().nullable(),
  created_at: z.iso.datetime(),
  accepted_at: z.iso.datetime().nullable(),
  direction: z.enum(['received', 'sent']),
})

export const ZReferralsQuery = z.strictObject({
  direction: z.enum(['received', 'sent']).default('received'),
  status: z.enum(REFERRAL_STATUSES).optional(),
  ...ZListQueryBase,
})
