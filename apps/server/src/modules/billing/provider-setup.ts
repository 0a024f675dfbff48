import path from 'node:path'
import { type StripeTestServer, startStripeTestServer } from '@app/stripe-test-server'
import type { AppContext } from '../../kernel/context.ts'
import { stripeProvider } from './stripe-provider.ts'

/**
 * Which payment provider this process uses: Stripe when a key is configured; in demo mode without
 * one, a local Stripe test server started here (its state kept in .data/ beside the database), so
 * that card payments work on the first `npm start`; otherwise none (bank transfers only).
 */
export const DEMO_WEBHOOK_SECRET = 'whsec_demo_local_stripe_test_server'
let demoServer: StripeTestServer | undefined

export async function setUpPayments(ctx: AppContext): Promise<void> {
  const { config } = ctx
  if (config.stripe) {
    const provider = stripeProvider({
      secretKey: config.stripe.secretKey,
      webhookSecret: config.stripe.webhookSecret,
      apiUrl: config.stripe.apiUrl,
    })
    ctx.services.stripe = provider
    ctx.services.payments = provider
    return
  }
  if (!config.demoMode || config.env === 'test' || ctx.entry !== 'server' || config.role === 'worker') return
  demoServer = await startStripeTestServer({
    stateFile: path.join(path.dirname(config.db.embedded.dataDir), 'stripe-test-server.json'),
    webhookEndpoints: [{ url: `${config.http.publicUrl}/api/webhooks/stripe`, secret: DEMO_WEBHOOK_SECRET }],
    webhookRetry: { maxAttempts: 8, backoffMs: (n) => Math.min(30_000, 500 * 2 ** n), timeoutMs: 10_000 },
  })
  const provider = stripeProvider({
    secretKey: demoServer.secretKey,
    webhookSecret: DEMO_WEBHOOK_SECRET,
    apiUrl: demoServer.url,
  })
  ctx.services.stripe = provider
  ctx.services.payments = provider
  ctx.log.info({ url: demoServer.url }, 'demo mode: payments go to the local Stripe test server')
}

export async function tearDownPayments(): Promise<void> {
  await demoServer?.stop()
  demoServer = undefined
}

export const demoStripeServerUrl = () => demoServer?.url
