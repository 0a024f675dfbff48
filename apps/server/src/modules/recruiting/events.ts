import type { Tx } from '../../kernel/db/database.ts'
import { writeEvents } from '../../kernel/outbox/outbox.ts'

/**
 * Domain events of the marketplace, written to the outbox in the transaction of the change.
 * Consumers (notifications now, webhooks later) get the seeds' `{event, timestamp, data}`.
 */
export const RECRUITING_EVENTS = [
  'role.created',
  'role.updated',
  'role.opened',
  'role.paused',
  'role.closed',
  'application.submitted',
  'application.stage_changed',
  'placement.created',
  'placement.splits_agreed',
  'placement.fell_off',
  'ownership.duplicate_blocked',
  'ownership.dispute_opened',
  'ownership.dispute_resolved',
] as const
export type RecruitingEvent = (typeof RECRUITING_EVENTS)[number]

export async function emit(
  tx: Tx,
  type: RecruitingEvent,
  aggregate: { type: 'role' | 'application' | 'placement' | 'ownership_dispute'; id: string },
  data: Record<string, unknown>,
): Promise<void> {
  await writeEvents(tx, [{ type, aggregateType: aggregate.type, aggregateId: aggregate.id, data }])
}
