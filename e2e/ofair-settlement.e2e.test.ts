import fs from 'node:fs'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { RunningApp } from '../apps/server/src/app.ts'
import {
  hebrewPageAs,
  launchBrowser,
  type PageProblems,
  screenshot,
  settle,
} from '../packages/testing/src/browser.ts'
import { api, type World } from '../packages/testing/src/factories/index.ts'
import {
  makeProfessional,
  makeProLead,
  ofairAdmin,
  propose,
  type TestProfessional,
} from '../packages/testing/src/factories/ofair.ts'
import { startTestApp } from '../packages/testing/src/test-app.ts'
import { useTestDatabase } from '../packages/testing/src/test-database.ts'

/**
 * OFAIR II through its Hebrew screens: a referral lead with a 20% share closes at ₪1,000 — the
 * performer marks it done, the owner sees ₪50 / ₪200 / ₪750 and confirms; the wallets show the
 * netted balances with their entries; the admin's finance page shows the job and its ledger entries.
 */
const database = useTestDatabase()
let app: RunningApp & { baseUrl: string }
let browser: Browser
let w: World
const PHONE = { width: 390, height: 844 }
type Opened = { page: Page; context: BrowserContext; problems: PageProblems }
const opened: Opened[] = []

beforeAll(async () => {
  vi.setConfig({ expect: { poll: { timeout: 15_000, interval: 150 } } })
  app = await startTestApp(database.current.url, { env: { DEMO_MODE: 'true' } })
  w = { ctx: app.ctx, baseUrl: app.baseUrl }
  browser = await launchBrowser()
})
afterAll(async () => {
  for (const o of opened) await o.context.close().catch(() => {})
  await browser?.close()
  await app?.stop()
})

async function as(person: { session: { token: string } }, viewport?: { width: number; height: number }) {
  const o = await hebrewPageAs(browser, app.baseUrl, person.session.token, viewport)
  opened.push(o)
  return o
}

const text = (page: Page, testId: string) => page.getByTestId(testId).first().innerText()
const digits = (s: string) => s.replace(/[^\d-]/g, '')

describe('OFAIR settlement screens', () => {
  let referrer: TestProfessional
  let performer: TestProfessional
  let leadId: string

  it('the performer marks the job done at ₪1,000 and the owner sees 50 / 200 / 750 and confirms', async () => {
    referrer = await makeProfessional(w, { display_name: 'אבי מזרחי' }, { name: 'אבי מזרחי' })
    performer = await makeProfessional(w, { display_name: 'משה לוי' }, { name: 'משה לוי' })
    const lead = await makeProLead(w, referrer, { title: 'החלפת לוח חשמל', referrer_share_percentage: 20 })
    leadId = lead.id
    const proposal = await propose(w, performer, leadId, '100000')
    expect(
      (await api(w, referrer.session).post(`/api/ofair/proposals/${proposal.id}/accept`, { consent: true }))
        .status,
    ).toBe(200)

    const pro = await as(performer, PHONE)
    await pro.page.goto(`/ofair/leads/${leadId}`)
    await pro.page.getByTestId('mark-done').getByRole('textbox').fill('1000')
    await pro.page.getByRole('button', { name: 'סימון כגמורה' }).click()
    await expect.poll(() => text(pro.page, 'payment-status')).toBe('ממתין לאישור')
    await settle(pro.page)
    await screenshot(pro.page, 'ofair-job-marked-done-phone')

    const owner = await as(referrer)
    await owner.page.goto(`/ofair/leads/${leadId}`)
    await expect.poll(() => text(owner.page, 'payment-status')).toBe('ממתין לאישור')
    expect(digits(await text(owner.page, 'split-final'))).toBe('1000')
    expect(await text(owner.page, 'split-commission')).toMatch(/50/)
    expect(await text(owner.page, 'split-referrer-1')).toMatch(/200/)
    expect(await text(owner.page, 'split-net')).toMatch(/750/)
    await owner.page.getByRole('button', { name: 'אישור שהעבודה בוצעה' }).click()
    await expect.poll(() => text(owner.page, 'payment-status')).toBe('אושר')
    await settle(owner.page)
    await screenshot(owner.page, 'ofair-job-confirmed-desktop')
    expect(await owner.page.locator('html').getAttribute('dir')).toBe('rtl')
    expect(owner.problems.errors).toEqual([])
  })

  it('the wallets show the netted balances and each entry', async () => {
    const pro = await as(performer, PHONE)
    await pro.page.goto('/ofair/wallet')
    await expect.poll(() => text(pro.page, 'wallet-owed')).toMatch(/250/)
    expect(await text(pro.page, 'wallet-balance')).toMatch(/-\s?250|250-|‎-250/)
    expect(await pro.page.getByTestId('wallet-entries').innerText()).toContain('החלפת לוח חשמל')
    await settle(pro.page)
    await screenshot(pro.page, 'ofair-wallet-performer-phone')

    const ref = await as(referrer)
    await ref.page.goto('/ofair/wallet')
    await expect.poll(() => text(ref.page, 'wallet-available')).toMatch(/200/)
    // the referrer asks to withdraw ₪120 of the ₪200 owed to him
    await ref.page.getByRole('textbox', { name: 'סכום' }).fill('120')
    await ref.page.getByRole('button', { name: 'בקשת משיכה' }).click()
    await expect.poll(() => ref.page.getByText('ממתינה לאישור').count()).toBe(1)
    await expect.poll(() => text(ref.page, 'wallet-available')).toMatch(/80/)
    await settle(ref.page)
    await screenshot(ref.page, 'ofair-wallet-referrer-desktop')
  })

  it('the admin finance page shows the commission and the job’s ledger entries', async () => {
    const admin = await as(await ofairAdmin(w))
    await admin.page.goto('/ofair/admin/finance')
    const jobs = admin.page.getByTestId('finance-jobs')
    await expect.poll(() => jobs.innerText()).toContain('החלפת לוח חשמל')
    // the chart is loaded on demand: the picture waits for it
    await expect.poll(() => admin.page.locator('.recharts-surface').count()).toBeGreaterThan(0)
    await settle(admin.page)
    await screenshot(admin.page, 'ofair-admin-finance-desktop')
    // the commissions as CSV (UTF-8 with a byte-order mark, for Excel)
    const [download] = await Promise.all([
      admin.page.waitForEvent('download'),
      admin.page.getByRole('button', { name: 'ייצוא CSV' }).click(),
    ])
    const csv = fs.readFileSync((await download.path())!, 'utf8')
    expect(csv.split('\r\n')[0]).toContain('platform_commission_ils')
    expect(csv).toMatch(
      /"החלפת לוח חשמל","משה לוי","confirmed","b2b","1000.00","5","50.00","200.00","750.00"/,
    )
    // and as an Excel workbook (a zip of the sheets, right to left)
    const [excel] = await Promise.all([
      admin.page.waitForEvent('download'),
      admin.page.getByRole('button', { name: 'ייצוא Excel' }).click(),
    ])
    expect(excel.suggestedFilename()).toMatch(/^ofair-commissions-.*\.xlsx$/)
    const workbook = fs.readFileSync((await excel.path())!)
    expect(workbook.subarray(0, 2).toString('latin1')).toBe('PK')
    expect(workbook.length).toBeGreaterThan(2000)
    await jobs
      .getByRole('row', { name: /החלפת לוח חשמל/ })
      .getByRole('button', { name: 'רישומים' })
      .click()
    const entries = admin.page.getByTestId('ledger-entries')
    await expect.poll(() => entries.innerText()).toContain('הכנסות עמלה')
    const t = await entries.innerText()
    expect(t).toMatch(/250/)
    expect(t).toMatch(/200/)
    expect(t).toMatch(/50/)
    await settle(admin.page)
    await screenshot(admin.page, 'ofair-admin-finance-ledger-desktop')
    await admin.page.keyboard.press('Escape')
    await admin.page.getByRole('tab', { name: 'יתרות' }).click()
    await expect.poll(() => admin.page.getByTestId('finance-balances').innerText()).toContain('משה לוי')
    await screenshot(admin.page, 'ofair-admin-finance-balances-desktop')
    await admin.page.getByRole('tab', { name: 'משיכות' }).click()
    await admin.page
      .getByRole('row', { name: /אבי מזרחי/ })
      .getByRole('button', { name: 'אישור' })
      .click()
    await expect.poll(() => admin.page.getByText('אין בקשות משיכה שממתינות.').count()).toBe(1)
    const after = await api(w, referrer.session).get(`/api/ofair/balances/${referrer.professionalId}`)
    expect(after.body).toMatchObject({ balance: { amount: '8000' }, withdrawals_pending: { amount: '0' } })
    // the settlement settings: B2B by default, a 7-day hold; the admin lengthens the hold
    await admin.page.getByRole('tab', { name: 'הגדרות' }).click()
    await expect.poll(() => admin.page.getByRole('radio', { name: /B2B/ }).isChecked()).toBe(true)
    const hold = admin.page.getByLabel('תקופת החזקה (ימים)')
    await expect.poll(() => hold.inputValue()).toBe('7')
    await hold.fill('10')
    await admin.page.getByRole('button', { name: 'שמירה' }).click()
    await expect.poll(() => admin.page.getByText('ההגדרות נשמרו').count()).toBe(1)
    await screenshot(admin.page, 'ofair-admin-finance-settings-desktop')
    const saved = await api(w, (await ofairAdmin(w)).session).get('/api/ofair/admin/settlement-settings')
    expect(saved.body).toMatchObject({ settlement_mode: 'b2b', hold_days: 10 })
    await api(w, (await ofairAdmin(w)).session).put('/api/ofair/admin/settlement-settings', { hold_days: 7 })
    expect(admin.problems.errors).toEqual([])
  })
})
