/**
 * Identity performance.
 * 1. Session check overhead: the same authenticated read with and without the session lookup,
 *    timed in-process over many calls (median and p99). Target: <= 1 ms median added.
 * 2. One-time code verification: verifySignInCode end to end (transaction, HMAC check, session
 *    creation) over 500 sign-ins. Target: p99 <= 20 ms.
 */
import { sql } from 'kysely'
import { createAppContext } from '../apps/server/src/app.ts'
import { loadConfig } from '../apps/server/src/config/config.ts'
import { FixedClock } from '../apps/server/src/kernel/clock.ts'
import { connectScopedPool } from '../apps/server/src/kernel/db/database.ts'
import { inTransaction, systemActor } from '../apps/server/src/kernel/db/transaction.ts'
import { createLogger } from '../apps/server/src/kernel/logger.ts'
import { demoPersonasSeed } from '../apps/server/src/modules/identity/seed.ts'
import { lookupSession } from '../apps/server/src/modules/identity/sessions/service.ts'
import { startSignIn, verifySignInCode } from '../apps/server/src/modules/identity/sign-in/service.ts'
import { modules } from '../apps/server/src/modules/index.ts'
import { createMigratedDatabase, startThrowawayPostgres } from '../packages/testing/src/postgres.ts'
import { sessionFor } from '../packages/testing/src/sessions.ts'

const stats = (ms: number[]) => {
  const s = [...ms].sort((a, b) => a - b)
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!
  return { median: +at(0.5).toFixed(3), p95: +at(0.95).toFixed(3), p99: +at(0.99).toFixed(3) }
}

export async function benchAuth(): Promise<Record<string, string | number>[]> {
  const server = await startThrowawayPostgres()
  const url = await createMigratedDatabase(server.url, 'bench_auth')
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: url, DEMO_MODE: 'true', LOG_LEVEL: 'silent' })
  const clock = new FixedClock('2026-06-01T08:00:00Z')
  const { ctx, database } = createAppContext(config, url, {
    log: createLogger({ level: 'silent', pretty: false }),
    modules,
    work: false,
    clock,
  })
  for (const m of modules) await m.init?.(ctx)
  try {
    await demoPersonasSeed.run(ctx, () => {})
    const session = await sessionFor(ctx, { email: 'rachel@recruiters.demo' })
    // the authenticator's own pool: connections that start as the system actor
    const sessionPool = connectScopedPool(url, {
      max: 2,
      applicationName: 'bench',
      settings: { 'app.actor_kind': 'system', 'app.actor_name': 'session-check' },
    })
    const read = () =>
      inTransaction(ctx.db, { kind: 'user', userId: session.userId, roles: ['recruiter'] }, (tx) =>
        sql`select display_name from identity.users where id = ${session.userId}`.execute(tx),
      )
    const withCheck: number[] = []
    const without: number[] = []
    for (let i = 0; i < 3000; i++) {
      let t = performance.now()
      await read()
      without.push(performance.now() - t)
      t = performance.now()
      await lookupSession(ctx.db, sessionPool, config, session.token, clock.now())
      await read()
      withCheck.push(performance.now() - t)
    }
    const a = stats(without)
    const b = stats(withCheck)

    const verify: number[] = []
    for (let i = 0; i < 500; i++) {
      clock.advance(24 * 3600_000) // a new day: the send limits never interfere
      const started = await startSignIn(ctx, {
        channel: 'email',
        destination: 'rachel@recruiters.demo',
        ip: `10.1.${i >> 8}.${i & 255}`,
      })
      await ctx.background.drain()
      const body = (
        await inTransaction(ctx.db, systemActor('bench'), (tx) =>
          tx
            .selectFrom('notifications.dev_outbox')
            .select('body')
            .orderBy('created_at', 'desc')
            .orderBy('id', 'desc')
            .limit(1)
            .executeTakeFirstOrThrow(),
        )
      ).body
      const code = /code is (\d{6})/.exec(body)![1]!
      const t = performance.now()
      await verifySignInCode(ctx, { challengeId: started.challengeId, code, ip: '10.2.0.1' })
      verify.push(performance.now() - t)
    }
    await sessionPool.end()
    const v = stats(verify)
    return [
      { measure: 'authenticated read, no session check', 'median ms': a.median, 'p99 ms': a.p99, target: '' },
      { measure: 'same read + session check', 'median ms': b.median, 'p99 ms': b.p99, target: '' },
      {
        measure: 'session check overhead',
        'median ms': +(b.median - a.median).toFixed(3),
        'p99 ms': +(b.p99 - a.p99).toFixed(3),
        target: '<= 1 ms median',
      },
      {
        measure: 'verify one-time code (500 sign-ins)',
        'median ms': v.median,
        'p99 ms': v.p99,
        target: '<= 20 ms p99',
      },
    ]
  } finally {
    await ctx.background.drain()
    await database.close()
    await server.stop()
  }
}

if (import.meta.main) console.table(await benchAuth())
