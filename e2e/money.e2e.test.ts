import { randomUUID } from 'node:crypto'
import { type StripeTestServer, startStripeTestServer } from '@app/stripe-test-server'
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { RunningApp } from '../apps/server/src/app.ts'
import { billingDemoSeed } from '../apps/server/src/modules/billing/seed.ts'
import { demoPersonasSeed } from '../apps/server/src/modules/identity/seed.ts'
import { reconcileLedger } from '../apps/server/src/modules/ledger/index.ts'
import { demoMarketplaceSeed } from '../apps/server/src/modules/recruiting/seed/demo-marketplace.ts'
import { formatMoney } from '../packages/money/src/index.ts'
import { apiClient } from '../packages/testing/src/api-client.ts'
import { launchBrowser, newPage, type PageProblems, screenshot } from '../packages/testing/src/browser.ts'
import { sessionFor, type TestSession } from '../packages/testing/src/sessions.ts'
import { startTestApp } from '../packages/testing/src/test-app.ts'
import { useTestDatabase } from '../packages/testing/src/test-database.ts'

/**
 * Money through the screens, on the demo data with the local Stripe test server: a hire is
 * invoiced; Dana pays it by card (a declined card first, then one that works); Rachel's statement
 * shows her line collected; the admin finds the payment's balanced posting in the ledger and the
 * reconciliation green; Dana switches fall-offs to credit and records one, and the invoice gets a
 * credit note while the statement's collected goes back to zero. Then the admin's finance overview,
 * a custom contract from proposal to approval, the audit chain, and the phone and dark views.
 * The tests run in order and share the state they build.
 */
const database = useTestDatabase()
const WEBHOOK_SECRET = 'whsec_money_e2e'
const PHONE = { width: 390, height: 844 }
let stripe: StripeTestServer
let app: RunningApp & { baseUrl: string }
let browser: Browser

type Opened = { page: Page; context: BrowserContext; problems: PageProblems }
type Persona = 'dana' | 'rachel' | 'admin'
const pages: Partial<Record<Persona, Opened>> = {}
const sessions: Partial<Record<Persona, TestSession>> = {}
const EMAILS: Record<Persona, string> = {
  dana: 'dana@acme.demo',
  rachel: 'rachel@recruiters.demo',
  admin: 'admin@splits.demo',
}
const CANDIDATE = 'Marie Curie'
const ROLE = 'Battery Chemistry Lead'
const state: {
  roleId?: string
  applicationUrl?: string
  placementId?: string
  invoiceId?: string
  startDate?: string
  fee?: string
  rachelLine?: string
} = {}
const as = (who: Persona) => apiClient(app.baseUrl, sessions[who])
const usd = (minor: string | bigint) => formatMoney(BigInt(minor), 'USD', 'en-US')

beforeAll(async () => {
  // The machines' two cores are shared: a screen may take a few seconds to settle, not one.
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
  // The demo data as `npm start` loads it: people, the marketplace, and billing in every state.
  await demoPersonasSeed.run(app.ctx, () => {})
  await demoMarketplaceSeed.run(app.ctx, () => {})
  await billingDemoSeed.run(app.ctx, () => {})
  for (const who of Object.keys(EMAILS) as Persona[])
    sessions[who] = await sessionFor(app.ctx, { email: EMAILS[who] })
  browser = await launchBrowser()
}, 180_000)
afterAll(async () => {
  await browser?.close()
  await app?.stop()
  await stripe?.stop()
})

/** Console errors other than the API refusals a step provokes on purpose. */
function unexpected(problems: PageProblems, allowed: number[] = []): string[] {
  const statuses = [401, 403, ...allowed].join('|')
  return problems.errors.filter((e) => !new RegExp(`status of (${statuses})\\b`).test(e))
}

async function signedIn(
  who: Persona,
  options: { viewport?: { width: number; height: number }; colorScheme?: 'light' | 'dark' } = {},
) {
  const opened = await newPage(browser, { baseURL: app.baseUrl, ...options })
  await opened.context.addCookies([{ name: 'sid', value: sessions[who]!.token, url: app.baseUrl }])
  return opened
}

/** The browser a persona opened in an earlier step (or a new one), its problems cleared for this step. */
async function browserOf(who: Persona): Promise<Opened> {
  pages[who] ??= await signedIn(who)
  pages[who].problems.errors.length = 0
  return pages[who]
}

const visible = (locator: Locator) => expect.poll(() => locator.isVisible()).toBe(true)

/** Waits until no finite CSS transition or animation runs, so a screenshot is settled. */
async function still(page: Page) {
  const running = `document.getAnimations().filter((a) => a.playState === 'running'
    && Number.isFinite(Number(a.effect?.getComputedTiming().endTime))).length`
  await expect.poll(() => page.evaluate(running)).toBe(0)
}

async function snap(page: Page, name: string) {
  await page.evaluate('window.scrollTo(0, 0)')
  await still(page)
  await screenshot(page, `money-${name}`)
}

/** Picks an option of a Mantine Select whose options carry a description (matched by a pattern). */
async function pick(page: Page, label: string, option: RegExp) {
  await page.getByRole('combobox', { name: label }).click()
  await page.getByRole('option', { name: option }).click()
}

const isoDay = (offsetDays: number) =>
  new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10)

/**
 * A partly paid invoice in US dollars. The demo data invoices in USD, EUR, GBP and ILS, and which
 * partly paid invoice comes first depends on the day the data was made, so ask for the currency.
 */
type PartlyPaid = { id: string; number: string; outstanding: { amount: string; currency: string } }
async function partlyPaidUsdInvoice(): Promise<PartlyPaid> {
  const list = await as('admin').get('/api/invoices?status=partially_paid&limit=100')
  const found = (list.body.data as PartlyPaid[]).find((i) => i.outstanding.currency === 'USD')
  if (!found) throw new Error('the demo data has no partly paid invoice in USD')
  return found
}

/** A hire through the API (the marketplace test covers those screens): role, candidate, offer, hire. */
async function hireViaApi(title: string, candidate: string, salary: string): Promise<string> {
  const acme = (await as('dana').get('/api/companies?mine=true')).body.data[0].id
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
    full_name: candidate,
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
    base_salary: { amount: salary, currency: 'USD' },
    start_date: isoDay(-7),
  })
  expect(hired.status).toBe(201)
  return hired.body.placement_id
}

/** Polls an API read until it returns something. */
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

describe('money through the screens: invoice, card payment, statement, ledger, fall-off', () => {
  it('1. Dana hires; the placement shows its fee statement and the invoice appears in billing', async () => {
    // An offer on a new role of Acme (the API brings it there; the marketplace test covers those screens).
    const acme = (await as('dana').get('/api/companies?mine=true')).body.data[0].id
    const role = await as('dana').post('/api/roles', {
      company_id: acme,
      title: ROLE,
      description: 'Lead our cell chemistry team.',
      function: 'engineering',
      seniority: 'lead',
      work_mode: 'hybrid',
      salary: { min: '14000000', max: '18000000', currency: 'USD' },
      openings: 1,
    })
    expect(role.status).toBe(201)
    state.roleId = role.body.id
    expect(
      (await as('dana').post(`/api/roles/${role.body.id}/status`, { status: 'open' })).status,
    ).toBeLessThan(300)
    const candidate = await as('rachel').post('/api/candidates', {
      full_name: CANDIDATE,
      email: `${randomUUID()}@example.com`,
      consent: { method: 'email', text_version: 'rtr-2026-01' },
    })
    const application = await as('rachel').post('/api/applications', {
      role_id: role.body.id,
      candidate_id: candidate.body.candidate.id,
    })
    expect(application.status).toBe(201)
    for (const to of ['screening', 'interview', 'offer'])
      expect(
        (await as('dana').post(`/api/applications/${application.body.id}/stage`, { to })).status,
      ).toBeLessThan(300)

    const { page, problems } = await browserOf('dana')
    await page.goto(`/splits/applications/${application.body.id}`)
    await page.getByRole('button', { name: 'Mark hired' }).click()
    const dialog = page.getByRole('dialog', { name: `Hire ${CANDIDATE}` })
    await visible(dialog)
    state.startDate = isoDay(-7)
    await dialog.getByLabel('First-year base salary').fill('160000')
    await dialog.getByLabel('Start date').fill(state.startDate)
    await dialog.getByRole('button', { name: 'Confirm hire' }).click()
    await page.getByRole('link', { name: 'View placement' }).click()
    await page.waitForURL(/\/splits\/placements\/[0-9a-f-]{36}$/)
    state.placementId = new URL(page.url()).pathname.split('/').pop()!

    // $160,000 × 20% = $32,000, from the server's statement (the web does no fee arithmetic).
    const fee = page.getByRole('region', { name: 'Fee' })
    await visible(fee.getByText('$32,000.00'))
    // The statement's rule version in words, its code in small print for support.
    expect(await fee.getByText(/^Fee rules of \w+ \d{4}$/).isVisible()).toBe(true)
    const statement = page.getByRole('region', { name: 'Who gets what' })
    const rachelRow = statement.getByRole('row', { name: /Rachel Green/ })
    await visible(rachelRow)
    expect(await rachelRow.getByText('Candidate recruiter').isVisible()).toBe(true)
    expect(await statement.getByRole('row', { name: /Splits Network/ }).isVisible()).toBe(true)
    const api = (await as('rachel').get(`/api/placements/${state.placementId}/statement`)).body
    state.fee = api.fee.amount
    state.rachelLine = api.lines
      .filter((l: { party_type: string }) => l.party_type === 'recruiter')
      .reduce((t: bigint, l: { amount: string }) => t + BigInt(l.amount), 0n)
      .toString()
    // The lines add up to the fee, shown as the total; nothing is collected yet.
    expect(await statement.getByRole('row', { name: /^Total/ }).innerText()).toContain(usd(state.fee!))
    expect(await rachelRow.getByText(usd(state.rachelLine!)).first().isVisible()).toBe(true)
    expect(
      await statement.getByRole('cell', { name: 'Collected so far by Rachel Green' }).innerText(),
    ).toContain('$0.00')
    await snap(page, '01-placement-statement')

    // The invoice: linked from the placement for the company's admin, and listed in billing.
    const link = fee.getByRole('link', { name: /^Invoice SN-\d{4}-\d{6}$/ })
    await expect
      .poll(
        async () => {
          if (await link.isVisible()) return true
          await page.reload()
          return false
        },
        { timeout: 30_000, interval: 1_000 },
      )
      .toBe(true)
    const number = (await link.innerText()).replace('Invoice ', '')
    const nav = page.getByRole('navigation', { name: 'Main navigation' })
    await nav.getByRole('link', { name: 'Billing' }).click()
    await page.waitForURL('**/splits/billing')
    const invoices = page.getByRole('table', { name: 'Invoices' })
    const row = invoices.getByRole('row', { name: new RegExp(number) })
    await visible(row)
    expect(await row.getByText('Open', { exact: true }).isVisible()).toBe(true)
    expect(await row.innerText()).toContain(usd(state.fee!))
    await snap(page, '02-company-invoices')
    await row.getByRole('link', { name: number }).click()
    await page.waitForURL(/\/splits\/billing\/invoices\/[0-9a-f-]{36}$/)
    state.invoiceId = new URL(page.url()).pathname.split('/').pop()!
    await visible(page.getByRole('heading', { name: `Invoice ${number}` }))
    expect(unexpected(problems)).toEqual([])
  })

  it('2. Dana pays by card: a declined card says why and changes nothing; the Visa pays the invoice', async () => {
    const { page, problems } = await browserOf('dana')
    await page.goto(`/splits/billing/invoices/${state.invoiceId}`)
    const pay = page.getByRole('region', { name: 'Pay this invoice' })
    await visible(pay.getByRole('combobox', { name: 'Test card' }))
    await pick(page, 'Test card', /Visa ending 0002/)
    await visible(pay.getByText('The bank declines the card.'))
    await pay.getByRole('button', { name: `Pay ${usd(state.fee!)} by card` }).click()
    await visible(pay.getByText('The payment did not go through'))
    expect(await pay.getByText('Your card was declined.').isVisible()).toBe(true)
    expect(await pay.getByText('Nothing was charged.', { exact: false }).isVisible()).toBe(true)
    // The failed attempt is on the invoice; nothing is paid.
    const payments = page.getByRole('region', { name: 'Payments' })
    await visible(payments.getByText('Failed', { exact: true }))
    expect(await page.getByRole('heading', { level: 1 }).getByText('Open', { exact: true }).isVisible()).toBe(
      true,
    )
    await snap(page, '03-card-declined')

    await pick(page, 'Test card', /Visa ending 4242/)
    await pay.getByRole('button', { name: `Pay ${usd(state.fee!)} by card` }).click()
    await visible(pay.getByText('Payment received'))
    await visible(page.getByRole('heading', { level: 1 }).getByText('Paid', { exact: true }))
    await visible(payments.getByText('Succeeded', { exact: true }))
    const summary = page.getByRole('region', { name: 'Summary' })
    expect(await summary.innerText()).toMatch(/Still owed\s+\$0\.00/)
    await snap(page, '04-card-paid')
    // The declined attempt answered 422 on purpose.
    expect(unexpected(problems, [422])).toEqual([])
  })

  it('3. Rachel’s statement shows her line collected in full', async () => {
    const { page, problems } = await browserOf('rachel')
    await page.goto(`/splits/placements/${state.placementId}`)
    const statement = page.getByRole('region', { name: 'Who gets what' })
    const collected = statement.getByRole('cell', { name: 'Collected so far by Rachel Green' })
    await visible(collected)
    await expect.poll(() => collected.innerText()).toContain(usd(state.rachelLine!))
    expect(
      await statement
        .getByRole('row', { name: /Rachel Green/ })
        .getByText('(you)')
        .isVisible(),
    ).toBe(true)
    // What everyone collected adds up to the fee.
    const total = statement.getByRole('row', { name: /^Total/ })
    expect((await total.innerText()).split(usd(state.fee!)).length - 1).toBe(2)
    await snap(page, '05-statement-collected')
    expect(unexpected(problems)).toEqual([])
  })

  it('4. The admin finds the payment’s posting in the ledger, balanced, and the reconciliation green', async () => {
    const { page, problems } = await browserOf('admin')
    await page.goto(`/admin/finance/invoices?placement=${state.placementId}`)
    const list = page.getByRole('table', { name: 'Invoices' })
    await visible(list.getByRole('row', { name: /Acme Robotics/ }))
    await list
      .getByRole('row', { name: /Acme Robotics/ })
      .getByRole('link')
      .first()
      .click()
    await page.waitForURL(`**/admin/finance/invoices/${state.invoiceId}`)
    const payments = page.getByRole('region', { name: 'Payments' })
    await visible(payments.getByRole('link', { name: 'Ledger posting' }))
    // Every posting of the invoice is listed, and each balances.
    const ledger = page.getByRole('region', { name: 'In the ledger' })
    await visible(ledger.getByRole('link', { name: 'Payment received' }))
    expect(await ledger.getByRole('link', { name: 'Invoice issued' }).isVisible()).toBe(true)
    expect(await ledger.getByText('Does not balance').count()).toBe(0)
    await snap(page, '06-admin-invoice-paid')

    await payments.getByRole('link', { name: 'Ledger posting' }).click()
    await page.waitForURL(/\/admin\/finance\/ledger\/postings\/[0-9a-f-]{36}$/)
    await visible(page.getByRole('heading', { level: 1 }).getByText('Payment received'))
    expect(await page.getByRole('heading', { level: 1 }).getByText('Balanced').isVisible()).toBe(true)
    const entries = page.getByRole('table', { name: 'Entries' })
    const totals = entries.getByRole('row', { name: /Totals · USD/ })
    await visible(totals)
    // Debits equal credits: each is the card payment plus the invoiced amount it clears.
    const twice = usd(BigInt(state.fee!) * 2n)
    expect((await totals.innerText()).split(twice).length - 1).toBe(2)
    expect(await totals.getByText('Debits equal credits').isVisible()).toBe(true)
    const held = entries.getByRole('row', { name: /Held for the recruiter.*Rachel Green/ })
    await visible(held)
    expect(await held.innerText()).toContain(usd(state.rachelLine!))
    expect(await entries.getByRole('row', { name: /At the card processor/ }).innerText()).toContain(
      usd(state.fee!),
    )
    // The business reference leads back to the invoice.
    const number = (await as('admin').get(`/api/invoices/${state.invoiceId}`)).body.number
    expect(await page.getByRole('link', { name: `Invoice ${number} · Acme Robotics` }).isVisible()).toBe(true)
    await snap(page, '07-ledger-posting')

    // From the posting to an account and its entries.
    await entries
      .getByRole('row', { name: /Held for the recruiter.*Rachel Green/ })
      .getByRole('link')
      .click()
    await page.waitForURL(/\/admin\/finance\/ledger\/accounts\/[0-9a-f-]{36}$/)
    await visible(page.getByRole('heading', { name: 'Held for the recruiter · USD' }))
    await visible(
      page.getByRole('table', { name: 'Entries' }).getByRole('link', { name: 'Payment received' }).first(),
    )
    await snap(page, '08-ledger-account')

    await page.goto('/admin/finance')
    const proof = page.getByRole('region', { name: 'Ledger reconciliation' })
    await visible(proof.getByText('All four checks pass'))
    for (const check of [
      'Every posting balances',
      'Balances equal their entries',
      'No forbidden negative balance',
      'Audit chain intact',
    ])
      expect(await proof.getByRole('listitem', { name: check }).getByText('OK').isVisible(), check).toBe(true)
    await proof.getByRole('button', { name: 'Run now' }).click()
    await visible(proof.getByText('All four checks pass'))
    await snap(page, '09-finance-reconciled')
    expect(unexpected(problems)).toEqual([])
  })

  it('5. Dana keeps fall-offs as credit, records one: a credit note, and the statement’s collected goes to zero', async () => {
    const { page, problems } = await browserOf('dana')
    await page.goto('/splits/billing?tab=settings')
    const settings = page.getByRole('region', { name: 'How you are invoiced' })
    await visible(settings.getByRole('radio', { name: /Keep it as credit/ }))
    await settings.getByRole('radio', { name: /Keep it as credit/ }).check()
    await settings.getByRole('button', { name: 'Save settings' }).click()
    await visible(page.getByText('Billing settings saved'))
    await visible(settings.getByText('Saved settings, version 1'))
    await snap(page, '10-billing-settings-credit')

    await page.goto(`/splits/placements/${state.placementId}`)
    await page.getByRole('button', { name: 'Record fall-off' }).click()
    const dialog = page.getByRole('dialog', { name: `Record that ${CANDIDATE} left` })
    await visible(dialog)
    await dialog.getByLabel('Reason').fill('Went back to academia after two weeks.')
    await dialog.getByRole('button', { name: 'Record fall-off' }).click()
    await visible(page.getByRole('heading', { level: 1 }).getByText('Fell off'))
    // The money comes back in the background: the collected column follows it to zero.
    const statement = page.getByRole('region', { name: 'Who gets what' })
    const collected = statement.getByRole('cell', { name: 'Collected so far by Rachel Green' })
    await expect
      .poll(
        async () => {
          const text = await collected.innerText().catch(() => '')
          if (text.includes('$0.00')) return true
          await page.reload()
          return false
        },
        { timeout: 30_000, interval: 1_000 },
      )
      .toBe(true)
    const total = statement.getByRole('row', { name: /^Total/ })
    expect(await total.innerText()).toContain('$0.00')
    await snap(page, '11-fall-off-statement')

    await page.goto(`/splits/billing/invoices/${state.invoiceId}`)
    const back = page.getByRole('region', { name: 'Refunds and credit' })
    await visible(back.getByRole('listitem', { name: 'Credit note' }))
    expect(await back.getByRole('listitem', { name: 'Credit note' }).innerText()).toContain(usd(state.fee!))
    expect(await back.getByRole('listitem', { name: 'Refund' }).count()).toBe(0)
    // Nothing was owed any more: the invoice is void, and what was paid became the credit note.
    await visible(page.getByRole('heading', { level: 1 }).getByText('Void', { exact: true }))
    const summary = page.getByRole('region', { name: 'Summary' })
    expect(await summary.innerText()).toMatch(new RegExp(`Credit notes\\s+\\${usd(state.fee!)}`))
    expect(await summary.getByText(/^Voided: Placement fell off/).isVisible()).toBe(true)
    await snap(page, '12-credit-note')
    expect(unexpected(problems)).toEqual([])

    // The books still prove themselves, and the admin sees the company's credit.
    const proof = await reconcileLedger(app.ctx.db)
    expect(proof.checks.filter((c) => !c.ok)).toEqual([])
    const admin = await browserOf('admin')
    await admin.page.goto('/admin/finance')
    const credit = admin.page.getByRole('region', { name: 'Company credit' })
    await expect.poll(() => credit.innerText()).toContain(usd(state.fee!))
    await visible(
      admin.page.getByRole('region', { name: 'Ledger reconciliation' }).getByText('All four checks pass'),
    )
    expect(unexpected(admin.problems)).toEqual([])
  })
})

describe('a premium role', () => {
  it('Dana makes a role urgent with a bonus for recruiters; Rachel sees it on the role', async () => {
    const { page, problems } = await browserOf('dana')
    await page.goto(`/splits/roles/${state.roleId}?tab=details`)
    const premium = page.getByRole('region', { name: 'Premium' })
    // The examples are the role's own rate: 20% becomes 22% when urgent.
    await visible(premium.getByText(/20% becomes 22%/))
    await premium.getByRole('radio', { name: /Urgent/ }).check()
    await premium.getByRole('textbox', { name: 'Bonus for recruiters' }).fill('40')
    await premium.getByRole('button', { name: 'Save premium' }).click()
    await visible(page.getByText('Premium saved'))
    await snap(page, '12b-role-premium')
    expect((await as('dana').get(`/api/roles/${state.roleId}/premium`)).body.premium).toEqual({
      designation: 'urgent',
      recruiter_bonus_bps: 4000,
    })
    expect(unexpected(problems)).toEqual([])

    const rachel = await browserOf('rachel')
    await rachel.page.goto(`/splits/roles/${state.roleId}`)
    const shown = rachel.page.getByRole('region', { name: 'Premium' })
    await visible(shown.getByText('Urgent', { exact: true }))
    expect(await shown.getByText(/40% of the increase is a bonus for the recruiters/).isVisible()).toBe(true)
    expect(unexpected(rachel.problems)).toEqual([])
  })
})

describe('platform finance on the demo data', () => {
  it('shows the overview with its charts, ageing and KPIs', async () => {
    const { page, problems } = await browserOf('admin')
    await page.goto('/splits')
    const nav = page.getByRole('navigation', { name: 'Main navigation' })
    await nav.getByRole('link', { name: 'Overview' }).click()
    await page.waitForURL('**/admin/finance')
    for (const kpi of ['Revenue', 'Invoiced, not collected', 'Held for recruiters', 'Company credit'])
      await visible(page.getByRole('region', { name: kpi }).getByText(/\$[\d,]+\.\d\d/))
    const months = page.getByRole('region', { name: 'The last twelve months' })
    // Recharts draws its bars and lines as SVG once it has measured the box.
    await expect.poll(() => months.locator('.recharts-bar-rectangle').count()).toBeGreaterThan(5)
    expect(await months.locator('.recharts-line-curve').count()).toBe(2)
    for (const series of ['Invoiced', 'Collected', 'Revenue', 'Refunded'])
      expect(await months.locator('.recharts-legend-wrapper').getByText(series).isVisible(), series).toBe(
        true,
      )
    const ageing = page.getByRole('region', { name: 'Receivables by age' })
    await expect.poll(() => ageing.locator('.recharts-bar-rectangle').count()).toBeGreaterThan(1)
    const buckets = ageing.getByRole('table', { name: 'Receivables by age' })
    for (const bucket of ['Not yet due', '1–30 days late', 'Over 90 days late'])
      expect(await buckets.getByRole('row', { name: new RegExp(bucket) }).isVisible(), bucket).toBe(true)
    await snap(page, '13-finance-overview')
    // The overdue filter from the ageing card.
    await ageing.getByRole('link', { name: 'See overdue invoices' }).click()
    await page.waitForURL('**/admin/finance/invoices?status=overdue')
    const list = page.getByRole('table', { name: 'Invoices' })
    await visible(list.getByText('Overdue', { exact: true }).first())
    expect(await list.getByText('Paid', { exact: true }).count()).toBe(0)
    expect(
      await list
        .getByText(/days? late/)
        .first()
        .isVisible(),
    ).toBe(true)
    await snap(page, '14-overdue-invoices')
    expect(unexpected(problems)).toEqual([])
  })

  it('proposes a contract (a server field error first) and approves it by its version', async () => {
    const { page, problems } = await browserOf('admin')
    await page.goto('/admin/finance/contracts')
    await page.getByRole('link', { name: 'New contract' }).click()
    await page.waitForURL('**/admin/finance/contracts/new')
    await page.getByRole('button', { name: 'Propose contract' }).click()
    await visible(page.getByText('Choose the company'))
    expect(await page.getByText('Enter a percentage such as 18').isVisible()).toBe(true)

    await page.getByRole('combobox', { name: 'Company' }).fill('Kestrel')
    await page.getByRole('option', { name: 'Kestrel Cloud' }).click()
    await page.getByRole('textbox', { name: 'Fee rate' }).fill('18')
    // More than the server allows in a year: its message lands on the field.
    await page.getByRole('textbox', { name: 'Yearly commitment' }).fill('50000')
    await page.getByRole('textbox', { name: 'Volume discount' }).fill('10')
    await page.getByRole('button', { name: 'Propose contract' }).click()
    const commitment = page.getByRole('textbox', { name: 'Yearly commitment' })
    await expect.poll(() => commitment.getAttribute('aria-invalid')).toBe('true')
    await visible(page.getByText('Check the highlighted fields.'))
    await snap(page, '15-contract-server-error')

    await commitment.fill('10')
    await page.getByRole('button', { name: 'Propose contract' }).click()
    await page.waitForURL(/\/admin\/finance\/contracts\/[0-9a-f-]{36}$/)
    const heading = page.getByRole('heading', { level: 1 })
    await visible(heading.getByText('Awaiting approval'))
    const terms = page.getByRole('region', { name: 'Terms' })
    expect(await terms.getByText('18% of first-year base salary').isVisible()).toBe(true)
    expect(await terms.getByText('10 placements a year').isVisible()).toBe(true)
    expect(await terms.getByText('10% off after 10 placements in a contract year').isVisible()).toBe(true)
    await snap(page, '16-contract-pending')
    await page.getByRole('button', { name: 'Approve contract' }).click()
    await visible(heading.getByText('Approved'))
    expect(await page.getByRole('button', { name: 'Approve contract' }).count()).toBe(0)
    await snap(page, '17-contract-approved')

    await page.goto('/admin/finance/contracts')
    const row = page
      .getByRole('table', { name: 'Custom contracts' })
      .getByRole('row', { name: /Kestrel Cloud/ })
    await visible(row.getByText('Approved'))
    expect(unexpected(problems, [400])).toEqual([])
  })

  it('verifies the payout audit chain and shows the contract’s approval in the trail', async () => {
    const { page, problems } = await browserOf('admin')
    await page.goto('/admin/finance/audit')
    const trail = page.getByRole('list', { name: 'Changes' })
    await visible(trail.getByText('Contract approved').first())
    expect(await trail.getByText('Credit note issued').first().isVisible()).toBe(true)
    await page.getByRole('button', { name: 'Verify chain' }).click()
    await visible(page.getByText('The audit chain is intact'))
    expect(await page.getByText(/rows checked: every hash matches/).isVisible()).toBe(true)
    await pick(page, 'Kind of record', /^Contract$/)
    await expect.poll(() => trail.getByText('Invoice issued').count()).toBe(0)
    await visible(trail.getByText('Contract proposed'))
    await snap(page, '18-audit-verified')
    expect(unexpected(problems)).toEqual([])
  })
})

describe('money on a phone and in the dark', () => {
  it('shows Dana’s invoices as cards and an invoice at 390 px', async () => {
    const { page, problems, context } = await signedIn('dana', { viewport: PHONE })
    await page.goto('/splits/billing')
    const cards = page.getByRole('list', { name: 'Invoices' })
    await visible(cards.getByRole('listitem').first())
    expect(await page.getByRole('table', { name: 'Invoices' }).count()).toBe(0)
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width)
    await snap(page, '19-phone-company-invoices')
    await cards.getByRole('listitem').first().getByRole('link').first().click()
    await page.waitForURL(/\/splits\/billing\/invoices\/[0-9a-f-]{36}$/)
    await visible(page.getByRole('region', { name: 'Summary' }))
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width)
    await snap(page, '20-phone-company-invoice')
    expect(unexpected(problems)).toEqual([])
    await context.close()
  })

  it('shows the admin’s invoice at 390 px, and the finance overview in dark mode', async () => {
    const phone = await signedIn('admin', { viewport: PHONE })
    await phone.page.goto(`/admin/finance/invoices/${state.invoiceId}`)
    await visible(phone.page.getByRole('region', { name: 'Refunds and credit' }))
    await visible(phone.page.getByRole('region', { name: 'In the ledger' }).getByRole('link').first())
    expect(await phone.page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width)
    await snap(phone.page, '21-phone-admin-invoice')
    // A partly paid invoice: the bank transfer form on a phone.
    const partly = await partlyPaidUsdInvoice()
    await phone.page.goto(`/admin/finance/invoices/${partly.id}`)
    const form = phone.page.getByRole('form', { name: 'Record a bank transfer' })
    await visible(form)
    expect(await phone.page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width)
    await snap(phone.page, '22-phone-admin-transfer-form')
    expect(unexpected(phone.problems)).toEqual([])
    await phone.context.close()

    const dark = await signedIn('admin', { colorScheme: 'dark' })
    await dark.page.goto('/admin/finance')
    await expect.poll(() => dark.page.locator('html').getAttribute('data-mantine-color-scheme')).toBe('dark')
    await expect
      .poll(() =>
        dark.page
          .getByRole('region', { name: 'The last twelve months' })
          .locator('.recharts-bar-rectangle')
          .count(),
      )
      .toBeGreaterThan(5)
    await snap(dark.page, '23-finance-overview-dark')
    await dark.page.goto(`/splits/placements/${state.placementId}`)
    await visible(dark.page.getByRole('region', { name: 'Who gets what' }))
    await snap(dark.page, '24-placement-statement-dark')
    expect(unexpected(dark.problems)).toEqual([])
    await dark.context.close()
  })

  it('records a bank transfer: the reference is required, and the server’s refusal lands on the amount', async () => {
    const { page, problems } = await browserOf('admin')
    const partly = await partlyPaidUsdInvoice()
    const owed = BigInt(partly.outstanding.amount)
    await page.goto(`/admin/finance/invoices/${partly.id}`)
    const form = page.getByRole('form', { name: 'Record a bank transfer' })
    await visible(form)
    // The amount defaults to what is owed, in major units; a reference is required.
    expect(await form.getByLabel('Amount received').inputValue()).toBe(
      `${owed / 100n}.${String(owed % 100n).padStart(2, '0')}`,
    )
    await form.getByRole('button', { name: 'Record transfer' }).click()
    await visible(form.getByText('Enter the bank’s reference'))
    await form.getByLabel('Amount received').fill('0')
    await form.getByRole('button', { name: 'Record transfer' }).click()
    await visible(form.getByText('The amount must be more than zero'))

    // Meanwhile $100 of it arrives and another admin records it: the form still offers the old
    // amount, and the server's refusal (overpayment on body.amount) lands on the amount field.
    const meanwhile = await as('admin').post(`/api/invoices/${partly.id}/payments`, {
      amount: '10000',
      currency: partly.outstanding.currency,
      received_on: isoDay(0),
      reference: `WIRE ${partly.number} PART`,
    })
    expect(meanwhile.status).toBe(201)
    const rest = owed - 10_000n
    await form.getByLabel('Amount received').fill(`${owed / 100n}.${String(owed % 100n).padStart(2, '0')}`)
    await form.getByLabel('Bank reference').fill(`WIRE ${partly.number} REST`)
    await form.getByRole('button', { name: 'Record transfer' }).click()
    await visible(form.getByText(`The invoice only owes ${usd(rest)}`))
    expect(await form.getByLabel('Amount received').getAttribute('aria-invalid')).toBe('true')
    await snap(page, '25-transfer-server-refusal')

    await form.getByLabel('Amount received').fill(`${rest / 100n}.${String(rest % 100n).padStart(2, '0')}`)
    const [answer] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith(`/api/invoices/${partly.id}/payments`)),
      form.getByRole('button', { name: 'Record transfer' }).click(),
    ])
    expect(answer.status(), await answer.text()).toBe(201)
    await visible(page.getByText('Transfer recorded and applied to the invoice'))
    expect((await as('admin').get(`/api/invoices/${partly.id}`)).body.status).toBe('paid')
    await visible(page.getByRole('heading', { level: 1 }).getByText('Paid', { exact: true }))
    const payments = page.getByRole('region', { name: 'Payments' })
    expect(await payments.getByText(`Reference: WIRE ${partly.number} REST`).isVisible()).toBe(true)
    expect(await page.getByRole('form', { name: 'Record a bank transfer' }).count()).toBe(0)
    await snap(page, '26-transfer-recorded')
    // The refused attempt answered 422 on purpose.
    expect(unexpected(problems, [422])).toEqual([])
  })
  it('marks a bank refund sent after a fall-off paid by transfer (refund policy)', async () => {
    // Dana refunds fall-offs again; a hire paid by bank transfer falls off; its refund goes back by bank.
    const url = `/api/companies/${(await as('dana').get('/api/companies?mine=true')).body.data[0].id}/billing-settings`
    const settings = (await as('dana').get(url)).body
    expect(
      (
        await as('dana').put(url, {
          invoice_grouping: settings.invoice_grouping,
          issue_on: settings.issue_on,
          fall_off_policy: 'refund',
          version: settings.version,
        })
      ).status,
    ).toBe(200)
    const placement = await hireViaApi('Thermal Systems Engineer', 'Lise Meitner', '12000000')
    const invoice = await until('the invoice', async () => {
      const list = await as('admin').get(`/api/invoices?placement_id=${placement}`)
      return list.body.data?.[0] as { id: string; total: { amount: string; currency: string } } | undefined
    })
    const paid = await as('admin').post(`/api/invoices/${invoice.id}/payments`, {
      amount: invoice.total.amount,
      currency: 'USD',
      received_on: isoDay(0),
      reference: 'WIRE THERMAL',
    })
    expect(paid.status).toBe(201)
    expect(
      (
        await as('dana').post(`/api/placements/${placement}/fall-off`, {
          reason: 'Moved abroad.',
          date: isoDay(0),
        })
      ).status,
    ).toBeLessThan(300)
    await until('the pending bank refund', async () => {
      const r = (await as('admin').get(`/api/invoices/${invoice.id}`)).body.refunds?.[0]
      return r?.status === 'pending' ? r : undefined
    })

    const { page, problems } = await browserOf('admin')
    await page.goto(`/admin/finance/invoices/${invoice.id}`)
    const back = page.getByRole('region', { name: 'Refunds and credit' })
    const refund = back.getByRole('listitem', { name: 'Refund' })
    await visible(refund.getByText('To be sent', { exact: true }))
    expect(await refund.getByText('Refund by bank transfer').isVisible()).toBe(true)
    await snap(page, '27-bank-refund-to-send')
    await refund.getByRole('button', { name: 'Mark refund sent' }).click()
    const confirm = page.getByRole('dialog', { name: 'Has the refund been sent?' })
    await visible(
      confirm.getByText(`Confirm that ${usd(invoice.total.amount)} was sent back to Acme Robotics`),
    )
    await confirm.getByRole('button', { name: 'Yes, it was sent' }).click()
    await visible(page.getByText(`Refund of ${usd(invoice.total.amount)} recorded as sent`))
    await visible(refund.getByText('Refunded', { exact: true }))
    expect(await refund.getByRole('button', { name: 'Mark refund sent' }).count()).toBe(0)
    const ledger = page.getByRole('region', { name: 'In the ledger' })
    await visible(ledger.getByRole('link', { name: 'Payment refunded' }))
    await snap(page, '28-bank-refund-sent')
    const proof = await reconcileLedger(app.ctx.db)
    expect(proof.checks.filter((c) => !c.ok)).toEqual([])
    expect(unexpected(problems)).toEqual([])
  })
})
