import { z } from 'zod'
import { ZSelf } from '../schemas.ts'

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

export const ZWhoAmI = z.object({
  signed_in: z.boolean(),
  demo_mode: z.boolean().describe('Demo personas and the dev outbox are available'),
  user: ZSelf.optional(),
  csrf_token: z.string().optional(),
  via: z.enum(['session', 'bearer']).optional(),
})

export const ZRevokeBody = z.strictObject({ session_id: z.uuid().optional() }).nullish()
