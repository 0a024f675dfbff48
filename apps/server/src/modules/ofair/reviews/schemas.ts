import { z } from 'zod'
import { listOf, ZListQueryBase } from '../../../kernel/http/schemas.ts'

/** API shapes of OFAIR reviews. Texts are plain text: the web renders them as text, never HTML. */

// tab, line feed and carriage return are the only control characters a text may hold
// biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to refuse them
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/

export const plainText = (max: number) =>
  z
    .string()
    .max(max, `must be at most ${max} characters`)
    .refine((s) => !CONTROL.test(s), { message: 'must not contain control characters' })

export const ZReviewIn = z.strictObject({
  rating: z.number().int('must be a whole number').min(1).max(5).describe('1 (poor) to 5 (excellent)'),
  body: plainText(1000).default('').describe('Optional plain text, at most 1,000 characters'),
})
export type TReviewIn = z.infer<typeof ZReviewIn>

export const ZReplyIn = z.strictObject({
  body: plainText(1000)
    .refine((s) => s.trim().length > 0, { message: 'must not be empty' })
    .describe('The professional’s one reply, plain text, 1-1,000 characters'),
})

export const ZModerateIn = z.strictObject({
  reason: plainText(500)
    .refine((s) => s.trim().length > 0, { message: 'must not be empty' })
    .describe('Why (kept in the audit log)'),
})

export const DISPLAY_MODES = ['first_name_city', 'anonymous'] as const
export const ZReviewSettings = z.object({
  display_mode: z
    .enum(DISPLAY_MODES)
    .describe('How reviewers appear publicly: first name and city, or anonymous'),
  version: z.number().int(),
})
export const ZReviewSettingsIn = z.strictObject({
  display_mode: z.enum(DISPLAY_MODES),
  version: z.number().int().min(1).describe('The version you loaded; a newer one answers 409'),
})

export const ZRatingSummary = z.object({
  average: z.number().nullable().describe('Average of visible reviews, one decimal; null without reviews'),
  count: z.number().int(),
  distribution: z
    .array(z.number().int())
    .length(5)
    .describe('How many visible reviews gave 1, 2, 3, 4 and 5 stars (index 0 = 1 star)'),
})

export const ZReply = z.object({ body: z.string(), created_at: z.iso.datetime() }).nullable()

export const ZPublicReview = z.object({
  id: z.string(),
  rating: z.number().int(),
  body: z.string(),
  reviewer: z.string().describe('First name and city, or “לקוח/ה של OFAIR” when reviews are anonymous'),
  created_at: z.iso.datetime(),
  reply: ZReply,
})

export const ZProfessionalReviews = z.object({
  professional_id: z.string(),
  summary: ZRatingSummary,
  reviews: listOf(ZPublicReview),
})

export const ZProfessionalReviewsQuery = z.strictObject({ ...ZListQueryBase })

/** A job's review as its two sides see it (and admins). */
export const ZJobReview = z.object({
  proposal_id: z.string(),
  can_review: z.boolean().describe('The caller owns the lead, the job is confirmed and not rated yet'),
  can_reply: z.boolean().describe('The caller performed the job, it is rated and not answered yet'),
  review: ZPublicReview.extend({ hidden: z.boolean() }).nullable(),
})

export const ZAdminReview = ZPublicReview.extend({
  professional: z.object({ id: z.string(), display_name: z.string() }),
  lead_id: z.string(),
  reviewer_user_id: z.string(),
  reviewer_display: z.string().describe('First name and city, whatever the public display mode'),
  hidden: z.boolean(),
  hidden_at: z.iso.datetime().nullable(),
  hidden_reason: z.string().nullable(),
  version: z.number().int(),
})

export const ZAdminReviewsQuery = z.strictObject({
  ...ZListQueryBase,
  status: z.enum(['all', 'visible', 'hidden']).default('all'),
  professional_id: z.uuid().optional(),
})
export const ZAdminReviews = listOf(ZAdminReview)
