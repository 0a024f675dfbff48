import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import Stripe from 'stripe'
import { onTestFinished } from 'vitest'
import { type StripeTestServer, type StripeTestServerOptions, startStripeTestServer } from './server.ts'

export interface Harness {
  server: StripeTestServer
  stripe: Stripe
  /** A client with its own retry setting. */
  client(maxNetworkRetries: number): Stripe
}

/** A fresh server and an SDK client pointed at it, both gone when the test ends. */
export async function startHarness(options: StripeTestServerOptions = {}): Promise<Harness> {
  const server = await startStripeTestServer({ tickMs: 10, ...options })
  onTestFinished(() => server.stop())
  const client = (maxNetworkRetries: number) =>
    new Stripe(server.secretKey, {
      host: '127.0.0.1',
      port: server.port,
      protocol: 'http',
      maxNetworkRetries,
      telemetry: false,
    })
  return { server, stripe: client(0), client }
}

export interface ReceivedWebhook {
  body: string
  headers: IncomingHttpHeaders
}

export interface WebhookReceiver {
  url: string
  secret: string
  received: ReceivedWebhook[]
  /** Status answered to the n-th delivery (0-based); 200 after the list runs out. */
  statuses: number[]
}

/** A local endpoint that records raw webhook bodies (signatures are checked on raw bytes). */
export async function startWebhookReceiver(statuses: number[] = []): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = []
  const receiver: WebhookReceiver = { url: '', secret: 'whsec_test_receiver_secret', received, statuses }
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const index = received.length
      received.push({ body: Buffer.concat(chunks).toString('utf8'), headers: req.headers })
      res.writeHead(receiver.statuses[index] ?? 200)
      res.end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  onTestFinished(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  )
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/stripe`
  return receiver
}

/** Creates an Express account and completes its onboarding through the control API. */
export async function onboardedAccount(h: Harness): Promise<Stripe.Account> {
  const account = await h.stripe.accounts.create({
    type: 'express',
    country: 'US',
    email: 'recruiter@example.test',
    capabilities: { transfers: { requested: true } },
  })
  h.server.control.completeOnboarding(account.id)
  return h.stripe.accounts.retrieve(account.id)
}

/** A succeeded card payment whose funds are available at once (settlement delay 0 by default). */
export async function paidIntent(
  h: Harness,
  amount: number,
  extra: Stripe.PaymentIntentCreateParams | object = {},
) {
  return h.stripe.paymentIntents.create({
    amount,
    currency: 'usd',
    payment_method: 'pm_card_visa',
    allowed_payment_method_types: ['card'],
    confirm: true,
    ...extra,
  })
}

/** Catches the rejection of `promise` so that its error class and fields can be asserted. */
export async function failure(promise: Promise<unknown>): Promise<Stripe.errors.StripeError> {
  try {
    await promise
  } catch (err) {
    return err as Stripe.errors.StripeError
  }
  throw new Error('expected the request to fail')
}

/** Polls until `check` holds (for ordering concurrent requests without sleeping blindly). */
export async function until(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not reached in time')
    await new Promise((r) => setTimeout(r, 5))
  }
}

/** True while some idempotency key is reserved by a request that has not finished. */
export function keyInFlight(server: StripeTestServer): boolean {
  return [...server.state.idempotency.values()].some((e) => e.response === null)
}
