import { randomUUID } from 'node:crypto'
import { type StripeTestServer, signatureHeader, startStripeTestServer } from '@app/stripe-test-server'
import { sql } from 'kysely'
import Stripe from 'stripe'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiClient } from '../../../../../../packages/testing/src/api-client.ts'
import { eventually } from '../../../../../../packages/testing/src/eventually.ts'
import { sessionFor, type TestSession } from '../../../../../../packages/testing/src/sessions.ts'
import { startTestApp } from '../../../../../../packages/testing/src/test-app.ts'
import { useTestDatabase } from '../../../../../../packages/testing/src/test-database.ts'
import type { RunningApp } from '../../../app.ts'
import { inTransaction, systemActor } from '../../../kernel/db/transaction.ts'
import { demoPersonasSeed } from '../../identity/seed.ts'
import { kindTotal, postingsAbout, reconcileLedger } from '../../ledger/index.ts'
import { recruiterIdOfUser } from '../../recruiting/index.ts'
import { planTierAt } from './history.ts'

/**
 * Downgrades at the end of the paid period (Stripe subscription schedules on the local Stripe
 * test server, the app's clock following Stripe's), paid plan invoices on the ledger, and the admin
 * plans overview: a downgrade with a payment pending is refused; a scheduled downgrade changes
 * nothing until the period ends, then the plan history switches at the period's end exactly and
 * the renewal bills the new price without proration; twenty identical clicks make one schedule;
 * calling it off releases the schedule; every paid invoice is one balanced posting, once.
 */
const database = useTestDatabase()
const WEBHOOK_SECRET = 'whsec_schedules_test'
const DAY = 86_400_000
let stripe: StripeTestServer
let sdk: Stripe
let app: RunningApp & { baseUrl: string }
const s: Record<string, TestSession> = {}
const ids: Record<string, string> = {}
const EMAILS = {
  rachel: 'rachel@recruiters.demo',
  tom: 'tom@talentbridge.demo',
  admin: 'admin@splits.demo',
}
const as = (who: string) => apiClient(app.baseUrl, s[who])
const me = async (who: string) => (await as(who).get('/api/subscriptions')).body

async function freshSessions() {
  for (const [key, email] of Object.entries(EMAILS)) s[key] = await sessionFor(app.ctx, { email })
}

async function advance(ms: number) {
  stripe.control.advanceClock(ms)
  await stripe.control.waitForWebhooks()
  await freshSessions()
}

const customerOf = async (recruiterId: string) =>
  (await sdk.subscriptions.list({ status: 'all', limit: 100 })).data.find(
    (x) => x.metadata.recruiter_id === recruiterId,
  )!

beforeAll(async () => {
  stripe = await startStripeTestServer({
    webhookRetry: { maxAttempts: 5, backoffMs: () => 50, timeoutMs: 5000 },
  })
  sdk = new Stripe(stripe.secretKey, { host: '127.0.0.1', port: stripe.port, protocol: 'http' })
  app = await startTestApp(database.current.url, {
    clock: { now: () => new Date(stripe.control.now()) },
    env: {
      STRIPE_SECRET_KEY: stripe.secretKey,
      STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
      STRIPE_API_URL: stripe.url,
    },
  })
  stripe.control.setWebhookEndpoints([{ url: `${app.baseUrl}/api/webhooks/stripe`, secret: WEBHOOK_SECRET }])
  await demoPersonasSeed.run(app.ctx, () => {})
  await freshSessions()
  await inTransaction(app.ctx.db, systemActor('test'), async (tx) => {
    ids.rachel = (await recruiterIdOfUser(tx, s.rachel!.userId))!
    ids.tom = (await recruiterIdOfUser(tx, s.tom!.userId))!
  })
})
afterAll(async () => {
  await app?.stop()
  await stripe?.stop()
})

describe('a downgrade waits for the end of the paid period', () => {
  it('with a payment pending, scheduling a downgrade is 409 payment_pending and schedules nothing', async () => {
    await as('tom').post('/api/subscriptions/card', { payment_method: 'pm_card_visa' })
    const sub = await as('tom').post('/api/subscriptions', { tier: 'partner', interval: 'month' })
    expect(sub.status).toBe(201)
    await as('tom').post('/api/subscriptions/card', { payment_method: 'pm_card_chargeCustomerFail' })
    await advance(32 * DAY)
    await eventually('past due', async () =>
      (await me('tom')).subscription?.status === 'past_due' ? true : undefined,
    )
    const refused = await as('tom').patch('/api/subscriptions', { tier: 'pro' })
    expect(refused).toMatchObject({ status: 409, body: { code: 'payment_pending' } })
    expect((await me('tom')).subscription.scheduled_change).toBeNull()
    expect((await sdk.subscriptionSchedules.list({ limit: 100 })).data).toHaveLength(0)
    // a good card pays the pending invoice at once: the plan is active again
    const paid = await as('tom').post('/api/subscriptions/card', { payment_method: 'pm_card_visa' })
    expect(paid.body.pending_payment_paid).toBe(true)
    expect((await me('tom')).subscription.status).toBe('active')
  })

  it('downgrading to the current tier is 409 plan_unchanged; bad tiers are 400', async () => {
    expect(await as('tom').patch('/api/subscriptions', { tier: 'partner' })).toMatchObject({
      status: 409,
      body: { code: 'plan_unchanged' },
    })
    expect((await as('tom').patch('/api/subscriptions', { tier: 'starter' })).status).toBe(400)
    expect((await as('tom').delete('/api/subscriptions/scheduled-change')).body.code).toBe(
      'no_scheduled_change',
    )
  })

  it('Partner → Pro is scheduled for the period end: nothing billed, the tier kept until then', async () => {
    const before = await me('tom')
    const invoicesBefore = (await sdk.invoices.list({ limit: 100 })).data.length
    const r = await as('tom').patch('/api/subscriptions', { tier: 'pro' })
    expect(r.status).toBe(200)
    expect(r.body.tier).toBe('partner')
    expect(r.body.subscription).toMatchObject({
      tier: 'partner',
      scheduled_change: {
        tier: 'pro',
        interval: 'month',
        at: before.subscription.current_period_end,
        price: { amount: '9900' },
      },
    })
    expect((await sdk.invoices.list({ limit: 100 })).data.length).toBe(invoicesBefore)
    const stripeSub = await customerOf(ids.tom!)
    expect(stripeSub.schedule).toMatch(/^sub_sched_/)
    const schedule = await sdk.subscriptionSchedules.retrieve(stripeSub.schedule as string)
    expect(schedule.phases.map((p) => p.end_date)).toEqual([
      Date.parse(before.subscription.current_period_end) / 1000,
      expect.any(Number),
    ])
    ids.tomSwitch = before.subscription.current_period_end
  })

  it('20 identical concurrent downgrade clicks make one schedule; another change meanwhile is 409', async () => {
    await as('rachel').post('/api/subscriptions/card', { payment_method: 'pm_card_visa' })
    expect(
      (await as('rachel').post('/api/subscriptions', { tier: 'partner', interval: 'year' })).status,
    ).toBe(201)
    const results = await Promise.all(
      Array.from({ length: 20 }, () => as('rachel').patch('/api/subscriptions', { interval: 'month' })),
    )
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(200))
    const sub = await customerOf(ids.rachel!)
    const schedules = (await sdk.subscriptionSchedules.list({ customer: sub.customer as string })).data
    expect(schedules).toHaveLength(1)
    expect((await me('rachel')).subscription.scheduled_change).toMatchObject({
      tier: 'partner',
      interval: 'month',
    })
    const other = await as('rachel').patch('/api/subscriptions', { tier: 'pro', interval: 'month' })
    expect(other).toMatchObject({ status: 409, body: { code: 'change_already_scheduled' } })
    expect((await me('rachel')).subscription.scheduled_change.tier).toBe('partner')
  })

  it('calling the change off releases the schedule: the plan renews as it is', async () => {
    const off = await as('rachel').delete('/api/subscriptions/scheduled-change')
    expect(off.status).toBe(200)
    expect(off.body.subscription).toMatchObject({ interval: 'year', scheduled_change: null })
    const sub = await customerOf(ids.rachel!)
    expect(sub.schedule).toBeNull()
    const schedules = (await sdk.subscriptionSchedules.list({ customer: sub.customer as string })).data
    expect(schedules.map((x) => x.status)).toEqual(['released'])
    expect((await as('rachel').delete('/api/subscriptions/scheduled-change')).status).toBe(404)
  })

  it('at the period end the webhook switches Tom to Pro: history from that moment, Pro’s price billed', async () => {
    await advance(31 * DAY)
    const after = await eventually('switched to Pro', async () => {
      const m = await me('tom')
      return m.tier === 'pro' && m.subscription?.scheduled_change === null ? m : undefined
    })
    expect(after.subscription).toMatchObject({ tier: 'pro', interval: 'month', status: 'active' })
    expect(after.history[0]).toMatchObject({ tier: 'pro', from: ids.tomSwitch, reason: 'changed' })
    const at = new Date(ids.tomSwitch!)
    await inTransaction(app.ctx.db, systemActor('test'), async (tx) => {
      expect(await planTierAt(tx, ids.tom!, new Date(at.getTime() - 1000))).toBe('partner')
      expect(await planTierAt(tx, ids.tom!, at)).toBe('pro')
    })
    const renewal = (await sdk.invoices.list({ subscription: (await customerOf(ids.tom!)).id, limit: 1 }))
      .data[0]!
    expect(renewal.billing_reason).toBe('subscription_cycle')
    expect(renewal.lines.data.map((l) => l.amount)).toEqual([9_900])
    expect(renewal.amount_paid).toBe(9_900)
    // the renewal's own webhook books it: invoice.paid may be handled after the subscription's
    await eventually('the renewal booked', () =>
      inTransaction(app.ctx.db, systemActor('test'), async (tx) => {
        const r = await sql`select 1 from billing.plan_invoices
          where stripe_invoice_id = ${renewal.id} and status = 'paid' and posting_id is not null`.execute(tx)
        return r.rows.length === 1 ? true : undefined
      }),
    )
  })
})

describe('plan invoices on the ledger', () => {
  it('each paid invoice is one balanced posting; a redelivered invoice.paid posts nothing more', async () => {
    const paid = await inTransaction(app.ctx.db, systemActor('test'), async (tx) => {
      const rows = await sql<{ stripe_invoice_id: string; amount_paid: string; posting_id: string | null }>`
        select stripe_invoice_id, amount_paid::text, posting_id from billing.plan_invoices
         where status = 'paid' and amount_paid > 0`.execute(tx)
      return rows.rows
    })
    expect(paid.length).toBeGreaterThanOrEqual(4)
    const event = stripe.control.events({ type: 'invoice.paid' }).find((e) => {
      const inv = e.data.object as { amount_paid: number }
      return inv.amount_paid > 0
    })!
    // the same invoice.paid under a new event id (a redelivery Stripe makes after a timeout)
    const body = JSON.stringify({ ...event, id: `evt_${randomUUID().replaceAll('-', '')}` })
    const r = await fetch(`${app.baseUrl}/api/webhooks/stripe`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'stripe-signature': signatureHeader(body, WEBHOOK_SECRET, Math.floor(stripe.control.now() / 1000)),
      },
      body,
    })
    expect(r.status).toBe(200)
    await new Promise((resolve) => setTimeout(resolve, 500))
    await inTransaction(app.ctx.db, systemActor('test'), async (tx) => {
      let sum = 0n
      for (const inv of paid) {
        expect(inv.posting_id).not.toBeNull()
        const postings = await postingsAbout(tx, { type: 'plan_invoice', id: inv.stripe_invoice_id })
        expect(postings).toHaveLength(1)
        const entries = postings[0]!.entries
        const debit = entries
          .filter((e) => e.direction === 'debit')
          .reduce((a, e) => a + BigInt(e.amount.amount), 0n)
        const credit = entries
          .filter((e) => e.direction === 'credit')
          .reduce((a, e) => a + BigInt(e.amount.amount), 0n)
        expect(debit).toBe(credit)
        expect(debit).toBe(BigInt(inv.amount_paid))
        expect(entries.map((e) => e.account_kind).sort()).toEqual(['plan_revenue', 'psp_clearing'])
        sum += BigInt(inv.amount_paid)
      }
      const revenue = await kindTotal(tx, { book: 'splits', kind: 'plan_revenue', currency: 'USD' })
      expect(revenue.posted).toBe(sum)
      // what Stripe collected equals what the ledger booked
      const atStripe = (await sdk.invoices.list({ limit: 100 })).data
        .filter((i) => i.status === 'paid')
        .reduce((a, i) => a + BigInt(i.amount_paid), 0n)
      expect(revenue.posted).toBe(atStripe)
    })
    const proof = await reconcileLedger(app.ctx.db)
    expect(proof.checks.filter((c) => !c.ok)).toEqual([])
  })
})

describe('the admin plans overview', () => {
  it('subscribers per tier, MRR from the rows, scheduled changes, recent changes; admins only', async () => {
    expect((await as('rachel').get('/api/admin/plans')).status).toBe(403)
    expect((await apiClient(app.baseUrl).get('/api/admin/plans')).status).toBe(401)
    expect((await as('admin').get('/api/admin/plans?months=0')).status).toBe(400)
    const cancelled = await as('tom').delete('/api/subscriptions')
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200)
    // the clocks have moved 63 days: up to four calendar months (from 31 December to 4 March), so
    // four months hold every invoice whatever the day the suite runs
    const r = await as('admin').get('/api/admin/plans?months=4')
    expect(r.status).toBe(200)
    // Rachel: Partner yearly (249,000 / 12 = 20,750); Tom: Pro monthly 9,900
    expect(r.body.totals).toMatchObject({
      subscribers: 2,
      mrr: { amount: String(20_750 + 9_900), currency: 'USD' },
      arr: { amount: String((20_750 + 9_900) * 12) },
    })
    expect(r.body.tiers).toEqual([
      expect.objectContaining({
        tier: 'pro',
        subscribers: 1,
        monthly: 1,
        mrr: { amount: '9900', currency: 'USD' },
      }),
      expect.objectContaining({
        tier: 'partner',
        subscribers: 1,
        yearly: 1,
        mrr: { amount: '20750', currency: 'USD' },
      }),
    ])
    expect(r.body.scheduled).toEqual([
      expect.objectContaining({
        recruiter_name: expect.any(String),
        to: { tier: 'starter', interval: null },
      }),
    ])
    expect(r.body.recent_changes[0]).toMatchObject({
      from_tier: 'partner',
      to_tier: 'pro',
      reason: 'changed',
    })
    expect(r.body.months).toHaveLength(4)
    expect(r.body.months.at(-1)).toMatchObject({ pro: 1, partner: 1 })
    const booked = BigInt(r.body.totals.plan_revenue_booked.amount)
    const collected = r.body.months.reduce(
      (a: bigint, m: { collected: { amount: string } }) => a + BigInt(m.collected.amount),
      0n,
    )
    expect(collected).toBe(booked)
  })
})

describe('a plan set to end', () => {
  it('cannot take a downgrade until it is kept (409); cancelling releases nothing it should not', async () => {
    const ended = await as('rachel').delete('/api/subscriptions')
    expect(ended.body.subscription).toMatchObject({ cancel_at_period_end: true, scheduled_change: null })
    const r = await as('rachel').patch('/api/subscriptions', { interval: 'month' })
    expect(r).toMatchObject({ status: 409, body: { code: 'change_already_scheduled' } })
    expect((await me('rachel')).subscription.scheduled_change).toBeNull()
  })
})
