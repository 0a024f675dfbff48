import { z } from 'zod'
import { listOf, ZListQueryBase } from '../../kernel/http/schemas.ts'

const ZTs = z.iso.datetime()

export const ZReason = z.object({
  factor: z
    .string()
    .describe('skills, function, seniority, location, salary, history (or a recruiter-fit factor)'),
  weight: z.number().describe('The factor’s weight in points out of 100'),
  value: z.number().min(0).max(1).describe('How well the factor is met, 0–1 (0.5 when unknown)'),
  points: z.number().int().describe('Points earned; the reasons’ points add up to the score'),
  known: z.boolean().describe('False when one side lacked the data (counted neutral, lowers confidence)'),
  explanation: z.string(),
})

export const ZMatch = z.object({
  id: z.uuid(),
  score: z.number().int().min(0).max(100),
  confidence: z.number().int().min(0).max(100).describe('Share of the model’s weight that could be judged'),
  status: z.enum(['suggested', 'accepted', 'rejected', 'expired']),
  outcome: z.enum(['accepted', 'submitted', 'interviewed', 'hired', 'rejected']).nullable(),
  model_version: z.number().int(),
  reasons: z.array(ZReason),
  decided_at: ZTs.nullable(),
  decision_reason: z.string().nullable(),
  scored_at: ZTs,
  role: z.object({
    id: z.uuid(),
    title: z.string(),
    company_id: z.uuid(),
    company_name: z.string(),
    function: z.string(),
    seniority: z.string(),
    location: z.string().nullable(),
    country: z.string().nullable(),
    work_mode: z.string(),
    status: z.string(),
    salary: z.object({ min: z.string(), max: z.string(), currency: z.string() }),
  }),
  candidate: z.object({
    id: z.uuid(),
    name: z
      .string()
      .nullable()
      .describe('Only for whoever may see the person (their recruiter, admins, a team once submitted)'),
    title: z.string().nullable(),
    seniority: z.string().nullable(),
    location: z.string().nullable(),
    country: z.string().nullable(),
    years_experience: z.number().int().nullable(),
  }),
  recruiter_id: z.uuid(),
})

export const ZMatchList = listOf(ZMatch).extend({
  threshold: z.number().int().describe('Suggestions below this score never reach people'),
})

export const ZMatchQuery = z.strictObject({
  ...ZListQueryBase,
  role_id: z.uuid().optional(),
  candidate_id: z.uuid().optional(),
  status: z.enum(['suggested', 'accepted', 'rejected', 'all']).default('suggested'),
  min_score: z.coerce
    .number()
    .int()
    .min(0)
    .max(100)
    .optional()
    .describe('Raise the threshold (never lower it)'),
})

export const ZAcceptBody = z.strictObject({}).optional()
export const ZRejectBody = z.strictObject({
  reason: z
    .string()
    .trim()
    .min(3)
    .max(500)
    .describe('Why the suggestion is wrong (kept in the decision log)'),
})

export const ZAccepted = z.object({
  match: ZMatch,
  prefill: z
    .object({ role_id: z.uuid(), candidate_id: z.uuid(), note: z.string() })
    .describe(
      'The body of POST /api/applications for the recruiter to review and submit: nothing was submitted',
    ),
})

export const ZDecision = z.object({
  id: z.uuid(),
  seq: z.string(),
  occurred_at: ZTs,
  kind: z.enum(['suggestion', 'decision', 'override', 'model', 'flag']),
  source: z.string(),
  subject_type: z.string(),
  subject_id: z.string(),
  match_id: z.uuid().nullable(),
  model_version: z.number().int().nullable(),
  score: z.number().int().nullable(),
  confidence: z.number().int().nullable(),
  factors: z
    .union([z.array(z.record(z.string(), z.unknown())), z.record(z.string(), z.unknown())])
    .nullable()
    .describe('A suggestion’s factors (factor, value, points, known); a model change’s weights and metrics'),
  ai_recommendation: z.string().nullable(),
  human_decision: z.string().nullable(),
  agrees: z.boolean().nullable(),
  reason: z.string().nullable(),
  actor_user_id: z.uuid().nullable(),
  actor_role: z.string().nullable(),
  hash: z.string(),
})

export const ZDecisionQuery = z.strictObject({
  ...ZListQueryBase,
  kind: z.enum(['suggestion', 'decision', 'override', 'model', 'flag']).optional(),
  source: z.string().max(40).optional(),
  match_id: z.uuid().optional(),
  subject_id: z.string().max(100).optional(),
  agrees: z.enum(['true', 'false']).optional(),
  from: z.iso.date().optional().describe('From this day (UTC), inclusive; default 90 days ago'),
  to: z.iso.date().optional().describe('Up to this day (UTC), exclusive; default tomorrow'),
})

export const ZDecisionList = listOf(ZDecision).extend({
  agreement: z
    .array(
      z.object({
        day: z.iso.date(),
        decisions: z.number().int(),
        agreed: z.number().int(),
        rate: z.number().nullable(),
      }),
    )
    .describe('Per day: human decisions on suggestions and the share that agreed with the machine'),
  chain: z.object({ ok: z.boolean(), rows: z.number().int(), broken_seq: z.number().int().nullable() }),
})

export const ZRecruiterFit = z.object({
  role_id: z.uuid(),
  data: z.array(
    z.object({
      recruiter_id: z.uuid(),
      name: z.string(),
      score: z.number().int(),
      confidence: z.number().int(),
      reasons: z.array(ZReason),
    }),
  ),
})

export const ZModelVersion = z.object({
  version: z.number().int(),
  status: z.enum(['active', 'retired', 'rejected']),
  weights: z.record(z.string(), z.number()),
  metrics: z.record(z.string(), z.unknown()),
  trained_on: z.number().int(),
  notes: z.string().nullable(),
  created_at: ZTs,
  promoted_at: ZTs.nullable(),
})

export const ZFairness = z.object({
  data: z.array(
    z.object({
      model_version: z.number().int(),
      dimension: z.enum(['country', 'seniority']),
      groups: z.array(
        z.object({
          group: z.string(),
          decided: z.number().int(),
          accepted: z.number().int(),
          rate: z.number().nullable(),
          ratio_to_best: z.number().nullable(),
          flagged: z.boolean().describe('Selection rate below four fifths of the best group’s'),
        }),
      ),
    }),
  ),
})
