import { z } from 'zod'
import { ZListQueryBase } from '../../../kernel/http/schemas.ts'
import { commaList, ZCurrency, ZIsoDate, ZMinor, ZOwnership, ZStage, ZVersion } from '../reference/schemas.ts'

export const ZApplicationSummary = z.object({
  id: z.string(),
  role: z.object({ id: z.string(), title: z.string() }),
  company: z.object({ id: z.string(), name: z.string() }),
  candidate: z.object({ id: z.string(), name: z.string(), title: z.string().nullable() }),
  recruiter: z.object({ id: z.string(), name: z.string() }),
  stage: ZStage,
  submitted_at: z.iso.datetime(),
  stage_changed_at: z.iso.datetime(),
})

export const ZApplication = ZApplicationSummary.extend({
  note: z.string().nullable(),
  closed_reason: z.string().nullable(),
  represented_until: z.iso.datetime(),
  ownership: ZOwnership,
  placement_id: z.string().nullable(),
  allowed_next: z.array(ZStage).describe('Stages this application may move to next'),
  allowed_back: z
    .array(ZStage)
    .describe('Earlier stages the hiring team may move it back to (a reason is required)'),
  version: z.number().int().describe('Send it back with a stage move: a newer one answers 409'),
  history: z.array(
    z.object({
      id: z.string(),
      from_stage: ZStage.nullable(),
      to_stage: ZStage,
      changed_by: z.string().nullable(),
      changed_by_name: z.string().nullable(),
      changed_at: z.iso.datetime(),
      reason: z.string().nullable(),
    }),
  ),
})

export const ZSubmission = z.strictObject({
  role_id: z.uuid(),
  candidate_id: z.uuid(),
  note: z.string().trim().max(5000).optional(),
})

export const ZApplicationListQuery = z.strictObject({
  role_id: z.uuid().optional(),
  company_id: z.uuid().optional(),
  candidate_id: z.uuid().optional(),
  stage: commaList(ZStage).optional(),
  mine: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .describe('Only my own submissions'),
  ...ZListQueryBase,
})

export const ZStageMove = z.strictObject({
  to: ZStage,
  reason: z.string().trim().max(1000).optional(),
  version: ZVersion.optional(),
})

export const ZHire = z.strictObject({
  base_salary: z.strictObject({ amount: ZMinor, currency: ZCurrency }).describe('First-year base salary'),
  start_date: ZIsoDate,
  version: ZVersion.optional(),
})

/** What a candidate sees of her own applications: where, what, and when; never notes. */
export const ZMyApplication = z.object({
  id: z.string(),
  role_title: z.string(),
  company_name: z.string(),
  stage: ZStage,
  submitted_at: z.iso.datetime(),
  stage_changed_at: z.iso.datetime(),
})
export const ZMyApplicationsQuery = z.strictObject({ ...ZListQueryBase })
