import Stripe from 'stripe'
import { describe, expect, test } from 'vitest'
import { failure, keyInFlight, onboardedAccount, paidIntent, startHarness, until } from './test-support.ts'

describe('Idempotency-Key', () => {
  test('a replay with the same parameters returns the first answer, marked as replayed', async () => {
    const h = await startHarness()
    const params = { email: 'a@example.test', metadata: { n: '1' } }
    const first = await h.stripe.customers.create(params, { idempotencyKey: 'key-1' })
    const second = await h.stripe.customers.create(params, { idempotencyKey: 'key-1' })
    expect(second.id).toBe(first.id)
    expect(second).toEqual(first)
    expect(second.lastResponse.headers['idempotent-replayed']).toBe('true')
    expect(second.lastResponse.headers['original-request']).toBe(first.lastResponse.requestId)
    expect((await h.stripe.customers.list()).data).toHaveLength(1)
  })

  test('the same key with other parameters or another endpoint is an idempotency_error', async () => {
    const h = await startHarness()
    await h.stripe.customers.create({ email: 'a@example.test' }, { idempotencyKey: 'key-2' })
    const params = await failure(
      h.stripe.customers.create({ email: 'b@example.test' }, { idempotencyKey: 'key-2' }),
    )
    expect(params).toBeInstanceOf(Stripe.errors.StripeIdempotencyError)
    expect(params).toMatchObject({ statusCode: 400, type: 'StripeIdempotencyError' })
    expect(params.message).toContain('same parameters')
    const endpoint = await failure(
      h.stripe.paymentIntents.create({ amount: 1000, currency: 'usd' }, { idempotencyKey: 'key-2' }),
    )
    expect(endpoint).toBeInstanceOf(Stripe.errors.StripeIdempotencyError)
    expect(endpoint.message).toContain('same endpoint')
  })

  test('errors after execution started are replayed too (a declined card stays declined)', async () => {
    const h = await startHarness()
    const params: Stripe.PaymentIntentCreateParams = {
      amount: 2000,
      currency: 'usd',
      payment_method: 'pm_card_chargeDeclined',
      allowed_payment_method_types: ['card'],
      confirm: true,
    }
    const first = await failure(h.stripe.paymentIntents.create(params, { idempotencyKey: 'decline' }))
    const second = await failure(h.stripe.paymentIntents.create(params, { idempotencyKey: 'decline' }))
    expect(second).toBeInstanceOf(Stripe.errors.StripeCardError)
    const body = (e: Stripe.errors.StripeError) => {
      const { headers: _h, requestId: _r, ...rest } = e.raw as Record<string, unknown>
      return rest
    }
    expect(body(second)).toEqual(body(first))
    expect(second.headers?.['idempotent-replayed']).toBe('true')
    expect((await h.stripe.paymentIntents.list()).data).toHaveLength(1)
  })

  test('validation errors are not saved: a corrected retry with the same key runs', async () => {
    const h = await startHarness()
    const bad = await failure(
      h.stripe.paymentIntents.create(
        { amount: 10, currency: 'usd', allowed_payment_method_types: ['card'] },
        { idempotencyKey: 'fix-me' },
      ),
    )
    expect(bad.code).toBe('amount_too_small')
    const good = await h.stripe.paymentIntents.create(
      { amount: 1000, currency: 'usd', allowed_payment_method_types: ['card'] },
      { idempotencyKey: 'fix-me' },
    )
    expect(good.amount).toBe(1000)
  })

  test('a concurrent request with a key still in flight gets 409 idempotency_key_in_use', async () => {
    const h = await startHarness()
    h.server.control.injectFault({ kind: 'delay', method: 'POST', path: '/v1/customers', delayMs: 1000 })
    const slow = h.stripe.customers.create({ email: 'slow@example.test' }, { idempotencyKey: 'busy' })
    await until(() => keyInFlight(h.server))
    const err = await failure(
      h.stripe.customers.create({ email: 'slow@example.test' }, { idempotencyKey: 'busy' }),
    )
    expect(err).toBeInstanceOf(Stripe.errors.StripeAPIError)
    expect(err).toMatchObject({ statusCode: 409, code: 'idempotency_key_in_use' })
    const created = await slow
    // Once the first request is done, the same key replays it.
    const replay = await h.stripe.customers.create({ email: 'slow@example.test' }, { idempotencyKey: 'busy' })
    expect(replay.id).toBe(created.id)
  })

  test('the SDK retries a 409 and then gets the replay', async () => {
    const h = await startHarness()
    const retrying = h.client(3)
    h.server.control.injectFault({ kind: 'delay', method: 'POST', path: '/v1/customers', delayMs: 600 })
    const slow = retrying.customers.create({ email: 'x@example.test' }, { idempotencyKey: 'busy-2' })
    await until(() => keyInFlight(h.server))
    const second = await retrying.customers.create({ email: 'x@example.test' }, { idempotencyKey: 'busy-2' })
    expect(second.id).toBe((await slow).id)
    expect(h.server.control.requests().filter((r) => r.status === 409).length).toBeGreaterThanOrEqual(1)
  })

  test('keys are scoped per connected account', async () => {
    const h = await startHarness()
    const account = await onboardedAccount(h)
    const platform = await h.stripe.customers.create(
      { email: 'p@example.test' },
      { idempotencyKey: 'shared' },
    )
    const connected = await h.stripe.customers.create(
      { email: 'p@example.test' },
      { idempotencyKey: 'shared', stripeAccount: account.id },
    )
    expect(connected.id).not.toBe(platform.id)
    expect(connected.lastResponse.headers['idempotent-replayed']).toBeUndefined()
    // Each account only sees its own customers.
    expect((await h.stripe.customers.list({}, { stripeAccount: account.id })).data.map((c) => c.id)).toEqual([
      connected.id,
    ])
  })

  test('keys expire after 24 hours of the simulated clock', async () => {
    const h = await startHarness()
    const first = await h.stripe.customers.create({ email: 'e@example.test' }, { idempotencyKey: 'day' })
    h.server.control.advanceClock(24 * 3600_000 - 1000)
    expect((await h.stripe.customers.create({ email: 'e@example.test' }, { idempotencyKey: 'day' })).id).toBe(
      first.id,
    )
    h.server.control.advanceClock(1000)
    const fresh = await h.stripe.customers.create({ email: 'e@example.test' }, { idempotencyKey: 'day' })
    expect(fresh.id).not.toBe(first.id)
  })

  test('a transfer whose answer is lost is created once when the SDK retries with its key', async () => {
    const h = await startHarness()
    const account = await onboardedAccount(h)
    await paidIntent(h, 100_000)
    h.server.control.injectFault({ kind: 'network', when: 'after', method: 'POST', path: '/v1/transfers' })
    const transfer = await h.client(2).transfers.create({
      amount: 40_000,
      currency: 'usd',
      destination: account.id,
      transfer_group: 'placement_7',
    })
    expect(transfer.lastResponse.headers['idempotent-replayed']).toBe('true')
    expect(h.server.control.countTransfers({ destination: account.id, transferGroup: 'placement_7' })).toBe(1)
    expect(h.server.control.calls()['POST /v1/transfers']).toBe(2)
    expect((await h.stripe.balance.retrieve({}, { stripeAccount: account.id })).available[0]?.amount).toBe(
      40_000,
    )
  })
})
