import { z } from 'zod'
import type { AnyTx } from '../../../kernel/db/database.ts'
import {
  defineEvents,
  type EventData,
  type EventsOf,
  type NewEvent,
  writeEvents,
} from '../../../kernel/outbox/events.ts'

/** Events of OFAIR reviews and projects, written with the change. No reviewer contacts in them. */
const id = z.uuid()

export const OFAIR_REVIEW_EVENTS = defineEvents('ofair', {
  'ofair_review.created': {
    aggregate: 'ofair_review',
    description: 'A lead’s owner rated the performer of a confirmed job (1-5)',
    data: z.object({ review_id: id, lead_id: id, professional_id: id, rating: z.number().int() }),
  },
  'ofair_review.replied': {
    aggregate: 'ofair_review',
    description: 'The professional replied to a review of their work',
    data: z.object({ review_id: id, professional_id: id }),
  },
  'ofair_review.hidden': {
    aggregate: 'ofair_review',
    description: 'An admin hid a review (it leaves the professional’s rating)',
    data: z.object({ review_id: id, professional_id: id, reason: z.string() }),
  },
  'ofair_review.unhidden': {
    aggregate: 'ofair_review',
    description: 'An admin showed a hidden review again (it counts in the rating again)',
    data: z.object({ review_id: id, professional_id: id, reason: z.string() }),
  },
  'ofair_project.created': {
    aggregate: 'ofair_project',
    description: 'An accepted proposal became a project',
    data: z.object({ project_id: id, lead_id: id, proposal_id: id, performer_professional_id: id }),
  },
  'ofair_project.milestone_changed': {
    aggregate: 'ofair_project',
    description: 'A project milestone was added or moved forward',
    data: z.object({
      project_id: id,
      milestone_id: id,
      status: z.enum(['pending', 'in_progress', 'done']),
    }),
  },
  'ofair_project.update_posted': {
    aggregate: 'ofair_project',
    description: 'The performer posted a status update on a project',
    data: z.object({ project_id: id, update_id: id }),
  },
})

declare module '../../../kernel/outbox/events.ts' {
  interface EventCatalog extends EventsOf<typeof OFAIR_REVIEW_EVENTS> {}
}

type ReviewEvent = keyof typeof OFAIR_REVIEW_EVENTS

export function emitReviewEvent<E extends ReviewEvent>(
  tx: AnyTx,
  type: E,
  aggregateId: string,
  data: EventData<E>,
) {
  return writeEvents(tx, [{ type, aggregateId, data } as NewEvent])
}
