import { sql } from 'kysely'
import type { Tx } from '../db/database.ts'

/** A domain event as the producer writes it. The relay turns it into the seed's `{event, timestamp, data}`. */
export interface DomainEvent<TType extends string = string, TData = unknown> {
  type: TType
  aggregateType: string
  aggregateId: string
  data: TData
}

/**
 * Writes events in the caller's transaction: they become visible to the relay only if the state
 * change they describe commits. Never publish after commit instead.
 */
export async function writeEvents(tx: Tx, events: readonly DomainEvent[]): Promise<void> {
  if (events.length === 0) return
  await tx
    .insertInto('platform.outbox')
    .values(
      events.map((e) => ({
        event_type: e.type,
        aggregate_type: e.aggregateType,
        aggregate_id: e.aggregateId,
        payload: sql`${JSON.stringify(e.data, bigintToString)}::jsonb`,
      })),
    )
    .execute()
}

/** JSON replacer: bigint amounts travel as strings, as the API renders them. */
export function bigintToString(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value
}

/** What a consumer's job receives: the seed's payload shape plus delivery metadata. */
export interface EventEnvelope<TData = Record<string, unknown>> {
  event_id: string
  event: string
  timestamp: string
  aggregate: { type: string; id: string }
  request_id: string | null
  data: TData
}
