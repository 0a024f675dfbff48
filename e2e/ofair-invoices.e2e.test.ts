import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { sql } from 'kysely'
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { RunningApp } from '../apps/server/src/app.ts'
import { previousMonth } from '../apps/server/src/modules/ofair/invoicing/rules.ts'
import {
  hebrewPageAs,
  launchBrowser,
  type PageProblems,
  SCREENSHOT_DIR,
  screenshot,
} from '../packages/testing/src/browser.ts'
import { api, type World } from '../packages/testing/src/factories/index.ts'
import {
  makeProfessional,
  makeProLead,
  ofairAdmin,
  propose,
  type TestProfessional,
} from '../packages/testing/src/factories/ofair.ts'
import type { TestSession } from '../packages/testing/src/sessions.ts'
import { startTestApp } from '../packages/testing/src/test-app.ts'
import { useTestDatabase } from '../packages/testing/src/test-database.ts'

/**
 * OFAIR's monthly documents through the screens: a referral job closes at ₪1,000 through the API
 * (the referrer's lead, the performer's proposal, accepted, completed, confirmed: 50/200/750), its
 * confirmation dated last month; the admin runs that month on the admin screen and follows it to the
 * end; both professionals find their documents in Hebrew on their phones; the PDFs are printed by
 * Chromium and their pages turned into PNGs with pdftoppm (when installed) to be looked at.
 */
const database = useTestDatabase()
let app: RunningApp & { baseUrl: string }
let w: World
let browser: Browser
const PHONE = { width: 390, height: 844 }
/** The month that has just ended in Asia/Jerusalem (what the monthly run invoices), and its Hebrew name. */
const LAST_MONTH = previousMonth(new Date())
const LAST_MONTH_LABEL = new Intl.DateTimeFormat('he-IL', {
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
}).format(new Date(`${LAST_MONTH}-01T00:00:00Z`))
type Opened = { page: Page; context: BrowserContext; problems: PageProblems }
const opened: Opened[] = []
const state: { referrer?: TestProfessional; performer?: TestProfessional } = {}

beforeAll(async () => {
  vi.setConfig({ expect: { poll: { timeout: 20_000, interval: 200 } } })
  app = await startTestApp(database.current.url, { env: { DEMO_MODE: 'true' } })
  w = { ctx: app.ctx, baseUrl: app.baseUrl }
  browser = await launchBrowser()
})
afterAll(async () => {
  for (const o of opened) await o.context.close().catch(() => {})
  await browser?.close()
  await app?.stop()
})

async function as(session: TestSession, viewport?: { width: number; height: number }): Promise<Opened> {
  const o = await hebrewPageAs(browser, app.baseUrl, session.token, viewport)
  opened.push(o)
  return o
}

const visible = (locator: Locator) => expect.poll(() => locator.first().isVisible()).toBe(true)

/** The page reads right to left in Hebrew, and no English words leak into what people see. */
async function hebrewRtl(page: Page) {
  expect(await page.evaluate('[document.documentElement.dir, document.documentElement.lang]')).toEqual([
    'rtl',
    'he',
  ])
  const text = await page.locator('main').innerText()
  const english = (text.match(/\b[A-Za-z]{3,}\b/g) ?? []).filter((w) => !['OFAIR', 'PDF'].includes(w))
  expect(english, text.slice(0, 400)).toEqual([])
}

/** The PDF's pages as PNGs beside the screenshots (pdftoppm from poppler-utils), or null without it. */
function pdfPages(pdf: Buffer, name: string): string[] | null {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true })
  const file = path.join(SCREENSHOT_DIR, `${name}.pdf`)
  fs.writeFileSync(file, pdf)
  try {
    execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' })
  } catch {
    console.warn(
      'pdftoppm is not installed (apt-get install poppler-utils): the PDF pages were not rendered to PNG',
    )
    return null
  }
  execFileSync('pdftoppm', ['-png', '-r', '80', file, path.join(SCREENSHOT_DIR, name)])
  return fs
    .readdirSync(SCREENSHOT_DIR)
    .filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'))
    .map((f) => path.join(SCREENSHOT_DIR, f))
}

function pdfText(file: string): string | null {
  try {
    return execFileSync('pdftotext', ['-layout', file, '-']).toString()
  } catch {
    return null
  }
}

describe('OFAIR monthly invoices', () => {
  it('a referral job closes at ₪1,000 (50/200/750), confirmed last month', async () => {
    const referrer = await makeProfessional(
      w,
      { company_name: 'אלקטרו-טק שירותי חשמל בע״מ', business_type: 'company', business_number: '516000023' },
      { name: 'רונית אלקטרו' },
    )
    const performer = await makeProfessional(w, { business_type: 'osek_patur' }, { name: 'יוסי חשמלאי' })
    state.referrer = referrer
    state.performer = performer
    const lead = await makeProLead(w, referrer, {
      title: 'החלפת לוח חשמל ב-Tel Aviv',
      referrer_share_percentage: 20,
    })
    const proposal = await propose(w, performer, lead.id, '100000')
    expect(
      (await api(w, referrer.session).post(`/api/ofair/proposals/${proposal.id}/accept`, { consent: true }))
        .status,
    ).toBe(200)
    const done = await api(w, performer.session).post(`/api/ofair/proposals/${proposal.id}/complete`, {
      final_amount: { amount: '100000', currency: 'ILS' },
    })
    expect(done.status, JSON.stringify(done.body)).toBe(200)
    const confirmed = await api(w, referrer.session).post(`/api/ofair/proposals/${proposal.id}/confirm`)
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200)
    expect(confirmed.body).toMatchObject({
      platform_commission: { amount: '5000' },
      referrer_fee: { amount: '20000' },
      professional_net_amount: { amount: '75000' },
    })
    // the job was confirmed last month (Asia/Jerusalem): the month that has just ended
    await sql`update ofair.lead_payments set confirmed_at = ${`${LAST_MONTH}-15T10:00:00+02:00`}::timestamptz,
        completed_at = ${`${LAST_MONTH}-14T10:00:00+02:00`}::timestamptz
      where proposal_id = ${proposal.id}`.execute(database.current.db)
  })

  it('the admin runs last month on the screen and follows it to the end; a second run is refused', async () => {
    const admin = await ofairAdmin(w)
    const { page, problems } = await as(admin.session)
    await page.goto('/ofair/admin/invoices')
    await visible(page.getByTestId('start-run'))
    await hebrewRtl(page)
    await page.getByTestId('run-month').click()
    await page.getByRole('option', { name: LAST_MONTH_LABEL, exact: true }).click()
    await page.getByTestId('start-run').click()
    await visible(page.locator('[data-testid="invoice-run"][data-status="completed"]'))
    await visible(page.getByTestId('invoice-document'))
    await expect.poll(() => page.getByTestId('invoice-document').count()).toBe(3)
    await screenshot(page, 'ofair-invoices-admin-run')
    // again: the month is closed
    await page.getByTestId('start-run').click()
    await visible(page.getByText('החודש הזה כבר הופק ונסגר'))
    await screenshot(page, 'ofair-invoices-admin-closed')
    // the refused second run is the one failed request
    expect(problems.errors.filter((e) => !/409/.test(e))).toEqual([])
    // the same screen on a phone
    const phone = await as(admin.session, PHONE)
    await phone.page.goto('/ofair/admin/invoices')
    await visible(phone.page.locator('[data-testid="invoice-run"][data-status="completed"]'))
    await visible(phone.page.getByTestId('invoice-document'))
    await hebrewRtl(phone.page)
    await screenshot(phone.page, 'ofair-invoices-admin-phone')
    expect(phone.problems.errors).toEqual([])
  })

  it('the performer (exempt dealer) finds the tax invoice and the statement on the phone; the PDF says מקור', async () => {
    const performer = state.performer!
    const { page, problems } = await as(performer.session, PHONE)
    // the notice of the issued invoice links to it
    const notice = await sql<{ link: string; title: string }>`select link, title from notifications.inbox
      where user_id = ${performer.id} and type = 'ofair_invoice.issued' order by created_at limit 1`.execute(
      database.current.db,
    )
    expect(notice.rows[0]).toMatchObject({ title: 'חשבונית מס חדשה מ-OFAIR' })
    expect(notice.rows[0]!.link).toMatch(/^\/ofair\/invoices\?document=/)
    await page.goto(notice.rows[0]!.link)
    await visible(page.getByTestId('invoice-document'))
    await hebrewRtl(page)
    await expect.poll(() => page.getByTestId('invoice-document').count()).toBe(2)
    const invoice = page.locator('[data-testid="invoice-document"][data-type="tax_invoice"]')
    await expect.poll(() => invoice.innerText()).toMatch(/חשבונית מס/)
    expect(await invoice.innerText()).toMatch(/50\.00/)
    expect(await invoice.innerText()).toMatch(/9\.00/)
    expect(await invoice.innerText()).toMatch(/59\.00/)
    await screenshot(page, 'ofair-invoices-performer-phone')

    const href = await invoice.getByTestId('invoice-pdf').getAttribute('href')
    const pdf = await page.request.get(href!)
    expect(pdf.status()).toBe(200)
    expect(pdf.headers()['content-type']).toBe('application/pdf')
    const pages = pdfPages(await pdf.body(), 'ofair-invoice-performer-pdf')
    if (pages) {
      expect(pages.length).toBeGreaterThan(0)
      const text = pdfText(path.join(SCREENSHOT_DIR, 'ofair-invoice-performer-pdf.pdf'))
      if (text) {
        expect(text).toContain('חשבונית מס')
        expect(text).toContain('מקור')
        expect(text).toContain('מסמך ממוחשב')
      }
    }
    // every later rendering is a copy
    await page.goto(href!.replace(/\.pdf$/, '.html'))
    await expect.poll(() => page.locator('body').innerText()).toMatch(/העתק/)
    expect(await page.evaluate('[document.documentElement.dir, document.documentElement.lang]')).toEqual([
      'rtl',
      'he',
    ])
    await screenshot(page, 'ofair-invoice-performer-html-copy-phone')

    const statement = await api(w, performer.session).get(`/api/ofair/invoices/${performer.professionalId}`)
    const st = statement.body.data.find(
      (d: { document_type: string }) => d.document_type === 'settlement_statement',
    )
    expect(st).toMatchObject({ total: { amount: '-20000' } })
    const stPdf = await page.request.get(st.pdf_url)
    expect(stPdf.status()).toBe(200)
    pdfPages(await stPdf.body(), 'ofair-statement-performer-pdf')
    expect(problems.errors).toEqual([])
  })

  it('the referrer (a company) finds the statement of the fee earned; another professional cannot read it', async () => {
    const referrer = state.referrer!
    const { page, problems } = await as(referrer.session, PHONE)
    await page.goto('/ofair/invoices')
    await visible(page.getByTestId('invoice-document'))
    await hebrewRtl(page)
    const statement = page.locator('[data-testid="invoice-document"][data-type="settlement_statement"]')
    await expect.poll(() => statement.innerText()).toMatch(/דוח התחשבנות/)
    expect(await statement.innerText()).toMatch(/200\.00/)
    await screenshot(page, 'ofair-invoices-referrer-phone')
    const href = await statement.getByTestId('invoice-pdf').getAttribute('href')
    const pdf = await page.request.get(href!)
    expect(pdf.status()).toBe(200)
    const pages = pdfPages(await pdf.body(), 'ofair-statement-referrer-pdf')
    if (pages) {
      const text = pdfText(path.join(SCREENSHOT_DIR, 'ofair-statement-referrer-pdf.pdf'))
      if (text) expect(text).toContain('דוח התחשבנות')
    }
    // the performer's documents are not the referrer's to read
    const theirs = await api(w, referrer.session).get(
      `/api/ofair/invoices/${state.performer!.professionalId}`,
    )
    expect(theirs.status).toBe(403)
    expect(problems.errors).toEqual([])
  })
})
