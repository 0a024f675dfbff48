import type { Transaction } from 'kysely'
import { z } from 'zod'
import type { AppContext } from '../context.ts'
import type { PlatformSchema } from '../db/schema/platform.ts'
import { inTransaction, systemActor } from '../db/transaction.ts'
import { type AnyJobDefinition, type BatchJob, defineJob, type RetryPolicy } from '../jobs/define-job.ts'
import type { Logger } from '../logger.ts'

/**
 * Domain events, owned by the module that emits them. A producer declares each event's payload
 * once (`defineEvents`, a zod schema in the seeds' shape) and extends `EventCatalog`, so
 * `writeEvents` checks every payload before it enters the outbox and consumers receive typed data.
 * Consumers are declared with `defineConsumer`: the kernel records each handled event id in the
 * consumer's own transaction, so a redelivered job does nothing.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled in by modules through declaration merging
export interface EventCatalog {}
export type EventType = keyof EventCatalog & string
export type EventData<E extends EventType> = EventCatalog[E]

export interface EventDefinition {
  /** What the event is about (`role`, `placement`): the outbox row's aggregate type. */
  aggregate: string
  data: z.ZodType
  description: string
}

const registry = new Map<string, EventDefinition & { module: string }>()

/**
 * Declares a module's events. Extend the catalog beside it:
 * `declare module '…/kernel/outbox/events.ts' { interface EventCatalog extends EventsOf<typeof MY_EVENTS> {} }`
 */
export function defineEvents<const T extends Record<string, EventDefinition>>(module: string, defs: T): T {
  for (const [type, def] of Object.entries(defs)) {
    if (!/^[a-z][a-z_]*\.[a-z][a-z_.]*$/.test(type))
      throw new Error(`event type ${type} must look like "noun.verb_ed"`)
    const existing = registry.get(type)
    if (existing && existing.module !== module) {
      throw new Error(`event ${type} is defined by both ${existing.module} and ${module}`)
    }
    registry.set(type, { ...def, module })
  }
  return defs
}

/** The catalog entries of a `defineEvents` result: event type → its data's type. */
export type EventsOf<T extends Record<string, EventDefinition>> = {
  [K in keyof T]: z.output<T[K]['data']>
}

export function eventDefinition(type: string): (EventDefinition & { module: string }) | undefined {
  return registry.get(type)
}

export function registeredEvents(): readonly (EventDefinition & { type: string; module: string })[] {
  return [...registry].map(([type, def]) => ({ type, ...def }))
}

/** One event to write: its type, the id of what it is about, and its data. */
export type NewEvent = {
  [E in EventType]: { type: E; aggregateId: string; data: EventData<E> }
}[EventType]

/** The outbox row shape `writeEvents` inserts (kept here so the kernel names only its own table). */
type OutboxTx = Transaction<PlatformSchema>

/**
 * Writes events in the caller's transaction: they become visible to the relay only if the state
 * change they describe commits. Each payload is checked against its declared schema first; a
 * payload that does not match is a programming error and fails the whole change.
 */
// biome-ignore lint/suspicious/noExplicitAny: any module's transaction can carry outbox rows
export async function writeEvents(tx: Transaction<any>, events: readonly NewEvent[]): Promise<void> {
  if (events.length === 0) return
  const rows = (events as readonly { type: string; aggregateId: string; data: unknown }[]).map((e) => {
    const def = registry.get(e.type)
    if (!def) throw new Error(`event ${e.type} is not declared (defineEvents)`)
    const parsed = def.data.safeParse(e.data)
    if (!parsed.success) {
      throw new Error(`event ${e.type} does not match its schema: ${parsed.error.issues[0]?.message ?? ''}`)
    }
    return {
      event_type: e.type,
      aggregate_type: def.aggregate,
      aggregate_id: e.aggregateId,
      payload: JSON.stringify(parsed.data, bigintToString),
    }
  })
  await (tx as unknown as OutboxTx).insertInto('platform.outbox').values(rows).execute()
}

/** JSON replacer: bigint amounts travel as strings, as the API renders them. */
export function bigintToString(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value
}

/** What a consumer's job receives: the seeds' payload shape plus delivery metadata. */
export interface EventEnvelope<E extends EventType = EventType> {
  event_id: string
  event: E
  timestamp: string
  aggregate: { type: string; id: string }
  request_id: string | null
  data: EventData<E>
}

const ZWireEnvelope = z.object({
  event_id: z.uuid(),
  event: z.string(),
  timestamp: z.string(),
  aggregate: z.object({ type: z.string(), id: z.string() }),
  request_id: z.string().nullable(),
  data: z.unknown(),
})

/** The envelope of one of `E`, typed by the event it carries (narrow with `switch (e.event)`). */
export type EnvelopeOf<E extends EventType> = { [K in E]: EventEnvelope<K> }[E]

export interface ConsumerDefinition<E extends EventType, DB> {
  /** The consumer's job name, `module.on_something`. */
  name: string
  description: string
  events: readonly E[]
  retry?: RetryPolicy
  timeoutSeconds?: number
  concurrency?: number
  /**
   * Handles one event inside a transaction that also records it as handled: either both commit or
   * neither does. Runs as the system actor named after the consumer.
   */
  handle(tx: Transaction<DB>, event: EnvelopeOf<E>, ctx: AppContext, log: Logger): Promise<unknown>
  /**
   * Optional: handles every event of a fetched batch in ONE transaction that also records them all
   * as handled (set-based work instead of a transaction per event). It receives only the events
   * not handled before, each once, in delivery order, and returns one output per event, in order.
   * If the batch fails, each of its events runs alone through `handle`, so a poison event fails
   * (retries, dead-letters) by itself; `handle` and `handleBatch` must therefore agree.
   */
  handleBatch?(
    tx: Transaction<DB>,
    events: readonly EnvelopeOf<E>[],
    ctx: AppContext,
    log: Logger,
  ): Promise<readonly unknown[]>
  /** Events one worker takes at once (10 by default); with `handleBatch`, the size of its batches. */
  batchSize?: number
}

export interface Consumer {
  job: AnyJobDefinition<AppContext>
  route: { job: string; events: readonly string[] }
}

/** An outbox consumer: a job subscribed to event types, exactly once per event. */
export function defineConsumer<E extends EventType, DB>(def: ConsumerDefinition<E, DB>): Consumer {
  const envelopeOf = (wire: z.output<typeof ZWireEnvelope>): EnvelopeOf<E> => {
    const declared = registry.get(wire.event)
    if (!declared) throw new Error(`event ${wire.event} is not declared`)
    // the producer's schema decides the shape; an old payload that no longer parses is a bug to see
    const data = declared.data.parse(wire.data)
    return { ...wire, data } as EnvelopeOf<E>
  }
  const handleBatch = def.handleBatch
  const job = defineJob({
    name: def.name,
    description: def.description,
    payload: ZWireEnvelope,
    retry: def.retry ?? { limit: 5, delaySeconds: 5, backoff: true, maxDelaySeconds: 600 },
    timeoutSeconds: def.timeoutSeconds ?? 60,
    concurrency: def.concurrency ?? 2,
    batchSize: def.batchSize ?? 10,
    handler: async (wire, ctx: AppContext, run) => {
      const envelope = envelopeOf(wire)
      return inTransaction(ctx.db, systemActor(def.name), async (kyselyTx) => {
        const tx = kyselyTx as unknown as Transaction<PlatformSchema>
        const first = await tx
          .insertInto('platform.processed_events')
          .values({ consumer: def.name, event_id: wire.event_id })
          .onConflict((oc) => oc.columns(['consumer', 'event_id']).doNothing())
          .returning('event_id')
          .executeTakeFirst()
        if (!first) return { skipped: 'already processed' }
        return def.handle(kyselyTx as unknown as Transaction<DB>, envelope, ctx, run.log)
      })
    },
    ...(handleBatch
      ? {
          batchHandler: async (
            jobs: readonly BatchJob<z.output<typeof ZWireEnvelope>>[],
            ctx: AppContext,
          ) => {
            const envelopes = jobs.map((j) => envelopeOf(j.payload))
            return inTransaction(ctx.db, systemActor(def.name), async (kyselyTx) => {
              const tx = kyselyTx as unknown as Transaction<PlatformSchema>
              // sorted: two batches that share events lock their rows in the same order
              const ids = [...new Set(envelopes.map((e) => e.event_id))].sort()
              const fresh = new Set(
                (
                  await tx
                    .insertInto('platform.processed_events')
                    .values(ids.map((event_id) => ({ consumer: def.name, event_id })))
                    .onConflict((oc) => oc.columns(['consumer', 'event_id']).doNothing())
                    .returning('event_id')
                    .execute()
                ).map((r) => r.event_id),
              )
              // each new event once (the same event twice in a batch is handled once)
              const todo = envelopes.filter((e) => fresh.delete(e.event_id))
              const outputs = todo.length
                ? await handleBatch(kyselyTx as unknown as Transaction<DB>, todo, ctx, jobs[0]!.run.log)
                : []
              if (outputs.length !== todo.length) {
                throw new Error(
                  `${def.name}: handleBatch returned ${outputs.length} outputs for ${todo.length} events`,
                )
              }
              const byEvent = new Map(todo.map((e, i) => [e, outputs[i]]))
              return envelopes.map((e) =>
                byEvent.has(e) ? byEvent.get(e) : { skipped: 'already processed' },
              )
            })
          },
        }
      : {}),
  }) as unknown as AnyJobDefinition<AppContext>
  return { job, route: { job: def.name, events: def.events } }
}

/** One event as it was written to the outbox (for replays such as a rule's dry run). */
export interface PastEvent {
  event_id: string
  event_type: string
  aggregate_id: string
  occurred_at: Date
  data: unknown
}

/** Events of the given types written since `since`, oldest first (at most `limit`). */
export async function pastEvents(
  // biome-ignore lint/suspicious/noExplicitAny: any module's transaction can read the outbox
  tx: Transaction<any>,
  types: readonly string[],
  since: Date,
  limit = 10_000,
): Promise<PastEvent[]> {
  if (types.length === 0) return []
  const rows = await (tx as unknown as OutboxTx)
    .selectFrom('platform.outbox')
    .select(['event_id', 'event_type', 'aggregate_id', 'occurred_at', 'payload'])
    .where('event_type', 'in', [...types])
    .where('occurred_at', '>=', since)
    .orderBy('seq')
    .limit(limit)
    .execute()
  return rows.map((r) => ({
    event_id: r.event_id,
    event_type: r.event_type,
    aggregate_id: r.aggregate_id,
    occurred_at: r.occurred_at,
    data: r.payload,
  }))
}
