import { type IlPspTestServer, startIlPspTestServer } from '@app/il-psp-test-server'
import { sql } from 'kysely'
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { RunningApp } from '../apps/server/src/app.ts'
import { inTransaction, systemActor } from '../apps/server/src/kernel/db/transaction.ts'
import { post } from '../apps/server/src/modules/ledger/index.ts'
import { collectionAccount } from '../apps/server/src/modules/ofair/collection/book.ts'
import { httpGateway } from '../apps/server/src/modules/ofair/collection/gateway.ts'
import { OFAIR_BOOK, ofairAccount } from '../apps/server/src/modules/ofair/settlement/index.ts'
import {
  hebrewPageAs,
  launchBrowser,
  type PageProblems,
  screenshot,
  settle,
} from '../packages/testing/src/browser.ts'
import { api, type World } from '../packages/testing/src/factories/index.ts'
import { makeProfessional, ofairAdmin } from '../packages/testing/src/factories/ofair.ts'
import type { TestSession } from '../packages/testing/src/sessions.ts'
import { startTestApp } from '../packages/testing/src/test-app.ts'
import { useTestDatabase } from '../packages/testing/src/test-database.ts'

/**
 * OFAIR's payment-provider side through its Hebrew screens: a professional adds a card on the
 * provider's hosted page (the local Israeli-gateway test server) and sees it saved by brand and
 * last 4 digits, sets autopay and bank details; an admin sees a collection alert and builds,
 * downloads and settles a bank-transfer batch.
 */
const database = useTestDatabase()
let app: RunningApp & { baseUrl: string }
let psp: IlPspTestServer
let browser: Browser
let w: World
const PHONE = { width: 390, height: 844 }
type Opened = { page: Page; context: BrowserContext; problems: PageProblems }
const opened: Opened[] = []

beforeAll(async () => {
  vi.setConfig({ expect: { poll: { timeout: 15_000, interval: 150 } } })
  psp = await startIlPspTestServer()
  app = await startTestApp(database.current.url)
  ;(app.ctx.config.http as { publicUrl: string }).publicUrl = app.baseUrl
  app.ctx.services.ofairGateway = httpGateway({
    url: psp.url,
    terminal: psp.terminal,
    apiName: psp.apiName,
    webhookSecret: psp.webhookSecret,
  })
  w = { ctx: app.ctx, baseUrl: app.baseUrl }
  browser = await launchBrowser()
})
afterAll(async () => {
  for (const o of opened) await o.context.close().catch(() => {})
  await browser?.close()
  await app?.stop()
  await psp?.stop()
})

async function as(session: TestSession, viewport?: { width: number; height: number }): Promise<Opened> {
  const o = await hebrewPageAs(browser, app.baseUrl, session.token, viewport)
  opened.push(o)
  return o
}

const visible = (locator: Locator) => expect.poll(() => locator.first().isVisible()).toBe(true)

async function hebrewRtl(page: Page) {
  expect(await page.evaluate('[document.documentElement.dir, document.documentElement.lang]')).toEqual([
    'rtl',
    'he',
  ])
  const text = await page.locator('main').innerText()
  const english = (text.match(/\b[A-Za-z]{3,}\b/g) ?? []).filter((w) => !['OFAIR', 'CSV'].includes(w))
  expect(english, text.slice(0, 400)).toEqual([])
}

const book = (key: string, lines: Parameters<typeof post>[1]['lines']) =>
  inTransaction(app.ctx.db, systemActor('test'), (tx) =>
    post(tx, {
      book: OFAIR_BOOK,
      idempotencyKey: `e2e:${key}`,
      kind: 'test.setup',
      reference: { type: 'test', id: key },
      description: 'e2e set-up',
      effectiveAt: new Date(),
      lines,
    }),
  )

describe('OFAIR payments in Hebrew', () => {
  it('a professional adds a card through the hosted page on a phone and sees it saved', async () => {
    const pro = await makeProfessional(w, {}, { name: 'רונית שמש' })
    const { page, problems } = await as(pro.session, PHONE)
    await page.goto('/ofair/payment-method')
    await visible(page.getByText('עדיין לא שמרתם כרטיס.'))
    await settle(page)
    await hebrewRtl(page)
    await screenshot(page, 'ofair-payment-method-empty-phone')

    await page.getByRole('button', { name: 'הוספת כרטיס' }).click()
    // the provider's page (another origin): the card number is typed there, never into OFAIR
    await page.waitForURL((url) => url.origin === new URL(psp.url).origin)
    await visible(page.getByRole('heading', { name: 'דף תשלום מאובטח' }))
    await page.getByLabel('מספר כרטיס').fill('5326 1402 8077 9844')
    await page.getByLabel('תוקף (MM/YY)').fill('08/29')
    await screenshot(page, 'ofair-payment-hosted-page-phone')
    await page.getByRole('button', { name: 'שמירת הכרטיס' }).click()

    await page.waitForURL((url) => url.pathname === '/ofair/payment-method')
    await visible(page.getByText('הכרטיס נשמר.'))
    const card = page.getByTestId('saved-card')
    await visible(card.getByText('•••• 9844'))
    await visible(card.getByText('מאסטרקארד', { exact: false }))
    expect(await page.getByRole('switch', { name: 'חיוב אוטומטי של יתרת חוב' }).isChecked()).toBe(true)
    const stored = await sql<{ n: number }>`select count(*)::int as n from ofair.payment_methods
      where professional_id = ${pro.professionalId} and status = 'active' and last4 = '9844'`.execute(
      database.current.db,
    )
    expect(stored.rows[0]!.n).toBe(1)

    // autopay off, bank details for payouts
    await page.getByRole('switch', { name: 'חיוב אוטומטי של יתרת חוב' }).click({ force: true })
    await expect
      .poll(() => page.getByRole('switch', { name: 'חיוב אוטומטי של יתרת חוב' }).isChecked())
      .toBe(false)
    await page.getByRole('textbox', { name: 'מספר בנק' }).fill('12')
    await page.getByRole('textbox', { name: 'מספר סניף' }).fill('601')
    await page.getByRole('textbox', { name: 'מספר חשבון' }).fill('4455667')
    await page.getByRole('button', { name: 'שמירה' }).click()
    await visible(page.getByText('ההעדפה נשמרה.'))
    await visible(page.getByText('••••5667'))
    await settle(page)
    await hebrewRtl(page)
    await screenshot(page, 'ofair-payment-method-saved-phone')
    expect(problems.errors).toEqual([])
  })

  it('an admin sees a collection alert and settles a bank-transfer batch', async () => {
    const [debtor, owed] = await Promise.all([
      makeProfessional(w, { display_name: 'יוסי חובות' }),
      makeProfessional(w, { display_name: 'מיכל זכאית' }),
    ])
    // the debtor owes ₪420 and every retry failed; the other is owed ₪1,250 and chose a transfer
    await book(`debt:${debtor.professionalId}`, [
      {
        account: ofairAccount.proBalance(debtor.professionalId),
        direction: 'debit',
        amount: 42_000n,
        currency: 'ILS',
      },
      {
        account: ofairAccount.commissionRevenue('e2e'),
        direction: 'credit',
        amount: 42_000n,
        currency: 'ILS',
      },
    ])
    await sql`insert into ofair.collection_cases (professional_id, status, attempts, last_error, alerted_at)
      values (${debtor.professionalId}, 'alerted', 4, '51 Declined: insufficient funds', now())`.execute(
      database.current.db,
    )
    await book(`credit:${owed.professionalId}`, [
      { account: collectionAccount.platformBank(), direction: 'debit', amount: 125_000n, currency: 'ILS' },
      {
        account: ofairAccount.proBalance(owed.professionalId),
        direction: 'credit',
        amount: 125_000n,
        currency: 'ILS',
      },
    ])
    await api(w, owed.session).put('/api/ofair/payouts/preference', {
      method: 'bank_transfer',
      bank: { bank_code: '10', branch_code: '912', account_number: '11223344' },
    })

    const admin = await ofairAdmin(w)
    const { page, problems } = await as(admin.session)
    await page.goto('/ofair/admin/collection')
    const alert = page.getByTestId('collection-alert').filter({ hasText: 'יוסי חובות' })
    await visible(alert)
    await visible(alert.getByText('4 ניסיונות חיוב'))
    await page.getByRole('button', { name: 'יצירת מנה של העברות שמגיעות' }).click()
    const batch = page.getByTestId('payout-batch').first()
    await visible(batch.getByText('מיכל זכאית'))
    await visible(batch.getByText('10-912-••••3344'))
    const csvLink = batch.getByRole('link', { name: 'הורדת קובץ לבנק (CSV)' })
    const csv = await page.request.get(app.baseUrl + (await csvLink.getAttribute('href'))!)
    expect(await csv.text()).toContain('10,912,11223344,1250.00,pending')
    await settle(page)
    await screenshot(page, 'ofair-admin-collection-desktop')
    await batch
      .getByRole('row')
      .filter({ hasText: 'מיכל זכאית' })
      .getByRole('button', { name: 'שולם' })
      .click()
    await visible(batch.getByText('הועבר'))
    await settle(page)
    await screenshot(page, 'ofair-admin-collection-paid-desktop')
    expect(problems.errors).toEqual([])

    // the professional sees the transfer in the history
    const { page: proPage } = await as(owed.session, PHONE)
    await proPage.goto('/ofair/payment-method')
    await visible(proPage.getByText('הועבר'))
    await settle(proPage)
    await hebrewRtl(proPage)
    await screenshot(proPage, 'ofair-payout-history-phone')
  })
})
