import { z } from 'zod'
import { ZListQueryBase } from '../../../kernel/http/schemas.ts'
import { ZCountry, ZCurrency, ZMinor, ZOwnership, ZVersion } from '../reference/schemas.ts'

const ZUrl = z.url().max(500)

/** Skills as the person typed them; a repeat in another case ("c++" after "C++") is dropped. */
export const ZSkills = z
  .array(z.string().trim().min(1).max(60))
  .max(50)
  .transform((skills) => {
    const seen = new Set<string>()
    return skills.filter((s) => {
      const key = s.toLocaleLowerCase('en-US')
      if (seen.has(key)) return false
      seen.add(key)
      return true
    })
  })

const candidateFields = {
  full_name: z.string().trim().min(1).max(200),
  current_title: z.string().trim().max(200).nullable().optional(),
  location: z.string().trim().max(200).nullable().optional(),
  country: ZCountry.nullable().optional(),
  skills: ZSkills.optional().describe('Kept as typed; matched and de-duplicated without regard to case'),
  years_experience: z.number().int().min(0).max(70).nullable().optional(),
  salary_expectation: z
    .strictObject({
      min: ZMinor.nullable().optional(),
      max: ZMinor.nullable().optional(),
      currency: ZCurrency,
    })
    .nullable()
    .optional(),
  notes: z.string().max(10_000).nullable().optional(),
  email: z.email().max(254).nullable().optional(),
  phone: z.string().trim().min(5).max(32).nullable().optional(),
  linkedin_url: ZUrl.nullable().optional(),
  github_url: ZUrl.nullable().optional(),
  website_url: ZUrl.nullable().optional(),
  consent: z
    .strictObject({
      method: z.enum(['email', 'written', 'verbal', 'portal']),
      text_version: z.string().min(1).max(50).default('rtr-2026-01'),
    })
    .nullable()
    .optional()
    .describe('The person agreed to be represented and to have their details shared with companies'),
}
export const ZCandidateCreate = z.strictObject(candidateFields)
export const ZCandidateUpdate = z
  .strictObject({
    ...Object.fromEntries(Object.entries(candidateFields).map(([k, v]) => [k, v.optional()])),
    version: ZVersion.optional(),
  })
  .refine((b) => Object.keys(b).some((k) => k !== 'version'), 'give at least one field to change')
export type TCandidateCreate = z.infer<typeof ZCandidateCreate>
export type TCandidateUpdate = z.infer<typeof ZCandidateUpdate>

export const ZDuplicateWarning = z.object({
  matched_on: z.array(z.enum(['email', 'phone', 'linkedin', 'github'])),
  yours: z.boolean(),
  candidate_id: z.string().nullable(),
  represented_to: z.array(
    z.object({ company_id: z.string(), company_name: z.string(), expires_at: z.iso.datetime() }),
  ),
})

export const ZCandidate = z.object({
  id: z.string(),
  recruiter: z.object({ id: z.string(), name: z.string() }),
  full_name: z.string(),
  current_title: z.string().nullable(),
  location: z.string().nullable(),
  country: z.string().nullable(),
  skills: z.array(z.string()),
  years_experience: z.number().int().nullable(),
  salary_expectation: z
    .object({ min: z.string().nullable(), max: z.string().nullable(), currency: z.string() })
    .nullable(),
  notes: z.string().nullable(),
  contacts: z
    .object({
      email: z.string().nullable(),
      phone: z.string().nullable(),
      linkedin_url: z.string().nullable(),
      github_url: z.string().nullable(),
      website_url: z.string().nullable(),
    })
    .nullable(),
  consent: z
    .object({ given_at: z.iso.datetime(), method: z.string(), text_version: z.string().nullable() })
    .nullable(),
  yours: z.boolean(),
  representations: z
    .array(
      z.object({
        id: z.string(),
        company_id: z.string(),
        company_name: z.string(),
        starts_at: z.iso.datetime(),
        expires_at: z.iso.datetime(),
        status: z.string(),
        ownership: ZOwnership,
      }),
    )
    .describe('The representing recruiter sees all; a hiring team only its own company’s'),
  applications: z
    .array(
      z.object({
        id: z.string(),
        role_id: z.string(),
        role_title: z.string(),
        company_name: z.string(),
        stage: z.string(),
        submitted_at: z.iso.datetime(),
        stage_changed_at: z.iso.datetime(),
      }),
    )
    .describe('The representing recruiter sees all; a hiring team only those to its own company'),
  version: z.number().int().describe('Send it back with a change: a newer one answers 409'),
  created_at: z.iso.datetime(),
  updated_at: z.iso.datetime(),
})
export const ZCandidateSaved = z.object({ candidate: ZCandidate, warnings: z.array(ZDuplicateWarning) })

export const ZCandidateSummary = z.object({
  id: z.string(),
  full_name: z.string(),
  current_title: z.string().nullable(),
  location: z.string().nullable(),
  skills: z.array(z.string()),
  years_experience: z.number().int().nullable(),
  has_consent: z.boolean(),
  applications_count: z.number().int(),
  created_at: z.iso.datetime(),
})

export const ZCandidateListQuery = z.strictObject({
  q: z.string().trim().min(2).max(100).optional().describe('Part of a name, title, location or skill'),
  skill: z.string().trim().min(1).max(60).optional().describe('A skill, in any case'),
  ...ZListQueryBase,
})

export const ZDuplicateCheck = z.strictObject({
  email: z.string().max(254).optional(),
  phone: z.string().max(32).optional(),
  linkedin_url: z.string().max(500).optional(),
  github_url: z.string().max(500).optional(),
  country: ZCountry.optional(),
})
