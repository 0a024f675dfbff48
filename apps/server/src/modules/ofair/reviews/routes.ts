import { z } from 'zod'
import { ZIdParams } from '../../../kernel/http/schemas.ts'
import { ofairRoute as route, who } from '../route.ts'
import { adminReview, adminReviews, jobReview, professionalReviews } from './queries.ts'
import {
  ZAdminReview,
  ZAdminReviews,
  ZAdminReviewsQuery,
  ZJobReview,
  ZModerateIn,
  ZProfessionalReviews,
  ZProfessionalReviewsQuery,
  ZReplyIn,
  ZReviewIn,
  ZReviewSettings,
  ZReviewSettingsIn,
} from './schemas.ts'
import { createReview, moderateReview, replyToReview, updateReviewSettings } from './service.ts'

const tags = ['ofair-reviews']
const adminTags = ['ofair-admin']

export const reviewRoutes = [
  route.define({
    method: 'GET',
    url: '/api/ofair/professionals/:id/reviews',
    operationId: 'listOfairProfessionalReviews',
    summary:
      'A professional’s rating summary (average, count, distribution) and visible reviews with replies',
    description:
      'Public. Reviewers appear by first name and city, or anonymously, as the admins configured. Hidden reviews are left out and do not count.',
    tags,
    access: who.anyone,
    params: ZIdParams,
    query: ZProfessionalReviewsQuery,
    response: ZProfessionalReviews,
    handler: ({ tx, params, query }) => professionalReviews(tx, params.id, query),
  }),
  route.define({
    method: 'GET',
    url: '/api/ofair/proposals/:id/review',
    operationId: 'getOfairJobReview',
    summary: 'The review of a job, and whether the caller may rate it or reply',
    tags,
    access: who.members,
    params: ZIdParams,
    response: ZJobReview,
    handler: ({ tx, caller, params }) => jobReview(tx, caller, params.id),
  }),
  route.define({
    method: 'POST',
    url: '/api/ofair/proposals/:id/review',
    operationId: 'reviewOfairJob',
    summary: 'The lead’s owner rates the performer of a confirmed job (1-5, optional text)',
    description:
      'Once per job: a second review is a 409 `already_reviewed`; a job not yet confirmed by its owner is a 409 `job_not_confirmed`. The professional’s average, count and distribution change in the same transaction. Text is plain text (at most 1,000 characters, no control characters).',
    tags,
    access: who.members,
    params: ZIdParams,
    body: ZReviewIn,
    status: 201,
    errors: [409],
    response: ZJobReview,
    handler: async ({ tx, caller, params, body, ctx }) => {
      await createReview(tx, caller, params.id, body, ctx.clock.now())
      return jobReview(tx, caller, params.id)
    },
  }),
  route.define({
    method: 'POST',
    url: '/api/ofair/reviews/:id/reply',
    operationId: 'replyToOfairReview',
    summary: 'The reviewed professional replies to a review, once',
    tags,
    access: who.professional,
    params: ZIdParams,
    body: ZReplyIn,
    errors: [409],
    response: z.object({ id: z.string(), replied: z.literal(true) }),
    handler: async ({ tx, caller, params, body, ctx }) => {
      await replyToReview(tx, caller, params.id, body.body, ctx.clock.now())
      return { id: params.id, replied: true as const }
    },
  }),
  route.define({
    method: 'GET',
    url: '/api/ofair/admin/reviews',
    operationId: 'listOfairReviewsForAdmin',
    summary: 'Every review, newest first, with its moderation (filter: visible, hidden, a professional)',
    tags: adminTags,
    access: who.admin,
    query: ZAdminReviewsQuery,
    response: ZAdminReviews,
    handler: ({ tx, query }) => adminReviews(tx, query),
  }),
  route.define({
    method: 'POST',
    url: '/api/ofair/admin/reviews/:id/hide',
    operationId: 'hideOfairReview',
    summary: 'An admin hides an abusive review, with a reason (audited); it leaves the rating',
    tags: adminTags,
    access: who.admin,
    params: ZIdParams,
    body: ZModerateIn,
    errors: [409],
    response: ZAdminReview,
    handler: async ({ tx, caller, params, body, ctx }) => {
      await moderateReview(tx, caller, params.id, 'hide', body.reason, ctx.clock.now())
      return adminReview(tx, params.id)
    },
  }),
  route.define({
    method: 'POST',
    url: '/api/ofair/admin/reviews/:id/unhide',
    operationId: 'unhideOfairReview',
    summary: 'An admin shows a hidden review again, with a reason (audited); it counts again',
    tags: adminTags,
    access: who.admin,
    params: ZIdParams,
    body: ZModerateIn,
    errors: [409],
    response: ZAdminReview,
    handler: async ({ tx, caller, params, body, ctx }) => {
      await moderateReview(tx, caller, params.id, 'unhide', body.reason, ctx.clock.now())
      return adminReview(tx, params.id)
    },
  }),
  route.define({
    method: 'GET',
    url: '/api/ofair/admin/review-settings',
    operationId: 'getOfairReviewSettings',
    summary: 'How reviewers appear publicly (first name and city, or anonymous)',
    tags: adminTags,
    access: who.admin,
    response: ZReviewSettings,
    handler: async ({ tx }) => {
      const row = await tx.selectFrom('ofair.review_settings').selectAll().executeTakeFirstOrThrow()
      return { display_mode: row.display_mode as 'first_name_city' | 'anonymous', version: row.version }
    },
  }),
  route.define({
    method: 'PUT',
    url: '/api/ofair/admin/review-settings',
    operationId: 'updateOfairReviewSettings',
    summary: 'An admin sets how reviewers appear publicly (audited)',
    tags: adminTags,
    access: who.admin,
    body: ZReviewSettingsIn,
    errors: [409],
    response: ZReviewSettings,
    handler: async ({ tx, caller, body, ctx }) => {
      const row = await updateReviewSettings(tx, caller, body, ctx.clock.now())
      return { display_mode: row.display_mode as 'first_name_city' | 'anonymous', version: row.version }
    },
  }),
]
