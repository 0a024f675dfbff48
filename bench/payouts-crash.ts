/**
 * Crash test of the payout run (issue 9, "proof, not hope"): a worker process runs `process-due`
 * over due schedules against the Stripe test server (which lives in this process and so survives
 * the worker), and is killed with SIGKILL at a random moment of its run; a new worker starts (its
 * clock a few minutes later, so the dead one's leases have run out) — round after round, with new
 * schedules added each round. A last worker finishes. Then: every schedule was paid by exactly one
 * payout and one Stripe transfer (the test server counts, per destination and transfer group),
 * nothing is left processing, and the ledger and the payout documents reconcile. Prints figures.
 * `node bench/payouts-crash.ts [--rounds 100] [--initial 300] [--per-round 20] [--max-kill-ms 1500]`
 */
import { spawn } from 'node:child_process'
import path from 'node:path'
import { startStripeTestServer } from '@app/stripe-test-server'
import { sql } from 'kysely'
import { createAppContext } from '../apps/server/src/app.ts'
import { loadConfig } from '../apps/server/src/config/config.ts'
import { FixedClock } from '../apps/server/src/kernel/clock.ts'
import { inTransaction, systemActor } from '../apps/server/src/kernel/db/transaction.ts'
import { createLogger } from '../apps/server/src/kernel/logger.ts'
import { repoRoot } from '../apps/server/src/kernel/paths.ts'
import { reconcilePayouts } from '../apps/server/src/modules/billing/payouts/reconcile.ts'
import { demoPersonasSeed } from '../apps/server/src/modules/identity/seed.ts'
import { modules } from '../apps/server/src/modules/index.ts'
import { reconcileLedger } from '../apps/server/src/modules/ledger/index.ts'
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
const ROUNDS = arg('rounds', 100)
const INITIAL = arg('initial', 300)
const PER_ROUND = arg('per-round', 20)
const MAX_KILL_MS = arg('max-kill-ms', 1500)
const AMOUNT = 4_321n
const WORKER = path.join(repoRoot, 'bench/payouts-crash-worker.ts')

const pg = await startThrowawayPostgres({ durability: 'full' })
const stripe = await startStripeTestServer({})
const url = await createMigratedDatabase(pg.url, 'payouts_crash')
const clock = new FixedClock('2026-07-01T02:00:00Z')
const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: url, LOG_LEVEL: 'silent' })
const { ctx, database } = createAppContext(config, url, {
  log: createLogger({ level: 'silent', pretty: false }),
  modules,
  work: false,
  clock,
})

/** One worker; killed `killAfterMs` after it said `go` (or left to finish when undefined). */
function runWorker(
  killAfterMs: number | undefined,
): Promise<'killed' | 'finished' | 'finished before the kill'> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [WORKER, url, stripe.url, stripe.secretKey, clock.now().toISOString()],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    )
    let timer: NodeJS.Timeout | undefined
    let killed = false
    child.stdout.setEncoding('utf8')
    child.stdout.on('data', (chunk: string) => {
      if (chunk.includes('go') && killAfterMs !== undefined && !timer)
        timer = setTimeout(() => {
          killed = true
          child.kill('SIGKILL')
        }, killAfterMs)
    })
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer)
      if (signal === 'SIGKILL' && killed) resolve('killed')
      else if (code === 0) resolve(killAfterMs === undefined ? 'finished' : 'finished before the kill')
      else reject(new Error(`worker exited with ${code ?? signal}`))
    })
  })
}

const started = performance.now()
try {
  await ctx.jobs.start(ctx)
  await demoPersonasSeed.run(ctx, () => {})
  await demoMarketplaceSeed.run(ctx, () => {})
  const pairs = (await placementRecruiterPairs(ctx)).slice(0, 40)
  await connectRecruiters(ctx, stripe, [...new Set(pairs.map((p) => p.recruiterId))])
  let total = await seedDueSchedules(ctx, pairs, INITIAL, AMOUNT)
  stripe.control.addPlatformFunds((INITIAL + ROUNDS * PER_ROUND) * Number(AMOUNT), 'usd')
  const outcomes = { killed: 0, finished: 0, 'finished before the kill': 0 }
  for (let round = 1; round <= ROUNDS; round++) {
    const outcome = await runWorker(Math.floor(Math.random() * MAX_KILL_MS))
    outcomes[outcome]++
    // the next worker comes later than any lease (2 min) and retry delay (5 min) the dead one left
    clock.advance(6 * 60_000)
    total += await seedDueSchedules(ctx, pairs, PER_ROUND, AMOUNT)
    if (round % 10 === 0) {
      const f = await payoutFigures(ctx)
      console.log(
        `round ${round}: ${JSON.stringify(outcomes)}; payouts ${JSON.stringify(f.payouts)}; schedules ${JSON.stringify(f.schedules)}`,
      )
    }
  }
  // a last worker, not killed, finishes what is left (twice: a retried transfer waits its delay)
  let finalRuns = 0
  for (let i = 0; i < 3; i++) {
    await runWorker(undefined)
    finalRuns++
    clock.advance(6 * 60_000)
  }
  const figures = await payoutFigures(ctx)
  const transfers = stripe.control.transfersByDestinationAndGroup()
  const sameTransfers =
    JSON.stringify(Object.entries(transfers).sort()) ===
    JSON.stringify(Object.entries(figures.transferredByDestinationAndGroup).sort())
  // evidence that kills landed mid-payout: payouts sent again after their lease, and Stripe
  // answering a repeated idempotency key with the transfer it had already made
  const redriven = await inTransaction(ctx.db, systemActor('bench'), async (tx) =>
    Number(
      (
        await sql<{ n: number }>`select count(*)::int as n from billing.payout_audit_log
          where action = 'payout.redriven'`.execute(tx)
      ).rows[0]?.n ?? 0,
    ),
  )
  const replayed = stripe.control
    .requests()
    .filter((r) => r.route === 'POST /v1/transfers' && r.replayed).length
  const ledger = await reconcileLedger(ctx.db)
  const payouts = await reconcilePayouts(ctx.db, { now: clock.now() })
  const result = {
    rounds: ROUNDS,
    ...outcomes,
    'final runs (not killed)': finalRuns,
    're-driven payouts': redriven,
    'transfer requests replayed by key': replayed,
    schedules: total,
    'payouts completed': figures.payouts.completed ?? 0,
    'payouts other': JSON.stringify(
      Object.fromEntries(Object.entries(figures.payouts).filter(([k]) => k !== 'completed')),
    ),
    'schedules processed': figures.schedules.processed ?? 0,
    'stripe transfers': stripe.control.countTransfers(),
    'transfers = payouts per destination and group': sameTransfers ? 'yes' : 'NO',
    'ledger reconciles': ledger.ok ? 'yes' : 'NO',
    'payouts reconcile': payouts.ok ? 'yes' : `NO ${JSON.stringify(payouts.checks.filter((c) => !c.ok))}`,
    minutes: +((performance.now() - started) / 60_000).toFixed(1),
  }
  console.table([result])
  const exactlyOnce =
    result['payouts completed'] === total &&
    result['schedules processed'] === total &&
    result['stripe transfers'] === total &&
    sameTransfers &&
    ledger.ok &&
    payouts.ok
  console.log(exactlyOnce ? 'EXACTLY ONCE: yes' : 'EXACTLY ONCE: NO')
  process.exitCode = exactlyOnce ? 0 : 1
} finally {
  await ctx.jobs.stop(1000)
  await database.close()
  await stripe.stop()
  await pg.stop()
}
