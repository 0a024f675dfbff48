import { type StripeTestServer, startStripeTestServer } from '@app/stripe-test-server'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { RunningApp } from '../apps/server/src/app.ts'
import { demoPersonasSeed } from '../apps/server/src/modules/identity/seed.ts'
import { apiClient } from '../packages/testing/src/api-client.ts'
import { launchBrowser, newPage, type PageProblems, screenshot } from '../packages/testing/src/browser.ts'
import { sessionFor, type TestSession } from '../packages/testing/src/sessions.ts'
import { startTestApp } from '../packages/testing/src/test-app.ts'
import { useTestDatabase } from '../packages/testing/src/test-database.ts'

/**
 * The admin plans screen with a promo code and a refund, against the local Stripe test server:
 * Tom subscribes to Partner (monthly) with 20% off for good; the admin sees MRR $199.20 (list
 * $249.00), opens Tom's paid invoice, refunds $50.00 with a reason (reviewed, then confirmed), and
 * sees it in the refunds list, the invoice's refunded column and the chart.
 */
const database = useTestDatabase()
const WEBHOOK_SECRET = 'whsec_plans_refunds_e2e'
let stripe: StripeTestServer
let app: RunningApp & { baseUrl: string }
let browser: Browser
const sessions: Record<string, TestSession> = {}
const as = (who: string) => apiClient(app.baseUrl, sessions[who])

beforeAll(async () => {
  vi.setConfig({ expect: { poll: { timeout: 15_000, interval: 150 } } })
  stripe = await startStripeTestServer({
    webhookRetry: { maxAttempts: 5, backoffMs: () => 50, timeoutMs: 5000 },
  })
  app = await startTestApp(database.current.url, {
    clock: { now: () => new Date(stripe.control.now()) },
    env: {
      DEMO_MODE: 'true',
      STRIPE_SECRET_KEY: stripe.secretKey,
      STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
      STRIPE_API_URL: stripe.url,
    },
  })
  stripe.control.setWebhookEndpoints([{ url: `${app.baseUrl}/api/webhooks/stripe`, secret: WEBHOOK_SECRET }])
  await demoPersonasSeed.run(app.ctx, () => {})
  await signIn()
  browser = await launchBrowser()
}, 180_000)
afterAll(async () => {
  await browser?.close()
  await app?.stop()
  await stripe?.stop()
})

async function signIn() {
  for (const [who, email] of Object.entries({
    tom: 'tom@talentbridge.demo',
    rachel: 'rachel@recruiters.demo',
    admin: 'admin@splits.demo',
  }))
    sessions[who] = await sessionFor(app.ctx, { email })
}

function unexpected(problems: PageProblems): string[] {
  return problems.errors.filter((e) => !/status of (401|403)\b/.test(e))
}

async function pageOf(who: string) {
  const opened = await newPage(browser, { baseURL: app.baseUrl })
  await opened.context.addCookies([{ name: 'sid', value: sessions[who]!.token, url: app.baseUrl }])
  return opened
}

async function still(page: Page) {
  const running = `document.getAnimations().filter((a) => a.playState === 'running'
    && Number.isFinite(Number(a.effect?.getComputedTiming().endTime))).length`
  await expect.poll(() => page.evaluate(running)).toBe(0)
}

async function snap(page: Page, name: string) {
  await page.evaluate('window.scrollTo(0, 0)')
  await still(page)
  return screenshot(page, `plans-refunds-${name}`)
}

describe('refunding a plan invoice from the admin plans screen', () => {
  it('shows discounted MRR, refunds part of an invoice through a confirm dialog, and lists the refund', async () => {
    const coupon = await fetch(`${stripe.url}/v1/coupons`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${stripe.secretKey}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'percent_off=20&duration=forever',
    }).then((r) => r.json() as Promise<{ id: string }>)
    await fetch(`${stripe.url}/v1/promotion_codes`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${stripe.secretKey}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: `promotion[type]=coupon&promotion[coupon]=${coupon.id}&code=LOYAL20`,
    })
    expect((await as('tom').post('/api/subscriptions/card', { payment_method: 'pm_card_visa' })).status).toBe(
      200,
    )
    const sub = await as('tom').post('/api/subscriptions', {
      tier: 'partner',
      interval: 'month',
      promo_code: 'LOYAL20',
    })
    expect(sub.status).toBe(201)

    const { page, problems } = await pageOf('admin')
    await page.setViewportSize({ width: 1280, height: 1000 })
    await page.goto('/admin/plans')
    await expect.poll(() => page.getByTestId('plans-kpi-mrr').textContent()).toContain('$199.20')
    await expect
      .poll(() => page.getByTestId('plans-kpi-mrr').textContent())
      .toContain('$249.00 at list price')
    await expect.poll(() => page.getByTestId('plans-paid-invoices').textContent()).toContain('$199.20')
    await page
      .getByRole('button', { name: /^Refund invoice/ })
      .first()
      .click()
    const dialog = page.getByRole('dialog', { name: 'Refund a plan invoice' })
    await dialog.getByLabel('Amount').fill('50')
    await dialog.getByLabel(/Reason/).fill('Charged twice during the outage')
    await dialog.getByRole('button', { name: 'Review refund' }).click()
    await expect.poll(() => dialog.getByTestId('plan-refund-confirm-text').textContent()).toContain('$50.00')
    await still(page)
    await screenshot(page, 'plans-refunds-confirm')
    await dialog.getByRole('button', { name: 'Refund $50.00' }).click()
    await expect
      .poll(() => page.getByTestId('plans-refunds').textContent())
      .toContain('Charged twice during the outage')
    await expect.poll(() => page.getByTestId('plans-refunds').textContent()).toContain('Refunded')
    await expect.poll(() => page.getByTestId('plans-paid-invoices').textContent()).toContain('$50.00')
    await expect
      .poll(async () => (await as('admin').get('/api/admin/plans')).body.refunds[0]?.booked)
      .toBe(true)
    await snap(page, 'admin')
    await page.getByTestId('plans-refunds').scrollIntoViewIfNeeded()
    await still(page)
    await screenshot(page, 'plans-refunds-list')
    expect(unexpected(problems)).toEqual([])
    await page.context().close()
  })
})
