import { type StripeTestServer, startStripeTestServer } from '@app/stripe-test-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  connectRecruiters,
  payoutFigures,
  placementRecruiterPairs,
  seedDueSchedules,
} from '../../../../../../packages/testing/src/payouts.ts'
import { useTestDatabase } from '../../../../../../packages/testing/src/test-database.ts'
import { createAppContext } from '../../../app.ts'
import { loadConfig } from '../../../config/config.ts'
import { FixedClock } from '../../../kernel/clock.ts'
import type { AppContext } from '../../../kernel/context.ts'
import type { DatabaseHandle } from '../../../kernel/db/database.ts'
import { createLogger } from '../../../kernel/logger.ts'
import { demoPersonasSeed } from '../../identity/seed.ts'
import { modules } from '../../index.ts'
import { reconcileLedger } from '../../ledger/index.ts'
import { demoMarketplaceSeed } from '../../recruiting/seed/demo-marketplace.ts'
import { verifyPayoutAuditChain } from '../payout-audit.ts'
import { stripeProvider } from '../stripe-provider.ts'
import { processDueSchedules, type RunTotals } from './engine.ts'
import { reconcilePayouts } from './reconcile.ts'

/**
 * Three workers, each with its own connection pool (as three processes would have), run the payout
 * run at the same moment over the same due schedules, against the Stripe test server with passing
 * faults injected: every schedule is paid exactly once — one payout, one transfer per payout,
 * nothing left processing — and the ledger, the payout documents and the audit chain agree.
 */
const database = useTestDatabase()
const clock = new FixedClock('2026-07-01T02:00:00Z')
let stripe: StripeTestServer
const workers: { ctx: AppContext; handle: DatabaseHandle }[] = []

function worker(url: string): { ctx: AppContext; handle: DatabaseHandle } {
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: url, LOG_LEVEL: 'silent', DB_POOL_MAX: '4' })
  const { ctx, database: handle } = createAppContext(config, url, {
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
  return { ctx, handle }
}

beforeAll(async () => {
  stripe = await startStripeTestServer({})
  for (let i = 0; i < 3; i++) workers.push(worker(database.current.url))
  for (const w of workers) await w.ctx.jobs.start(w.ctx)
  const ctx = workers[0]!.ctx
  await demoPersonasSeed.run(ctx, () => {})
  await demoMarketplaceSeed.run(ctx, () => {})
  const pairs = (await placementRecruiterPairs(ctx)).slice(0, 30)
  await connectRecruiters(ctx, stripe, [...new Set(pairs.map((p) => p.recruiterId))])
  await seedDueSchedules(ctx, pairs, 150, 12_345n)
  stripe.control.addPlatformFunds(150 * 12_345, 'usd')
}, 120_000)
afterAll(async () => {
  for (const w of workers) {
    await w.ctx.jobs.stop(2000)
    await w.handle.close()
  }
  await stripe?.stop()
})

describe('three workers run process-due at once', () => {
  it('pays every schedule exactly once: no double payout, no lost one', async () => {
    // passing trouble on the way: 500s before, lost answers after, a few rate limits
    stripe.control.injectFault({ kind: 'api_error', path: '/v1/transfers', method: 'POST', times: 6 })
    stripe.control.injectFault({
      kind: 'network',
      path: '/v1/transfers',
      method: 'POST',
      when: 'after',
      times: 6,
    })
    const runs: RunTotals[] = await Promise.all(
      workers.map((w) => processDueSchedules(w.ctx, { batch: 10, concurrency: 4 })),
    )
    // retries wait their delay: later runs finish the job
    for (let round = 0; round < 4; round++) {
      clock.advance(301_000)
      runs.push(
        ...(await Promise.all(workers.map((w) => processDueSchedules(w.ctx, { batch: 10, concurrency: 4 })))),
      )
    }
    const figures = await payoutFigures(workers[0]!.ctx)
    expect(figures.payouts).toEqual({ completed: 150 })
    expect(figures.schedules).toEqual({ processed: 150 })
    // each worker did part of the work; together, each schedule once
    const claimed = runs.reduce((n, r) => n + r.claimed, 0)
    expect(claimed).toBeGreaterThanOrEqual(150)
    expect(runs.slice(0, 3).filter((r) => r.claimed > 0).length).toBeGreaterThanOrEqual(2)
    // Stripe saw exactly one transfer per payout, per destination and group
    expect(stripe.control.countTransfers()).toBe(150)
    expect(stripe.control.transfersByDestinationAndGroup()).toEqual(figures.transferredByDestinationAndGroup)
    expect((await reconcileLedger(workers[0]!.ctx.db)).checks.filter((c) => !c.ok)).toEqual([])
    expect(
      (await reconcilePayouts(workers[0]!.ctx.db, { now: clock.now() })).checks.filter((c) => !c.ok),
    ).toEqual([])
    expect(await verifyPayoutAuditChain(workers[0]!.ctx.db)).toMatchObject({ ok: true })
  })
})
