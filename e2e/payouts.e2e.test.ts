import { randomUUID } from 'node:crypto'
import { type StripeTestServer, startStripeTestServer } from '@app/stripe-test-server'
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { RunningApp } from '../apps/server/src/app.ts'
import { FixedClock } from '../apps/server/src/kernel/clock.ts'
import { reconcilePayouts } from '../apps/server/src/modules/billing/payouts/reconcile.ts'
import { payoutsDemoSeed } from '../apps/server/src/modules/billing/payouts/seed.ts'
import { billingDemoSeed } from '../apps/server/src/modules/billing/seed.ts'
import { demoPersonasSeed } from '../apps/server/src/modules/identity/seed.ts'
import { reconcileLedger } from '../apps/server/src/modules/ledger/index.ts'
import { demoMarketplaceSeed } from '../apps/server/src/modules/recruiting/seed/demo-marketplace.ts'
import { formatMoney } from '../packages/money/src/index.ts'
import { apiClient } from '../packages/testing/src/api-client.ts'
import { launchBrowser, newPage, type PageProblems, screenshot } from '../packages/testing/src/browser.ts'
import { freePort } from '../packages/testing/src/postgres.ts'
import { sessionFor, type TestSession } from '../packages/testing/src/sessions.ts'
import { startTestApp } from '../packages/testing/src/test-app.ts'
import { useTestDatabase } from '../packages/testing/src/test-database.ts'

/**
 * Paying recruiters through the screens, on the demo data with the local Stripe test server:
 * Rachel's payout account is ready and Tom finishes his onboarding from his earnings page (his
 * parked payouts then go out by themselves); Dana's company pays a new placement; the admin runs
 * the payouts from the payouts screen and Rachel's share arrives, its holdback held; the guarantee
 * ends (the injected clock moves 100 days), the admin releases the hold and pays it; then Rachel's
 * bank returns a payout and the money comes back to her available balance. The tests run in order
 * and share the state they build.
 */
const database = useTestDatabase()
const WEBHOOK_SECRET = 'whsec_payouts_e2e'
const clock = new FixedClock(new Date())
let stripe: StripeTestServer
let app: RunningApp & { baseUrl: string }
let browser: Browser

type Opened = { page: Page; context: BrowserContext; problems: PageProblems }
type Persona = 'dana' | 'rachel' | 'tom' | 'admin'
const pages: Partial<Record<Persona, Opened>> = {}
const sessions: Partial<Record<Persona, TestSession>> = {}
const EMAILS: Record<Persona, string> = {
  dana: 'dana@acme.demo',
  rachel: 'rachel@recruiters.demo',
  tom: 'tom@talentbridge.demo',
  admin: 'admin@splits.demo',
}
const state: { placementId?: string; rachelId?: string; tomId?: string; paidPayoutId?: string } = {}
const as = (who: Persona) => apiClient(app.baseUrl, sessions[who])
const usd = (minor: string | bigint) => formatMoney(BigInt(minor), 'USD', 'en-US')
const isoDay = (offsetDays: number) =>
  new Date(clock.now().getTime() + offsetDays * 86_400_000).toISOString().slice(0, 10)

beforeAll(async () => {
  vi.setConfig({ expect: { poll: { timeout: 20_000, interval: 200 } } })
  stripe = await startStripeTestServer({
    webhookRetry: { maxAttempts: 6, backoffMs: () => 100, timeoutMs: 5000 },
  })
  // a fixed port, so that Stripe's onboarding sends the browser back to this server
  const port = await freePort()
  app = await startTestApp(database.current.url, {
    clock,
    env: {
      DEMO_MODE: 'true',
      PORT: String(port),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      STRIPE_SECRET_KEY: stripe.secretKey,
      STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
      STRIPE_API_URL: stripe.url,
    },
  })
  // Stripe sends the browser back to the public address: the one the session cookie is for
  expect(app.baseUrl).toBe(`http://127.0.0.1:${port}`)
  stripe.control.setWebhookEndpoints([{ url: `${app.baseUrl}/api/webhooks/stripe`, secret: WEBHOOK_SECRET }])
  // The demo data as `npm start` loads it, payouts included (Rachel ready, Tom not).
  await demoPersonasSeed.run(app.ctx, () => {})
  await demoMarketplaceSeed.run(app.ctx, () => {})
  await billingDemoSeed.run(app.ctx, () => {})
  await payoutsDemoSeed.run(app.ctx, () => {})
  await signInEveryone()
  state.rachelId = (await as('rachel').get('/api/recruiters/me')).body.id
  state.tomId = (await as('tom').get('/api/recruiters/me')).body.id
  browser = await launchBrowser()
}, 240_000)
afterAll(async () => {
  await browser?.close()
  await app?.stop()
  await stripe?.stop()
})

/** Sessions expire by the server's clock: after it moves, everyone signs in again. */
async function signInEveryone() {
  for (const who of Object.keys(EMAILS) as Persona[]) {
    sessions[who] = await sessionFor(app.ctx, { email: EMAILS[who] })
    const opened = pages[who]
    if (opened) {
      await opened.context.clearCookies()
      await opened.context.addCookies([{ name: 'sid', value: sessions[who]!.token, url: app.baseUrl }])
    }
  }
}

function unexpected(problems: PageProblems, allowed: number[] = []): string[] {
  const statuses = [401, 403, ...allowed].join('|')
  return problems.errors.filter((e) => !new RegExp(`status of (${statuses})\\b`).test(e))
}

async function browserOf(who: Persona): Promise<Opened> {
  if (!pages[who]) {
    const opened = await newPage(browser, { baseURL: app.baseUrl })
    await opened.context.addCookies([{ name: 'sid', value: sessions[who]!.token, url: app.baseUrl }])
    pages[who] = opened
  }
  pages[who].problems.errors.length = 0
  return pages[who]
}

const visible = (locator: Locator) => expect.poll(() => locator.isVisible()).toBe(true)

async function still(page: Page) {
  const running = `document.getAnimations().filter((a) => a.playState === 'running'
    && Number.isFinite(Number(a.effect?.getComputedTiming().endTime))).length`
  await expect.poll(() => page.evaluate(running)).toBe(0)
}

async function snap(page: Page, name: string) {
  await page.evaluate('window.scrollTo(0, 0)')
  await still(page)
  await screenshot(page, `payouts-${name}`)
}

async function until<T>(what: string, read: () => Promise<T | undefined>): Promise<T> {
  let found: T | undefined
  await expect
    .poll(
      async () => {
        found = await read()
        return found !== undefined
      },
      { timeout: 30_000, interval: 250, message: what },
    )
    .toBe(true)
  return found!
}

type PayoutJson = {
  id: string
  status: string
  amount: { amount: string }
  stripe_payout_id: string | null
  bank_payout_status: string | null
}
const rachelsPayouts = async (): Promise<PayoutJson[]> =>
  (await as('admin').get(`/api/payouts?placement_id=${state.placementId}&recruiter_id=${state.rachelId}`))
    .body.data

async function proof() {
  expect((await reconcileLedger(app.ctx.db)).checks.filter((c) => !c.ok)).toEqual([])
  expect((await reconcilePayouts(app.ctx.db, { now: clock.now() })).checks.filter((c) => !c.ok)).toEqual([])
}

describe('paying recruiters through the screens', () => {
  it('1. Rachel sees her money and a ready payout account; Tom finishes onboarding and his parked payouts go out', async () => {
    const { page, problems } = await browserOf('rachel')
    await page.goto('/splits/earnings')
    const account = page.getByRole('region', { name: 'Payout account (Stripe)' })
    await visible(account.getByText('Ready'))
    await visible(page.getByRole('region', { name: 'Paid' }))
    // the demo's first run paid Rachel: her payouts are listed
    await visible(page.getByRole('table', { name: 'Your payouts' }).getByText('Paid').first())
    await visible(page.getByRole('figure', { name: 'Earnings by month' }))
    await snap(page, '01-rachel-earnings')
    expect(unexpected(problems)).toEqual([])

    const parkedBefore = (await as('admin').get(`/api/payouts?recruiter_id=${state.tomId}&parked=true`)).body
      .data
    const tom = await browserOf('tom')
    await tom.page.goto('/splits/earnings')
    const tomAccount = tom.page.getByRole('region', { name: 'Payout account (Stripe)' })
    // a new Express account: Stripe lists what it still needs as past due
    await visible(tomAccount.getByText('Details overdue'))
    await visible(tom.page.getByText(/payouts? waits? for your payout account/))
    await snap(tom.page, '02-tom-incomplete')
    // Stripe's hosted onboarding (the test server finishes it and sends the browser back)
    await tomAccount.getByRole('button', { name: 'Continue with Stripe' }).click()
    await tom.page.waitForURL(/\/splits\/earnings\?onboarding=return$/)
    await visible(tomAccount.getByText('Ready'))
    expect(await tomAccount.getByRole('button', { name: 'Continue with Stripe' }).count()).toBe(0)
    // account.updated: his parked payouts resume by themselves
    if (parkedBefore.length > 0)
      await until('Tom’s parked payouts sent', async () => {
        const left = (await as('admin').get(`/api/payouts?recruiter_id=${state.tomId}&parked=true`)).body.data
        return left.length === 0 ? true : undefined
      })
    await tom.page.reload()
    await visible(tom.page.getByRole('table', { name: 'Your payouts' }).getByText('Paid').first())
    await snap(tom.page, '03-tom-ready')
    expect(unexpected(tom.problems)).toEqual([])
    await proof()
  })

  it('2. Dana’s company pays; the admin runs the payouts; Rachel is paid and her holdback is held', async () => {
    const acme = (await as('dana').get('/api/companies?mine=true')).body.data[0].id
    const role = await as('dana').post('/api/roles', {
      company_id: acme,
      title: 'Payments Platform Lead',
      description: 'Move money exactly once.',
      function: 'engineering',
      seniority: 'lead',
      work_mode: 'remote',
      salary: { min: '15000000', max: '20000000', currency: 'USD' },
      openings: 1,
    })
    await as('dana').post(`/api/roles/${role.body.id}/status`, { status: 'open' })
    const candidate = await as('rachel').post('/api/candidates', {
      full_name: 'Grace Hopper',
      email: `${randomUUID()}@example.com`,
      consent: { method: 'email', text_version: 'rtr-2026-01' },
    })
    const application = await as('rachel').post('/api/applications', {
      role_id: role.body.id,
      candidate_id: candidate.body.candidate.id,
    })
    for (const to of ['screening', 'interview', 'offer'])
      await as('dana').post(`/api/applications/${application.body.id}/stage`, { to })
    const hired = await as('dana').post(`/api/applications/${application.body.id}/hire`, {
      base_salary: { amount: '18000000', currency: 'USD' },
      start_date: isoDay(-7),
    })
    expect(hired.status, JSON.stringify(hired.body)).toBe(201)
    state.placementId = hired.body.placement_id
    const invoice = await until('the invoice', async () => {
      const r = await as('dana').get(`/api/invoices?placement_id=${state.placementId}`)
      return r.body.data?.[0]
    })
    // the company pays by card (the money browser test covers the card form)
    const paid = await as('dana').post(`/api/invoices/${invoice.id}/pay`, {
      method: 'card',
      payment_method: 'pm_card_visa',
    })
    expect(paid.status, JSON.stringify(paid.body)).toBe(201)
    const holds = await until('Rachel’s holdback', async () => {
      const r = await as('admin').get(
        `/api/escrow-holds?placement_id=${state.placementId}&recruiter_id=${state.rachelId}&status=active`,
      )
      return r.body.data.length > 0 ? r.body.data : undefined
    })
    expect(holds).toHaveLength(1)

    const { page, problems } = await browserOf('admin')
    await page.goto('/admin/finance/payouts')
    const due = page.getByRole('region', { name: 'Due now' })
    await visible(due.getByText(/schedules? due/))
    await visible(page.getByRole('figure', { name: 'Revenue and payouts by month' }))
    await due.getByRole('button', { name: 'Run payouts now' }).click()
    await visible(due.getByRole('status').getByText(/Run done: \d+ paid/))
    const [payout] = await until('Rachel paid', async () => {
      const ps = await rachelsPayouts()
      return ps.length > 0 && ps.every((p) => p.status === 'completed') ? ps : undefined
    })
    await visible(page.getByRole('region', { name: 'Reconciliation' }).getByText('Balanced'))
    await snap(page, '04-admin-overview-after-run')

    // the payout's page: what it pays, and its audit log
    await page.goto(`/admin/finance/payouts/${payout!.id}`)
    await visible(page.getByRole('region', { name: 'Audit log' }).getByText('payout.completed'))
    await visible(page.getByRole('table', { name: 'What it pays' }).getByText('Share of a payment'))
    await snap(page, '05-admin-payout-detail')
    expect(unexpected(problems)).toEqual([])

    // Rachel: the payout in her list, the holdback held until the guarantee ends
    const rachel = await browserOf('rachel')
    await rachel.page.goto(`/splits/earnings/placements/${state.placementId}`)
    const statement = rachel.page.getByRole('table', { name: 'Statement lines' })
    await visible(statement.getByRole('row', { name: /Paid to you/ }).getByText(usd(payout!.amount.amount)))
    await visible(
      statement.getByRole('row', { name: /Held in escrow/ }).getByText(usd(holds[0].hold_amount.amount)),
    )
    await snap(rachel.page, '06-rachel-statement-held')
    expect(unexpected(rachel.problems)).toEqual([])
    await proof()
  })

  it('3. The guarantee ends: the admin releases the hold from the holds tab and pays it', async () => {
    clock.advance(100 * 86_400_000)
    await signInEveryone()
    const { page, problems } = await browserOf('admin')
    await page.goto('/admin/finance/payouts?tab=holds')
    const holds = page.getByRole('table', { name: 'Escrow holds' })
    const row = holds.getByRole('row', { name: new RegExp(`Placement ${state.placementId!.slice(0, 8)}`) })
    await visible(row)
    await snap(page, '07-admin-holds')
    await row.getByRole('button', { name: 'Release' }).click()
    await expect.poll(() => row.count()).toBe(0)
    const released = (
      await as('admin').get(
        `/api/escrow-holds?placement_id=${state.placementId}&recruiter_id=${state.rachelId}`,
      )
    ).body.data
    expect(released.map((h: { status: string }) => h.status)).toEqual(['released'])
    // the released holdback is scheduled: pay it from the schedules tab's run (the 02:00 run, now)
    await page.goto('/admin/finance/payouts')
    const due = page.getByRole('region', { name: 'Due now' })
    await due.getByRole('button', { name: 'Run payouts now' }).click()
    await visible(due.getByRole('status').getByText(/Run done/))
    await until('the holdback paid', async () => {
      const ps = await rachelsPayouts()
      return ps.length === 2 && ps.every((p) => p.status === 'completed') ? ps : undefined
    })
    expect(unexpected(problems)).toEqual([])

    const rachel = await browserOf('rachel')
    await rachel.page.goto(`/splits/earnings/placements/${state.placementId}`)
    const statement = rachel.page.getByRole('table', { name: 'Statement lines' })
    const collected = await statement
      .getByRole('row', { name: /Collected/ })
      .getByRole('cell')
      .nth(1)
      .innerText()
    await visible(statement.getByRole('row', { name: /Paid to you/ }).getByText(collected))
    await visible(statement.getByRole('row', { name: /Held in escrow/ }).getByText('$0.00'))
    await snap(rachel.page, '08-rachel-statement-paid')
    // one transfer per payout, grouped by the placement
    const account = (await as('rachel').get('/api/stripe/connect/me')).body.account_id
    expect(
      stripe.control.countTransfers({
        destination: account,
        transferGroup: `placement_${state.placementId}`,
      }),
    ).toBe(2)
    await proof()
  })

  it('4. Rachel’s bank returns a payout: the money is available to her again, and the admin sees why', async () => {
    const [withBank] = await until('a bank payout in the bank', async () => {
      const ps = (await rachelsPayouts()).filter((p) => p.stripe_payout_id && p.bank_payout_status === 'paid')
      return ps.length > 0 ? ps : undefined
    })
    stripe.control.payoutFailed(withBank!.stripe_payout_id!, 'account_closed')
    await until('the returned payout', async () => {
      const p = (await as('admin').get(`/api/payouts/${withBank!.id}`)).body
      return p.status === 'failed' ? p : undefined
    })
    const { page, problems } = await browserOf('rachel')
    await page.goto('/splits/earnings')
    const row = page
      .getByRole('table', { name: 'Your payouts' })
      .getByRole('row', { name: /Failed/ })
      .first()
    await visible(row.getByText(/Bank payout failed/))
    await visible(page.getByRole('region', { name: 'Available' }))
    const earnings = (await as('rachel').get('/api/me/earnings')).body
    const usdBalance = earnings.balances.find((b: { currency: string }) => b.currency === 'USD')
    expect(BigInt(usdBalance.available.amount)).toBeGreaterThanOrEqual(BigInt(withBank!.amount.amount))
    await snap(page, '09-rachel-returned')
    expect(unexpected(problems)).toEqual([])

    const admin = await browserOf('admin')
    await admin.page.goto(`/admin/finance/payouts/${withBank!.id}`)
    await visible(admin.page.getByText(/returned by the bank/).first())
    await visible(
      admin.page
        .getByRole('region', { name: 'Audit log' })
        .getByText(/payout\.bank_failed/)
        .first(),
    )
    await snap(admin.page, '10-admin-returned-payout')
    // the returned money waits in a schedule for the account to be fixed: the schedules tab shows it
    await admin.page.goto('/admin/finance/payouts?tab=schedules&status=failed')
    await visible(
      admin.page.getByRole('table', { name: 'Payout schedules' }).getByText('Returned payout').first(),
    )
    await snap(admin.page, '11-admin-schedules-failed')
    expect(unexpected(admin.problems)).toEqual([])
    await proof()
  })
  it('5. Tom reads his earnings on a phone in the dark: every part fits the screen and his account is explained in words', async () => {
    const phone = await newPage(browser, {
      baseURL: app.baseUrl,
      viewport: { width: 390, height: 844 },
      colorScheme: 'dark',
    })
    await phone.context.addCookies([{ name: 'sid', value: sessions.tom!.token, url: app.baseUrl }])
    try {
      await phone.page.goto('/splits/earnings')
      await visible(phone.page.getByRole('region', { name: 'Available' }))
      await visible(phone.page.getByRole('region', { name: 'Payout account (Stripe)' }))
      await visible(phone.page.getByRole('table', { name: 'Your payouts' }))
      // no field paths or codes of Stripe's on the page
      const text = await phone.page.locator('main').innerText()
      expect(text).not.toMatch(/individual\.|requirements\.|external_account/)
      // nothing wider than the phone (tables scroll inside their own box)
      const overflow = await phone.page.evaluate('document.documentElement.scrollWidth - window.innerWidth')
      expect(overflow).toBeLessThanOrEqual(0)
      await snap(phone.page, '12-tom-earnings-phone-dark')
      expect(unexpected(phone.problems)).toEqual([])
    } finally {
      await phone.context.close()
    }
  })
})
