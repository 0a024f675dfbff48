import { type StripeTestServer, startStripeTestServer } from '@app/stripe-test-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
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
import { billingDemoSeed } from '../seed.ts'
import { stripeProvider } from '../stripe-provider.ts'
import { payoutsDemoSeed } from './seed.ts'

/**
 * The payouts demo data: Rachel's Connect account active, Tom's not; their first run pays Rachel's due
 * schedules through the Stripe test server (one transfer each) and parks Tom's; others' schedules stay
 * due for the admin's run; everything reconciles.
 */
const database = useTestDatabase()
const clock = new FixedClock('2026-12-01T09:00:00Z')
let stripe: StripeTestServer
let ctx: AppContext
let handle: DatabaseHandle
let detail: Record<string, unknown> | undefined
let ms = 0

beforeAll(async () => {
  stripe = await startStripeTestServer({})
  const env = {
    NODE_ENV: 'test',
    DATABASE_URL: database.current.url,
    DEMO_MODE: 'true',
    LOG_LEVEL: 'silent',
    STRIPE_SECRET_KEY: stripe.secretKey,
    STRIPE_WEBHOOK_SECRET: 'whsec_seed_test',
    STRIPE_API_URL: stripe.url,
  }
  const config = loadConfig(env)
  ;({ ctx, database: handle } = createAppContext(config, database.current.url, {
    log: createLogger({ level: 'silent', pretty: false }),
    // notices of the run need the notification jobs in the catalogue (nothing runs them: work is off)
    modules,
    work: false,
    clock,
  }))
  const provider = stripeProvider({
    secretKey: stripe.secretKey,
    webhookSecret: 'whsec_seed_test',
    apiUrl: stripe.url,
  })
  ctx.services.stripe = provider
  ctx.services.payments = provider
  // as in the app: the queue is open before seeds run (the run enqueues bank payouts and notices)
  await ctx.jobs.start(ctx)
  await demoPersonasSeed.run(ctx, () => {})
  await demoMarketplaceSeed.run(ctx, () => {})
  await billingDemoSeed.run(ctx, () => {})
  const t = performance.now()
  detail = await payoutsDemoSeed.run(ctx, () => {})
  ms = performance.now() - t
}, 120_000)
afterAll(async () => {
  await ctx?.jobs.stop(1000)
  await handle?.close()
  await stripe?.stop()
})

const query = async <T = Record<string, unknown>>(text: string) =>
  (await database.current.pool.query(text)).rows as T[]

describe('payouts demo data', () => {
  it('has Rachel able to receive money and Tom not, paid and parked payouts', async () => {
    const accounts = await query<{ email: string; payouts_enabled: boolean }>(`
      select u.email, c.payouts_enabled from billing.connect_accounts c
        join network.recruiters r on r.id = c.recruiter_id join identity.user_contacts u on u.user_id = r.user_id order by 1`)
    expect(accounts).toEqual([
      { email: 'rachel@recruiters.demo', payouts_enabled: true },
      { email: 'tom@talentbridge.demo', payouts_enabled: false },
    ])
    expect(detail).toMatchObject({ accounts: 2 })
    expect(Number(detail?.paid)).toBeGreaterThan(0)
    const byStatus = await query<{ email: string; status: string; n: number }>(`
      select u.email, p.status, count(*)::int as n from billing.payouts p
        join network.recruiters r on r.id = p.recruiter_id join identity.user_contacts u on u.user_id = r.user_id
       where u.email in ('rachel@recruiters.demo', 'tom@talentbridge.demo') group by 1, 2 order by 1, 2`)
    const rachel = byStatus.filter((r) => r.email.startsWith('rachel'))
    expect(rachel.map((r) => r.status)).toEqual(['completed'])
    // exactly one transfer per completed payout with one
    const transferred = await query<{ destination: string; grp: string; n: number }>(`
      select stripe_connect_account_id as destination, transfer_group as grp, count(*)::int as n
        from billing.payouts where stripe_transfer_id is not null group by 1, 2`)
    expect(stripe.control.transfersByDestinationAndGroup()).toEqual(
      Object.fromEntries(transferred.map((r) => [`${r.destination}|${r.grp}`, r.n])),
    )
    const parked = await query<{ n: number }>(
      `select count(*)::int as n from billing.payouts where parked_reason is not null and status = 'pending'`,
    )
    expect(parked[0]!.n).toBeGreaterThan(0)
    // the other recruiters' money waits for the admin's run (the demo has work to show)
    const due = await query<{ n: number }>(
      `select count(*)::int as n from billing.payout_schedules where status = 'pending' and payout_id is null`,
    )
    expect(due[0]!.n).toBeGreaterThan(0)
    console.info(`payouts.demo: ${Math.round(ms)} ms (the start-up budget is measured by bench/startup.ts)`)
  })

  it('reconciles, audit chain included, and runs again without doing anything twice', async () => {
    expect((await reconcileLedger(ctx.db)).checks.filter((c) => !c.ok)).toEqual([])
    expect((await verifyPayoutAuditChain(ctx.db)).ok).toBe(true)
    const before = stripe.control.transfersByDestinationAndGroup()
    const again = await payoutsDemoSeed.run(ctx, () => {})
    expect(again).toMatchObject({ paid: 0 })
    expect(stripe.control.transfersByDestinationAndGroup()).toEqual(before)
  })
})
