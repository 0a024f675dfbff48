import { z } from 'zod'
import { defineEvents, type EventsOf } from '../../../kernel/outbox/events.ts'

/**
 * A candidate was added or changed. The payload names no personal data (the fields changed, not
 * their values): consumers such as matching read what they may know through recruiting's services.
 */
export const CANDIDATE_EVENTS = defineEvents('recruiting', {
  'candidate.created': {
    aggregate: 'candidate',
    description: 'A recruiter added a candidate they represent',
    data: z.object({ candidate_id: z.uuid(), recruiter_id: z.uuid() }),
  },
  'candidate.updated': {
    aggregate: 'candidate',
    description: 'A candidate’s profile changed (the names of the fields that changed)',
    data: z.object({ candidate_id: z.uuid(), recruiter_id: z.uuid(), changed: z.array(z.string()) }),
  },
})

declare module '../../../kernel/outbox/events.ts' {
  interface EventCatalog extends EventsOf<typeof CANDIDATE_EVENTS> {}
}
