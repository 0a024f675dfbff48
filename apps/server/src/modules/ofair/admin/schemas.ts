import { z } from 'zod'
import { ZListQueryBase } from '../../../kernel/http/schemas.ts'
import { LEAD_STATUSES, LEAD_TYPES } from '../leads/schemas.ts'
import { ZIsoDate, ZMoneyOut } from '../schemas.ts'
import { ZPayment } from '../settlement/schemas.ts'

const range = {
  from: ZIsoDate.optional().describe('First day (Asia/Jerusalem), inclusive'),
  to: ZIsoDate.optional().describe('Last day (Asia/Jerusalem), inclusive'),
}

const toAfterFrom = (v: { from?: string | undefined; to?: string | undefined }) =>
  !v.from || !v.to || v.from <= v.to

export const ZLeadFilters = {
  status: z.enum(LEAD_STATUSES).optional(),
  type: z.enum(LEAD_TYPES).optional().describe('consumer requests or professionals’ referral leads'),
  q: z.string().trim().min(1).max(100).optional().describe('Words in the title or short description'),
  phone_digits: z
    .string()
    .regex(/^\d{4,9}$/, 'must be 4 to 9 digits')
    .optional()
    .describe('The client’s phone ends with these digits (a read of personal data: logged)'),
  category_id: z.string().min(1).max(64).optional().describe('A category or subcategory'),
  locality_id: z.coerce.number().int().positive().optional().describe('The city (locality id)'),
  owner_user_id: z.uuid().optional().describe('Leads published by this person'),
  ...range,
}

export const ZAdminLeadSearch = z
  .strictObject({ ...ZLeadFilters, ...ZListQueryBase })
  .refine(toAfterFrom, { message: 'must not be before from', path: ['to'] })

export const ZAdminLeadExport = z
  .strictObject(ZLeadFilters)
  .refine(toAfterFrom, { message: 'must not be before from', path: ['to'] })

const MAX_DAYS = 800

export const ZAnalyticsQuery = z
  .strictObject({
    from: ZIsoDate.describe('First day (Asia/Jerusalem), inclusive'),
    to: ZIsoDate.describe('Last day (Asia/Jerusalem), inclusive'),
    granularity: z.enum(['week', 'month']).default('month'),
    group_by: z.enum(['category', 'city', 'none']).default('category'),
  })
  .refine((v) => v.from <= v.to, { message: 'must not be before from', path: ['to'] })
  .refine((v) => (Date.parse(v.to) - Date.parse(v.from)) / 86_400_000 <= MAX_DAYS, {
    message: `the period may be at most ${MAX_DAYS} days`,
    path: ['to'],
  })

const ZCounts = {
  leads: z.number().int(),
  proposals: z.number().int(),
  accepted: z.number().int().describe('Leads with an accepted proposal'),
  completed: z.number().int(),
  conversion_rate: z.number().nullable().describe('accepted / leads (0-1), null without leads'),
  acceptance_rate: z.number().nullable().describe('accepted / proposals (0-1)'),
  completion_rate: z.number().nullable().describe('completed / leads (0-1)'),
}

export const ZAnalytics = z.object({
  from: z.string(),
  to: z.string(),
  granularity: z.enum(['week', 'month']),
  group_by: z.enum(['category', 'city', 'none']),
  total: z.object(ZCounts),
  periods: z.array(z.object({ period: z.string().describe('First day of the week or month'), ...ZCounts })),
  groups: z.array(z.object({ key: z.string(), name: z.string(), ...ZCounts })),
  rows: z.array(z.object({ period: z.string(), key: z.string(), name: z.string(), ...ZCounts })),
})

export const ZAdminUsersQuery = z.strictObject({
  q: z.string().trim().min(1).max(100).optional().describe('Name, email, or 4+ digits of the phone'),
  role: z.enum(['consumer', 'professional', 'ofair_admin']).optional(),
  status: z.enum(['active', 'suspended']).optional(),
  ...ZListQueryBase,
})

export const ZAdminUser = z.object({
  id: z.string(),
  display_name: z.string(),
  status: z.enum(['active', 'suspended']),
  suspended_reason: z.string().nullable(),
  roles: z.array(z.string()),
  email_masked: z.string().nullable(),
  phone_masked: z.string().nullable(),
  created_at: z.iso.datetime(),
  last_sign_in_at: z.iso.datetime().nullable(),
  professional: z
    .object({ id: z.string(), status: z.string(), profession: z.string().nullable() })
    .nullable()
    .describe(
      'The OFAIR professional profile, if any (verify it through /api/ofair/professionals/{id}/verify)',
    ),
})

export const ZReasonIn = z.strictObject({
  reason: z.string().trim().min(3).max(500).describe('Why (kept in the audit log)'),
})

export const ZUserStatusOut = z.object({
  id: z.string(),
  status: z.enum(['active', 'suspended']),
  sessions_revoked: z.number().int(),
})

export const ZUserContacts = z.object({
  user_id: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
})

export const ZDisputeDetail = z.object({
  id: z.string(),
  status: z.string(),
  outcome: z.string().nullable(),
  refund_amount: ZMoneyOut.nullable(),
  resolution_note: z.string().nullable(),
  opened_by_role: z.string(),
  created_at: z.string(),
  resolved_at: z.string().nullable(),
  age_days: z.number().int(),
  lead: z.object({
    id: z.string(),
    title: z.string(),
    short_description: z.string(),
    status: z.string(),
    category: z.string(),
    locality: z.string(),
  }),
  parties: z.array(
    z.object({ side: z.enum(['owner', 'performer']), user_id: z.string(), display_name: z.string() }),
  ),
  statements: z.array(
    z.object({
      side: z.enum(['owner', 'performer']),
      author: z.string(),
      text: z.string().nullable().describe('null: this side has not given a statement'),
      at: z.string().nullable(),
    }),
  ),
  payment: ZPayment,
})

export const ZAccessLogQuery = z
  .strictObject({
    lead_id: z.uuid().optional(),
    accessor_user_id: z.uuid().optional(),
    accessor_role: z.enum(['owner', 'winner', 'admin']).optional(),
    ...range,
    ...ZListQueryBase,
  })
  .refine(toAfterFrom, { message: 'must not be before from', path: ['to'] })

export const ZPiiReadsQuery = z
  .strictObject({
    actor_user_id: z.uuid().optional(),
    subject_id: z.string().min(1).max(100).optional(),
    ...range,
    ...ZListQueryBase,
  })
  .refine(toAfterFrom, { message: 'must not be before from', path: ['to'] })

export const ZPiiRead = z.object({
  id: z.string(),
  occurred_at: z.iso.datetime(),
  actor: z.object({ user_id: z.string().nullable(), display_name: z.string().nullable() }),
  subject_type: z.string(),
  subject_id: z.string(),
  subject_name: z.string().nullable(),
  fields: z.array(z.string()),
  purpose: z.string(),
})
