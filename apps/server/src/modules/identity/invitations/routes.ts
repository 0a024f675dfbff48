import { z } from 'zod'
import { access } from '../../../kernel/http/access.ts'
import { ZIdParams } from '../../../kernel/http/schemas.ts'
import { identityRoute as route, signedIn } from '../route.ts'
import { myInvitations, respondToInvitation } from './service.ts'

const ZMyInvitation = z.object({
  id: z.string(),
  organization_id: z.string(),
  organization_name: z.string(),
  organization_kind: z.string(),
  role: z.string(),
  invited_by_name: z.string().nullable(),
  created_at: z.iso.datetime(),
  expires_at: z.iso.datetime(),
})
const own = access.authenticated('Invitations to the caller’s own email address only.')

/** The invitee's side: see open invitations and answer them. */
export const invitationRoutes = [
  route.define({
    method: 'GET',
    url: '/api/account/invitations',
    operationId: 'listMyInvitations',
    summary: 'Open invitations to join an organisation, sent to my email address',
    access: own,
    response: z.object({ data: z.array(ZMyInvitation) }),
    handler: async ({ tx, ctx }) => ({ data: await myInvitations(tx, ctx.clock.now()) }),
  }),
  route.define({
    method: 'POST',
    url: '/api/account/invitations/:id/accept',
    operationId: 'acceptInvitation',
    summary: 'Accept an invitation: the role is granted now (sign in again or reload to use it)',
    access: own,
    params: ZIdParams,
    errors: [409, 410],
    response: z.object({ status: z.literal('accepted'), organization_id: z.string(), role: z.string() }),
    handler: async ({ tx, caller, params, ctx }) => {
      const r = await respondToInvitation(tx, signedIn(caller).userId, params.id, 'accept', ctx.clock.now())
      return { status: 'accepted' as const, organization_id: r.organizationId, role: r.role }
    },
  }),
  route.define({
    method: 'POST',
    url: '/api/account/invitations/:id/decline',
    operationId: 'declineInvitation',
    summary: 'Decline an invitation',
    access: own,
    params: ZIdParams,
    errors: [409, 410],
    response: z.object({ status: z.literal('declined'), organization_id: z.string(), role: z.string() }),
    handler: async ({ tx, caller, params, ctx }) => {
      const r = await respondToInvitation(tx, signedIn(caller).userId, params.id, 'decline', ctx.clock.now())
      return { status: 'declined' as const, organization_id: r.organizationId, role: r.role }
    },
  }),
]
