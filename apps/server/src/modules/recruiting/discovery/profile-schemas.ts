import { z } from 'zod'
import { ZRoleSummary } from '../roles/schemas.ts'

export const ZCompanyProfileParams = z.strictObject({
  slug: z
    .string()
    .min(1)
    .max(100)
    .regex(/^[a-z0-9][a-z0-9-]*$/i, 'must be a company’s profile address or id')
    .describe('The company’s profile address (its slug), or its id'),
})

export const ZCompanyProfile = z.object({
  id: z.string(),
  slug: z.string().describe('The profile’s address: /splits/companies/{slug}'),
  name: z.string(),
  about: z.string().nullable(),
  industry: z.string().nullable(),
  size_band: z.string().nullable(),
  headquarters: z.string().nullable(),
  website: z.string().nullable(),
  locations: z.array(z.string()).describe('Headquarters and the places of its open roles'),
  open_roles_count: z.number().int().describe('Open roles the caller can see'),
  open_roles: z.array(ZRoleSummary).describe('The newest 50 of them'),
  placements_count: z.number().int().describe('Hires made through the platform (fall-offs excluded)'),
  member_since: z.iso.datetime(),
})

export const ZRecruiterProfile = z.object({
  id: z.string(),
  display_name: z.string(),
  headline: z.string().nullable(),
  bio: z.string().nullable(),
  location: z.string().nullable(),
  years_experience: z.number().int().nullable(),
  linkedin_url: z.string().nullable(),
  agency: z.object({ id: z.string(), name: z.string() }).nullable(),
  specializations: z.object({
    industry: z.array(z.string()),
    function: z.array(z.string()),
    seniority: z.array(z.string()),
    locations: z.array(z.string()),
  }),
  verified_placements: z
    .number()
    .int()
    .describe(
      'Placements the recruiter shared that stayed past their guarantee (from the placements themselves)',
    ),
  placements_in_guarantee: z.number().int().describe('Placements still inside their guarantee'),
  roles_worked: z.number().int().describe('Roles the recruiter has submitted candidates to'),
  companies_worked_with: z.number().int(),
  member_since: z.iso.datetime(),
})
