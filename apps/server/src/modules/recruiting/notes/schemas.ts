import { z } from 'zod'
import { ZVersion } from '../reference/schemas.ts'
import {
  NOTE_KINDS,
  NOTE_MAX_LENGTH,
  NOTE_VISIBILITIES,
  RATING_MAX,
  RATING_MIN,
  RECOMMENDATIONS,
  SIDES,
} from './kinds.ts'

export const ZNoteKind = z.enum(NOTE_KINDS)
export const ZRecommendation = z.enum(RECOMMENDATIONS)
const ZCriterionKey = z
  .string()
  .regex(/^[a-z0-9_]{1,40}$/, 'must be 1-40 lower-case letters, digits or underscores')

export const ZRatingIn = z.strictObject({
  criterion_key: ZCriterionKey,
  rating: z.number().int().min(RATING_MIN).max(RATING_MAX).describe('1 (poor) to 4 (excellent)'),
})

export const ZNoteIn = z.strictObject({
  kind: ZNoteKind,
  body: z
    .string()
    .trim()
    .min(1)
    .max(NOTE_MAX_LENGTH)
    .describe('Plain text (markup is kept as typed, never rendered)'),
  request_note_id: z.uuid().optional().describe('information_response only: the request it answers'),
  share: z
    .boolean()
    .optional()
    .describe(
      'interview_feedback (default false) and decision_note (default true): whether the recruiter sees it',
    ),
  interview_id: z.uuid().optional().describe('interview_feedback only: the interview it is about'),
  recommendation: ZRecommendation.optional().describe('interview_feedback only (required there)'),
  ratings: z
    .array(ZRatingIn)
    .max(12)
    .optional()
    .describe('interview_feedback only: a rating per criterion of the role’s scorecard'),
})
export type TNoteIn = z.infer<typeof ZNoteIn>

export const ZRatingOut = z.object({
  criterion_key: z.string(),
  criterion_name: z.string(),
  weight: z.number().int(),
  rating: z.number().int(),
})

export const ZNote = z.object({
  id: z.string(),
  application_id: z.string(),
  kind: ZNoteKind,
  visibility: z.enum(NOTE_VISIBILITIES),
  author: z.object({ id: z.string(), name: z.string().nullable(), side: z.enum(SIDES) }),
  body: z.string(),
  created_at: z.iso.datetime(),
  request_note_id: z.string().nullable(),
  answered_by_note_id: z
    .string()
    .nullable()
    .describe('information_request: the response, or null while the request is open'),
  interview_id: z.string().nullable(),
  recommendation: ZRecommendation.nullable(),
  ratings: z.array(ZRatingOut),
})

export const ZScorecardSummary = z.object({
  feedback_count: z.number().int(),
  recommendations: z.object(
    Object.fromEntries(RECOMMENDATIONS.map((r) => [r, z.number().int()])) as Record<
      (typeof RECOMMENDATIONS)[number],
      z.ZodNumber
    >,
  ),
  criteria: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      weight: z.number().int(),
      count: z.number().int(),
      average: z.number().nullable(),
    }),
  ),
  weighted_average: z.number().nullable(),
})

export const ZNotes = z.object({
  data: z.array(ZNote),
  summary: ZScorecardSummary.describe('The interview feedback you can see, summed up'),
  open_requests: z.number().int().describe('Information requests not yet answered'),
  viewer: z.object({
    sides: z
      .array(z.enum(SIDES))
      .describe('The sides of this application you are on (none: a platform admin)'),
    can_write: z.array(ZNoteKind),
  }),
})

export const ZCriterionIn = z.strictObject({
  key: ZCriterionKey.optional().describe('Stable key (kept across edits); made from the name when absent'),
  name: z.string().trim().min(1).max(80),
  description: z.string().trim().max(500).optional(),
  weight: z.number().int().min(1).max(5).optional().describe('1-5, default 1'),
})
export const ZScorecardIn = z.strictObject({
  criteria: z.array(ZCriterionIn).min(1).max(12),
  version: ZVersion.optional(),
})
export type TScorecardIn = z.infer<typeof ZScorecardIn>

export const ZCriterion = z.object({
  key: z.string(),
  name: z.string(),
  description: z.string(),
  weight: z.number().int(),
})
export const ZScorecard = z.object({
  role_id: z.string(),
  criteria: z.array(ZCriterion),
  version: z.number().int().describe('0 while the role uses the default template'),
  is_default: z.boolean(),
  updated_at: z.iso.datetime().nullable(),
  updated_by_name: z.string().nullable(),
  can_edit: z.boolean(),
})
