import { z } from 'zod'
import type { AnyTx } from '../../../kernel/db/database.ts'
import {
  defineEvents,
  type EventData,
  type EventsOf,
  type NewEvent,
  writeEvents,
} from '../../../kernel/outbox/events.ts'

/** Settlement events of OFAIR (amounts as strings of agorot), written with the change. */
const id = z.uuid()
const payment = { lead_payment_id: id, lead_id: id, performer_professional_id: id }

export const OFAIR_SETTLEMENT_EVENTS = defineEvents('ofair', {
  'ofair_job.completed': {
    aggregate: 'ofair_lead_payment',
    description: 'The performer marked an accepted job done with its final amount',
    data: z.object({ ...payment, final_amount: z.string() }),
  },
  'ofair_job.confirmed': {
    aggregate: 'ofair_lead_payment',
    description:
      'The lead’s owner confirmed the job: commission and referral fees booked (B2B) or awaiting payment',
    data: z.object({
      ...payment,
      settlement_mode: z.enum(['b2b', 'captured']),
      final_amount: z.string(),
      platform_commission: z.string(),
      referrer_fee: z.string(),
      professional_net_amount: z.string(),
    }),
  },
  'ofair_job.paid': {
    aggregate: 'ofair_lead_payment',
    description: 'Captured mode: the customer’s payment arrived; the parts wait for the hold period',
    data: z.object({ ...payment, psp_provider: z.string(), hold_until: z.string() }),
  },
  'ofair_job.released': {
    aggregate: 'ofair_lead_payment',
    description: 'Captured mode: the hold period ended (or an admin released it); the parts are available',
    data: z.object({ ...payment }),
  },
  'ofair_dispute.opened': {
    aggregate: 'ofair_dispute',
    description: 'A party of a job opened a dispute; its funds are frozen',
    data: z.object({ dispute_id: id, ...payment, opened_by_role: z.enum(['owner', 'performer']) }),
  },
  'ofair_dispute.resolved': {
    aggregate: 'ofair_dispute',
    description: 'An admin resolved a dispute (release, partial or refund)',
    data: z.object({
      dispute_id: id,
      ...payment,
      outcome: z.enum(['release', 'partial', 'refund']),
      refund_amount: z.string().nullable(),
    }),
  },
  'ofair_withdrawal.requested': {
    aggregate: 'ofair_withdrawal',
    description: 'A professional asked to withdraw from their available balance',
    data: z.object({ withdrawal_id: id, professional_id: id, amount: z.string() }),
  },
  'ofair_withdrawal.decided': {
    aggregate: 'ofair_withdrawal',
    description: 'An admin approved or rejected a withdrawal',
    data: z.object({
      withdrawal_id: id,
      professional_id: id,
      amount: z.string(),
      decision: z.enum(['approved', 'rejected']),
    }),
  },
})

declare module '../../../kernel/outbox/events.ts' {
  interface EventCatalog extends EventsOf<typeof OFAIR_SETTLEMENT_EVENTS> {}
}

type SettlementEvent = keyof typeof OFAIR_SETTLEMENT_EVENTS

export function emitSettlement<E extends SettlementEvent>(
  tx: AnyTx,
  type: E,
  aggregateId: string,
  data: EventData<E>,
) {
  return writeEvents(tx, [{ type, aggregateId, data } as NewEvent])
}
