import type Stripe from 'stripe'
import { describe, expect, it } from 'vitest'
import { startHarness } from './test-support.ts'

/** Subscription schedules: a price change at the end of the paid period, released afterwards. */
const T0 = Date.UTC(2026, 0, 15, 12, 0, 0)
const DAY = 86_400_000

async function world() {
  const h = await startHarness({ clock: () => T0, tickMs: 0 })
  const { stripe } = h
  const price = (unit_amount: number, interval: 'month' | 'year', name: string) =>
    stripe.prices.create({ product_data: { name }, currency: 'usd', unit_amount, recurring: { interval } })
  const partner = await price(24_900, 'month', 'Partner')
  const partnerYear = await price(249_000, 'year', 'Partner yearly')
  const pro = await price(9_900, 'month', 'Pro')
  const customer = await stripe.customers.create({ email: 'r@example.com' })
  const si = await stripe.setupIntents.create({
    customer: customer.id,
    payment_method: 'pm_card_visa',
    confirm: true,
  })
  const subscribe = (p: Stripe.Price) =>
    stripe.subscriptions.create({
      customer: customer.id,
      items: [{ price: p.id }],
      default_payment_method: si.payment_method as string,
    })
  return { ...h, partner, partnerYear, pro, customer, subscribe }
}

const item = (s: Stripe.Subscription) => s.items.data[0]!

describe('subscription schedules', () => {
  it('a downgrade at the period end: nothing billed now, the new price from the next period, then released', async () => {
    const w = await world()
    const sub = await w.subscribe(w.partner)
    const schedule = await w.stripe.subscriptionSchedules.create({ from_subscription: sub.id })
    expect(schedule).toMatchObject({ status: 'active', subscription: sub.id, end_behavior: 'release' })
    expect((await w.stripe.subscriptions.retrieve(sub.id)).schedule).toBe(schedule.id)
    const end = item(sub).current_period_end
    await w.stripe.subscriptionSchedules.update(schedule.id, {
      end_behavior: 'release',
      phases: [
        { items: [{ price: w.partner.id }], start_date: item(sub).current_period_start, end_date: end },
        {
          items: [{ price: w.pro.id }],
          duration: { interval: 'month', interval_count: 1 },
          proration_behavior: 'none',
        },
      ],
    })
    const invoicesBefore = (await w.stripe.invoices.list({ subscription: sub.id })).data.length
    expect(invoicesBefore).toBe(1)
    w.server.control.advanceClock(32 * DAY)
    const renewed = await w.stripe.subscriptions.retrieve(sub.id)
    expect(item(renewed).price.id).toBe(w.pro.id)
    expect(item(renewed).current_period_start).toBe(end)
    const invoice = (await w.stripe.invoices.list({ subscription: sub.id, limit: 1 })).data[0]!
    expect(invoice.lines.data.map((l) => l.amount)).toEqual([9_900])
    expect(w.server.control.events({ type: 'customer.subscription.updated' }).length).toBeGreaterThan(0)
    // after the last phase the schedule lets go; the subscription renews by itself
    w.server.control.advanceClock(31 * DAY)
    expect((await w.stripe.subscriptionSchedules.retrieve(schedule.id)).status).toBe('released')
    const after = await w.stripe.subscriptions.retrieve(sub.id)
    expect(after.schedule).toBeNull()
    expect(item(after).price.id).toBe(w.pro.id)
  })

  it('yearly → monthly at the end of the year; release before it calls the change off', async () => {
    const w = await world()
    const sub = await w.subscribe(w.partnerYear)
    const schedule = await w.stripe.subscriptionSchedules.create({ from_subscription: sub.id })
    await w.stripe.subscriptionSchedules.update(schedule.id, {
      phases: [
        { items: [{ price: w.partnerYear.id }], end_date: item(sub).current_period_end },
        { items: [{ price: w.partner.id }], duration: { interval: 'month' } },
      ],
    })
    const released = await w.stripe.subscriptionSchedules.release(schedule.id)
    expect(released).toMatchObject({ status: 'released', released_subscription: sub.id, subscription: null })
    w.server.control.advanceClock(366 * DAY)
    expect(item(await w.stripe.subscriptions.retrieve(sub.id)).price.id).toBe(w.partnerYear.id)
  })

  it('refuses what Stripe refuses: a second schedule, cancel_at_period_end under a schedule, a mid-period phase', async () => {
    const w = await world()
    const sub = await w.subscribe(w.partner)
    const schedule = await w.stripe.subscriptionSchedules.create({ from_subscription: sub.id })
    await expect(w.stripe.subscriptionSchedules.create({ from_subscription: sub.id })).rejects.toMatchObject({
      statusCode: 400,
      param: 'from_subscription',
    })
    await expect(w.stripe.subscriptions.update(sub.id, { cancel_at_period_end: true })).rejects.toMatchObject(
      {
        statusCode: 400,
        param: 'cancel_at_period_end',
      },
    )
    await expect(
      w.stripe.subscriptionSchedules.update(schedule.id, {
        phases: [
          { items: [{ price: w.partner.id }], end_date: item(sub).current_period_end - 86_400 },
          { items: [{ price: w.pro.id }] },
        ],
      }),
    ).rejects.toMatchObject({ statusCode: 400, param: 'phases[0][end_date]' })
    await w.stripe.subscriptionSchedules.release(schedule.id)
    await expect(w.stripe.subscriptionSchedules.release(schedule.id)).rejects.toMatchObject({
      statusCode: 400,
    })
  })
})
