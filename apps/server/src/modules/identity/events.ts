import { z } from 'zod'
import { defineEvents, type EventsOf } from '../../kernel/outbox/events.ts'

/** The events identity emits (the seeds' shape: `{event, timestamp, data}`). */
export const IDENTITY_EVENTS = defineEvents('identity', {
  'invitation.created': {
    aggregate: 'invitation',
    description: 'Someone was invited to an organisation (the invitee is emailed)',
    data: z.object({
      invitation_id: z.uuid(),
      organization_id: z.uuid(),
      organization_name: z.string(),
      role: z.string(),
      email: z.string(),
      display_name: z.string(),
      invited_by: z.uuid(),
      invited_by_name: z.string(),
      expires_at: z.iso.datetime(),
    }),
  },
  'invitation.accepted': {
    aggregate: 'invitation',
    description: 'An invitee accepted and now holds the role',
    data: z.object({
      invitation_id: z.uuid(),
      organization_id: z.uuid(),
      role: z.string(),
      user_id: z.uuid(),
    }),
  },
})

declare module '../../kernel/outbox/events.ts' {
  interface EventCatalog extends EventsOf<typeof IDENTITY_EVENTS> {}
}
