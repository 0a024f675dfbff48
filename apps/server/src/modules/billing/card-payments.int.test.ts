import { randomUUID } from 'node:crypto'
import { type StripeTestServer, signatureHeader, startStripeTestServer } from '@app/stripe-test-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiClient } from '../../../../../packages/testing/src/api-client.ts'
import { eventually } from '../../../../../packages/testing/src/eventually.ts'
import { addAcmeCompany } from '../../../../../packages/testing/src/fixtures.ts'
import { sessionFor, type TestSession } from '../../../../../packages/testing/src/sessions.ts'
import { startTestApp } from '../../../../../packages/testing/src/test-app.ts'
import { useTestDatabase } from '../../../../../packages/testing/src/test-database.ts'
import type { RunningApp } from '../../app.ts'
import { demoPersonasSeed } from '../identity/seed.ts'
import { reconcileLedger } from '../ledger/index.ts'

/**
 * Card payments against the local Stripe test server, through the official SDK: a company pays an
 * invoice by card (a declined card is a 422 that changes nothing owed), the webhook is verified and
 * de-duplicated (five deliveries at once book once), a bad signature or an old timestamp is a 400,
 * and a fall-off refunds the card through Stripe.
 */
const database = useTestDatabase()
const WEBHOOK_SECRET = 'whsec_card_payments_test'
let stripe: StripeTestServer
let app: RunningApp & { baseUrl: string }
const s: Record<string, TestSession> = {}
const ids: Record<string, string> = {}
const as = (who: string) => apiClient(app.baseUrl, s[who])

async function hire(title: string, salary: string) {
  const role = await as('dana').post('/api/roles', {
    company_id: ids.acme,
    title,
    description: 'Build things.',
    function: 'engineering',
    seniority: 'senior',
    work_mode: 'remote',
    salary: { min: '10000000', max: '20000000', currency: 'USD' },
    openings: 3,
  })
  await as('dana').post(`/api/roles/${role.body.id}/status`, { status: 'open' })
  const cand = await as('rachel').post('/api/candidates', {
    full_name: `Candidate ${title}`,
    email: `${randomUUID()}@example.com`,
    consent: { method: 'email', text_version: 'rtr-2026-01' },
  })
  const application = await as('rachel').post('/api/applications', {
    role_id: role.body.id,
    candidate_id: cand.body.candidate.id,
  })
  for (const to of ['screening', 'interview', 'offer']) {
    await as('dana').post(`/api/applications/${application.body.id}/stage`, { to })
  }
  const hired = await as('dana').post(`/api/applications/${application.body.id}/hire`, {
    base_salary: { amount: salary, currency: 'USD' },
    start_date: '2026-06-01',
  })
  return hired.body.placement_id as string
}

beforeAll(async () => {
  stripe = await startStripeTestServer({
    webhookRetry: { maxAttempts: 5, backoffMs: () => 50, timeoutMs: 5000 },
  })
  app = await startTestApp(database.current.url, {
    env: {
      STRIPE_SECRET_KEY: stripe.secretKey,
      STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
      STRIPE_API_URL: stripe.url,
    },
  })
  stripe.control.setWebhookEndpoints([{ url: `${app.baseUrl}/api/webhooks/stripe`, secret: WEBHOOK_SECRET }])
  await demoPersonasSeed.run(app.ctx, () => {})
  ids.acme = await addAcmeCompany(app.ctx)
  for (const [key, email] of Object.entries({
    dana: 'dana@acme.demo',
    rachel: 'rachel@recruiters.demo',
    admin: 'admin@splits.demo',
  })) {
    s[key] = await sessionFor(app.ctx, { email })
  }
  ids.placement = await hire('Backend Engineer', '12000000')
  ids.invoice = (
    await eventually(
      'the invoice',
      async () => (await as('dana').get(`/api/invoices?placement_id=${ids.placement}`)).body.data?.[0],
    )
  ).id
})
afterAll(async () => {
  await app?.stop()
  await stripe?.stop()
})

describe('card payments through Stripe', () => {
  it('refuses a declined card with a 422 and leaves the invoice owing everything', async () => {
    const r = await as('dana').post(`/api/invoices/${ids.invoice}/pay`, {
      method: 'card',
      payment_method: 'pm_card_chargeDeclinedInsufficientFunds',
    })
    expect(r.status).toBe(422)
    expect(r.body).toMatchObject({ code: 'payment_failed', decline_code: 'insufficient_funds' })
    const invoice = (await as('dana').get(`/api/invoices/${ids.invoice}`)).body
    expect(invoice.outstanding).toEqual({ amount: '2400000', currency: 'USD' })
    expect(invoice.payments.map((p: { status: string }) => p.status)).toEqual(['failed'])
  })

  it('takes a card payment, books it once however many times the webhook arrives, and the ledger reconciles', async () => {
    const key = randomUUID()
    const pay = () =>
      fetch(`${app.baseUrl}/api/invoices/${ids.invoice}/pay`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': key, ...s.dana!.headers },
        body: JSON.stringify({ method: 'card', payment_method: 'pm_card_visa' }),
      }).then(async (res) => ({ status: res.status, body: (await res.json()) as Record<string, any> }))
    const first = await pay()
    expect(first).toMatchObject({ status: 201, body: { status: 'succeeded' } })
    expect((await pay()).body.payment_id).toBe(first.body.payment_id)
    await stripe.control.waitForWebhooks()
    const paid = (await as('dana').get(`/api/invoices/${ids.invoice}`)).body
    expect(paid).toMatchObject({ status: 'paid', outstanding: { amount: '0' } })
    // the same signed event delivered five times at once books once
    const event = stripe.control.events({ type: 'payment_intent.succeeded' })[0]!
    const body = JSON.stringify(event)
    const deliveries = await Promise.all(
      Array.from({ length: 5 }, () =>
        fetch(`${app.baseUrl}/api/webhooks/stripe`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'stripe-signature': signatureHeader(body, WEBHOOK_SECRET, Math.floor(Date.now() / 1000)),
          },
          body,
        }).then((r) => r.json() as Promise<{ received: boolean; duplicate: boolean }>),
      ),
    )
    expect(deliveries.every((d) => d.received === true && d.duplicate === true)).toBe(true)
    const count = await database.current.pool.query(
      `select count(*)::int as n from ledger.postings where kind = 'payment.received'`,
    )
    expect(count.rows[0].n).toBe(1)
    const proof = await reconcileLedger(app.ctx.db)
    expect(proof.checks.filter((c) => !c.ok)).toEqual([])
  })

  it('answers a bad signature or a stale timestamp with a 400, storing nothing', async () => {
    const body = JSON.stringify({ id: 'evt_forged', type: 'payment_intent.succeeded', data: { object: {} } })
    const post = (signature: string) =>
      fetch(`${app.baseUrl}/api/webhooks/stripe`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'stripe-signature': signature },
        body,
      }).then(async (r) => ({ status: r.status, code: ((await r.json()) as { code: string }).code }))
    expect(await post(signatureHeader(body, 'whsec_wrong_secret', Math.floor(Date.now() / 1000)))).toEqual({
      status: 400,
      code: 'webhook_signature_invalid',
    })
    expect(await post(signatureHeader(body, WEBHOOK_SECRET, Math.floor(Date.now() / 1000) - 3600))).toEqual({
      status: 400,
      code: 'webhook_signature_invalid',
    })
    expect(await post('t=1,v1=00')).toEqual({ status: 400, code: 'webhook_signature_invalid' })
    const stored = await database.current.pool.query(
      `select 1 from billing.stripe_events where id = 'evt_forged'`,
    )
    expect(stored.rowCount).toBe(0)
  })

  it('refunds the card through Stripe when the hire falls off', async () => {
    await as('dana').post(`/api/placements/${ids.placement}/fall-off`, {
      reason: 'Relocated abroad',
      date: '2026-06-15',
    })
    const invoice = await eventually('the refunded invoice', async () => {
      const r = (await as('dana').get(`/api/invoices/${ids.invoice}`)).body
      return r.status === 'void' && r.amount_refunded.amount === '2400000' ? r : undefined
    })
    expect(invoice.refunds.map((r: { status: string }) => r.status)).toEqual(['succeeded'])
    expect(stripe.control.calls()['POST /v1/refunds']).toBe(1)
    const proof = await reconcileLedger(app.ctx.db)
    expect(proof.checks.filter((c) => !c.ok)).toEqual([])
  })
})
