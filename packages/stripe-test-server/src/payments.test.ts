import Stripe from 'stripe'
import { describe, expect, test } from 'vitest'
import { failure, startHarness } from './test-support.ts'

describe('PaymentIntents with test cards', () => {
  test('a card payment succeeds, with a charge and a balance transaction', async () => {
    const h = await startHarness({ fees: { percentBps: 290, fixed: 30 } })
    const customer = await h.stripe.customers.create({
      email: 'acme@example.test',
      metadata: { company: 'acme' },
    })
    const pi = await h.stripe.paymentIntents.create({
      amount: 250_000,
      currency: 'usd',
      customer: customer.id,
      payment_method: 'pm_card_visa',
      confirm: true,
      return_url: 'https://app.example.test/return',
      transfer_group: 'placement_42',
      metadata: { invoice: 'inv_1' },
    })
    expect(pi.id).toMatch(/^pi_/)
    expect(pi).toMatchObject({
      object: 'payment_intent',
      status: 'succeeded',
      amount_received: 250_000,
      livemode: false,
      customer: customer.id,
      transfer_group: 'placement_42',
      metadata: { invoice: 'inv_1' },
    })
    expect(pi.payment_method).toMatch(/^pm_/)
    expect(pi.payment_method).not.toBe('pm_card_visa')

    const again = await h.stripe.paymentIntents.retrieve(pi.id, {
      expand: ['latest_charge.balance_transaction'],
    })
    const charge = again.latest_charge as Stripe.Charge
    expect(charge.id).toMatch(/^ch_/)
    expect(charge).toMatchObject({ status: 'succeeded', paid: true, amount: 250_000, payment_intent: pi.id })
    const txn = charge.balance_transaction as Stripe.BalanceTransaction
    expect(txn.id).toMatch(/^txn_/)
    // 2.9% + 30c of $2,500.00
    expect(txn).toMatchObject({
      type: 'charge',
      amount: 250_000,
      fee: 7_280,
      net: 242_720,
      status: 'available',
    })

    const balance = await h.stripe.balance.retrieve()
    expect(balance.available).toEqual([{ amount: 242_720, currency: 'usd', source_types: { card: 242_720 } }])
    const types = h.server.control.events().map((e) => e.type)
    expect(types).toEqual(
      expect.arrayContaining(['payment_intent.created', 'charge.succeeded', 'payment_intent.succeeded']),
    )
  })

  test('create, then attach a method, then confirm: requires_payment_method → requires_confirmation → succeeded', async () => {
    const h = await startHarness()
    const pi = await h.stripe.paymentIntents.create({
      amount: 1000,
      currency: 'eur',
      automatic_payment_methods: { enabled: true, allow_redirects: 'never' },
    })
    expect(pi.status).toBe('requires_payment_method')
    expect(pi.client_secret).toMatch(new RegExp(`^${pi.id}_secret_`))
    const updated = await h.stripe.paymentIntents.update(pi.id, { payment_method: 'pm_card_mastercard' })
    expect(updated.status).toBe('requires_confirmation')
    const confirmed = await h.stripe.paymentIntents.confirm(pi.id)
    expect(confirmed.status).toBe('succeeded')
    const charge = await h.stripe.charges.retrieve(confirmed.latest_charge as string)
    expect(charge.payment_method_details?.card?.brand).toBe('mastercard')
  })

  test.each([
    ['pm_card_chargeDeclined', 'card_declined', 'generic_decline'],
    ['pm_card_chargeDeclinedInsufficientFunds', 'card_declined', 'insufficient_funds'],
    ['pm_card_visa_chargeDeclinedLostCard', 'card_declined', 'lost_card'],
    ['pm_card_chargeDeclinedExpiredCard', 'expired_card', 'expired_card'],
    ['pm_card_chargeDeclinedIncorrectCvc', 'incorrect_cvc', 'incorrect_cvc'],
  ])('%s is declined with %s / %s', async (card, code, declineCode) => {
    const h = await startHarness()
    const err = await failure(
      h.stripe.paymentIntents.create({
        amount: 5000,
        currency: 'usd',
        payment_method: card,
        allowed_payment_method_types: ['card'],
        confirm: true,
      }),
    )
    expect(err).toBeInstanceOf(Stripe.errors.StripeCardError)
    expect(err).toMatchObject({ statusCode: 402, type: 'StripeCardError', code, decline_code: declineCode })
    const raw = err.raw as { payment_intent: Stripe.PaymentIntent; charge: string }
    expect(raw.payment_intent.status).toBe('requires_payment_method')
    expect(raw.payment_intent.last_payment_error).toMatchObject({
      type: 'card_error',
      code,
      decline_code: declineCode,
    })
    const charge = await h.stripe.charges.retrieve(raw.charge)
    expect(charge).toMatchObject({ status: 'failed', failure_code: code, balance_transaction: null })
    const types = h.server.control.events().map((e) => e.type)
    expect(types).toEqual(expect.arrayContaining(['charge.failed', 'payment_intent.payment_failed']))
    expect((await h.stripe.balance.retrieve()).available[0]?.amount).toBe(0)
  })

  test('a declined intent can be retried with another card', async () => {
    const h = await startHarness()
    const err = await failure(
      h.stripe.paymentIntents.create({
        amount: 5000,
        currency: 'usd',
        payment_method: 'pm_card_chargeDeclined',
        allowed_payment_method_types: ['card'],
        confirm: true,
      }),
    )
    const id = (err.raw as { payment_intent: { id: string } }).payment_intent.id
    const retried = await h.stripe.paymentIntents.confirm(id, { payment_method: 'pm_card_visa' })
    expect(retried.status).toBe('succeeded')
    expect((await h.stripe.charges.list({ payment_intent: id })).data.map((c) => c.status)).toEqual([
      'succeeded',
      'failed',
    ])
  })

  test('3-D Secure: requires_action, then the customer passes or fails authentication', async () => {
    const h = await startHarness()
    const create = () =>
      h.stripe.paymentIntents.create({
        amount: 9000,
        currency: 'usd',
        payment_method: 'pm_card_authenticationRequired',
        confirm: true,
        return_url: 'https://app.example.test/after-3ds',
      })
    const pi = await create()
    expect(pi.status).toBe('requires_action')
    expect(pi.next_action?.type).toBe('redirect_to_url')
    const redirect = pi.next_action?.redirect_to_url?.url as string
    expect(redirect.startsWith(h.server.url)).toBe(true)

    const res = await fetch(redirect, { redirect: 'manual' })
    expect(res.status).toBe(303)
    const back = new URL(res.headers.get('location') as string)
    expect(back.origin + back.pathname).toBe('https://app.example.test/after-3ds')
    expect(back.searchParams.get('redirect_status')).toBe('succeeded')
    expect((await h.stripe.paymentIntents.retrieve(pi.id)).status).toBe('succeeded')

    const second = await create()
    const failed = h.server.control.authenticatePaymentIntent(second.id, 'fail')
    expect(failed.status).toBe('requires_payment_method')
    expect(failed.last_payment_error?.code).toBe('payment_intent_authentication_failure')
  })

  test('3-D Secure off-session is declined with authentication_required', async () => {
    const h = await startHarness()
    const err = await failure(
      h.stripe.paymentIntents.create({
        amount: 9000,
        currency: 'usd',
        payment_method: 'pm_card_authenticationRequired',
        allowed_payment_method_types: ['card'],
        confirm: true,
        off_session: true,
      }),
    )
    expect(err).toBeInstanceOf(Stripe.errors.StripeCardError)
    expect(err.code).toBe('authentication_required')
  })

  test('automatic payment methods need a return_url unless redirects are off', async () => {
    const h = await startHarness()
    const err = await failure(
      h.stripe.paymentIntents.create({
        amount: 1000,
        currency: 'usd',
        payment_method: 'pm_card_visa',
        confirm: true,
      }),
    )
    expect(err).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError)
    expect(err.param).toBe('return_url')
    // A refused request changes nothing: no intent was created.
    expect((await h.stripe.paymentIntents.list()).data).toHaveLength(0)
  })

  test('cancel: allowed before payment, refused after', async () => {
    const h = await startHarness()
    const open = await h.stripe.paymentIntents.create({
      amount: 1000,
      currency: 'usd',
      allowed_payment_method_types: ['card'],
    })
    const canceled = await h.stripe.paymentIntents.cancel(open.id, { cancellation_reason: 'abandoned' })
    expect(canceled).toMatchObject({ status: 'canceled', cancellation_reason: 'abandoned' })
    const paid = await h.stripe.paymentIntents.create({
      amount: 1000,
      currency: 'usd',
      payment_method: 'pm_card_visa',
      allowed_payment_method_types: ['card'],
      confirm: true,
    })
    const err = await failure(h.stripe.paymentIntents.cancel(paid.id))
    expect(err.code).toBe('payment_intent_unexpected_state')
    expect(h.server.control.events({ type: 'payment_intent.canceled' })).toHaveLength(1)
  })
})

describe('amount and parameter validation', () => {
  test.each([
    [{ amount: 49, currency: 'usd' }, 'amount_too_small'],
    [{ amount: 29, currency: 'gbp' }, 'amount_too_small'],
    [{ amount: 49, currency: 'jpy' }, 'amount_too_small'],
    [{ amount: 100_000_000, currency: 'usd' }, 'amount_too_large'],
    [{ amount: 1005, currency: 'kwd' }, 'invalid_amount'],
  ])('%o is refused with %s', async (params, code) => {
    const h = await startHarness()
    const err = await failure(
      h.stripe.paymentIntents.create({ ...params, allowed_payment_method_types: ['card'] }),
    )
    expect(err).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError)
    expect(err).toMatchObject({ statusCode: 400, code, param: 'amount' })
  })

  test('zero-decimal currencies take whole units', async () => {
    const h = await startHarness()
    const pi = await h.stripe.paymentIntents.create({
      amount: 500,
      currency: 'jpy',
      payment_method: 'pm_card_visa',
      allowed_payment_method_types: ['card'],
      confirm: true,
    })
    expect(pi).toMatchObject({ status: 'succeeded', amount_received: 500, currency: 'jpy' })
  })

  test('unknown and missing parameters are named', async () => {
    const h = await startHarness()
    const unknown = await failure(
      h.stripe.paymentIntents.create({
        amount: 1000,
        currency: 'usd',
        colour: 'red',
      } as Stripe.PaymentIntentCreateParams),
    )
    expect(unknown).toMatchObject({ statusCode: 400, code: 'parameter_unknown', param: 'colour' })
    const missing = await failure(
      h.stripe.paymentIntents.create({ currency: 'usd' } as Stripe.PaymentIntentCreateParams),
    )
    expect(missing).toMatchObject({ code: 'parameter_missing', param: 'amount' })
    const currency = await failure(h.stripe.paymentIntents.create({ amount: 1000, currency: 'zzz' }))
    expect(currency).toMatchObject({ param: 'currency' })
  })

  test('a missing object is 404 resource_missing; a wrong key is 401', async () => {
    const h = await startHarness()
    const missing = await failure(h.stripe.paymentIntents.retrieve('pi_doesnotexist'))
    expect(missing).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError)
    expect(missing).toMatchObject({ statusCode: 404, code: 'resource_missing' })
    const stranger = new Stripe('sk_test_wrong', { host: '127.0.0.1', port: h.server.port, protocol: 'http' })
    const denied = await failure(stranger.balance.retrieve())
    expect(denied).toBeInstanceOf(Stripe.errors.StripeAuthenticationError)
    expect(denied.statusCode).toBe(401)
  })

  test('an unknown URL is a 404 in the Stripe envelope', async () => {
    const h = await startHarness()
    const res = await fetch(`${h.server.url}/v1/nope`, {
      headers: { authorization: `Bearer ${h.server.secretKey}` },
    })
    expect(res.status).toBe(404)
    expect(await res.json()).toMatchObject({
      error: { type: 'invalid_request_error', message: expect.stringContaining('Unrecognized request URL') },
    })
  })
})

describe('bank debits settle asynchronously', () => {
  test('SEPA: processing, then succeeded once the delay passes on the simulated clock', async () => {
    const h = await startHarness({ asyncPaymentDelayMs: 3 * 24 * 3600_000 })
    const pm = await h.stripe.paymentMethods.create({
      type: 'sepa_debit',
      sepa_debit: { iban: 'DE89370400440532013000' },
      billing_details: { name: 'Acme GmbH', email: 'billing@acme.test' },
    })
    const pi = await h.stripe.paymentIntents.create({
      amount: 120_000,
      currency: 'eur',
      payment_method: pm.id,
      allowed_payment_method_types: ['sepa_debit'],
      confirm: true,
    })
    expect(pi.status).toBe('processing')
    expect((await h.stripe.charges.retrieve(pi.latest_charge as string)).status).toBe('pending')
    h.server.control.advanceClock(3 * 24 * 3600_000)
    const done = await h.stripe.paymentIntents.retrieve(pi.id)
    expect(done.status).toBe('succeeded')
    const types = h.server.control.events().map((e) => e.type)
    expect(types).toEqual(
      expect.arrayContaining([
        'payment_intent.processing',
        'charge.pending',
        'charge.succeeded',
        'payment_intent.succeeded',
      ]),
    )
  })

  test('ACH: a closed account bounces after processing', async () => {
    const h = await startHarness({ asyncPaymentDelayMs: 60_000 })
    const pi = await h.stripe.paymentIntents.create({
      amount: 50_000,
      currency: 'usd',
      allowed_payment_method_types: ['us_bank_account'],
      payment_method_data: {
        type: 'us_bank_account',
        us_bank_account: {
          routing_number: '110000000',
          account_number: '000111111113',
          account_holder_type: 'company',
        },
        billing_details: { name: 'Acme Inc' },
      },
      confirm: true,
    })
    expect(pi.status).toBe('processing')
    expect(h.server.control.processAsyncPayments()).toBe(1)
    const bounced = await h.stripe.paymentIntents.retrieve(pi.id)
    expect(bounced.status).toBe('requires_payment_method')
    expect(bounced.last_payment_error?.code).toBe('account_closed')
    const charge = await h.stripe.charges.retrieve(pi.latest_charge as string)
    expect(charge).toMatchObject({ status: 'failed', failure_code: 'account_closed' })
    expect(h.server.control.events({ type: 'payment_intent.payment_failed' })).toHaveLength(1)
    expect((await h.stripe.balance.retrieve()).available[0]?.amount).toBe(0)
  })

  test('a SEPA method without the mandate holder is refused', async () => {
    const h = await startHarness()
    const err = await failure(
      h.stripe.paymentMethods.create({ type: 'sepa_debit', sepa_debit: { iban: 'DE89370400440532013000' } }),
    )
    expect(err).toMatchObject({ code: 'parameter_missing', param: 'billing_details[name]' })
  })
})
