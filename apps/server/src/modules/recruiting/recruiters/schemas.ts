import { z } from 'zod'
import { ZListQueryBase } from '../../../kernel/http/schemas.ts'
import { ZFunction, ZIndustry, ZPlanTier, ZSeniority } from '../reference/schemas.ts'

export const ZRecruiter = z.object({
  id: z.string(),
  user_id: z.string(),
  display_name: z.string(),
  headline: z.string().nullable(),
  bio: z.string().nullable(),
  plan_tier: ZPlanTier,
  years_experience: z.number().int().nullable(),
  linkedin_url: z.string().nullable(),
  location: z.string().nullable(),
  status: z.string(),
  agency: z.object({ id: z.string(), name: z.string() }).nullable(),
  specializations: z.object({
    industry: z.array(z.string()),
    function: z.array(z.string()),
    seniority: z.array(z.string()),
    locations: z.array(z.string()),
  }),
  placements: z.number().int(),
  created_at: z.iso.datetime(),
})

export const ZRecruiterListQuery = z.strictObject({
  q: z.string().trim().min(1).max(100).optional(),
  function: ZFunction.optional(),
  industry: ZIndustry.optional(),
  ...ZListQueryBase,
})

export const ZRecruiterProfileUpdate = z
  .strictObject({
    headline: z.string().trim().max(200).nullable().optional(),
    bio: z.string().max(5000).nullable().optional(),
    years_experience: z.number().int().min(0).max(60).nullable().optional(),
    linkedin_url: z.url().max(300).nullable().optional(),
    location: z.string().trim().max(200).nullable().optional(),
    specializations: z
      .strictObject({
        industry: z.array(ZIndustry).max(12).optional(),
        function: z.array(ZFunction).max(11).optional(),
        seniority: z.array(ZSeniority).max(6).optional(),
        locations: z.array(z.string().trim().min(1).max(100)).max(20).optional(),
      })
      .optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'give at least one field to change')
export type TRecruiterProfileUpdate = z.infer<typeof ZRecruiterProfileUpdate>
