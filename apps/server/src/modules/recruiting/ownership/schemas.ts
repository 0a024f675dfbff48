import { z } from 'zod'
import { ZListQueryBase } from '../../../kernel/http/schemas.ts'
import { ZOwnership, ZVersion } from '../reference/schemas.ts'

export const DISPUTE_STATUSES = ['recorded', 'disputed', 'upheld', 'overturned'] as const

export const ZDispute = z.object({
  id: z.string(),
  status: z.enum(DISPUTE_STATUSES),
  company: z.object({ id: z.string(), name: z.string() }),
  role: z.object({ id: z.string(), title: z.string() }).nullable(),
  representation: z.object({
    id: z.string(),
    ownership: ZOwnership,
    status: z.string(),
    since: z.iso.datetime(),
    until: z.iso.datetime(),
  }),
  holder: z.object({ recruiter_id: z.string(), name: z.string() }),
  claimant: z.object({ recruiter_id: z.string(), name: z.string() }),
  matched_on: z.array(z.string()),
  claimant_reason: z.string().nullable(),
  resolution_reason: z.string().nullable(),
  created_at: z.iso.datetime(),
  disputed_at: z.iso.datetime().nullable(),
  resolved_at: z.iso.datetime().nullable(),
  version: z.number().int().describe('Send it back with a decision: a newer one answers 409'),
})

export const ZDisputeListQuery = z.strictObject({
  status: z.enum(DISPUTE_STATUSES).optional(),
  ...ZListQueryBase,
})

export const ZDisputeOpen = z.strictObject({
  reason: z.string().trim().min(10).max(2000).describe('Evidence: when and how you engaged the candidate'),
  version: ZVersion.optional(),
})

export const ZDisputeResolve = z.strictObject({
  outcome: z.enum(['upheld', 'overturned']),
  reason: z.string().trim().min(10).max(2000),
  version: ZVersion.optional(),
})
