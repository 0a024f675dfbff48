import { z } from 'zod'
import { ZListQueryBase } from '../../../kernel/http/schemas.ts'
import { ZCurrency, ZIndustry, ZPaymentTerms, ZVersion } from '../reference/schemas.ts'

const profile = {
  name: z.string().trim().min(1).max(200),
  website: z.url().max(300).nullable().optional(),
  industry: ZIndustry.nullable().optional(),
  size_band: z.enum(['1-10', '11-50', '51-200', '201-1000', '1001-5000', '5000+']).nullable().optional(),
  headquarters: z.string().trim().max(200).nullable().optional(),
  description: z.string().max(5000).nullable().optional(),
  payment_terms: ZPaymentTerms.optional().describe('Invoice terms: net_30, net_60 or net_90'),
  default_currency: ZCurrency.optional(),
  billing_email: z.email().nullable().optional(),
  billing_contact_name: z.string().trim().max(200).nullable().optional(),
  billing_address: z.string().trim().max(1000).nullable().optional(),
  tax_id: z.string().trim().max(50).nullable().optional(),
}

export const ZCompanyCreate = z.strictObject(profile)
export const ZCompanyUpdate = z
  .strictObject({
    ...Object.fromEntries(Object.entries(profile).map(([k, v]) => [k, v.optional()])),
    version: ZVersion.optional(),
  })
  .refine((b) => Object.keys(b).some((k) => k !== 'version'), 'give at least one field to change')
export type TCompanyCreate = z.infer<typeof ZCompanyCreate>
export type TCompanyUpdate = Partial<TCompanyCreate> & { version?: number | undefined }

export const ZCompanyListQuery = z.strictObject({
  q: z.string().trim().min(1).max(100).optional(),
  mine: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .describe('Only companies whose hiring team I am on'),
  limit: z.coerce.number().int().min(1).max(100).default(50).describe('Page size (1-100)'),
  starting_after: ZListQueryBase.starting_after,
})

export const ZCompanySummary = z.object({
  id: z.string(),
  organization_id: z.string(),
  name: z.string(),
  my_role: z.enum(['company_admin', 'hiring_manager']).nullable().describe('My place on its hiring team'),
  industry: z.string().nullable(),
  headquarters: z.string().nullable(),
  size_band: z.string().nullable(),
  payment_terms: z.string(),
  open_roles: z.number().int(),
})

export const ZCompany = z.object({
  id: z.string(),
  name: z.string(),
  website: z.string().nullable(),
  industry: z.string().nullable(),
  size_band: z.string().nullable(),
  headquarters: z.string().nullable(),
  description: z.string().nullable(),
  payment_terms: ZPaymentTerms,
  default_currency: z.string(),
  open_roles: z.number().int(),
  placements: z.number().int(),
  roles_by_status: z.record(z.string(), z.number().int()).describe('How many roles in each status'),
  billing: z
    .object({
      billing_email: z.string().nullable(),
      billing_contact_name: z.string().nullable(),
      billing_address: z.string().nullable(),
      tax_id: z.string().nullable(),
    })
    .nullable()
    .describe('Only for the company’s team and platform admins'),
  created_at: z.iso.datetime(),
  version: z.number().int().describe('Send it back with a change: a newer one answers 409'),
})

export const TEAM_ROLES = ['company_admin', 'hiring_manager'] as const
export type TeamRole = (typeof TEAM_ROLES)[number]

export const ZTeamEntry = z.object({
  id: z.string().describe('The membership id (active) or the invitation id (invited)'),
  status: z.enum(['active', 'invited']),
  user_id: z.string().nullable().describe('Null until an invitation is accepted'),
  display_name: z.string(),
  email: z
    .string()
    .nullable()
    .describe('The invited address (invitations only; seen by the company’s admins)'),
  role: z.enum(TEAM_ROLES),
  created_at: z.iso.datetime().describe('When they joined, or were invited'),
  expires_at: z.iso.datetime().nullable().describe('When an open invitation lapses'),
  invited_by_name: z.string().nullable(),
})
export const ZTeam = z.object({ data: z.array(ZTeamEntry) })

export const ZTeamInvite = z.strictObject({
  email: z.string().max(254),
  display_name: z.string().trim().min(1).max(120),
  role: z.enum(TEAM_ROLES),
})

export const ZInvitationParams = z.strictObject({ id: z.uuid(), invitationId: z.uuid() })
