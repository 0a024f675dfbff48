import { createHash } from 'node:crypto'
import type pg from 'pg'
import type { PgBoss } from 'pg-boss'
import type { Logger } from '../logger.ts'

/** Which job queues (consumers) receive an event type. */
export type EventRouter = (eventType: string) => readonly string[]

interface OutboxRow {
  seq: string
  event_id: string
  event_type: string
  aggregate_type: string
  aggregate_id: string
  payload: Record<string, unknown>
  occurred_at: Date
  request_id: string | null
}

/**
 * Moves committed outbox rows to the job queue, exactly once per (event, consumer):
 * rows are claimed with FOR UPDATE SKIP LOCKED (concurrent relays take disjoint rows), the jobs
 * are inserted and the rows marked relayed in the same transaction, and each job's id is derived
 * from (event, consumer) so even a double insert would be refused by the primary key.
 */
export class OutboxRelay {
  readonly #pool: pg.Pool
  readonly #boss: PgBoss
  readonly #route: EventRouter
  readonly #log: Logger
  readonly #pollMs: number
  readonly #batchSize: number
  #listener: pg.PoolClient | undefined
  #running = false
  #loop: Promise<void> | undefined
  #wake: (() => void) | undefined
  #onRelayed: ((count: number) => void) | undefined

  constructor(deps: {
    pool: pg.Pool
    boss: PgBoss
    route: EventRouter
    log: Logger
    pollMs: number
    batchSize?: number
    onRelayed?: (count: number) => void
  }) {
    this.#pool = deps.pool
    this.#boss = deps.boss
    this.#route = deps.route
    this.#log = deps.log
    this.#pollMs = deps.pollMs
    this.#batchSize = deps.batchSize ?? 1000
    this.#onRelayed = deps.onRelayed
  }

  async start(): Promise<void> {
    if (this.#running) return
    this.#running = true
    try {
      this.#listener = await this.#pool.connect()
      this.#listener.on('notification', () => this.#wake?.())
      this.#listener.on('error', (err) =>
        this.#log.warn({ err }, 'outbox listener connection lost; polling only'),
      )
      await this.#listener.query('listen platform_outbox')
    } catch (err) {
      this.#log.warn({ err }, 'outbox relay could not LISTEN; polling only')
    }
    this.#loop = this.#run()
  }

  async #run(): Promise<void> {
    while (this.#running) {
      let relayed = 0
      try {
        relayed = await this.drainOnce()
      } catch (err) {
        this.#log.error({ err }, 'outbox relay batch failed; will retry')
      }
      if (!this.#running) break
      if (relayed >= this.#batchSize) continue
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.#pollMs)
        this.#wake = () => {
          clearTimeout(timer)
          resolve()
        }
      })
      this.#wake = undefined
    }
  }

  /** Relays one batch; returns how many events it took. Public for tests and the CLI. */
  async drainOnce(): Promise<number> {
    const client = await this.#pool.connect()
    try {
      await client.query('begin')
      const { rows } = await client.query<OutboxRow>(
        `select seq::text, event_id::text, event_type, aggregate_type, aggregate_id, payload, occurred_at, request_id
           from platform.outbox where relayed_at is null
           order by seq limit $1 for update skip locked`,
        [this.#batchSize],
      )
      if (rows.length === 0) {
        await client.query('commit')
        return 0
      }
      const byQueue = new Map<string, { id: string; data: WireEnvelope }[]>()
      for (const row of rows) {
        for (const queue of this.#route(row.event_type)) {
          const jobs = byQueue.get(queue) ?? []
          jobs.push({ id: jobIdFor(row.event_id, queue), data: envelope(row) })
          byQueue.set(queue, jobs)
        }
      }
      const db = { executeSql: (text: string, values?: unknown[]) => client.query(text, values) }
      for (const [queue, jobs] of byQueue) {
        await this.#boss.insert(queue, jobs, { db })
      }
      await client.query('update platform.outbox set relayed_at = now() where seq = any($1::bigint[])', [
        rows.map((r) => r.seq),
      ])
      await client.query('commit')
      this.#onRelayed?.(rows.length)
      return rows.length
    } catch (err) {
      await client.query('rollback').catch(() => {})
      throw err
    } finally {
      client.release()
    }
  }

  /** Stops after the batch in progress commits or rolls back. */
  async stop(): Promise<void> {
    if (!this.#running) return
    this.#running = false
    this.#wake?.()
    await this.#loop
    if (this.#listener) {
      await this.#listener.query('unlisten *').catch(() => {})
      this.#listener.release()
      this.#listener = undefined
    }
  }
}

/** A consumer job's payload: the seeds' `{event, timestamp, data}` plus delivery metadata. */
interface WireEnvelope {
  event_id: string
  event: string
  timestamp: string
  aggregate: { type: string; id: string }
  request_id: string | null
  data: unknown
}

function envelope(row: OutboxRow): WireEnvelope {
  return {
    event_id: row.event_id,
    event: row.event_type,
    timestamp: row.occurred_at.toISOString(),
    aggregate: { type: row.aggregate_type, id: row.aggregate_id },
    request_id: row.request_id,
    data: row.payload,
  }
}

/** A stable UUID for (event, consumer): name-based, shaped like RFC 9562 version 8. */
export function jobIdFor(eventId: string, queue: string): string {
  const h = createHash('sha256').update(`${eventId}\u0000${queue}`).digest()
  h[6] = (h[6]! & 0x0f) | 0x80
  h[8] = (h[8]! & 0x3f) | 0x80
  const x = h.subarray(0, 16).toString('hex')
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`
}
