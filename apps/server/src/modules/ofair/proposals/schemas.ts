import { z } from 'zod'
import { ZListQueryBase } from '../../../kernel/http/schemas.ts'
import { ZCategoryRef } from '../reference/schemas.ts'
import { ZIsoDate, ZMoneyOut, ZShekelsIn, ZVersionIn } from '../schemas.ts'

export const PROPOSAL_STATUSES = ['pending', 'accepted', 'rejected', 'cancelled'] as const

export const ZProposalIn = z.strictObject({
  price: ZShekelsIn,
  description: z.string().trim().min(1).max(2000),
  scheduled_date: ZIsoDate.nullable().optional(),
  media_ids: z.array(z.uuid()).max(10).default([]).describe('Uploads of purpose "proposal_media"'),
})
export type TProposalIn = z.infer<typeof ZProposalIn>

export const ZProposalUpdate = z.strictObject({
  price: ZShekelsIn.optional(),
  description: z.string().trim().min(1).max(2000).optional(),
  scheduled_date: ZIsoDate.nullable().optional(),
  version: ZVersionIn,
})

export const ZAcceptIn = z.strictObject({
  consent: z
    .literal(true)
    .describe('The owner agrees to share the client’s name, phone and address with this professional'),
})

export const ZProposal = z.object({
  id: z.string(),
  lead_id: z.string(),
  professional: z.object({
    id: z.string(),
    display_name: z.string(),
    rating: z.number().nullable(),
    review_count: z.number().int(),
    verified: z.boolean(),
  }),
  price: ZMoneyOut,
  description: z.string(),
  scheduled_date: z.string().nullable(),
  status: z.enum(PROPOSAL_STATUSES),
  rejected_reason: z.enum(['another_accepted', 'lead_closed']).nullable(),
  media: z.array(z.object({ id: z.string(), name: z.string(), mime: z.string(), url: z.string() })),
  created_at: z.iso.datetime(),
  updated_at: z.iso.datetime(),
  version: z.number().int(),
  is_mine: z.boolean(),
})

export const ZMyProposal = ZProposal.extend({
  lead: z.object({
    id: z.string(),
    title: z.string(),
    status: z.enum(['active', 'pending', 'closed']),
    category: ZCategoryRef,
    locality: z.object({ id: z.number().int(), name: z.string() }),
  }),
})

export const ZMyProposalsQuery = z.strictObject({
  status: z.enum(PROPOSAL_STATUSES).optional(),
  ...ZListQueryBase,
})
