import { z } from 'zod'
import { ZListQueryBase } from '../../../kernel/http/schemas.ts'
import { ROLE_SORTS } from '../discovery/marketplace.ts'
import {
  commaList,
  ZCountry,
  ZCurrency,
  ZEmploymentType,
  ZFunction,
  ZIndustry,
  ZMinor,
  ZMoneyRangeOut,
  ZRoleStatus,
  ZSeniority,
  ZVersion,
  ZVisibility,
  ZWorkMode,
} from '../reference/schemas.ts'
import { EARLY_ACCESS_WINDOW_HOURS } from '../reference/vocabularies.ts'

export const ZSalaryIn = z
  .strictObject({ min: ZMinor, max: ZMinor, currency: ZCurrency })
  .refine((s) => s.max >= s.min, { message: 'max must not be below min', path: ['max'] })

const roleFields = {
  title: z.string().trim().min(2).max(200),
  description: z.string().max(20_000),
  function: ZFunction,
  industry: ZIndustry.nullable().optional(),
  seniority: ZSeniority,
  location: z.string().trim().max(200).nullable().optional(),
  country: ZCountry.nullable().optional(),
  work_mode: ZWorkMode,
  employment_type: ZEmploymentType.default('full_time'),
  salary: ZSalaryIn,
  fee_rate_bps: z
    .number()
    .int()
    .min(0, 'must be 0-10000 (0% to 100%)')
    .max(10_000, 'must be 0-10000 (0% to 100%)')
    .optional()
    .describe('Placement fee as basis points of first-year base salary (2000 = 20%)'),
  guarantee_days: z.number().int().min(0, 'must not be negative').max(365).optional(),
  visibility: ZVisibility.optional(),
  early_access: z
    .boolean()
    .optional()
    .describe(
      `Give recruiters whose plan includes early access a first look: for ${EARLY_ACCESS_WINDOW_HOURS} hours after the role opens only they (and recruiters it is assigned to) see it. Only for roles shared with everyone (422 otherwise); it takes effect when the role opens`,
    ),
  job_owner_recruiter_id: z.uuid().nullable().optional(),
  hiring_manager_user_id: z
    .uuid()
    .nullable()
    .optional()
    .describe('A member of the company’s hiring team (422 otherwise)'),
  openings: z.number().int().min(1).max(100).optional(),
}
export const ZRoleCreate = z.strictObject({ company_id: z.uuid(), ...roleFields })
export const ZRoleUpdate = z
  .strictObject({
    ...Object.fromEntries(Object.entries(roleFields).map(([k, v]) => [k, v.optional()])),
    version: ZVersion.optional(),
  })
  .refine((b) => Object.keys(b).some((k) => k !== 'version'), 'give at least one field to change')
export type TRoleCreate = z.infer<typeof ZRoleCreate>
export type TRoleUpdate = z.infer<typeof ZRoleUpdate>

export const ZRoleStatusChange = z.strictObject({
  status: ZRoleStatus,
  reason: z.string().trim().max(500).optional(),
  version: ZVersion.optional(),
})

export const ZRoleListQuery = z.strictObject({
  q: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .describe('Words in the title, function, location or description'),
  status: commaList(ZRoleStatus).optional().describe('Comma-separated; recruiters default to open'),
  company_id: z.uuid().optional(),
  function: ZFunction.optional(),
  industry: ZIndustry.optional(),
  seniority: ZSeniority.optional(),
  work_mode: ZWorkMode.optional(),
  location: z.string().trim().min(1).max(100).optional(),
  country: ZCountry.optional(),
  salary_currency: ZCurrency.optional(),
  salary_min: ZMinor.optional().describe('Roles paying at least this (minor units)'),
  salary_max: ZMinor.optional().describe('Roles starting at or below this (minor units)'),
  sort: z
    .enum(ROLE_SORTS)
    .default('newest')
    .describe(
      'newest first; fee (the placement fee on the top of the salary range, highest first); salary (top of the range, highest first); fewest_submissions. Ties go by id, so paging never skips or repeats a role.',
    ),
  ...ZListQueryBase,
})

export const ZRoleSummary = z.object({
  id: z.string(),
  company: z.object({ id: z.string(), name: z.string() }),
  title: z.string(),
  function: z.string(),
  industry: z.string().nullable(),
  seniority: z.string(),
  location: z.string().nullable(),
  country: z.string().nullable(),
  work_mode: z.string(),
  employment_type: z.string(),
  salary: ZMoneyRangeOut,
  fee_rate_bps: z.number().int(),
  guarantee_days: z.number().int(),
  status: ZRoleStatus,
  visibility: ZVisibility,
  early_access: z.boolean().describe('The company gives early-access recruiters a first look when it opens'),
  early_access_until: z.iso
    .datetime()
    .nullable()
    .describe('While the first look runs: when everyone else sees the role (null once released)'),
  openings: z.number().int(),
  created_at: z.iso.datetime(),
  opened_at: z.iso.datetime().nullable().describe('When the role first opened to submissions'),
  fee: ZMoneyRangeOut.describe(
    'The placement fee on the salary range at the role’s rate, rounded as the fee engine rounds it (a company’s private contract may differ)',
  ),
  submissions_count: z.number().int().describe('Candidates submitted to the role so far'),
  working_on: z.boolean().describe('Whether the calling recruiter has submitted a candidate to the role'),
})

export const ZRole = ZRoleSummary.extend({
  description: z.string(),
  job_owner: z.object({ recruiter_id: z.string(), name: z.string().nullable() }).nullable(),
  hiring_manager_user_id: z.string().nullable(),
  applications_count: z.number().int(),
  hired_count: z.number().int(),
  updated_at: z.iso.datetime(),
  closed_at: z.iso.datetime().nullable(),
  version: z.number().int().describe('Send it back with a change: a newer one answers 409'),
  can_manage: z.boolean().describe('Whether the caller is on the hiring team (may edit and move candidates)'),
})

export const ZRoleHistory = z.object({
  data: z.array(
    z.object({
      id: z.string(),
      changed_at: z.iso.datetime(),
      changed_by: z.string().nullable(),
      changed_by_name: z.string().nullable(),
      change: z.string(),
      before: z.unknown(),
      after: z.unknown(),
      reason: z.string().nullable(),
    }),
  ),
})

export const ZAssignments = z.object({
  data: z.array(
    z.object({ recruiter_id: z.string(), display_name: z.string(), created_at: z.iso.datetime() }),
  ),
})
export const ZAssignmentsIn = z.strictObject({ recruiter_ids: z.array(z.uuid()).max(500) })
