import { z } from 'zod'
import { defineEvents, type EventsOf } from '../../../kernel/outbox/events.ts'
import { NOTE_KINDS, NOTE_VISIBILITIES, SIDES } from './kinds.ts'

/** A note was added to an application (its text stays in the table: the event says who and what kind). */
export const NOTE_EVENTS = defineEvents('recruiting', {
  'application.note_added': {
    aggregate: 'application',
    description:
      'A typed note was added to an application (information request or response, pitch, interview feedback, decision or internal note)',
    data: z.object({
      note_id: z.uuid(),
      application_id: z.uuid(),
      kind: z.enum(NOTE_KINDS),
      visibility: z.enum(NOTE_VISIBILITIES),
      author_user_id: z.uuid(),
      author_side: z.enum(SIDES),
      request_note_id: z.uuid().nullable(),
      role_title: z.string(),
      company_id: z.uuid(),
      candidate_id: z.uuid(),
      recruiter_id: z.uuid(),
    }),
  },
})

declare module '../../../kernel/outbox/events.ts' {
  interface EventCatalog extends EventsOf<typeof NOTE_EVENTS> {}
}
