import { z } from 'zod'
import { access } from '../../../kernel/http/access.ts'
import { identityRoute as route, signedIn } from '../route.ts'
import { ZSelf } from '../schemas.ts'
import { selfView, updateOwnProfile } from './service.ts'

const own = access.authenticated('The caller’s own account only.')

/** The signed-in person's profile. */
export const accountRoutes = [
  route.define({
    method: 'GET',
    url: '/api/account',
    operationId: 'getMyAccount',
    summary: 'My profile, contacts and memberships',
    access: own,
    response: ZSelf,
    handler: ({ tx, caller }) => selfView(tx, signedIn(caller).userId),
  }),

  route.define({
    method: 'PATCH',
    url: '/api/account',
    operationId: 'updateMyAccount',
    summary: 'Change my display name or language',
    access: own,
    body: z
      .strictObject({
        display_name: z.string().trim().min(1).max(120).optional(),
        locale: z.enum(['en', 'he']).optional(),
      })
      .refine((b) => Object.keys(b).length > 0, 'give at least one field'),
    response: ZSelf,
    handler: async ({ tx, caller, body, ctx }) => {
      const { userId } = signedIn(caller)
      await updateOwnProfile(tx, userId, body, ctx.clock.now())
      return selfView(tx, userId)
    },
  }),
]
