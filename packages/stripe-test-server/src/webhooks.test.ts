import Stripe from 'stripe'
import { describe, expect, test } from 'vitest'
import { onboardedAccount, paidIntent, startHarness, startWebhookReceiver } from './test-support.ts'

const fast = { maxAttempts: 4, backoffMs: (n: number) => 20 * n, timeoutMs: 2000 }

describe('webhook deliveries', () => {
  test('each event is posted with a Stripe-Signature that the SDK verifies', async () => {
    const receiver = await startWebhookReceiver()
    const h = await startHarness({
      webhookEndpoints: [{ url: receiver.url, secret: receiver.secret }],
      webhookRetry: fast,
    })
    const pi = await paidIntent(h, 2000, { metadata: { order: 'o1' } })
    await h.server.control.waitForWebhooks()

    const events = receiver.received.map((r) =>
      h.stripe.webhooks.constructEvent(r.body, r.headers['stripe-signature'] as string, receiver.secret),
    )
    expect(events.map((e) => e.type)).toEqual([
      'payment_intent.created',
      'charge.succeeded',
      'payment_intent.succeeded',
    ])
    const succeeded = events[2] as Stripe.PaymentIntentSucceededEvent
    expect(succeeded.data.object.id).toBe(pi.id)
    expect(succeeded.data.object.metadata).toEqual({ order: 'o1' })
    expect(succeeded.request?.idempotency_key).toMatch(/^stripe-node-retry-/)
    expect(succeeded.id).toMatch(/^evt_/)
    // A wrong secret or a changed body does not verify.
    const first = receiver.received.find((r) => r.body.includes('"payment_intent.created"'))
    expect(() =>
      h.stripe.webhooks.constructEvent(
        first?.body ?? '',
        first?.headers['stripe-signature'] as string,
        'whsec_other',
      ),
    ).toThrow(Stripe.errors.StripeSignatureVerificationError)
    expect(() =>
      h.stripe.webhooks.constructEvent(
        `${first?.body} `,
        first?.headers['stripe-signature'] as string,
        receiver.secret,
      ),
    ).toThrow(Stripe.errors.StripeSignatureVerificationError)
    expect(h.server.control.webhookDeliveries({ status: 'succeeded' })).toHaveLength(3)
    // The event's pending_webhooks drops to 0 once delivered.
    expect((await h.stripe.events.retrieve(succeeded.id)).pending_webhooks).toBe(0)
  })

  test('failed deliveries are retried with backoff until the endpoint answers 2xx', async () => {
    const receiver = await startWebhookReceiver([500, 503])
    const h = await startHarness({
      webhookEndpoints: [{ url: receiver.url, secret: receiver.secret, events: ['customer.created'] }],
      webhookRetry: fast,
    })
    await h.stripe.customers.create({ email: 'c@example.test' })
    await h.server.control.waitForWebhooks()
    expect(receiver.received).toHaveLength(3)
    // Every attempt carries the same event.
    expect(new Set(receiver.received.map((r) => JSON.parse(r.body).id)).size).toBe(1)
    const [delivery] = h.server.control.webhookDeliveries()
    expect(delivery?.status).toBe('succeeded')
    expect(delivery?.attempts.map((a) => a.status)).toEqual([500, 503, 200])
  })

  test('a delivery that keeps failing gives up after maxAttempts', async () => {
    const receiver = await startWebhookReceiver([500, 500, 500, 500, 500])
    const h = await startHarness({
      webhookEndpoints: [{ url: receiver.url, secret: receiver.secret }],
      webhookRetry: fast,
    })
    await h.stripe.customers.create({ email: 'c@example.test' })
    await h.server.control.waitForWebhooks()
    expect(receiver.received).toHaveLength(4)
    expect(h.server.control.webhookDeliveries()[0]?.status).toBe('failed')
    const event = h.server.control.events({ type: 'customer.created' })[0]
    expect(event?.pending_webhooks).toBe(1)
  })

  test('an unreachable endpoint is recorded as a connection error', async () => {
    const h = await startHarness({
      webhookEndpoints: [{ url: 'http://127.0.0.1:9/webhooks', secret: 'whsec_x' }],
      webhookRetry: { ...fast, maxAttempts: 2 },
    })
    await h.stripe.customers.create({ email: 'c@example.test' })
    await h.server.control.waitForWebhooks()
    const [delivery] = h.server.control.webhookDeliveries()
    expect(delivery?.status).toBe('failed')
    expect(delivery?.attempts.every((a) => a.status === null && a.error)).toBe(true)
  })

  test('Connect endpoints get connected-account events (with `account`), account endpoints the platform ones', async () => {
    const platform = await startWebhookReceiver()
    const connect = await startWebhookReceiver()
    const h = await startHarness({
      webhookEndpoints: [
        { url: platform.url, secret: platform.secret, connect: false },
        { url: connect.url, secret: 'whsec_connect', connect: true },
      ],
      webhookRetry: fast,
    })
    const account = await onboardedAccount(h)
    await paidIntent(h, 10_000)
    await h.stripe.transfers.create({ amount: 10_000, currency: 'usd', destination: account.id })
    await h.stripe.payouts.create({ amount: 10_000, currency: 'usd' }, { stripeAccount: account.id })
    h.server.control.runDueJobs()
    await h.server.control.waitForWebhooks()
    const connectEvents = connect.received.map((r) =>
      h.stripe.webhooks.constructEvent(r.body, r.headers['stripe-signature'] as string, 'whsec_connect'),
    )
    expect(connectEvents.every((e) => e.account === account.id)).toBe(true)
    expect(connectEvents.map((e) => e.type)).toEqual(
      expect.arrayContaining(['account.updated', 'payout.created', 'payout.updated', 'payout.paid']),
    )
    const platformTypes = platform.received.map((r) => JSON.parse(r.body).type)
    expect(platformTypes).toContain('transfer.created')
    expect(platformTypes).not.toContain('payout.paid')
  })

  test('events are listed per account and filtered by type', async () => {
    const h = await startHarness()
    const account = await onboardedAccount(h)
    await paidIntent(h, 5000)
    const platformEvents = await h.stripe.events.list({ type: 'payment_intent.*' })
    expect(platformEvents.data.map((e) => e.type)).toEqual([
      'payment_intent.succeeded',
      'payment_intent.created',
    ])
    const accountEvents = await h.stripe.events.list({}, { stripeAccount: account.id })
    expect(accountEvents.data.map((e) => e.type)).toEqual(['account.updated'])
    const one = await h.stripe.events.retrieve(platformEvents.data[0]?.id as string)
    expect(one.type).toBe('payment_intent.succeeded')
  })

  test('endpoints can be changed at run time through the control API', async () => {
    const receiver = await startWebhookReceiver()
    const h = await startHarness({ webhookRetry: fast })
    await h.stripe.customers.create({ email: 'before@example.test' })
    const res = await fetch(`${h.server.url}/_test/webhooks/endpoints`, {
      method: 'PUT',
      body: JSON.stringify({ endpoints: [{ url: receiver.url, secret: receiver.secret }] }),
    })
    expect(res.status).toBe(200)
    await h.stripe.customers.create({ email: 'after@example.test' })
    await fetch(`${h.server.url}/_test/webhooks/wait`, { method: 'POST' })
    expect(receiver.received.map((r) => JSON.parse(r.body).data.object.email)).toEqual(['after@example.test'])
  })
})
