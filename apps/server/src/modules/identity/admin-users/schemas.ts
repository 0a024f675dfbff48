import { z } from 'zod'
import { listOf, ZListQueryBase } from '../../../kernel/http/schemas.ts'
import { ZRole } from '../schemas.ts'

export const ZUserStatus = z.enum(['active', 'suspended'])

export const ZUserParams = z.strictObject({ id: z.uuid() })

export const ZUserSearchQuery = z.strictObject({
  q: z.string().trim().min(1).max(100).optional().describe('Name, email or phone digits'),
  role: ZRole.optional(),
  status: ZUserStatus.optional(),
  ...ZListQueryBase,
})

export const ZUserRow = z.object({
  id: z.string(),
  display_name: z.string(),
  status: ZUserStatus,
  locale: z.string(),
  roles: z.array(ZRole),
  email_masked: z.string().nullable(),
  phone_masked: z.string().nullable(),
  created_at: z.iso.datetime(),
  last_sign_in_at: z.iso.datetime().nullable(),
})

export const ZAuditEntry = z.object({
  seq: z.string(),
  occurred_at: z.iso.datetime(),
  action: z
    .string()
    .describe(
      'identity.user_suspended, identity.user_reactivated, identity.role_granted, identity.role_revoked, ' +
        'identity.sessions_revoked, identity.invitation_accepted, identity.invitation_declined, …',
    ),
  actor_user_id: z.string().nullable(),
  actor_name: z.string().nullable().describe('Who did it; null when the system did'),
  before: z.unknown(),
  after: z.unknown(),
})

export const ZUserDetail = z.object({
  id: z.string(),
  display_name: z.string(),
  status: ZUserStatus,
  suspended_reason: z.string().nullable(),
  locale: z.string(),
  created_at: z.iso.datetime(),
  last_sign_in_at: z.iso.datetime().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  active_sessions: z.number().int(),
  memberships: z.array(
    z.object({
      id: z.string(),
      role: ZRole,
      organization_id: z.string(),
      organization_name: z.string(),
      kind: z.string(),
      marketplace: z.string(),
      created_at: z.iso.datetime(),
    }),
  ),
  audit: z
    .array(ZAuditEntry)
    .describe('The latest entries of the audit trail; page through GET …/audit for more'),
})

export const ZAuditPage = listOf(ZAuditEntry)

export const ZOrganizationSearchQuery = z.strictObject({
  q: z.string().trim().min(1).max(100).optional(),
  limit: ZListQueryBase.limit,
})

export const ZOrganizationList = z.object({
  data: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      kind: z.string(),
      marketplace: z.string(),
      slug: z.string(),
    }),
  ),
})
