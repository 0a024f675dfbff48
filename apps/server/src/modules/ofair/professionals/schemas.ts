import { z } from 'zod'
import { ZListQueryBase } from '../../../kernel/http/schemas.ts'
import { ZCategoryRef, ZLocalityRef } from '../reference/schemas.ts'
import { ZVersionIn } from '../schemas.ts'

const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM (Asia/Jerusalem)')
const ZRanges = z
  .array(z.tuple([HHMM, HHMM]))
  .max(4)
  .refine((ranges) => ranges.every(([from, to]) => from < to), 'each range must end after it starts')
export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const
export const ZWorkingHours = z
  .strictObject(
    Object.fromEntries(WEEKDAYS.map((d) => [d, ZRanges.optional()])) as Record<
      (typeof WEEKDAYS)[number],
      z.ZodOptional<typeof ZRanges>
    >,
  )
  .describe('Opening hours per weekday in Asia/Jerusalem, e.g. {"sun": [["08:00", "17:00"]]}')

export const BUSINESS_TYPES = ['osek_murshe', 'osek_patur', 'company'] as const

export const ZOnboarding = z.strictObject({
  display_name: z.string().trim().min(2).max(80).describe('The name people see (yours or the business’s)'),
  profession_category_id: z.string().min(1).max(64),
  company_name: z.string().trim().min(1).max(120).nullable().optional(),
  business_number: z
    .string()
    .trim()
    .min(1)
    .max(20)
    .describe('ח.פ. or עוסק number: nine digits with a check digit'),
  business_type: z.enum(BUSINESS_TYPES),
  specialties: z.array(z.string().min(1).max(64)).max(20).default([]),
  base_locality_id: z.number().int().positive(),
  service_radius_km: z.number().int().min(1).max(150),
  service_locality_ids: z.array(z.number().int().positive()).max(50).default([]),
  working_hours: ZWorkingHours.default({}),
  about: z.string().trim().max(2000).default(''),
  version: ZVersionIn.optional(),
})
export type TOnboarding = z.infer<typeof ZOnboarding>

export const ZCertificateIn = z.strictObject({
  file_id: z.uuid(),
  title: z.string().trim().min(1).max(120),
})

export const ZVerifyIn = z.strictObject({
  decision: z.enum(['verified', 'rejected']),
  note: z.string().trim().max(1000).optional(),
})

export const ZProfessionalListQuery = z.strictObject({
  category_id: z.string().min(1).max(64).optional().describe('A category or subcategory'),
  locality_id: z.coerce.number().int().positive().optional().describe('Serves this locality'),
  q: z.string().trim().min(1).max(80).optional(),
  ...ZListQueryBase,
})

export const ZAdminProfessionalQuery = z.strictObject({
  status: z.enum(['pending', 'verified', 'rejected', 'suspended']).optional(),
  ...ZListQueryBase,
})

export const ZCertificate = z.object({
  id: z.string(),
  title: z.string(),
  name: z.string(),
  mime: z.string(),
  url: z.string().describe('Valid for 5 minutes'),
  created_at: z.iso.datetime(),
})

export const ZPublicProfessional = z.object({
  id: z.string(),
  display_name: z.string(),
  company_name: z.string().nullable(),
  profession: ZCategoryRef,
  specialties: z.array(ZCategoryRef),
  base_locality: ZLocalityRef,
  service_radius_km: z.number().int(),
  service_localities: z.array(ZLocalityRef),
  working_hours: z.record(z.string(), z.array(z.tuple([z.string(), z.string()]))),
  about: z.string(),
  verified: z.boolean(),
  rating: z.number().nullable().describe('Average of reviews, 1-5, one decimal; null without reviews'),
  review_count: z.number().int(),
  past_jobs_count: z.number().int(),
  past_jobs: z.array(
    z.object({
      title: z.string(),
      category: ZCategoryRef,
      locality: ZLocalityRef,
      completed_at: z.iso.datetime(),
    }),
  ),
  recent_reviews: z.array(
    z.object({
      rating: z.number().int(),
      body: z.string(),
      reviewer: z.string(),
      created_at: z.iso.datetime(),
    }),
  ),
  subscriber: z.boolean(),
  member_since: z.iso.datetime(),
})

export const ZProfessionalSummary = z.object({
  id: z.string(),
  display_name: z.string(),
  company_name: z.string().nullable(),
  profession: ZCategoryRef,
  base_locality: ZLocalityRef,
  service_radius_km: z.number().int(),
  verified: z.boolean(),
  rating: z.number().nullable(),
  review_count: z.number().int(),
})

export const ZOwnProfessional = ZPublicProfessional.extend({
  business_number: z.string(),
  business_type: z.enum(BUSINESS_TYPES),
  status: z.enum(['pending', 'verified', 'rejected', 'suspended']),
  verification_note: z.string().nullable(),
  certificates: z.array(ZCertificate),
  version: z.number().int(),
})

export const ZAdminProfessional = z.object({
  id: z.string(),
  display_name: z.string(),
  company_name: z.string().nullable(),
  profession: ZCategoryRef,
  base_locality: ZLocalityRef,
  business_number: z.string(),
  business_type: z.enum(BUSINESS_TYPES),
  status: z.enum(['pending', 'verified', 'rejected', 'suspended']),
  verification_note: z.string().nullable(),
  certificates: z.array(ZCertificate),
  created_at: z.iso.datetime(),
})
