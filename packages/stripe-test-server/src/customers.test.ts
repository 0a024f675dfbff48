import { describe, expect, test } from 'vitest'
import { failure, startHarness } from './test-support.ts'

describe('customers and saved payment methods', () => {
  test('create, update, filter by email; attach, use and detach a card', async () => {
    const h = await startHarness()
    const customer = await h.stripe.customers.create({ email: 'billing@acme.test', name: 'Acme' })
    await h.stripe.customers.create({ email: 'other@example.test' })
    const updated = await h.stripe.customers.update(customer.id, {
      metadata: { plan: 'pro' },
      name: 'Acme Ltd',
    })
    expect(updated).toMatchObject({ name: 'Acme Ltd', metadata: { plan: 'pro' } })
    expect((await h.stripe.customers.list({ email: 'billing@acme.test' })).data.map((c) => c.id)).toEqual([
      customer.id,
    ])

    const pm = await h.stripe.paymentMethods.attach('pm_card_visa', { customer: customer.id })
    expect(pm).toMatchObject({ customer: customer.id, type: 'card', card: { brand: 'visa', last4: '4242' } })
    await h.stripe.customers.update(customer.id, { invoice_settings: { default_payment_method: pm.id } })
    const listed = await h.stripe.customers.listPaymentMethods(customer.id)
    expect(listed.data.map((x) => x.id)).toEqual([pm.id])

    const pi = await h.stripe.paymentIntents.create({
      amount: 4200,
      currency: 'usd',
      customer: customer.id,
      payment_method: pm.id,
      allowed_payment_method_types: ['card'],
      off_session: true,
      confirm: true,
    })
    expect(pi.status).toBe('succeeded')

    // A method saved for one customer cannot pay for another.
    const stranger = await h.stripe.customers.create({ email: 'stranger@example.test' })
    const err = await failure(
      h.stripe.paymentIntents.create({
        amount: 4200,
        currency: 'usd',
        customer: stranger.id,
        payment_method: pm.id,
        allowed_payment_method_types: ['card'],
        confirm: true,
      }),
    )
    expect(err.param).toBe('payment_method')

    const detached = await h.stripe.paymentMethods.detach(pm.id)
    expect(detached.customer).toBeNull()
    expect((await h.stripe.customers.listPaymentMethods(customer.id)).data).toHaveLength(0)
    expect(h.server.control.events().map((e) => e.type)).toEqual(
      expect.arrayContaining([
        'customer.created',
        'customer.updated',
        'payment_method.attached',
        'payment_method.detached',
      ]),
    )
  })

  test('a succeeded intent still takes metadata but no new amount', async () => {
    const h = await startHarness()
    const pi = await h.stripe.paymentIntents.create({
      amount: 1000,
      currency: 'usd',
      payment_method: 'pm_card_visa',
      allowed_payment_method_types: ['card'],
      confirm: true,
    })
    expect((await h.stripe.paymentIntents.update(pi.id, { metadata: { note: 'x' } })).metadata).toEqual({
      note: 'x',
    })
    const err = await failure(h.stripe.paymentIntents.update(pi.id, { amount: 2000 }))
    expect(err.code).toBe('payment_intent_unexpected_state')
    const txn = await h.stripe.balanceTransactions.retrieve(
      (await h.stripe.charges.retrieve(pi.latest_charge as string)).balance_transaction as string,
    )
    expect(txn).toMatchObject({ type: 'charge', source: pi.latest_charge, amount: 1000 })
  })
})
