import { z } from 'zod'
import { ROLE_NAMES } from './roles.ts'

export const ZRole = z.enum(ROLE_NAMES)

export const ZSessionDelivery = z
  .enum(['cookie', 'token'])
  .default('cookie')
  .describe(
    'cookie: set the httpOnly session cookie (browsers). token: return a bearer token instead (API clients).',
  )

export const ZMembership = z.object({
  id: z.string(),
  role: ZRole,
  organization_id: z.string(),
  organization_name: z.string(),
  kind: z.enum(['platform', 'company', 'agency']),
  marketplace: z.enum(['splits', 'ofair']),
})

export const ZSelf = z.object({
  id: z.string(),
  display_name: z.string(),
  locale: z.enum(['en', 'he']),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  roles: z.array(ZRole),
  memberships: z.array(ZMembership),
})

export const ZSignedIn = z.object({
  user: ZSelf,
  marketplace: z.enum(['splits', 'ofair']),
  is_new_user: z.boolean(),
  csrf_token: z.string().describe('Send as the x-csrf-token header on every mutation made with the cookie'),
  session: z.object({ id: z.string(), expires_at: z.iso.datetime() }),
  token: z
    .string()
    .optional()
    .describe('Only with session_delivery=token: use as "Authorization: Bearer <token>"'),
})

export const ZChallenge = z.object({
  challenge_id: z.string(),
  expires_at: z.iso.datetime(),
  sent_to: z.string().describe('Where the code went, masked'),
})

export const ZSessionInfo = z.object({
  id: z.string(),
  marketplace: z.enum(['splits', 'ofair']),
  via: z.string(),
  created_at: z.iso.datetime(),
  last_seen_at: z.iso.datetime(),
  expires_at: z.iso.datetime(),
  ip: z.string().nullable(),
  user_agent: z.string().nullable(),
  current: z.boolean(),
})
