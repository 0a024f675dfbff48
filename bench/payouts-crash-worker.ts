/**
 * One payout worker for bench/payouts-crash.ts: runs `process-due` once as of the time it is given
 * (so that leases left by a killed predecessor have run out), then exits. The parent kills it with
 * SIGKILL at a random moment; it prints `go` when the run starts and `done` when it finished.
 * `node bench/payouts-crash-worker.ts <database url> <stripe url> <stripe key> <now ISO>`
 */
import { createAppContext } from '../apps/server/src/app.ts'
import { loadConfig } from '../apps/server/src/config/config.ts'
import { FixedClock } from '../apps/server/src/kernel/clock.ts'
import { createLogger } from '../apps/server/src/kernel/logger.ts'
import { processDueSchedules } from '../apps/server/src/modules/billing/payouts/engine.ts'
import { stripeProvider } from '../apps/server/src/modules/billing/stripe-provider.ts'
import { modules } from '../apps/server/src/modules/index.ts'

const [url, stripeUrl, stripeKey, now] = process.argv.slice(2) as [string, string, string, string]
const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: url, LOG_LEVEL: 'silent', DB_POOL_MAX: '4' })
const { ctx, database } = createAppContext(config, url, {
  log: createLogger({ level: 'silent', pretty: false }),
  modules,
  work: false,
  clock: new FixedClock(now),
})
const provider = stripeProvider({ secretKey: stripeKey, webhookSecret: 'whsec_unused', apiUrl: stripeUrl })
ctx.services.stripe = provider
ctx.services.payments = provider
await ctx.jobs.start(ctx)
process.stdout.write('go\n')
const totals = await processDueSchedules(ctx, { batch: 10, concurrency: 4 })
process.stdout.write(`done ${JSON.stringify({ ...totals, amount_sent: totals.amount_sent.toString() })}\n`)
await ctx.jobs.stop(1000)
await database.close()
process.exit(0)
