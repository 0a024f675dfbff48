/**
 * Feature flag evaluation: how many evaluations a second and their p99, through OpenFeature and
 * our PostgreSQL provider with the in-memory cache hot (the path every request takes), the bare
 * evaluation (`evaluateFlag`), a miss (the cache invalidated: one read of every flag), and how
 * long a change takes to reach another process's cache through LISTEN/NOTIFY.
 *
 *   node bench/flags.ts [--seconds 3] [--flags 200]
 */
import { parseArgs } from 'node:util'
import { createAppContext } from '../apps/server/src/app.ts'
import { loadConfig } from '../apps/server/src/config/config.ts'
import { FixedClock } from '../apps/server/src/kernel/clock.ts'
import { createLogger } from '../apps/server/src/kernel/logger.ts'
import { FlagCache } from '../apps/server/src/modules/flags/cache.ts'
import { evaluateFlag } from '../apps/server/src/modules/flags/evaluate.ts'
import { flagsModule, isFeatureEnabled } from '../apps/server/src/modules/flags/index.ts'
import { createMigratedDatabase, startThrowawayPostgres } from '../packages/testing/src/postgres.ts'

const { values } = parseArgs({
  options: { seconds: { type: 'string', default: '3' }, flags: { type: 'string', default: '200' } },
})
const seconds = Number(values.seconds)
const FLAGS = Number(values.flags)

const server = await startThrowawayPostgres()
const url = await createMigratedDatabase(server.url, 'bench_flags')
const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: url, LOG_LEVEL: 'silent' })
const { ctx, database } = createAppContext(config, url, {
  log: createLogger({ level: 'silent', pretty: false }),
  modules: [],
  work: false,
  clock: new FixedClock(new Date()),
})
const rows: Record<string, string | number>[] = []
const pct = (xs: number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))] ?? 0
const us = (ms: number) => `${(ms * 1000).toFixed(2)} µs`

try {
  // FLAGS flags, each with three rules and a partial rollout
  await database.pool.query(
    `insert into flags.flags (key, kind, variants, default_variant, rollout_variant, rules, rollout_bp)
     select 'bench.flag_' || g, 'boolean', '{"on": true, "off": false}', 'off', 'on',
            jsonb_build_array(
              jsonb_build_object('attribute', 'organization_id', 'values', jsonb_build_array('org-' || g), 'variant', 'on'),
              jsonb_build_object('attribute', 'plan_tier', 'values', jsonb_build_array('agency'), 'variant', 'on', 'percentage', 50),
              jsonb_build_object('attribute', 'role', 'values', jsonb_build_array('platform_admin'), 'variant', 'on')),
            (g * 37) % 10001
       from generate_series(1, $1::int) g`,
    [FLAGS],
  )
  await flagsModule.init?.(ctx)
  const subjects = Array.from({ length: 1000 }, (_, i) => ({
    userId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    roles: i % 10 === 0 ? ['platform_admin'] : ['recruiter'],
    organizationIds: [`org-${i % 300}`],
    planTier: i % 3 === 0 ? 'agency' : 'pro',
    marketplace: 'splits' as const,
  }))
  const keys = Array.from({ length: FLAGS }, (_, i) => `bench.flag_${i + 1}`)

  async function run(name: string, one: (i: number) => unknown) {
    for (let i = 0; i < 20_000; i++) await one(i) // warm up
    const times: number[] = []
    let n = 0
    const started = performance.now()
    while (performance.now() - started < seconds * 1000) {
      const t = performance.now()
      await one(n)
      times.push(performance.now() - t)
      n++
    }
    const elapsed = (performance.now() - started) / 1000
    rows.push({
      what: name,
      evaluations: n,
      'per second': Math.round(n / elapsed).toLocaleString('en'),
      p50: us(pct(times, 0.5)),
      p99: us(pct(times, 0.99)),
    })
  }

  await run('isFeatureEnabled (OpenFeature client → FlagsProvider, cache hot)', (i) =>
    isFeatureEnabled(ctx, keys[i % FLAGS]!, subjects[i % 1000]!),
  )
  const flags = await ctx.services.flags!.cache.all()
  const defs = keys.map((k) => flags.get(k)!)
  await run('evaluateFlag alone (rules + SHA-256 bucket)', (i) =>
    evaluateFlag(defs[i % FLAGS]!, subjects[i % 1000]!),
  )

  // a miss: every flag read again
  const reloads: number[] = []
  for (let i = 0; i < 50; i++) {
    ctx.services.flags!.cache.invalidate()
    const t = performance.now()
    await ctx.services.flags!.cache.all()
    reloads.push(performance.now() - t)
  }
  rows.push({
    what: `cache miss: read all ${FLAGS} flags`,
    evaluations: reloads.length,
    'per second': '-',
    p50: `${pct(reloads, 0.5).toFixed(2)} ms`,
    p99: `${pct(reloads, 0.99).toFixed(2)} ms`,
  })

  // another process's cache hears a change through LISTEN/NOTIFY
  const other = new FlagCache({ db: ctx.db, databaseUrl: url, log: ctx.log }, { ttlMs: 60_000 })
  await other.listen()
  const spreads: number[] = []
  for (let i = 0; i < 20; i++) {
    await other.all()
    const before = other.loads
    const t = performance.now()
    await database.pool.query(
      `update flags.flags set rollout_bp = $1, version = version + 1 where key = 'bench.flag_1'`,
      [i * 100],
    )
    while (true) {
      const seen = (await other.get('bench.flag_1'))?.rolloutBp
      if (seen === i * 100 && other.loads > before) break
      await new Promise((r) => setTimeout(r, 0.2))
    }
    spreads.push(performance.now() - t)
  }
  await other.stop()
  rows.push({
    what: 'a change reaches another cache (commit → NOTIFY → re-read)',
    evaluations: spreads.length,
    'per second': '-',
    p50: `${pct(spreads, 0.5).toFixed(2)} ms`,
    p99: `${pct(spreads, 0.99).toFixed(2)} ms`,
  })
  console.table(rows)
} finally {
  await flagsModule.stop?.(ctx)
  await ctx.background.drain()
  await database.close()
  await server.stop()
}
