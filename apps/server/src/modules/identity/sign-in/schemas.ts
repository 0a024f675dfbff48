import { z } from 'zod'
import { ZSelf } from '../schemas.ts'

export const ZSessionDelivery = z
  .enum(['cookie', 'token'])
  .default('cookie')
  .describe(
    'cookie: set the httpOnly session cookie (browsers). token: return a bearer token instead (API clients).',
  )

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

export const ZEmailStart = z.strictObject({ email: z.string().min(3).max(254) })
export const ZPhoneStart = z.strictObject({ phone: z.string().min(3).max(32) })

export const ZVerifyBody = z.strictObject({
  challenge_id: z.uuid(),
  code: z.string().regex(/^\d{6}$/, 'must be the 6 digits from the message'),
  session_delivery: ZSessionDelivery,
})

export const ZMagicLinkBody = z.strictObject({
  token: z.string().min(10).max(100),
  session_delivery: ZSessionDelivery,
})
