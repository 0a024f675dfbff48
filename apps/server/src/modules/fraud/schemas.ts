import { z } from 'zod'
import { ZListQueryBase } from '../../kernel/http/schemas.ts'

const ZTs = z.iso.datetime()
export const ZSeverity = z.enum(['low', 'medium', 'high', 'critical'])
export const ZStatus = z.enum(['active', 'reviewed', 'resolved', 'false_positive'])
export const ZType = z.enum([
  'duplicate_submission',
  'velocity',
  'circular_sharing',
  'automated_behaviour',
  'profile_manipulation',
  'fee_anomaly',
  'split_anomaly',
])

export const ZSignal = z.object({
  id: z.uuid(),
  type: ZType,
  severity: ZSeverity,
  confidence: z.number().int().min(0).max(100),
  subject_recruiter_id: z.uuid().nullable().describe('The recruiter a hold applies to'),
  subject_recruiter_name: z.string().nullable().describe('That recruiter’s display name'),
  entities: z
    .object({
      recruiter_ids: z.array(z.uuid()).optional(),
      candidate_ids: z.array(z.uuid()).optional(),
      application_ids: z.array(z.uuid()).optional(),
      company_ids: z.array(z.uuid()).optional(),
      placement_ids: z.array(z.uuid()).optional(),
    })
    .describe('Every entity involved'),
  evidence: z.record(z.string(), z.unknown()).describe('The numbers the detector judged on'),
  explanation: z.string(),
  detector_version: z.string(),
  status: ZStatus,
  resolution_notes: z.string().nullable(),
  detected_at: ZTs,
  updated_at: ZTs,
})

export const ZSignalDetail = ZSignal.extend({
  history: z.array(
    z.object({
      id: z.uuid(),
      from_status: z.string().nullable(),
      to_status: z.string(),
      notes: z.string().nullable(),
      actor_id: z.uuid().nullable(),
      at: ZTs,
    }),
  ),
})

export const ZSignalList = z.object({
  data: z.array(ZSignal),
  has_more: z.boolean(),
  next_cursor: z.string().nullable(),
  counts: z.array(z.object({ status: ZStatus, severity: ZSeverity, count: z.number().int() })),
})

export const ZSignalQuery = z.strictObject({
  ...ZListQueryBase,
  status: ZStatus.optional(),
  severity: ZSeverity.optional(),
  type: ZType.optional(),
  recruiter_id: z.uuid().optional(),
})

export const ZNotes = z.strictObject({
  notes: z.string().trim().min(3).max(2000).describe('What the reviewer found (required)'),
})

export const ZHold = z.object({
  recruiter_id: z.uuid(),
  recruiter_name: z.string().nullable().describe('The recruiter’s display name'),
  status: z.enum(['active', 'lifted']),
  signal_id: z.uuid(),
  daily_limit: z.number().int().nullable().describe('Submissions allowed a day; null: none'),
  reason: z.string(),
  placed_at: ZTs,
  lifted_at: ZTs.nullable(),
  lift_reason: z.string().nullable(),
})

export const ZHoldQuery = z.strictObject({ status: z.enum(['active', 'lifted']).optional() })
export const ZLiftBody = z.strictObject({
  reason: z.string().trim().min(3).max(2000).describe('Why the hold is lifted (kept in the decision log)'),
})
export const ZRecruiterParams = z.strictObject({ recruiterId: z.uuid() })
