/**
 * A payout run of 10,000 due schedules against the Stripe test server (official SDK, real HTTP),
 * on a fresh PostgreSQL (fsync on): once with one worker, once with three workers running
 * `process-due` at the same moment (each with its own connection pool, as three processes would
 * have — here in one Node process, beside the Stripe test server, on the same two cores). After each
 * run: exactly once (one payout and one Stripe transfer per schedule, per destination and group),
 * nothing left processing, and the payout reconciliation holds.
 * Target (issue 9): ≤ 30 s for 10,000 with one worker; report the speed-up of three.
 * `node bench/payouts.ts [--schedules 10000] [--pairs 30]`
 */
import { type StripeTestServer, startStripeTestServer } from '@app/stripe-test-server'
import { createAppContext } from '../apps/server/src/app.ts'
import { loadConfig } from '../apps/server/src/config/config.ts'
import { FixedClock } from '../apps/server/src/kernel/clock.ts'
import type { AppContext } from '../apps/server/src/kernel/context.ts'
import type { DatabaseHandle } from '../apps/server/src/kernel/db/database.ts'
import { createLogger } from '../apps/server/src/kernel/logger.ts'
import { processDueSchedules } from '../apps/server/src/modules/billing/payouts/engine.ts'
import { reconcilePayouts } from '../apps/server/src/modules/billing/payouts/reconcile.ts'
import { stripeProvider } from '../apps/server/src/modules/billing/stripe-provider.ts'
import { demoPersonasSeed } from '../apps/server/src/modules/identity/seed.ts'
import { modules } from '../apps/server/src/modules/index.ts'
import { demoMarketplaceSeed } from '../apps/server/src/modules/recruiting/seed/demo-marketplace.ts'
import {
  connectRecruiters,
  payoutFigures,
  placementRecruiterPairs,
  seedDueSchedules,
} from '../packages/testing/src/payouts.ts'
import { createMigratedDatabase, startThrowawayPostgres } from '../packages/testing/src/postgres.ts'

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? Number(process.argv[i + 1]) : fallback
}
const SCHEDULES = arg('schedules', 10_000)
const PAIRS = arg('pairs', 30)
const AMOUNT = 12_345n

function worker(url: string, stripe: StripeTestServer, clock: FixedClock) {
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: url, LOG_LEVEL: 'silent', DB_POOL_MAX: '6' })
  const { ctx, database } = createAppContext(config, url, {
    log: createLogger({ level: 'silent', pretty: false }),
    modules,
    work: false,
    clock,
  })
  const provider = stripeProvider({
    secretKey: stripe.secretKey,
    webhookSecret: 'whsec_unused',
    apiUrl: stripe.url,
  })
  ctx.services.stripe = provider
  ctx.services.payments = provider
  return { ctx, handle: database }
}

async function oneRun(adminUrl: string, workers: number): Promise<Record<string, string | number>> {
  const url = await createMigratedDatabase(adminUrl, `bench_payouts_${workers}`)
  const stripe = await startStripeTestServer({})
  const clock = new FixedClock('2026-07-01T02:00:00Z')
  const pool: { ctx: AppContext; handle: DatabaseHandle }[] = []
  try {
    for (let i = 0; i < workers; i++) pool.push(worker(url, stripe, clock))
    for (const w of pool) await w.ctx.jobs.start(w.ctx)
    const ctx = pool[0]!.ctx
    await demoPersonasSeed.run(ctx, () => {})
    await demoMarketplaceSeed.run(ctx, () => {})
    const pairs = (await placementRecruiterPairs(ctx)).slice(0, PAIRS)
    await connectRecruiters(ctx, stripe, [...new Set(pairs.map((p) => p.recruiterId))])
    await seedDueSchedules(ctx, pairs, SCHEDULES, AMOUNT)
    stripe.control.addPlatformFunds(SCHEDULES * Number(AMOUNT), 'usd')

    const cpu0 = process.cpuUsage()
    const started = performance.now()
    const runs = await Promise.all(pool.map((w) => processDueSchedules(w.ctx)))
    const seconds = (performance.now() - started) / 1000
    const cpu = process.cpuUsage(cpu0)
    const nodeCpu = (cpu.user + cpu.system) / 1e6

    const figures = await payoutFigures(ctx)
    const transfers = stripe.control.transfersByDestinationAndGroup()
    const sameTransfers =
      JSON.stringify(Object.entries(transfers).sort()) ===
      JSON.stringify(Object.entries(figures.transferredByDestinationAndGroup).sort())
    const proof = await reconcilePayouts(ctx.db, { now: clock.now() })
    const exactlyOnce =
      figures.payouts.completed === SCHEDULES &&
      Object.keys(figures.payouts).length === 1 &&
      figures.schedules.processed === SCHEDULES &&
      sameTransfers &&
      stripe.control.countTransfers() === SCHEDULES
    return {
      workers,
      schedules: SCHEDULES,
      seconds: +seconds.toFixed(2),
      'payouts/s': Math.round(SCHEDULES / seconds),
      'node CPU s': +nodeCpu.toFixed(2),
      'claimed per worker': runs.map((r) => r.claimed).join(' / '),
      'exactly once': exactlyOnce ? 'yes' : `NO ${JSON.stringify(figures.payouts)}`,
      reconciles: proof.ok ? 'yes' : 'NO',
    }
  } finally {
    for (const w of pool) {
      await w.ctx.jobs.stop(2000)
      await w.handle.close()
    }
    await stripe.stop()
  }
}

export async function benchPayouts(): Promise<Record<string, string | number>[]> {
  const server = await startThrowawayPostgres({ durability: 'full' })
  try {
    const one = await oneRun(server.url, 1)
    const three = await oneRun(server.url, 3)
    three['speed-up'] = +(Number(one.seconds) / Number(three.seconds)).toFixed(2)
    one.target = '<= 30 s'
    return [one, three]
  } finally {
    await server.stop()
  }
}

if (import.meta.main) {
  console.table(await benchPayouts())
  process.exit(0)
}
