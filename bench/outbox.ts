/**
 * Outbox relay throughput: events committed in batches, timed until every one is on the job queue
 * (one relay, two consumers per event). Target >= 2,000 events/s from commit to job.
 */
import { PgBoss } from 'pg-boss'
import { z } from 'zod'
import { connectDatabase } from '../apps/server/src/kernel/db/database.ts'
import { JOBS_SCHEMA } from '../apps/server/src/kernel/db/migrate.ts'
import { inTransaction, systemActor } from '../apps/server/src/kernel/db/transaction.ts'
import { createLogger } from '../apps/server/src/kernel/logger.ts'
import { defineEvents, type NewEvent, writeEvents } from '../apps/server/src/kernel/outbox/events.ts'
import { OutboxRelay } from '../apps/server/src/kernel/outbox/relay.ts'
import { createMigratedDatabase, startThrowawayPostgres } from '../packages/testing/src/postgres.ts'

defineEvents('bench', {
  'bench.happened': {
    aggregate: 'bench',
    data: z.object({ i: z.number(), note: z.string() }),
    description: 'a benchmark event',
  },
})

export async function benchOutbox(total = 20_000): Promise<Record<string, string | number>[]> {
  const server = await startThrowawayPostgres()
  const url = await createMigratedDatabase(server.url, 'bench_outbox')
  const database = connectDatabase(url, { poolMax: 8, applicationName: 'bench' })
  const boss = new PgBoss({ connectionString: url, schema: JOBS_SCHEMA, supervise: false, schedule: false })
  await boss.start()
  await boss.createQueue('bench.a')
  await boss.createQueue('bench.b')
  const relay = new OutboxRelay({
    pool: database.pool,
    boss,
    route: () => ['bench.a', 'bench.b'],
    log: createLogger({ level: 'silent', pretty: false }),
    pollMs: 1000,
  })
  await relay.start()
  try {
    const started = performance.now()
    const batch = 100
    for (let i = 0; i < total; i += batch) {
      await inTransaction(database.db, systemActor('bench'), (tx) =>
        writeEvents(
          tx,
          Array.from(
            { length: batch },
            (_, j) =>
              ({
                type: 'bench.happened',
                aggregateId: String(i + j),
                data: { i: i + j, note: 'a typical small payload with a few fields' },
              }) as unknown as NewEvent,
          ),
        ),
      )
    }
    const committed = performance.now()
    for (;;) {
      const { rows } = await database.pool.query(
        'select count(*)::int as n from platform.outbox where relayed_at is null',
      )
      if (rows[0].n === 0) break
      await new Promise((r) => setTimeout(r, 20))
    }
    const done = performance.now()
    const jobs = await database.pool.query(
      `select count(*)::int as n from ${JOBS_SCHEMA}.job where name like 'bench.%'`,
    )
    const seconds = (done - started) / 1000
    return [
      {
        events: total,
        'jobs created': jobs.rows[0].n,
        'commit phase s': +((committed - started) / 1000).toFixed(2),
        'commit→all relayed s': +seconds.toFixed(2),
        'events/s': Math.round(total / seconds),
        target: '>= 2,000 events/s',
      },
    ]
  } finally {
    await relay.stop()
    await boss.stop({ graceful: false })
    await database.close()
    await server.stop()
  }
}

if (import.meta.main) console.table(await benchOutbox())
