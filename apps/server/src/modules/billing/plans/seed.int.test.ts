import { type StripeTestServer, startStripeTestServer } from '@app/stripe-test-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedContext } from '../../../../../../packages/testing/src/seed-context.ts'
import { useTestDatabase } from '../../../../../../packages/testing/src/test-database.ts'
import { FixedClock } from '../../../kernel/clock.ts'
import type { AppContext } from '../../../kernel/context.ts'
import type { DatabaseHandle } from '../../../kernel/db/database.ts'
import { demoPersonasSeed } from '../../identity/seed.ts'
import { demoMarketplaceSeed } from '../../recruiting/seed/demo-marketplace.ts'
import { stripeProvider } from '../stripe-provider.ts'
import { plansDemoSeed, plansHistoryDemoSeed } from './seed.ts'

/** The plans demo data: Rachel on Pro and Tom on Partner since they joined, with real subscriptions. */
const database = useTestDatabase()
let ctx: AppContext
let handle: DatabaseHandle
let stripe: StripeTestServer
let detail: Record<string, unknown> | undefined
let ms = 0

beforeAll(async () => {
  stripe = await startStripeTestServer()
  ;({ ctx, database: handle } = seedContext(database.current.url, { clock: new FixedClock(new Date()) }))
  ctx.services.stripe = stripeProvider({
    secretKey: stripe.secretKey,
    webhookSecret: 'whsec_x',
    apiUrl: stripe.url,
  })
  await demoPersonasSeed.run(ctx, () => {})
  await demoMarketplaceSeed.run(ctx, () => {})
  const t = performance.now()
  detail = { ...(await plansHistoryDemoSeed.run(ctx, () => {})), ...(await plansDemoSeed.run(ctx, () => {})) }
  ms = performance.now() - t
}, 120_000)
afterAll(async () => {
  await handle?.close()
  await stripe?.stop()
})

const query = async <T = Record<string, unknown>>(text: string) =>
  (await database.current.pool.query(text)).rows as T[]

describe('plans demo data', () => {
  it('puts Rachel on Pro monthly and Tom on Partner yearly, with history and a paid first invoice', async () => {
    expect(detail).toEqual({ history: 4, subscriptions: 2 })
    const subs = await query<{ tier: string; billing_interval: string; status: string }>(
      'select tier, billing_interval, status from billing.plan_subscriptions order by tier desc',
    )
    expect(subs).toEqual([
      { tier: 'pro', billing_interval: 'month', status: 'active' },
      { tier: 'partner', billing_interval: 'year', status: 'active' },
    ])
    const invoices = await query<{ status: string }>('select status from billing.plan_invoices')
    expect(invoices.map((i) => i.status)).toEqual(['paid', 'paid'])
    const open = await query<{ tier: string }>(
      'select tier from billing.plan_periods where valid_to is null order by tier',
    )
    expect(open.map((p) => p.tier)).toEqual(['partner', 'pro'])
    console.info(
      `plans demo seeds: ${ms.toFixed(0)} ms (the start-up budget is measured by bench/startup.ts)`,
    )
  })
})
