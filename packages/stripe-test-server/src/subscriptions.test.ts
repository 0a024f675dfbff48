import fc from 'fast-check'
import type Stripe from 'stripe'
import { describe, expect, it } from 'vitest'
import { addMonths, prorate, prorationLines } from './billing/proration.ts'
import { startHarness } from './test-support.ts'

const T0 = Date.UTC(2026, 0, 15, 12, 0, 0)
const DAY = 86_400_000

async function world() {
  let now = T0
  const h = await startHarness({ clock: () => now, tickMs: 0 })
  const { stripe } = h
  const product = await stripe.products.create({ name: 'Pro' })
  const monthly = await stripe.prices.create({
    product: product.id,
    currency: 'usd',
    unit_amount: 9_900,
    recurring: { interval: 'month' },
    lookup_key: 'pro_month',
  })
  const yearly = await stripe.prices.create({
    product: product.id,
    currency: 'usd',
    unit_amount: 99_000,
    recurring: { interval: 'year' },
  })
  const partner = await stripe.prices.create({
    product_data: { name: 'Partner' },
    currency: 'usd',
    unit_amount: 29_900,
    recurring: { interval: 'month' },
  })
  const customer = await stripe.customers.create({ email: 'r@example.com' })
  const card = async (pm = 'pm_card_visa') => {
    const si = await stripe.setupIntents.create({ customer: customer.id, payment_method: pm, confirm: true })
    return si.payment_method as string
  }
  return {
    ...h,
    product,
    monthly,
    yearly,
    partner,
    customer,
    card,
    advance: (ms: number) => {
      h.server.control.advanceClock(ms)
      void now
    },
    setNow: (t: number) => {
      now = t
    },
  }
}

const periodOf = (s: Stripe.Subscription) => s.items.data[0] as Stripe.SubscriptionItem

describe('proration (exact, minor units)', () => {
  it('half a period of a 99.00 price is 49.50; rounding is half up per line', () => {
    expect(prorate(9_900, 0, 100, 50)).toBe(4_950)
    expect(prorate(1, 0, 2, 1)).toBe(1) // 0.5 rounds up
    expect(prorate(1, 0, 3, 1)).toBe(1) // 0.667
    expect(prorate(1, 0, 3, 2)).toBe(0) // 0.333
    expect(prorationLines(9_900, 29_900, 0, 30, 15)).toEqual({ credit: -4_950, charge: 14_950, net: 10_000 })
  })
  it('property: each line is within half a minor unit of the exact share, and bounded', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 1, max: 40_000_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (oldAmount, newAmount, length, f) => {
          const at = Math.floor(length * f)
          const { credit, charge, net } = prorationLines(oldAmount, newAmount, 0, length, at)
          const exactCharge = (newAmount * (length - at)) / length
          expect(Math.abs(charge - exactCharge)).toBeLessThanOrEqual(0.5)
          expect(-credit).toBeLessThanOrEqual(oldAmount)
          expect(charge).toBeLessThanOrEqual(newAmount)
          expect(net).toBe(credit + charge)
          if (at === 0) expect({ credit, charge }).toEqual({ credit: -oldAmount, charge: newAmount })
          if (at === length) expect({ credit: credit + 0, charge }).toEqual({ credit: 0, charge: 0 })
        },
      ),
    )
  })
  it('months clamp to the end of the month', () => {
    const jan31 = Date.UTC(2026, 0, 31) / 1000
    expect(new Date(addMonths(jan31, 1) * 1000).toISOString()).toBe('2026-02-28T00:00:00.000Z')
    expect(new Date(addMonths(jan31, 12) * 1000).toISOString()).toBe('2027-01-31T00:00:00.000Z')
  })
})

describe('SetupIntents', () => {
  it('a good card is set up and attached; a declining card fails with 402 and last_setup_error', async () => {
    const w = await world()
    const pm = await w.card()
    expect((await w.stripe.paymentMethods.retrieve(pm)).customer).toBe(w.customer.id)
    const si = await w.stripe.setupIntents.create({ customer: w.customer.id })
    expect(si.status).toBe('requires_payment_method')
    expect(si.client_secret).toMatch(/^seti_.+_secret_/)
    await expect(
      w.stripe.setupIntents.confirm(si.id, { payment_method: 'pm_card_chargeDeclined' }),
    ).rejects.toMatchObject({ statusCode: 402, code: 'card_declined' })
    const after = await w.stripe.setupIntents.retrieve(si.id)
    expect(after.status).toBe('requires_payment_method')
    expect(after.last_setup_error?.code).toBe('card_declined')
    // chargeCustomerFail sets up fine (its charges fail later)
    expect(
      (await w.stripe.setupIntents.confirm(si.id, { payment_method: 'pm_card_chargeCustomerFail' })).status,
    ).toBe('succeeded')
  })
})

describe('Subscriptions', () => {
  it('create charges the first period, and renews each month', async () => {
    const w = await world()
    const pm = await w.card()
    const sub = await w.stripe.subscriptions.create({
      customer: w.customer.id,
      items: [{ price: w.monthly.id }],
      default_payment_method: pm,
      expand: ['latest_invoice'],
    })
    expect(sub.status).toBe('active')
    const inv = sub.latest_invoice as Stripe.Invoice
    expect(inv).toMatchObject({ status: 'paid', amount_paid: 9_900, billing_reason: 'subscription_create' })
    expect(inv.parent?.subscription_details?.subscription).toBe(sub.id)
    expect(periodOf(sub).current_period_end).toBe(Date.UTC(2026, 1, 15, 12) / 1000)
    w.advance(31 * DAY)
    const renewed = await w.stripe.subscriptions.retrieve(sub.id)
    expect(periodOf(renewed).current_period_start).toBe(Date.UTC(2026, 1, 15, 12) / 1000)
    const invoices = await w.stripe.invoices.list({ subscription: sub.id })
    expect(invoices.data.map((i) => [i.billing_reason, i.status, i.amount_paid])).toEqual([
      ['subscription_cycle', 'paid', 9_900],
      ['subscription_create', 'paid', 9_900],
    ])
    const types = w.server.control.events().map((e) => e.type)
    expect(types).toEqual(expect.arrayContaining(['customer.subscription.created', 'invoice.paid']))
  })

  it('upgrade mid-period with always_invoice bills the exact proration now; create_prorations waits for the renewal', async () => {
    const w = await world()
    const pm = await w.card()
    const sub = await w.stripe.subscriptions.create({
      customer: w.customer.id,
      items: [{ price: w.monthly.id }],
      default_payment_method: pm,
    })
    const { current_period_start: ps, current_period_end: pe } = periodOf(sub)
    w.advance(10 * DAY)
    const at = ps + 10 * 86_400
    const up = await w.stripe.subscriptions.update(sub.id, {
      items: [{ id: periodOf(sub).id, price: w.partner.id }],
      proration_behavior: 'always_invoice',
      expand: ['latest_invoice'],
    })
    const inv = up.latest_invoice as Stripe.Invoice
    const credit = -Math.round((9_900 * (pe - at)) / (pe - ps))
    const charge = Math.round((29_900 * (pe - at)) / (pe - ps))
    expect(inv.lines.data.map((l) => l.amount)).toEqual([credit, charge])
    expect(inv).toMatchObject({
      status: 'paid',
      amount_paid: credit + charge,
      billing_reason: 'subscription_update',
    })
    // back down with create_prorations: a credit line waits for the next invoice
    const down = await w.stripe.subscriptions.update(sub.id, {
      items: [{ id: periodOf(sub).id, price: w.monthly.id }],
      proration_behavior: 'create_prorations',
    })
    expect(down.latest_invoice).toBe(inv.id)
    w.advance(25 * DAY)
    const list = await w.stripe.invoices.list({ subscription: sub.id, limit: 1 })
    const next = list.data[0] as Stripe.Invoice
    expect(next.billing_reason).toBe('subscription_cycle')
    expect(next.lines.data).toHaveLength(3)
    expect(next.total).toBe(next.lines.data.reduce((s, l) => s + l.amount, 0))
  })

  it('monthly → yearly resets the period and invoices the year less the unused month', async () => {
    const w = await world()
    const pm = await w.card()
    const sub = await w.stripe.subscriptions.create({
      customer: w.customer.id,
      items: [{ price: w.monthly.id }],
      default_payment_method: pm,
    })
    w.advance(15 * DAY)
    const up = await w.stripe.subscriptions.update(sub.id, {
      items: [{ id: periodOf(sub).id, price: w.yearly.id }],
      expand: ['latest_invoice'],
    })
    const inv = up.latest_invoice as Stripe.Invoice
    const [credit, year] = inv.lines.data.map((l) => l.amount)
    expect(year).toBe(99_000)
    expect(credit).toBe(
      -prorate(
        9_900,
        periodOf(sub).current_period_start,
        periodOf(sub).current_period_end,
        w.server.control.now() / 1000,
      ),
    )
    expect(periodOf(up).current_period_end - periodOf(up).current_period_start).toBe(365 * 86_400)
  })

  it('a trial bills nothing until it ends, then the price', async () => {
    const w = await world()
    const pm = await w.card()
    const sub = await w.stripe.subscriptions.create({
      customer: w.customer.id,
      items: [{ price: w.monthly.id }],
      default_payment_method: pm,
      trial_period_days: 14,
      expand: ['latest_invoice'],
    })
    expect(sub.status).toBe('trialing')
    expect((sub.latest_invoice as Stripe.Invoice).amount_due).toBe(0)
    w.advance(15 * DAY)
    const after = await w.stripe.subscriptions.retrieve(sub.id, { expand: ['latest_invoice'] })
    expect(after.status).toBe('active')
    expect((after.latest_invoice as Stripe.Invoice).amount_paid).toBe(9_900)
  })

  it('promotion codes: percent off once; expired and exhausted codes are refused', async () => {
    const w = await world()
    const pm = await w.card()
    const coupon = await w.stripe.coupons.create({ percent_off: 20, duration: 'once' })
    const code = await w.stripe.promotionCodes.create({
      promotion: { type: 'coupon', coupon: coupon.id },
      code: 'WELCOME20',
      max_redemptions: 1,
      expires_at: Math.floor(T0 / 1000) + 86_400,
    })
    const found = await w.stripe.promotionCodes.list({ code: 'welcome20' })
    expect(found.data[0]?.id).toBe(code.id)
    const sub = await w.stripe.subscriptions.create({
      customer: w.customer.id,
      items: [{ price: w.monthly.id }],
      default_payment_method: pm,
      discounts: [{ promotion_code: code.id }],
      expand: ['latest_invoice'],
    })
    expect((sub.latest_invoice as Stripe.Invoice).amount_paid).toBe(7_920)
    await expect(
      w.stripe.subscriptions.create({
        customer: w.customer.id,
        items: [{ price: w.monthly.id }],
        default_payment_method: pm,
        discounts: [{ promotion_code: code.id }],
      }),
    ).rejects.toThrow(/maximum number of times/)
    const late = await w.stripe.promotionCodes.create({
      promotion: { type: 'coupon', coupon: coupon.id },
      code: 'LATE',
      expires_at: Math.floor(T0 / 1000) + 60,
    })
    w.advance(120_000)
    await expect(
      w.stripe.subscriptions.create({
        customer: w.customer.id,
        items: [{ price: w.monthly.id }],
        default_payment_method: pm,
        discounts: [{ promotion_code: late.id }],
      }),
    ).rejects.toThrow(/expired/)
    w.advance(31 * DAY)
    const renewal = (await w.stripe.invoices.list({ subscription: sub.id, limit: 1 })).data[0]
    expect(renewal?.amount_paid).toBe(9_900) // once: the discount applied to the first invoice only
  })

  it('dunning: a failing card → past_due, retries on the schedule, then canceled', async () => {
    const w = await world()
    const pm = await w.card('pm_card_chargeCustomerFail')
    const good = await w.card()
    const sub = await w.stripe.subscriptions.create({
      customer: w.customer.id,
      items: [{ price: w.monthly.id }],
      default_payment_method: good,
    })
    await w.stripe.subscriptions.update(sub.id, { default_payment_method: pm })
    w.advance(31 * DAY)
    let s = await w.stripe.subscriptions.retrieve(sub.id, { expand: ['latest_invoice'] })
    expect(s.status).toBe('past_due')
    const inv = s.latest_invoice as Stripe.Invoice
    expect(inv).toMatchObject({ status: 'open', attempt_count: 1 })
    expect(inv.next_payment_attempt).not.toBeNull()
    w.advance(3 * DAY)
    expect((await w.stripe.invoices.retrieve(inv.id)).attempt_count).toBe(2)
    w.advance(5 * DAY)
    w.advance(7 * DAY)
    s = await w.stripe.subscriptions.retrieve(sub.id)
    expect(s.status).toBe('canceled')
    expect(s.cancellation_details?.reason).toBe('payment_failed')
    const types = w.server.control.events().map((e) => e.type)
    expect(types.filter((t) => t === 'invoice.payment_failed')).toHaveLength(4)
    expect(types).toContain('customer.subscription.deleted')
  })

  it('paying the open invoice with a new card ends past_due', async () => {
    const w = await world()
    const bad = await w.card('pm_card_chargeCustomerFail')
    const sub = await w.stripe.subscriptions.create({
      customer: w.customer.id,
      items: [{ price: w.monthly.id }],
      default_payment_method: bad,
      expand: ['latest_invoice'],
    })
    expect(sub.status).toBe('incomplete')
    const good = await w.card()
    await w.stripe.invoices.pay((sub.latest_invoice as Stripe.Invoice).id, { payment_method: good })
    expect((await w.stripe.subscriptions.retrieve(sub.id)).status).toBe('active')
  })

  it('cancel at period end keeps it active until then; cancel now ends it', async () => {
    const w = await world()
    const pm = await w.card()
    const sub = await w.stripe.subscriptions.create({
      customer: w.customer.id,
      items: [{ price: w.monthly.id }],
      default_payment_method: pm,
    })
    const marked = await w.stripe.subscriptions.update(sub.id, { cancel_at_period_end: true })
    expect(marked).toMatchObject({
      status: 'active',
      cancel_at_period_end: true,
      cancel_at: periodOf(sub).current_period_end,
    })
    w.advance(32 * DAY)
    expect((await w.stripe.subscriptions.retrieve(sub.id)).status).toBe('canceled')
    expect((await w.stripe.invoices.list({ subscription: sub.id })).data).toHaveLength(1)
    const other = await w.stripe.subscriptions.create({
      customer: w.customer.id,
      items: [{ price: w.monthly.id }],
      default_payment_method: pm,
    })
    expect((await w.stripe.subscriptions.cancel(other.id)).status).toBe('canceled')
    await expect(
      w.stripe.subscriptions.update(other.id, { items: [{ price: w.partner.id }] }),
    ).rejects.toMatchObject({ statusCode: 400 })
  })

  it('refuses what it does not know, naming the parameter', async () => {
    const w = await world()
    await expect(
      w.stripe.subscriptions.create({ customer: w.customer.id, items: [{ price: 'price_nope' }] }),
    ).rejects.toMatchObject({ statusCode: 400, param: 'items[0][price]' })
    await expect(
      w.stripe.prices.create({
        product: w.product.id,
        currency: 'usd',
        unit_amount: 1,
        lookup_key: 'pro_month',
      }),
    ).rejects.toMatchObject({ code: 'lookup_key_exists' })
  })
})

describe('invoice payments (API 2025-03-31 on)', () => {
  it('a card-paid subscription invoice has a PaymentIntent and charge that can be refunded; a $0 trial invoice has none', async () => {
    const w = await world()
    const pm = await w.card()
    const sub = await w.stripe.subscriptions.create({
      customer: w.customer.id,
      items: [{ price: w.monthly.id }],
      default_payment_method: pm,
    })
    const invoiceId = sub.latest_invoice as string
    const payments = await w.stripe.invoicePayments.list({ invoice: invoiceId })
    expect(payments.data).toHaveLength(1)
    const payment = payments.data[0]!
    expect(payment).toMatchObject({
      object: 'invoice_payment',
      amount_paid: 9_900,
      invoice: invoiceId,
      status: 'paid',
      payment: { type: 'payment_intent' },
    })
    const inv = await w.stripe.invoices.retrieve(invoiceId)
    expect(payment.status_transitions.paid_at).toBe(inv.status_transitions.paid_at)
    const pi = await w.stripe.paymentIntents.retrieve(payment.payment.payment_intent as string)
    expect(pi).toMatchObject({ status: 'succeeded', amount: 9_900, customer: w.customer.id })
    const refund = await w.stripe.refunds.create({ payment_intent: pi.id, amount: 2_500 })
    expect(refund).toMatchObject({ status: 'succeeded', amount: 2_500, charge: pi.latest_charge })
    const charge = await w.stripe.charges.retrieve(pi.latest_charge as string)
    expect(charge).toMatchObject({ amount_refunded: 2_500, refunded: false })
    await expect(w.stripe.refunds.create({ payment_intent: pi.id, amount: 7_401 })).rejects.toMatchObject({
      statusCode: 400,
    })
    expect(w.server.control.events({ type: 'charge.refunded' })).toHaveLength(1)
    expect(w.server.control.events({ type: 'refund.created' })).toHaveLength(1)
    // a trial's $0 invoice is not paid by card
    const other = await w.stripe.customers.create({ email: 'trial@example.com' })
    const si = await w.stripe.setupIntents.create({
      customer: other.id,
      payment_method: 'pm_card_visa',
      confirm: true,
    })
    const trial = await w.stripe.subscriptions.create({
      customer: other.id,
      items: [{ price: w.monthly.id }],
      default_payment_method: si.payment_method as string,
      trial_period_days: 14,
    })
    expect(
      (await w.stripe.invoicePayments.list({ invoice: trial.latest_invoice as string })).data,
    ).toHaveLength(0)
  })
})
