import { randomUUID } from 'node:crypto'
import { type StripeTestServer, startStripeTestServer } from '@app/stripe-test-server'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { RunningApp } from '../apps/server/src/app.ts'
import { demoPersonasSeed } from '../apps/server/src/modules/identity/seed.ts'
import { apiClient } from '../packages/testing/src/api-client.ts'
import { launchBrowser, newPage, type PageProblems, screenshot } from '../packages/testing/src/browser.ts'
import { addAcmeCompany } from '../packages/testing/src/fixtures.ts'
import { sessionFor, type TestSession } from '../packages/testing/src/sessions.ts'
import { startTestApp } from '../packages/testing/src/test-app.ts'
import { useTestDatabase } from '../packages/testing/src/test-database.ts'

/**
 * A recruiter's plan through the screens, against the local Stripe test server: Rachel (Starter)
 * compares the plans, saves a card, starts Pro (its free trial), and the next placement's fee
 * statement shows the Pro rate (the platform keeps 25%, not 30%); then her card starts failing, the
 * trial ends, and the page shows the dunning banner. Phone width too.
 */
const database = useTestDatabase()
const WEBHOOK_SECRET = 'whsec_plans_e2e'
const PHONE = { width: 390, height: 844 }
let stripe: StripeTestServer
let app: RunningApp & { baseUrl: string }
let browser: Browser
const sessions: Record<string, TestSession> = {}
let acme = ''
const as = (who: string) => apiClient(app.baseUrl, sessions[who])

beforeAll(async () => {
  vi.setConfig({ expect: { poll: { timeout: 15_000, interval: 150 } } })
  stripe = await startStripeTestServer({
    webhookRetry: { maxAttempts: 5, backoffMs: () => 50, timeoutMs: 5000 },
  })
  app = await startTestApp(database.current.url, {
    env: {
      DEMO_MODE: 'true',
      STRIPE_SECRET_KEY: stripe.secretKey,
      STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
      STRIPE_API_URL: stripe.url,
    },
  })
  stripe.control.setWebhookEndpoints([{ url: `${app.baseUrl}/api/webhooks/stripe`, secret: WEBHOOK_SECRET }])
  await demoPersonasSeed.run(app.ctx, () => {})
  acme = await addAcmeCompany(app.ctx)
  for (const [who, email] of Object.entries({ dana: 'dana@acme.demo', rachel: 'rachel@recruiters.demo' }))
    sessions[who] = await sessionFor(app.ctx, { email })
  browser = await launchBrowser()
}, 180_000)
afterAll(async () => {
  await browser?.close()
  await app?.stop()
  await stripe?.stop()
})

function unexpected(problems: PageProblems): string[] {
  return problems.errors.filter((e) => !/status of (401|403)\b/.test(e))
}

async function rachelPage(viewport?: { width: number; height: number }) {
  const opened = await newPage(browser, { baseURL: app.baseUrl, ...(viewport ? { viewport } : {}) })
  await opened.context.addCookies([{ name: 'sid', value: sessions.rachel!.token, url: app.baseUrl }])
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
  return screenshot(page, `plans-${name}`)
}

async function hire(title: string): Promise<string> {
  const role = await as('dana').post('/api/roles', {
    company_id: acme,
    title,
    description: 'Build things.',
    function: 'engineering',
    seniority: 'senior',
    work_mode: 'remote',
    salary: { min: '10000000', max: '20000000', currency: 'USD' },
    openings: 1,
  })
  await as('dana').post(`/api/roles/${role.body.id}/status`, { status: 'open' })
  const person = await as('rachel').post('/api/candidates', {
    full_name: 'Ada Lovelace',
    email: `${randomUUID()}@example.com`,
    consent: { method: 'email', text_version: 'rtr-2026-01' },
  })
  const application = await as('rachel').post('/api/applications', {
    role_id: role.body.id,
    candidate_id: person.body.candidate.id,
  })
  for (const to of ['screening', 'interview', 'offer'])
    await as('dana').post(`/api/applications/${application.body.id}/stage`, { to })
  const hired = await as('dana').post(`/api/applications/${application.body.id}/hire`, {
    base_salary: { amount: '15000000', currency: 'USD' },
    start_date: new Date().toISOString().slice(0, 10),
  })
  expect(hired.status).toBe(201)
  return hired.body.placement_id
}

describe('a recruiter upgrades to Pro and the next placement uses the Pro rate', () => {
  let placement = ''

  it('1. Rachel compares the plans, saves a card and starts Pro', async () => {
    const { page, problems } = await rachelPage()
    await page.goto('/splits/plans')
    await expect.poll(() => page.getByTestId('current-plan').textContent()).toBe('Starter')
    await expect.poll(() => page.getByTestId('plan-partner').isVisible()).toBe(true)
    await snap(page, 'starter')
    // no card yet: the paid plans wait for one
    await expect.poll(() => page.getByTestId('plan-pro').getByRole('button').isDisabled()).toBe(true)
    await page.getByRole('button', { name: 'Save card' }).click()
    await expect.poll(() => page.getByTestId('saved-card').textContent()).toBe('Visa ending in 4242')
    await page.getByTestId('plan-pro').getByRole('button', { name: 'Start 14-day free trial' }).click()
    await expect.poll(() => page.getByTestId('current-plan').textContent()).toBe('Pro')
    await expect.poll(() => page.getByText('Free trial', { exact: true }).first().isVisible()).toBe(true)
    await expect
      .poll(() => page.getByText('You keep 75% of each placement fee (the platform keeps 25%).').isVisible())
      .toBe(true)
    await snap(page, 'pro-trial')
    expect(unexpected(problems)).toEqual([])
    await page.context().close()
  })

  it('2. the next placement’s fee statement shows the Pro rate', async () => {
    placement = await hire('Compiler Engineer')
    const { page, problems } = await rachelPage()
    await page.goto(`/splits/placements/${placement}`)
    await expect.poll(() => page.getByTestId('statement-plan').textContent()).toBe('Pro')
    await expect.poll(() => page.getByText('The platform keeps 25% of the fee').isVisible()).toBe(true)
    const statement = (await as('rachel').get(`/api/placements/${placement}/statement`)).body
    expect(statement.inputs.recruiter_plan_tier).toBe('pro')
    expect(statement.figures.platform_take_bps).toBe(2500)
    await page.getByTestId('statement-plan').scrollIntoViewIfNeeded()
    await still(page)
    await screenshot(page, 'plans-statement-pro')
    expect(unexpected(problems)).toEqual([])
    await page.context().close()
  })

  it('3. at phone width the page fits (no sideways scrolling)', async () => {
    const { page, problems } = await rachelPage(PHONE)
    await page.goto('/splits/plans')
    await expect.poll(() => page.getByTestId('current-plan').textContent()).toBe('Pro')
    await snap(page, 'phone')
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width)
    expect(unexpected(problems)).toEqual([])
    await page.context().close()
  })

  it('4. her card starts failing; when the trial ends the page shows the dunning banner', async () => {
    const { page, problems } = await rachelPage()
    await page.goto('/splits/plans')
    await page.getByRole('combobox', { name: 'Test card' }).click()
    await page.getByRole('option', { name: /0341/ }).click()
    await page.getByRole('button', { name: 'Replace card' }).click()
    await expect.poll(() => page.getByTestId('saved-card').textContent()).toBe('Visa ending in 0341')
    stripe.control.advanceClock(15 * 86_400_000)
    await stripe.control.waitForWebhooks()
    await expect
      .poll(async () => (await as('rachel').get('/api/subscriptions')).body.payment_pending !== null, {
        timeout: 30_000,
      })
      .toBe(true)
    await page.reload()
    await expect
      .poll(() => page.getByText('We could not take your plan’s payment').first().isVisible())
      .toBe(true)
    await snap(page, 'dunning')
    // a downgrade while the payment is pending is refused with a clear reason
    const r = await as('rachel').delete('/api/subscriptions')
    expect(r).toMatchObject({ status: 409, body: { code: 'payment_pending' } })
    expect(unexpected(problems)).toEqual([])
    await page.context().close()
  })

  it('5. a working card pays the pending invoice at once and the banner goes', async () => {
    const { page, problems } = await rachelPage()
    await page.goto('/splits/plans')
    await expect
      .poll(() => page.getByText('We could not take your plan’s payment').first().isVisible())
      .toBe(true)
    await page.getByRole('button', { name: 'Replace card' }).click()
    await expect.poll(() => page.getByTestId('saved-card').textContent()).toBe('Visa ending in 4242')
    // the payment settles by webhook and the page polls for it: on a busy machine that takes a while
    await expect
      .poll(() => page.getByText('We could not take your plan’s payment').first().isVisible(), {
        timeout: 45_000,
      })
      .toBe(false)
    await expect
      .poll(() => page.getByText('Active', { exact: true }).first().isVisible(), { timeout: 45_000 })
      .toBe(true)
    await snap(page, 'recovered')
    expect(unexpected(problems)).toEqual([])
    await page.context().close()
  })
})
