import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { eventually } from '../../../../../packages/testing/src/eventually.ts'
import { useTestDatabase } from '../../../../../packages/testing/src/test-database.ts'
import type { AppContext } from '../context.ts'
import { JOBS_SCHEMA } from '../db/migrate.ts'
import { JobRunner } from '../jobs/job-runner.ts'
import { createLogger } from '../logger.ts'
import { type ConsumerDefinition, defineConsumer, defineEvents, type EventType } from './events.ts'

/**
 * Batched consumption (`handleBatch`): a worker's fetched jobs are handled in one transaction that
 * records every event as handled; a redelivered event does nothing; a batch with a poison event
 * falls back to one-by-one, so the poison fails alone and the rest are handled once.
 */
const database = useTestDatabase()
const log = createLogger({ level: 'silent', pretty: false })
const runners: JobRunner<AppContext>[] = []
afterEach(async () => {
  for (const r of runners.splice(0)) await r.stop(1000)
})

defineEvents('batch-test', {
  'batchtest.happened': {
    aggregate: 'thing',
    data: z.object({ n: z.number().int() }),
    description: 'a test event',
  },
})

const POISON = 13
const batches: number[] = []
const singles: number[] = []
const record = async (tx: unknown, events: readonly Happened[]) => {
  for (const e of events) {
    await sql`insert into public.batch_seen (event_id, n) values (${e.event_id}, ${e.data.n})`.execute(
      tx as never,
    )
  }
  if (events.some((e) => e.data.n === POISON)) throw new Error(`poison event ${POISON}`)
}
type Happened = { event_id: string; data: { n: number } }
// the test's event is not in the app's catalog: the definition is typed by hand
const consumer = defineConsumer({
  name: 'test.batch_consumer',
  description: 'records each event once',
  events: ['batchtest.happened'],
  retry: { limit: 0, delaySeconds: 1, backoff: false },
  batchSize: 50,
  handle: async (tx: unknown, event: Happened) => {
    singles.push(event.data.n)
    await record(tx, [event])
    return { one: event.data.n }
  },
  handleBatch: async (tx: unknown, events: readonly Happened[]) => {
    batches.push(events.length)
    await record(tx, events)
    return events.map((e) => ({ batched: e.data.n }))
  },
} as unknown as ConsumerDefinition<EventType, unknown>)

const wire = (n: number, eventId = randomUUID()) => ({
  event_id: eventId,
  event: 'batchtest.happened',
  timestamp: new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString(),
  aggregate: { type: 'thing', id: randomUUID() },
  request_id: null,
  data: { n },
})

async function seen(): Promise<{ event_id: string; n: number }[]> {
  const { rows } = await database.current.pool.query<{ event_id: string; n: number }>(
    'select event_id::text, n from public.batch_seen order by n',
  )
  return rows
}

/** No job of the consumer waiting or running. */
async function idle() {
  await eventually('the consumer idle', async () => {
    const { rows } = await database.current.pool.query<{ n: number }>(
      `select count(*)::int as n from ${JOBS_SCHEMA}.job where name = $1 and state in ('created', 'retry', 'active')`,
      [consumer.job.name],
    )
    return rows[0]!.n === 0 ? true : undefined
  })
}

/** Enqueues the jobs first (a client), then starts a worker: its first fetch is one batch. */
async function deliver(wires: readonly ReturnType<typeof wire>[]) {
  const ctx = { db: database.current.db } as unknown as AppContext
  const client = new JobRunner<AppContext>([consumer.job], { url: database.current.url, work: false, log })
  runners.push(client)
  await client.start(ctx)
  await client.enqueueMany(
    consumer.job.name,
    wires.map((payload) => ({ payload })),
  )
  const worker = new JobRunner<AppContext>([consumer.job], {
    url: database.current.url,
    work: true,
    log,
    pollingIntervalSeconds: 0.5,
  })
  runners.push(worker)
  await worker.start(ctx)
  return worker
}

beforeAll(async () => {
  await database.current.pool.query(
    'create table public.batch_seen (event_id uuid not null, n int not null); grant select, insert on public.batch_seen to app_runtime',
  )
})

describe('a consumer with handleBatch', () => {
  it('handles a fetched batch in one transaction, each event once even when delivered twice', async () => {
    const first = Array.from({ length: 20 }, (_, i) => wire(i + 100))
    // the same event twice in the batch (a redelivery racing the first delivery)
    const worker = await deliver([...first, { ...first[3]!, aggregate: { ...first[3]!.aggregate } }])
    await eventually('every event handled', async () => ((await seen()).length >= 20 ? true : undefined))
    await idle()
    expect(batches.some((n) => n > 1)).toBe(true)
    expect(singles).toEqual([])
    const rows = await seen()
    expect(rows.map((r) => r.n)).toEqual(first.map((w) => w.data.n))
    const processed = await database.current.pool.query<{ n: number }>(
      `select count(*)::int as n from platform.processed_events where consumer = 'test.batch_consumer'`,
    )
    expect(processed.rows[0]!.n).toBe(20)

    // redelivered later (all of them, as a batch): nothing handled again
    await worker.stop(1000)
    batches.length = 0
    await deliver(first)
    await idle()
    expect(batches).toEqual([])
    expect((await seen()).length).toBe(20)
  }, 60_000)

  it('falls back to one by one when a batch fails: the poison event fails alone, the others are handled once', async () => {
    await database.current.pool.query('truncate public.batch_seen')
    batches.length = 0
    singles.length = 0
    const wires = Array.from({ length: 8 }, (_, i) => wire(i + 10)) // 10…17, 13 is the poison
    const worker = await deliver(wires)
    const dead = await eventually('the poison dead-lettered', async () => {
      const jobs = await worker.deadJobs(consumer.job.name)
      return jobs.length > 0 ? jobs : undefined
    })
    expect(dead).toHaveLength(1)
    expect((dead[0]!.data as { data: { n: number } }).data.n).toBe(POISON)
    await eventually('the others handled', async () => ((await seen()).length === 7 ? true : undefined))
    // the batch was tried (and rolled back: nothing of it stayed), then each event alone
    expect(batches[0]).toBe(8)
    expect([...singles].sort((a, b) => a - b)).toEqual(wires.map((w) => w.data.n))
    expect((await seen()).map((r) => r.n)).toEqual([10, 11, 12, 14, 15, 16, 17])
    const processed = await database.current.pool.query<{ event_id: string }>(
      `select event_id::text from platform.processed_events where consumer = 'test.batch_consumer'`,
    )
    const poisonId = wires.find((w) => w.data.n === POISON)!.event_id
    expect(processed.rows.map((r) => r.event_id)).not.toContain(poisonId)
  }, 60_000)
})
