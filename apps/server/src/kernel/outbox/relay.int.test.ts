import { PgBoss } from 'pg-boss'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { useTestDatabase } from '../../../../../packages/testing/src/test-database.ts'
import { JOBS_SCHEMA } from '../db/migrate.ts'
import { inTransaction, systemActor } from '../db/transaction.ts'
import { createLogger } from '../logger.ts'
import { defineEvents, type NewEvent, writeEvents } from './events.ts'
import { OutboxRelay } from './relay.ts'

const database = useTestDatabase()
let boss: PgBoss
const log = createLogger({ level: 'silent', pretty: false })
const ROUTES: Record<string, string[]> = {
  'test.created': ['test.search_index', 'test.notify'],
  'test.closed': ['test.notify'],
}
defineEvents('relay-test', {
  'test.created': { aggregate: 'thing', data: z.object({ i: z.number() }), description: 'made' },
  'test.closed': { aggregate: 'thing', data: z.object({ i: z.number() }).partial(), description: 'closed' },
})
const closed = (id: string) => ({ type: 'test.closed', aggregateId: id, data: {} }) as unknown as NewEvent

beforeAll(async () => {
  boss = new PgBoss({
    connectionString: database.current.url,
    schema: JOBS_SCHEMA,
    supervise: false,
    schedule: false,
  })
  await boss.start()
  await boss.createQueue('test.search_index')
  await boss.createQueue('test.notify')
})
afterAll(async () => {
  await boss.stop({ graceful: false })
})

const relay = (batchSize: number) =>
  new OutboxRelay({
    pool: database.current.pool,
    boss,
    route: (t) => ROUTES[t] ?? [],
    log,
    pollMs: 50,
    batchSize,
  })

async function jobCounts(): Promise<Map<string, number>> {
  const { rows } = await database.current.pool.query<{ name: string; n: string }>(
    `select name, count(*)::text as n from ${JOBS_SCHEMA}.job where name like 'test.%' group by name`,
  )
  return new Map(rows.map((r) => [r.name, Number(r.n)]))
}

describe('outbox relay', () => {
  it('delivers each event exactly once per consumer under two concurrent relays', async () => {
    const db = database.current.db
    const total = 3000
    await inTransaction(db, systemActor('test'), async (tx) => {
      const events = Array.from({ length: total }, (_, i) => ({
        type: i % 3 === 0 ? 'test.closed' : 'test.created',
        aggregateId: `r${i}`,
        data: { i },
      }))
      await writeEvents(tx, events as unknown as NewEvent[])
    })
    const a = relay(250)
    const b = relay(250)
    const drainAll = async (r: OutboxRelay) => {
      let n = 0
      for (let got = await r.drainOnce(); got > 0; got = await r.drainOnce()) n += got
      return n
    }
    const [na, nb] = await Promise.all([drainAll(a), drainAll(b)])
    expect(na + nb).toBe(total)
    expect(na).toBeGreaterThan(0)
    expect(nb).toBeGreaterThan(0)

    const closed = Math.ceil(total / 3)
    const counts = await jobCounts()
    expect(counts.get('test.notify')).toBe(total)
    expect(counts.get('test.search_index')).toBe(total - closed)
    const pending = await database.current.pool.query(
      'select 1 from platform.outbox where relayed_at is null',
    )
    expect(pending.rowCount).toBe(0)
    // each job carries the seed's payload shape
    const [job] = await boss.fetch<{ event: string; timestamp: string; data: { i: number } }>(
      'test.search_index',
    )
    expect(job!.data).toMatchObject({ event: 'test.created', data: { i: expect.any(Number) } })
    expect(Number.isNaN(Date.parse(job!.data.timestamp))).toBe(false)
  })

  it('never relays events of a transaction that rolled back', async () => {
    const db = database.current.db
    const before = await jobCounts()
    await expect(
      inTransaction(db, systemActor('test'), async (tx) => {
        await writeEvents(tx, [closed('x')])
        throw new Error('business rule failed')
      }),
    ).rejects.toThrow('business rule failed')
    expect(await relay(100).drainOnce()).toBe(0)
    expect(await jobCounts()).toEqual(before)
  })

  it('wakes on commit through NOTIFY instead of waiting for its poll', async () => {
    const r = new OutboxRelay({
      pool: database.current.pool,
      boss,
      route: (t) => ROUTES[t] ?? [],
      log,
      pollMs: 60_000,
    })
    await r.start()
    try {
      const before = (await jobCounts()).get('test.notify') ?? 0
      const started = Date.now()
      await inTransaction(database.current.db, systemActor('test'), (tx) => writeEvents(tx, [closed('y')]))
      while (((await jobCounts()).get('test.notify') ?? 0) === before) {
        if (Date.now() - started > 5000) throw new Error('relay did not wake up')
        await new Promise((res) => setTimeout(res, 20))
      }
      expect(Date.now() - started).toBeLessThan(5000)
    } finally {
      await r.stop()
    }
  })
})
