import { readFile } from 'node:fs/promises'
import type { Browser, Locator } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { RunningApp } from '../apps/server/src/app.ts'
import { FixedClock } from '../apps/server/src/kernel/clock.ts'
import { reconcilePayouts } from '../apps/server/src/modules/billing/payouts/reconcile.ts'
import { demoPersonasSeed } from '../apps/server/src/modules/identity/seed.ts'
import { reconcileLedger } from '../apps/server/src/modules/ledger/index.ts'
import { apiClient } from '../packages/testing/src/api-client.ts'
import { launchBrowser, newPage, screenshot } from '../packages/testing/src/browser.ts'
import { eventually } from '../packages/testing/src/eventually.ts'
import {
  advance,
  hire,
  makeCandidate,
  makeRole,
  submitCandidate,
} from '../packages/testing/src/factories/index.ts'
import { addAcmeCompany } from '../packages/testing/src/fixtures.ts'
import { sessionFor, type TestSession } from '../packages/testing/src/sessions.ts'
import { startTestApp } from '../packages/testing/src/test-app.ts'
import { useTestDatabase } from '../packages/testing/src/test-database.ts'

/**
 * Without a Stripe key recruiters are paid by bank transfer: a payout run puts their payouts in the
 * batch, and the admin works the batch on the payouts screen — downloads the CSV for the bank, marks
 * Rachel's transfer paid with the bank's reference and Tom's failed with the reason (his money goes
 * back to his available balance).
 */
const database = useTestDatabase()
const clock = new FixedClock('2026-05-04T09:00:00Z')
let app: RunningApp & { baseUrl: string }
let browser: Browser
const s: Record<string, TestSession> = {}
const as = (who: string) => apiClient(app.baseUrl, s[who])
const visible = (locator: Locator) => expect.poll(() => locator.isVisible()).toBe(true)

beforeAll(async () => {
  vi.setConfig({ expect: { poll: { timeout: 20_000, interval: 200 } } })
  app = await startTestApp(database.current.url, { clock })
  browser = await launchBrowser()
  await demoPersonasSeed.run(app.ctx, () => {})
  const acme = await addAcmeCompany(app.ctx)
  for (const [key, email] of Object.entries({
    dana: 'dana@acme.demo',
    rachel: 'rachel@recruiters.demo',
    tom: 'tom@talentbridge.demo',
    admin: 'admin@splits.demo',
  })) {
    s[key] = await sessionFor(app.ctx, { email })
  }
  // Acme hires Rachel's candidate on a role Tom owns, and pays the invoice by bank transfer
  const world = { baseUrl: app.baseUrl, ctx: app.ctx }
  const tom = (await as('tom').get('/api/recruiters/me')).body.id as string
  const company = {
    id: acme,
    name: 'Acme Robotics',
    organizationId: '',
    admin: { ...s.dana!, name: 'Dana', email: 'dana@acme.demo' },
  }
  const role = await makeRole(world, company, { job_owner_recruiter_id: tom })
  const candidate = await makeCandidate(world, s.rachel!)
  const application = await submitCandidate(world, s.rachel!, role.id, candidate.id)
  const offered = await advance(world, s.dana!, application, 'offer')
  const { placement_id: placement } = await hire(world, s.dana!, offered)
  const invoice = await eventually(
    'the invoice',
    async () => (await as('admin').get(`/api/invoices?placement_id=${placement}`)).body.data?.[0],
  )
  const paid = await as('admin').post(`/api/invoices/${invoice.id}/payments`, {
    amount: invoice.total.amount,
    currency: 'USD',
    received_on: '2026-05-04',
    reference: 'WIRE 1',
  })
  expect(paid.status).toBe(201)
  const run = await as('admin').post('/api/payout-schedules/process-due', {})
  expect(run.body).toMatchObject({ awaiting_manual: 2 })
}, 120_000)

afterAll(async () => {
  await browser?.close()
  await app?.stop()
})

describe('the bank-transfer batch on the payouts screen', () => {
  it('downloads the CSV, marks one transfer paid and one failed, and the books still reconcile', async () => {
    const { page, context, problems } = await newPage(browser, { baseURL: app.baseUrl })
    await context.addCookies([{ name: 'sid', value: s.admin!.token, url: app.baseUrl }])
    await page.goto('/admin/finance/payouts?tab=batch')
    const list = page.getByRole('region', { name: 'In the batch' })
    await expect.poll(() => list.getByRole('button', { name: 'Mark paid' }).count()).toBe(2)
    await screenshot(page, 'payouts-batch-two-waiting')

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download CSV' }).click(),
    ])
    const csv = await readFile((await download.path())!, 'utf8')
    const lines = csv.trim().split('\r\n')
    expect(lines[0]).toMatch(/^payout_id,recruiter_id,payee_name,payee_email,amount,currency/)
    expect(lines).toHaveLength(3)
    expect(csv).toContain('rachel@recruiters.demo')

    const rowOf = (email: RegExp) => list.getByRole('row').filter({ hasText: email })
    // Rachel's transfer went through
    await rowOf(/Rachel/)
      .getByRole('button', { name: 'Mark paid' })
      .click()
    const paidDialog = page.getByRole('dialog', { name: 'Mark this payout paid' })
    await paidDialog.getByLabel('Bank reference').fill('BANK-2026-0001')
    await paidDialog.getByRole('button', { name: 'Mark paid' }).click()
    await expect.poll(() => list.getByRole('button', { name: 'Mark paid' }).count()).toBe(1)
    // Tom's bank refused it
    await rowOf(/Tom/).getByRole('button', { name: 'Mark failed' }).click()
    const failedDialog = page.getByRole('dialog', { name: 'Mark this payout failed' })
    await failedDialog.getByLabel('What went wrong').fill('Account number rejected by the bank')
    await failedDialog.getByRole('button', { name: 'Mark failed' }).click()
    await visible(list.getByText('Nothing waits in the bank-transfer batch.'))
    await screenshot(page, 'payouts-batch-worked')

    const payouts = (await as('admin').get('/api/payouts?method=manual_bank')).body.data as {
      status: string
      manual_reference: string | null
      failure_reason: string | null
    }[]
    expect(payouts.map((p) => p.status).sort()).toEqual(['completed', 'failed'])
    expect(payouts.find((p) => p.status === 'completed')?.manual_reference).toBe('BANK-2026-0001')
    expect((await reconcileLedger(app.ctx.db)).checks.filter((c) => !c.ok)).toEqual([])
    expect((await reconcilePayouts(app.ctx.db, { now: clock.now() })).checks.filter((c) => !c.ok)).toEqual([])
    expect(problems.errors).toEqual([])
    await context.close()
  })
})
