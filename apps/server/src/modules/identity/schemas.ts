import { z } from 'zod'
import { ROLE_NAMES } from './roles.ts'

/** Schemas several identity resources answer with. */
export const ZRole = z.enum(ROLE_NAMES)

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
