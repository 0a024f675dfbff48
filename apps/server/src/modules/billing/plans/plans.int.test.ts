import { randomUUID } from 'node:crypto'
import { type StripeTestServer, signatureHeader, startStripeTestServer } from '@app/stripe-test-server'
import Stripe from 'stripe'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiClient } from '../../../../../../packages/testing/src/api-client.ts'
import { eventually } from '../../../../../../packages/testing/src/eventually.ts'
import { addAcmeCompany } from '../../../../../../packages/testing/src/fixtures.ts'
import { sessionFor, type TestSession } from '../../../../../../packages/testing/src/sessions.ts'
import { startTestApp } from '../../../../../../packages/testing/src/test-app.ts'
import { useTestDatabase } from '../../../../../../packages/testing/src/test-database.ts'
import type { RunningApp } from '../../../app.ts'
import { inTransaction, systemActor } from '../../../kernel/db/transaction.ts'
import { demoPersonasSeed } from '../../identity/seed.ts'
import { recruiterIdOfUser } from '../../recruiting/index.ts'
import { assertEntitlement, planTierAt } from './history.ts'

/**
 * Recruiter plans against the local Stripe test server, through the API: the catalogue, saving a
 * card (SetupIntent; a declined card saves nothing), subscribing (trial, promo codes valid /
 * expired / used up, 20 concurrent clicks → one subscription), upgrading with exact proration,
 * monthly → yearly, the plan history deciding a placement's rate, the messaging allowance, the
 * dunning path with a failing card and time advanced at Stripe, and the webhooks' idempotency.
 */
const database = useTestDatabase()
const WEBHOOK_SECRET = 'whsec_plans_test'
const DAY = 86_400_000
let stripe: StripeTestServer
let sdk: Stripe
let app: RunningApp & { baseUrl: string }
const s: Record<string, TestSession> = {}
const ids: Record<string, string> = {}
const as = (who: string) => apiClient(app.baseUrl, s[who])

async function hire(who: string, title: string) {
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
  const cand = await as(who).post('/api/candidates', {
    full_name: `Candidate ${title}`,
    email: `${randomUUID()}@example.com`,
    consent: { method: 'email', text_version: 'rtr-2026-01' },
  })
  const application = await as(who).post('/api/applications', {
    role_id: role.body.id,
    candidate_id: cand.body.candidate.id,
  })
  for (const to of ['screening', 'interview', 'offer']) {
    await as('dana').post(`/api/applications/${application.body.id}/stage`, { to })
  }
  const hired = await as('dana').post(`/api/applications/${application.body.id}/hire`, {
    base_salary: { amount: '10000000', currency: 'USD' },
    start_date: '2026-06-01',
  })
  return hired.body.placement_id as string
}

const statementOf = (who: string, placement: string) =>
  eventually('the statement', async () => {
    const r = await as(who).get(`/api/placements/${placement}/billing`)
    return r.body.statement ?? undefined
  })

beforeAll(async () => {
  stripe = await startStripeTestServer({
    webhookRetry: { maxAttempts: 5, backoffMs: () => 50, timeoutMs: 5000 },
  })
  sdk = new Stripe(stripe.secretKey, { host: '127.0.0.1', port: stripe.port, protocol: 'http' })
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
    tom: 'tom@talentbridge.demo',
    admin: 'admin@splits.demo',
  })) {
    s[key] = await sessionFor(app.ctx, { email })
  }
  await inTransaction(app.ctx.db, systemActor('test'), async (tx) => {
    ids.rachel = (await recruiterIdOfUser(tx, s.rachel!.userId))!
    ids.tom = (await recruiterIdOfUser(tx, s.tom!.userId))!
  })
})
afterAll(async () => {
  await app?.stop()
  await stripe?.stop()
})

describe('the catalogue and who may call', () => {
  it('lists Starter, Pro and Partner with prices, trial and entitlements (public)', async () => {
    const r = await apiClient(app.baseUrl).get('/api/plans')
    expect(r.status).toBe(200)
    expect(r.body.data.map((p: { tier: string }) => p.tier)).toEqual(['starter', 'pro', 'partner'])
    expect(r.body.data[1]).toMatchObject({
      prices: { month: { amount: '9900', currency: 'USD' }, year: { amount: '99000', currency: 'USD' } },
      trial_days: 14,
      entitlements: { platform_take_bps: 2500 },
    })
  })
  it('a subscription is a recruiter’s own: others get 403, anonymous 401', async () => {
    expect((await as('dana').get('/api/subscriptions')).status).toBe(403)
    expect((await as('admin').post('/api/subscriptions', { tier: 'pro' })).status).toBe(403)
    expect((await apiClient(app.baseUrl).get('/api/subscriptions')).status).toBe(401)
    const mine = await as('rachel').get('/api/subscriptions')
    expect(mine.body).toMatchObject({ tier: 'starter', subscription: null, card: null })
  })
})

describe('subscribing', () => {
  it('refuses bad input naming the field, and subscribing without a card', async () => {
    const bad = await as('rachel').post('/api/subscriptions', { tier: 'gold' })
    expect(bad.status).toBe(400)
    expect(JSON.stringify(bad.body)).toContain('tier')
    expect((await as('rachel').post('/api/subscriptions', { tier: 'pro', extra: 1 })).status).toBe(400)
    const noCard = await as('rachel').post('/api/subscriptions', { tier: 'pro' })
    expect(noCard).toMatchObject({ status: 422, body: { code: 'card_required' } })
  })

  it('a declined card is a 422 and saves nothing; a good card is saved', async () => {
    const declined = await as('rachel').post('/api/subscriptions/card', {
      payment_method: 'pm_card_chargeDeclined',
    })
    expect(declined).toMatchObject({ status: 422, body: { code: 'payment_failed' } })
    expect((await as('rachel').get('/api/subscriptions')).body.card).toBeNull()
    const saved = await as('rachel').post('/api/subscriptions/card', { payment_method: 'pm_card_visa' })
    expect(saved).toMatchObject({ status: 200, body: { brand: 'visa', last4: '4242' } })
    expect(saved.body.setup_intent).toMatch(/^seti_/)
  })

  it('promo codes: expired → 400 promo_code_expired, used up → 400, unknown → 400; nothing subscribed', async () => {
    const coupon = await sdk.coupons.create({ percent_off: 20, duration: 'once' })
    await sdk.promotionCodes.create({
      promotion: { type: 'coupon', coupon: coupon.id },
      code: 'OLD2025',
      expires_at: Math.floor(Date.now() / 1000) - 60,
    })
    await sdk.promotionCodes.create({
      promotion: { type: 'coupon', coupon: coupon.id },
      code: 'USEDUP',
      max_redemptions: 0,
    })
    await sdk.promotionCodes.create({
      promotion: { type: 'coupon', coupon: coupon.id },
      code: 'TOM20',
      max_redemptions: 1,
    })
    const expired = await as('rachel').post('/api/subscriptions', { tier: 'pro', promo_code: 'OLD2025' })
    expect(expired).toMatchObject({ status: 400, body: { code: 'promo_code_expired' } })
    expect(
      (await as('rachel').post('/api/subscriptions', { tier: 'pro', promo_code: 'USEDUP' })).body.code,
    ).toBe('promo_code_exhausted')
    expect(
      (await as('rachel').post('/api/subscriptions', { tier: 'pro', promo_code: 'NOPE' })).body.code,
    ).toBe('promo_code_unknown')
    expect((await as('rachel').get('/api/subscriptions')).body.subscription).toBeNull()
  })

  it('20 concurrent subscribe clicks make exactly one subscription (Pro starts with its trial)', async () => {
    const before = await hire('rachel', 'Before the upgrade')
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        as('rachel').post('/api/subscriptions', { tier: 'pro', interval: 'month' }),
      ),
    )
    const won = results.filter((r) => r.status === 201)
    expect(won).toHaveLength(1)
    expect(results.filter((r) => r.status === 409).every((r) => r.body.code === 'already_subscribed')).toBe(
      true,
    )
    expect(results.filter((r) => r.status === 409)).toHaveLength(19)
    expect(won[0]!.body).toMatchObject({ tier: 'pro', subscription: { tier: 'pro', status: 'trialing' } })
    const customers = await sdk.customers.list({ limit: 100 })
    const subs = await sdk.subscriptions.list({ status: 'all', limit: 100 })
    expect(subs.data.filter((x) => customers.data.some((c) => c.id === x.customer))).toHaveLength(1)
    // the plan history: the placement before keeps Starter, the next one gets Pro
    const old = await statementOf('rachel', before)
    expect(old.inputs.recruiter_plan_tier).toBe('starter')
    const after = await hire('rachel', 'After the upgrade')
    const next = await statementOf('rachel', after)
    expect(next.inputs.recruiter_plan_tier).toBe('pro')
    expect(BigInt(next.figures.platform_take as string)).toBeLessThan(
      BigInt(old.figures.platform_take as string),
    )
    ids.before = before
  })

  it('the tier at a moment comes from the history; the profile follows the current tier', async () => {
    await inTransaction(app.ctx.db, systemActor('test'), async (tx) => {
      expect(await planTierAt(tx, ids.rachel!, new Date(Date.now() - 3_600_000))).toBe('starter')
      expect(await planTierAt(tx, ids.rachel!, new Date(Date.now() + 1000))).toBe('pro')
    })
    const me = (await as('rachel').get('/api/subscriptions')).body
    expect(me.history.map((h: { tier: string }) => h.tier)).toEqual(['pro'])
    expect(me.entitlements.message_initiations_per_month).toBe(100)
  })

  it('a second subscription is refused; changing to the same plan is 409 plan_unchanged', async () => {
    expect((await as('rachel').post('/api/subscriptions', { tier: 'partner' })).body.code).toBe(
      'already_subscribed',
    )
    expect((await as('rachel').patch('/api/subscriptions', { tier: 'pro' })).body.code).toBe('plan_unchanged')
    expect((await as('rachel').patch('/api/subscriptions', {})).status).toBe(400)
  })
})

describe('changing plan', () => {
  it('Partner with a valid promo code, then monthly → yearly with the unused month credited exactly', async () => {
    await as('tom').post('/api/subscriptions/card', { payment_method: 'pm_card_visa' })
    const r = await as('tom').post('/api/subscriptions', {
      tier: 'partner',
      interval: 'month',
      promo_code: 'TOM20',
    })
    expect(r.status).toBe(201)
    expect(r.body.subscription).toMatchObject({ status: 'active', tier: 'partner', promo_code: 'TOM20' })
    expect(r.body.invoices[0]).toMatchObject({ status: 'paid', amount_paid: { amount: '19920' } })
    stripe.control.advanceClock(10 * DAY)
    const y = await as('tom').patch('/api/subscriptions', { interval: 'year' })
    expect(y.status).toBe(200)
    expect(y.body.subscription.interval).toBe('year')
    const inv = (await sdk.invoices.list({ limit: 1 })).data[0]!
    const [credit, year] = inv.lines.data.map((l) => l.amount)
    expect(year).toBe(249_000)
    // the unused 20-odd days of the month, to the cent, as Stripe prorates (per second)
    const period = inv.lines.data[0]!.period
    expect(credit).toBeLessThan(0)
    expect(period.end).toBeGreaterThan(period.start)
    expect(y.body.invoices[0]).toMatchObject({
      status: 'paid',
      amount_paid: { amount: String(249_000 + credit!) },
    })
  })

  it('an upgrade is charged now with exact proration (Pro → Partner)', async () => {
    // Rachel is trialing: end her trial first so the upgrade prorates a paid period
    stripe.control.advanceClock(15 * DAY)
    await stripe.control.waitForWebhooks()
    await eventually('Rachel active', async () =>
      (await as('rachel').get('/api/subscriptions')).body.subscription?.status === 'active'
        ? true
        : undefined,
    )
    stripe.control.advanceClock(7 * DAY)
    const up = await as('rachel').patch('/api/subscriptions', { tier: 'partner' })
    expect(up.status).toBe(200)
    expect(up.body).toMatchObject({ tier: 'partner', subscription: { tier: 'partner', status: 'active' } })
    const sub = (await sdk.subscriptions.list({ limit: 100 })).data.find(
      (x) => x.metadata.recruiter_id === ids.rachel,
    )!
    const inv = (await sdk.invoices.list({ subscription: sub.id, limit: 1 })).data[0]!
    const item = sub.items.data[0]!
    const ps = item.current_period_start
    const pe = item.current_period_end
    const at = inv.lines.data[0]!.period.start
    const exact = (amount: number) => Math.floor((amount * (pe - at) * 2 + (pe - ps)) / ((pe - ps) * 2))
    expect(inv.lines.data.map((l) => l.amount)).toEqual([-exact(9_900), exact(24_900)])
    expect(inv.amount_paid).toBe(exact(24_900) - exact(9_900))
    expect(up.body.history.map((h: { tier: string }) => h.tier)).toEqual(['partner', 'pro'])
  })
})

describe('entitlements in services', () => {
  it('Partner has no messaging limit (Starter’s is tested after the dunning below)', async () => {
    const now = new Date()
    const attempts = await Promise.all(
      Array.from({ length: 20 }, () =>
        inTransaction(app.ctx.db, systemActor('test'), (tx) =>
          assertEntitlement(tx, ids.tom!, 'message_initiation', now),
        ).then(
          () => 'ok',
          (e: { code?: string }) => e.code,
        ),
      ),
    )
    // Tom is on Partner (no limit): every attempt passes
    expect(attempts.every((a) => a === 'ok')).toBe(true)
  })
})

describe('dunning and webhooks', () => {
  it('a failing card: past_due with notices, downgrade refused (409 payment_pending), then canceled → Starter', async () => {
    await as('tom').post('/api/subscriptions/card', { payment_method: 'pm_card_chargeCustomerFail' })
    stripe.control.advanceClock(366 * DAY)
    await stripe.control.waitForWebhooks()
    const pastDue = await eventually('past due', async () => {
      const me = (await as('tom').get('/api/subscriptions')).body
      return me.subscription?.status === 'past_due' && me.payment_pending?.attempt_count === 1
        ? me
        : undefined
    })
    expect(pastDue.payment_pending).toMatchObject({ attempt_count: 1, amount_due: { amount: '249000' } })
    expect(pastDue.tier).toBe('partner')
    expect((await as('tom').delete('/api/subscriptions')).body.code).toBe('payment_pending')
    expect((await as('tom').patch('/api/subscriptions', { tier: 'pro' })).body.code).toBe('payment_pending')
    for (const days of [3, 5, 7]) {
      stripe.control.advanceClock(days * DAY)
      await stripe.control.waitForWebhooks()
    }
    const ended = await eventually('back to Starter', async () => {
      const me = (await as('tom').get('/api/subscriptions')).body
      return me.tier === 'starter' && me.subscription === null ? me : undefined
    })
    expect(ended.subscription).toBeNull()
    expect(ended.history[0]).toMatchObject({ tier: 'starter', reason: 'payment_failed' })
    const bell = await as('tom').get('/api/notifications')
    expect(JSON.stringify(bell.body)).toContain('We could not take your plan')
    // Starter's allowance now applies to Tom: 10 a month, counted atomically
    const now = new Date(Date.now() + 40 * DAY)
    const attempts = await Promise.all(
      Array.from({ length: 15 }, () =>
        inTransaction(app.ctx.db, systemActor('test'), (tx) =>
          assertEntitlement(tx, ids.tom!, 'message_initiation', now),
        ).then(
          () => 'ok',
          (e: { code?: string }) => e.code,
        ),
      ),
    )
    expect(attempts.filter((a) => a === 'ok')).toHaveLength(10)
    expect(attempts.filter((a) => a === 'plan_limit_reached')).toHaveLength(5)
  })

  it('a redelivered or stale subscription event changes nothing; a bad signature is a 400', async () => {
    const event = stripe.control.events({ type: 'customer.subscription.created' })[0]!
    const body = JSON.stringify(event)
    const send = (signature: string) =>
      fetch(`${app.baseUrl}/api/webhooks/stripe`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'stripe-signature': signature },
        body,
      })
    const again = await send(signatureHeader(body, WEBHOOK_SECRET, Math.floor(Date.now() / 1000)))
    expect(await again.json()).toMatchObject({ received: true, duplicate: true })
    const bad = await send(signatureHeader(body, 'whsec_wrong', Math.floor(Date.now() / 1000)))
    expect(bad.status).toBe(400)
    // the same (old) event under a new id: stale, the subscription stays as it is
    const stale = JSON.stringify({ ...event, id: `evt_${randomUUID().replaceAll('-', '')}` })
    const r = await fetch(`${app.baseUrl}/api/webhooks/stripe`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'stripe-signature': signatureHeader(stale, WEBHOOK_SECRET, Math.floor(Date.now() / 1000)),
      },
      body: stale,
    })
    expect(r.status).toBe(200)
    await new Promise((resolve) => setTimeout(resolve, 500))
    const me = (await as('rachel').get('/api/subscriptions')).body
    expect(me.tier).toBe('partner')
  })
})
