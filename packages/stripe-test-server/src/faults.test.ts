import Stripe from 'stripe'
import { describe, expect, test } from 'vitest'
import { failure, onboardedAccount, paidIntent, startHarness } from './test-support.ts'

describe('injected failures as the SDK sees them', () => {
  test('HTTP 500 api_error: StripeAPIError without retries; with retries the SDK recovers', async () => {
    const h = await startHarness()
    h.server.control.injectFault({ kind: 'api_error', method: 'POST', path: '/v1/customers' })
    const err = await failure(h.stripe.customers.create({ email: 'a@example.test' }))
    expect(err).toBeInstanceOf(Stripe.errors.StripeAPIError)
    expect(err.statusCode).toBe(500)
    expect((await h.stripe.customers.list()).data).toHaveLength(0)

    h.server.control.injectFault({ kind: 'api_error', method: 'POST', path: '/v1/customers', times: 2 })
    const created = await h.client(2).customers.create({ email: 'b@example.test' })
    expect(created.email).toBe('b@example.test')
    expect(h.server.control.calls()['POST /v1/customers']).toBe(4)
    expect((await h.stripe.customers.list()).data).toHaveLength(1)
  })

  test('HTTP 429 rate_limit: StripeRateLimitError; retried only when Stripe-Should-Retry says so', async () => {
    const h = await startHarness()
    h.server.control.injectFault({ kind: 'rate_limit', path: '/v1/balance' })
    const err = await failure(h.client(2).balance.retrieve())
    expect(err).toBeInstanceOf(Stripe.errors.StripeRateLimitError)
    expect(err).toMatchObject({ statusCode: 429, code: 'rate_limit' })
    expect(h.server.control.calls()['GET /v1/balance']).toBe(1)

    h.server.control.injectFault({ kind: 'rate_limit', path: '/v1/balance', shouldRetry: true })
    const balance = await h.client(2).balance.retrieve()
    expect(balance.object).toBe('balance')
    expect(h.server.control.calls()['GET /v1/balance']).toBe(3)
  })

  test('a dropped connection: the SDK retries it once even with retries off, then gives up', async () => {
    const h = await startHarness()
    h.server.control.injectFault({ kind: 'network', path: '/v1/customers', method: 'POST' })
    const survived = await h.stripe.customers.create({ email: 'once@example.test' })
    expect(survived.id).toMatch(/^cus_/)

    h.server.control.injectFault({ kind: 'network', path: '/v1/customers', method: 'POST', times: 2 })
    const err = await failure(h.stripe.customers.create({ email: 'twice@example.test' }))
    expect(err).toBeInstanceOf(Stripe.errors.StripeConnectionError)
    expect((await h.stripe.customers.list()).data.map((c) => c.email)).toEqual(['once@example.test'])
  })

  test('a 500 after the work was done: the retry replays the saved success, one object in total', async () => {
    const h = await startHarness()
    const account = await onboardedAccount(h)
    await paidIntent(h, 10_000)
    h.server.control.injectFault({ kind: 'api_error', when: 'after', method: 'POST', path: '/v1/transfers' })
    const lost = await failure(
      h.stripe.transfers.create(
        { amount: 5000, currency: 'usd', destination: account.id, transfer_group: 'g' },
        { idempotencyKey: 'payout-run-1' },
      ),
    )
    expect(lost).toBeInstanceOf(Stripe.errors.StripeAPIError)
    expect(h.server.control.countTransfers({ destination: account.id, transferGroup: 'g' })).toBe(1)
    const retried = await h.stripe.transfers.create(
      { amount: 5000, currency: 'usd', destination: account.id, transfer_group: 'g' },
      { idempotencyKey: 'payout-run-1' },
    )
    expect(retried.lastResponse.headers['idempotent-replayed']).toBe('true')
    expect(h.server.control.countTransfers({ destination: account.id, transferGroup: 'g' })).toBe(1)
  })

  test('a delay holds the answer; the SDK times out with a connection error', async () => {
    const h = await startHarness()
    h.server.control.injectFault({ kind: 'delay', path: '/v1/balance', delayMs: 400 })
    const impatient = new Stripe(h.server.secretKey, {
      host: '127.0.0.1',
      port: h.server.port,
      protocol: 'http',
      timeout: 100,
      maxNetworkRetries: 0,
    })
    const err = await failure(impatient.balance.retrieve())
    expect(err).toBeInstanceOf(Stripe.errors.StripeConnectionError)
    expect(err.message).toContain('timeout')
    const started = performance.now()
    h.server.control.injectFault({ kind: 'delay', path: '/v1/balance', delayMs: 150 })
    await h.stripe.balance.retrieve()
    expect(performance.now() - started).toBeGreaterThanOrEqual(140)
  })

  test('faults match by method and path pattern and run out after `times`', async () => {
    const h = await startHarness()
    const fault = h.server.control.injectFault({
      kind: 'api_error',
      method: 'GET',
      path: '/v1/customers/*',
      times: 2,
    })
    const c = await h.stripe.customers.create({ email: 'p@example.test' })
    expect((await failure(h.stripe.customers.retrieve(c.id))).statusCode).toBe(500)
    expect((await failure(h.stripe.customers.retrieve(c.id))).statusCode).toBe(500)
    expect((await h.stripe.customers.retrieve(c.id)).id).toBe(c.id)
    expect(h.server.control.faults().find((f) => f.id === fault.id)).toMatchObject({ hits: 2, remaining: 0 })
  })

  test('the control API works over HTTP for other processes', async () => {
    const h = await startHarness()
    const post = (path: string, body: unknown) =>
      fetch(`${h.server.url}${path}`, { method: 'POST', body: JSON.stringify(body) }).then((r) => r.json())
    await post('/_test/faults', { kind: 'api_error', method: 'GET', path: '/v1/balance' })
    expect((await failure(h.stripe.balance.retrieve())).statusCode).toBe(500)
    const account = await h.stripe.accounts.create({
      type: 'express',
      capabilities: { transfers: { requested: true } },
    })
    const onboarded = (await post(`/_test/accounts/${account.id}/onboarding`, { stage: 'complete' })) as {
      payouts_enabled: boolean
    }
    expect(onboarded.payouts_enabled).toBe(true)
    await post('/_test/balance/add-funds', { amount: 7000, currency: 'usd' })
    await h.stripe.transfers.create({
      amount: 7000,
      currency: 'usd',
      destination: account.id,
      transfer_group: 'x',
    })
    const count = await fetch(
      `${h.server.url}/_test/transfers/count?destination=${account.id}&transfer_group=x`,
    ).then((r) => r.json())
    expect(count).toEqual({ count: 1 })
    const calls = (await fetch(`${h.server.url}/_test/calls`).then((r) => r.json())) as Record<string, number>
    expect(calls['POST /v1/transfers']).toBe(1)
    const clock = (await post('/_test/clock/advance', { seconds: 60 })) as { now: number }
    expect(clock.now).toBeGreaterThan(Date.now() + 59_000)
    const bad = await fetch(`${h.server.url}/_test/payouts/po_missing`, {
      method: 'POST',
      body: '{"status":"paid"}',
    })
    expect(bad.status).toBe(404)
  })
})
