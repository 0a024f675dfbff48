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

/**
 * Promo-code discounts in MRR (repeating and once, against what Stripe invoices), plan invoices
 * booked at Stripe's paid-at time (a late webhook books the right day), and admin refunds of plan
 * invoices on the ledger (through Stripe, idempotent, once per Stripe refund, 422 / 409 on bad asks).
 * The app's clock follows the Stripe test server's.
 */
const database = useTestDatabase()
const WEBHOOK_SECRET = 'whsec_plan_refunds_test'
const DAY = 86_400_000
let stripe: StripeTestServer
let sdk: Stripe
let app: RunningApp & { baseUrl: string }
const s: Record<string, TestSession> = {}
const EMAILS = { rachel: 'rachel@recruiters.demo', tom: 'tom@talentbridge.demo', admin: 'admin@splits.demo' }
const as = (who: string) => apiClient(app.baseUrl, s[who])
const endpoint = () => [{ url: `${app.baseUrl}/api/webhooks/stripe`, secret: WEBHOOK_SECRET }]

async function freshSessions() {
  for (const [key, email] of Object.entries(EMAILS)) s[key] = await sessionFor(app.ctx, { email })
}
async function advance(ms: number) {
  stripe.control.advanceClock(ms)
  await stripe.control.waitForWebhooks()
  await freshSessions()
}
const overview = async () => (await as('admin').get('/api/admin/plans?months=6')).body
const mrr = async () => (await overview()).totals.mrr.amount as string
async function deliver(event: unknown) {
  const body = JSON.stringify({ ...(event as object), id: `evt_${randomUUID().replaceAll('-', '')}` })
  const r = await fetch(`${app.baseUrl}/api/webhooks/stripe`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'stripe-signature': signatureHeader(body, WEBHOOK_SECRET, Math.floor(stripe.control.now() / 1000)),
    },
    body,
  })
  expect(r.status).toBe(200)
}
/** POST a refund as the admin, with an Idempotency-Key when given. */
async function refund(invoice: string, body: unknown, key?: string) {
  const res = await fetch(`${app.baseUrl}/api/admin/plans/invoices/${invoice}/refunds`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...s.admin!.headers,
      ...(key ? { 'idempotency-key': key } : {}),
    },
    body: JSON.stringify(body),
  })
  const text = await res.text()
  return { status: res.status, body: text ? JSON.parse(text) : null }
}
const db = <T>(fn: (tx: Parameters<Parameters<typeof inTransaction>[2]>[0]) => Promise<T>) =>
  inTransaction(app.ctx.db, systemActor('test'), fn)
const invoicesOf = async (email: string) =>
  db(async (tx) => {
    const who = Object.entries(EMAILS).find(([, e]) => e === email)![0]
    const recruiter = await recruiterIdOfUser(tx, s[who]!.userId)
    const r = await sql<{
      stripe_invoice_id: string
      amount_paid: string
      status: string
      paid_at: Date | null
    }>`
      select i.stripe_invoice_id, i.amount_paid::text, i.status, i.paid_at from billing.plan_invoices i
       where i.recruiter_id = ${recruiter} order by i.created_at, i.stripe_invoice_id`.execute(tx)
    return r.rows
  })
/** The overview's MRR once the webhooks' jobs have caught up. */
const POLL = { timeout: 20_000, interval: 50 }
const mrrBecomes = (amount: number) =>
  eventually(`MRR ${amount}`, async () => ((await mrr()) === String(amount) ? true : undefined))

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
  stripe.control.setWebhookEndpoints(endpoint())
  await demoPersonasSeed.run(app.ctx, () => {})
  await freshSessions()
})
afterAll(async () => {
  await app?.stop()
  await stripe?.stop()
})

describe('MRR honours promo codes for as long as they last', () => {
  it('20% off for 3 months (Partner monthly) and $50 off once (Pro after its trial): MRR is what Stripe invoices', async () => {
    const repeating = await sdk.coupons.create({
      percent_off: 20,
      duration: 'repeating',
      duration_in_months: 3,
    })
    await sdk.promotionCodes.create({
      promotion: { type: 'coupon', coupon: repeating.id },
      code: 'THREEMONTHS',
    })
    const once = await sdk.coupons.create({ amount_off: 5_000, currency: 'usd', duration: 'once' })
    await sdk.promotionCodes.create({ promotion: { type: 'coupon', coupon: once.id }, code: 'FIFTYOFF' })
    for (const who of ['tom', 'rachel'])
      await as(who).post('/api/subscriptions/card', { payment_method: 'pm_card_visa' })
    const tom = await as('tom').post('/api/subscriptions', {
      tier: 'partner',
      interval: 'month',
      promo_code: 'THREEMONTHS',
    })
    expect(tom.status).toBe(201)
    const rachel = await as('rachel').post('/api/subscriptions', { tier: 'pro', promo_code: 'FIFTYOFF' })
    expect(rachel.body.subscription.status).toBe('trialing')
    // Tom pays 24,900 − 20% = 19,920; Rachel is trialing (not paying)
    let o = await overview()
    expect(o.totals).toMatchObject({
      mrr: { amount: '19920' },
      arr: { amount: String(19_920 * 12) },
      mrr_at_list_price: { amount: '24900' },
      discounted_subscribers: 1,
    })
    expect(o.tiers.find((t: { tier: string }) => t.tier === 'partner').mrr.amount).toBe('19920')
    // after the trial Rachel's first invoice is 9,900 − 5,000
    await advance(15 * DAY)
    await mrrBecomes(19_920 + 4_900)
    // the invoice's own webhook (invoice.paid) may be handled after the subscription's: wait for it
    await expect
      .poll(
        async () =>
          (await invoicesOf(EMAILS.rachel)).filter((i) => i.amount_paid !== '0').map((i) => i.amount_paid),
        POLL,
      )
      .toEqual(['4900'])
    // her second invoice is at list price: `once` is over
    await advance(35 * DAY)
    await mrrBecomes(19_920 + 9_900)
    await expect
      .poll(async () => (await invoicesOf(EMAILS.rachel)).map((i) => i.amount_paid).slice(-1), POLL)
      .toEqual(['9900'])
    // Tom's fourth invoice (three months on) is at list price again
    // (in steps under a month: the test server runs a renewal that fell due at the time it is advanced to)
    await advance(20 * DAY)
    await advance(25 * DAY)
    await mrrBecomes(24_900 + 9_900)
    o = await overview()
    expect(o.totals).toMatchObject({ mrr: { amount: String(24_900 + 9_900) }, discounted_subscribers: 0 })
    await expect
      .poll(async () => (await invoicesOf(EMAILS.tom)).map((i) => i.amount_paid), POLL)
      .toEqual(['19920', '19920', '19920', '24900'])
  })
})

describe('plan invoices are booked at Stripe’s paid-at time', () => {
  it('a renewal whose webhook comes five days late is booked on the day Stripe took the money', async () => {
    stripe.control.setWebhookEndpoints([])
    const before = (await invoicesOf(EMAILS.tom)).length
    await advance(27 * DAY) // Tom renews at Stripe; nobody is told
    await advance(5 * DAY)
    expect((await invoicesOf(EMAILS.tom)).length).toBe(before)
    const late = stripe.control.events({ type: 'invoice.paid' }).at(0)!
    const inv = late.data.object as { id: string; status_transitions: { paid_at: number } }
    expect(inv.status_transitions.paid_at * 1000).toBeLessThan(stripe.control.now() - 4 * DAY)
    stripe.control.setWebhookEndpoints(endpoint())
    await deliver(late)
    const posting = await eventually('the late invoice booked', () =>
      db(async (tx) => (await postingsAbout(tx, { type: 'plan_invoice', id: inv.id }))[0]),
    )
    expect(new Date(posting.effective_at).getTime()).toBe(inv.status_transitions.paid_at * 1000)
    const row = (await invoicesOf(EMAILS.tom)).find((i) => i.stripe_invoice_id === inv.id)!
    expect(row.paid_at?.getTime()).toBe(inv.status_transitions.paid_at * 1000)
    await stripe.control.waitForWebhooks()
  })
})

describe('admin refunds of plan invoices', () => {
  let invoice: string
  it('bad asks: a recruiter 403, an unknown invoice 404, bad amounts 400, more than paid 422; nothing refunded', async () => {
    invoice = (await invoicesOf(EMAILS.tom))[0]!.stripe_invoice_id
    const url = `/api/admin/plans/invoices/${invoice}/refunds`
    expect((await as('tom').post(url, { reason: 'goodwill' })).status).toBe(403)
    // who may call comes before what is sent (the security matrix sends a made-up id, no body)
    const res = await fetch(`${app.baseUrl}/api/admin/plans/invoices/${randomUUID()}/refunds`, {
      method: 'POST',
      headers: s.tom!.headers,
    })
    expect(res.status).toBe(403)
    expect(
      (await as('admin').post('/api/admin/plans/invoices/in_nope123/refunds', { reason: 'goodwill' })).body
        .code,
    ).toBe('plan_invoice_not_found')
    expect((await as('admin').post(url, { amount: '-5', reason: 'goodwill' })).status).toBe(400)
    expect((await as('admin').post(url, { amount: '100' })).status).toBe(400)
    const tooMuch = await as('admin').post(url, { amount: '19921', reason: 'goodwill' })
    expect(tooMuch).toMatchObject({ status: 422, body: { code: 'refund_exceeds_paid' } })
    expect((await sdk.refunds.list({ limit: 100 })).data).toHaveLength(0)
  })

  it('a partial refund goes through Stripe and is booked once: Dr plan revenue / Cr PSP clearing, revenue net', async () => {
    const revenueBefore = await db((tx) =>
      kindTotal(tx, { book: 'splits', kind: 'plan_revenue', currency: 'USD' }),
    )
    const r = await refund(invoice, { amount: '5000', reason: 'Charged during an outage' }, 'refund-one')
    expect(r.status).toBe(201)
    expect(r.body).toMatchObject({ status: 'succeeded', booked: true, amount: { amount: '5000' } })
    const refunds = (await sdk.refunds.list({ limit: 100 })).data
    expect(refunds).toHaveLength(1)
    expect(refunds[0]).toMatchObject({ amount: 5_000, id: r.body.stripe_refund_id })
    const pi = await sdk.paymentIntents.retrieve(refunds[0]!.payment_intent as string)
    const charge = await sdk.charges.retrieve(pi.latest_charge as string)
    expect(charge.amount_refunded).toBe(5_000)
    await stripe.control.waitForWebhooks()
    // the refund.created webhook came too, and a redelivery of it: still one reversal
    const event = stripe.control.events({ type: 'refund.created' })[0]!
    await deliver(event)
    await new Promise((resolve) => setTimeout(resolve, 500))
    await db(async (tx) => {
      const postings = await postingsAbout(tx, { type: 'plan_invoice', id: invoice })
      expect(postings.map((p) => p.kind)).toEqual(['plan.invoice_paid', 'plan.invoice_refunded'])
      const reversal = postings[1]!.entries.map((e) => [e.account_kind, e.direction, String(e.amount.amount)])
      expect(reversal.sort()).toEqual([
        ['plan_revenue', 'debit', '5000'],
        ['psp_clearing', 'credit', '5000'],
      ])
      const after = await kindTotal(tx, { book: 'splits', kind: 'plan_revenue', currency: 'USD' })
      expect(after.posted).toBe(revenueBefore.posted - 5_000n)
      const audit = await sql<{ n: number }>`
        select count(*)::int as n from intelligence.decision_audit_log
         where subject_type = 'plan_invoice' and subject_id = ${invoice} and reason = 'Charged during an outage'`.execute(
        tx,
      )
      expect(audit.rows[0]!.n).toBe(1)
    })
    // the same key again answers the same refund
    const again = await refund(invoice, { amount: '5000', reason: 'Charged during an outage' }, 'refund-one')
    expect(again.body.id).toBe(r.body.id)
    const o = await overview()
    expect(o.refunds[0]).toMatchObject({
      id: r.body.id,
      status: 'succeeded',
      reason: 'Charged during an outage',
    })
    const refunded = o.months.reduce(
      (a: bigint, m: { refunded: { amount: string } }) => a + BigInt(m.refunded.amount),
      0n,
    )
    expect(refunded).toBe(5_000n)
    const finance = await as('admin').get('/api/admin/finance/summary')
    expect(finance.body.totals.plan_revenue.amount).toBe(String(revenueBefore.posted - 5_000n))
  })

  it('20 concurrent identical refunds (one key) → one refund; 20 with their own keys → the rest once, then 422', async () => {
    const same = await Promise.all(
      Array.from({ length: 20 }, () => refund(invoice, { amount: '1000', reason: 'double click' }, 'twenty')),
    )
    expect(same.every((r) => r.status === 201 || r.body.code === 'idempotency_in_progress')).toBe(true)
    expect(new Set(same.filter((r) => r.status === 201).map((r) => r.body.id)).size).toBe(1)
    const others = await Promise.all(
      Array.from({ length: 20 }, (_, i) => refund(invoice, { reason: 'the rest' }, `rest-${i}`)),
    )
    expect(others.filter((r) => r.status === 201)).toHaveLength(1)
    expect(others.filter((r) => r.body.code === 'refund_exceeds_paid')).toHaveLength(19)
    const atStripe = (await sdk.refunds.list({ limit: 100 })).data
    expect(atStripe.map((x) => x.amount).sort((a, b) => a - b)).toEqual([1_000, 5_000, 13_920])
    await stripe.control.waitForWebhooks()
    await db(async (tx) => {
      const postings = await postingsAbout(tx, { type: 'plan_invoice', id: invoice })
      expect(postings.filter((p) => p.kind === 'plan.invoice_refunded')).toHaveLength(3)
    })
    const proof = await reconcileLedger(app.ctx.db)
    expect(proof.checks.filter((c) => !c.ok)).toEqual([])
  })

  it('refunding an invoice not paid is 409 plan_invoice_not_paid', async () => {
    await as('rachel').post('/api/subscriptions/card', { payment_method: 'pm_card_chargeCustomerFail' })
    await advance(32 * DAY)
    const open = await eventually('an open invoice', async () =>
      (await invoicesOf(EMAILS.rachel)).find((i) => i.status === 'open'),
    )
    const r = await as('admin').post(`/api/admin/plans/invoices/${open.stripe_invoice_id}/refunds`, {
      reason: 'not paid yet',
    })
    expect(r).toMatchObject({ status: 409, body: { code: 'plan_invoice_not_paid' } })
  })
})
