import Stripe from 'stripe'
import { describe, expect, test } from 'vitest'
import { failure, paidIntent, startHarness } from './test-support.ts'

describe('refunds', () => {
  test('partial then full refunds; over-refunds are refused; balance follows', async () => {
    const h = await startHarness()
    const pi = await paidIntent(h, 10_000)
    const partial = await h.stripe.refunds.create({
      payment_intent: pi.id,
      amount: 4_000,
      reason: 'requested_by_customer',
    })
    expect(partial.id).toMatch(/^re_/)
    expect(partial).toMatchObject({
      status: 'succeeded',
      amount: 4_000,
      charge: pi.latest_charge,
      payment_intent: pi.id,
    })
    expect(await h.stripe.charges.retrieve(pi.latest_charge as string)).toMatchObject({
      amount_refunded: 4_000,
      refunded: false,
    })

    const over = await failure(h.stripe.refunds.create({ charge: pi.latest_charge as string, amount: 6_001 }))
    expect(over).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError)
    expect(over).toMatchObject({ code: 'amount_too_large', param: 'amount' })

    const rest = await h.stripe.refunds.create({ charge: pi.latest_charge as string })
    expect(rest.amount).toBe(6_000)
    expect(await h.stripe.charges.retrieve(pi.latest_charge as string)).toMatchObject({
      amount_refunded: 10_000,
      refunded: true,
    })
    const again = await failure(h.stripe.refunds.create({ payment_intent: pi.id }))
    expect(again.code).toBe('charge_already_refunded')

    expect((await h.stripe.balance.retrieve()).available[0]?.amount).toBe(0)
    expect((await h.stripe.refunds.list({ payment_intent: pi.id })).data.map((r) => r.amount)).toEqual([
      6_000, 4_000,
    ])
    expect(h.server.control.events({ type: 'charge.refunded' })).toHaveLength(2)
    expect(h.server.control.events({ type: 'refund.created' })).toHaveLength(2)
    const txns = await h.stripe.balanceTransactions.list({ type: 'refund' })
    expect(txns.data.map((t) => t.amount)).toEqual([-6_000, -4_000])
  })

  test('an intent without a successful charge cannot be refunded', async () => {
    const h = await startHarness()
    const pi = await h.stripe.paymentIntents.create({
      amount: 1000,
      currency: 'usd',
      allowed_payment_method_types: ['card'],
    })
    const err = await failure(h.stripe.refunds.create({ payment_intent: pi.id }))
    expect(err.code).toBe('charge_not_refundable')
  })

  test('a SEPA refund is pending, then refund.updated when it succeeds', async () => {
    const h = await startHarness({ asyncPaymentDelayMs: 1000 })
    const pi = await h.stripe.paymentIntents.create({
      amount: 3000,
      currency: 'eur',
      allowed_payment_method_types: ['sepa_debit'],
      payment_method_data: {
        type: 'sepa_debit',
        sepa_debit: { iban: 'DE89370400440532013000' },
        billing_details: { name: 'Acme GmbH', email: 'billing@acme.test' },
      },
      confirm: true,
    })
    h.server.control.advanceClock(1000)
    expect((await h.stripe.paymentIntents.retrieve(pi.id)).status).toBe('succeeded')
    const refund = await h.stripe.refunds.create({ payment_intent: pi.id })
    expect(refund.status).toBe('pending')
    h.server.control.advanceClock(1000)
    expect((await h.stripe.refunds.retrieve(refund.id)).status).toBe('succeeded')
    const [updated] = h.server.control.events({ type: 'refund.updated' })
    expect(updated?.data.previous_attributes).toEqual({ status: 'pending' })
  })
})
