import { z } from 'zod'
import type { AnyTx } from '../../kernel/db/database.ts'
import {
  defineEvents,
  type EventData,
  type EventsOf,
  type NewEvent,
  writeEvents,
} from '../../kernel/outbox/events.ts'

/**
 * OFAIR's domain events, written to the outbox in the transaction of the change. Their data never
 * holds a client's name, phone or address. Amounts travel as strings of agorot.
 */
const id = z.uuid()

export const OFAIR_EVENTS = defineEvents('ofair', {
  'ofair_lead.published': {
    aggregate: 'ofair_lead',
    description: 'A lead was published on the board',
    data: z.object({
      lead_id: id,
      type: z.enum(['consumer', 'professional_referral']),
      title: z.string(),
      category_id: z.string(),
      subcategory_id: z.string().nullable(),
      locality_id: z.number().int(),
      owner_user_id: id,
      owner_professional_id: id.nullable(),
      referrer_share_bps: z.number().int().nullable(),
      platform_commission_bps: z.number().int(),
      priority: z.number().int(),
    }),
  },
  'ofair_lead.updated': {
    aggregate: 'ofair_lead',
    description: 'The owner changed a lead (the changed public fields)',
    data: z.object({ lead_id: id, changes: z.record(z.string(), z.unknown()) }),
  },
  'ofair_lead.closed': {
    aggregate: 'ofair_lead',
    description:
      'A lead closed: completed (with its final amount), cancelled by its owner or removed by an admin',
    data: z.object({
      lead_id: id,
      reason: z.enum(['completed', 'cancelled', 'removed']),
      final_amount: z.string().nullable(),
      performer_professional_id: id.nullable(),
    }),
  },
  'ofair_referral.offered': {
    aggregate: 'ofair_referral',
    description: 'A professional offered a lead to another, with the share recorded at transfer time',
    data: z.object({
      referral_id: id,
      lead_id: id,
      level: z.number().int(),
      referrer_professional_id: id,
      receiver_professional_id: id,
      commission_bps: z.number().int(),
      chain_total_bps: z.number().int(),
    }),
  },
  'ofair_referral.accepted': {
    aggregate: 'ofair_referral',
    description: 'The receiver accepted (claimed) the lead',
    data: z.object({
      referral_id: id,
      lead_id: id,
      referrer_professional_id: id,
      receiver_professional_id: id,
    }),
  },
  'ofair_referral.rejected': {
    aggregate: 'ofair_referral',
    description: 'The receiver declined the offer',
    data: z.object({
      referral_id: id,
      lead_id: id,
      referrer_professional_id: id,
      receiver_professional_id: id,
    }),
  },
  'ofair_proposal.submitted': {
    aggregate: 'ofair_proposal',
    description: 'A professional proposed a price for a lead',
    data: z.object({ proposal_id: id, lead_id: id, professional_id: id, price: z.string() }),
  },
  'ofair_proposal.accepted': {
    aggregate: 'ofair_proposal',
    description: 'The lead’s owner accepted a proposal and revealed the client’s details to its professional',
    data: z.object({
      proposal_id: id,
      lead_id: id,
      professional_id: id,
      declined_proposal_ids: z.array(id),
      revelation_id: id,
    }),
  },
  'ofair_proposal.cancelled': {
    aggregate: 'ofair_proposal',
    description: 'A professional withdrew their proposal',
    data: z.object({ proposal_id: id, lead_id: id, professional_id: id }),
  },
  'ofair_professional.reviewed': {
    aggregate: 'ofair_professional',
    description: 'An admin verified or rejected a professional’s profile',
    data: z.object({ professional_id: id, user_id: id, decision: z.enum(['verified', 'rejected']) }),
  },
})

declare module '../../kernel/outbox/events.ts' {
  interface EventCatalog extends EventsOf<typeof OFAIR_EVENTS> {}
}

export type OfairEvent = keyof typeof OFAIR_EVENTS

export function emit<E extends OfairEvent>(tx: AnyTx, type: E, aggregateId: string, data: EventData<E>) {
  return writeEvents(tx, [{ type, aggregateId, data } as NewEvent])
}
