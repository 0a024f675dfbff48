import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { sql } from 'kysely'
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { RunningApp } from '../apps/server/src/app.ts'
import { inTransaction, systemActor } from '../apps/server/src/kernel/db/transaction.ts'
import { notify } from '../apps/server/src/modules/notifications/index.ts'
import { launchBrowser, newPage, type PageProblems, screenshot } from '../packages/testing/src/browser.ts'
import type { World } from '../packages/testing/src/factories/index.ts'
import { api } from '../packages/testing/src/factories/index.ts'
import { ofairPerson } from '../packages/testing/src/factories/ofair.ts'
import type { TestSession } from '../packages/testing/src/sessions.ts'
import { startTestApp } from '../packages/testing/src/test-app.ts'
import { useTestDatabase } from '../packages/testing/src/test-database.ts'

/**
 * OFAIR's notification settings on a phone (390 px, Hebrew, right to left): a professional turns
 * WhatsApp on for one event and SMS off for another, moves the quiet hours, saves, and finds it
 * all saved after a reload.
 */
const database = useTestDatabase()
let app: RunningApp & { baseUrl: string }
let w: World
let browser: Browser
const PHONE = { width: 390, height: 844 }
type Opened = { page: Page; context: BrowserContext; problems: PageProblems }
const opened: Opened[] = []
// A WhatsApp provider that refuses every message (400), so that deliveries fail for the admin to see.
let refusingWhatsApp: http.Server

beforeAll(async () => {
  vi.setConfig({ expect: { poll: { timeout: 20_000, interval: 200 } } })
  refusingWhatsApp = http.createServer((req, res) => {
    req.resume()
    req.on('end', () =>
      res
        .writeHead(400, { 'content-type': 'application/json' })
        .end(JSON.stringify({ error: { message: 'Template name does not exist in the translation' } })),
    )
  })
  await new Promise<void>((resolve) => refusingWhatsApp.listen(0, '127.0.0.1', resolve))
  const port = (refusingWhatsApp.address() as AddressInfo).port
  app = await startTestApp(database.current.url, {
    env: { DEMO_MODE: 'true', WHATSAPP_PROVIDER_URL: `http://127.0.0.1:${port}/messages` },
  })
  w = { ctx: app.ctx, baseUrl: app.baseUrl }
  browser = await launchBrowser()
})
afterAll(async () => {
  for (const o of opened) await o.context.close().catch(() => {})
  await browser?.close()
  await app?.stop()
  await new Promise((resolve) => refusingWhatsApp?.close(resolve))
})

async function as(session: TestSession): Promise<Opened> {
  const o = await newPage(browser, {
    baseURL: app.baseUrl,
    locale: 'he-IL',
    timezoneId: 'Asia/Jerusalem',
    viewport: PHONE,
  })
  await o.context.addCookies([{ name: 'sid', value: session.token, url: app.baseUrl }])
  opened.push(o)
  return o
}

const visible = (locator: Locator) => expect.poll(() => locator.first().isVisible()).toBe(true)

describe('OFAIR notification settings', () => {
  it('toggle a channel, set quiet hours, save: saved, in Hebrew RTL at 390 px', async () => {
    const pro = await ofairPerson(w, 'professional', 'מיכל אינסטלציה')
    const { page, problems } = await as(pro.session)
    await page.goto('/ofair/settings')
    await visible(page.getByRole('heading', { name: 'הגדרות התראות' }))
    expect(await page.evaluate('[document.documentElement.dir, document.documentElement.lang]')).toEqual([
      'rtl',
      'he',
    ])
    await screenshot(page, 'ofair-notifications-settings-before')

    const whatsapp = page.getByRole('switch', { name: 'WhatsApp עבור: הופנתה אליכם עבודה' })
    const sms = page
      .getByRole('switch', { name: 'SMS עבור: ההצעה שלכם' })
      .or(page.getByRole('switch', { name: 'SMS עבור: התקבלה החלטה על הצעה ששלחתם' }))
    expect(await whatsapp.isChecked()).toBe(false)
    expect(await sms.first().isChecked()).toBe(true)
    await whatsapp.click({ force: true })
    await sms.first().click({ force: true })
    await page.getByLabel('מתחילות ב-').fill('23:00')
    await page.getByLabel('מסתיימות ב-').fill('06:30')
    await page.getByRole('button', { name: 'שמירה' }).click()
    await visible(page.getByText('ההגדרות נשמרו'))

    // nothing wider than the phone
    const overflow = await page.evaluate(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    )
    expect(overflow).toBeLessThanOrEqual(0)
    await screenshot(page, 'ofair-notifications-settings-saved')

    const rows = await sql<{ event_type: string; whatsapp: boolean | null; sms: boolean | null }>`
      select event_type, whatsapp, sms from notifications.preferences where user_id = ${pro.id}`.execute(
      database.current.db,
    )
    expect(rows.rows.find((r) => r.event_type === 'ofair_referral.offered')).toMatchObject({ whatsapp: true })
    expect(rows.rows.find((r) => r.event_type === 'ofair_proposal.decided')).toMatchObject({ sms: false })

    await page.reload()
    await visible(page.getByRole('heading', { name: 'הגדרות התראות' }))
    await expect.poll(() => page.getByLabel('מתחילות ב-').inputValue()).toBe('23:00')
    expect(await page.getByLabel('מסתיימות ב-').inputValue()).toBe('06:30')
    expect(await page.getByRole('switch', { name: 'WhatsApp עבור: הופנתה אליכם עבודה' }).isChecked()).toBe(
      true,
    )
    expect(problems.errors).toEqual([])
  })

  it('an admin sees the WhatsApp message that failed, with the provider’s answer', async () => {
    const pro = await ofairPerson(w, 'professional', 'יוסי חשמל')
    const me = api(w, pro.session)
    // WhatsApp on, and no quiet hours (the test may run at night in Israel)
    expect(
      (
        await me.put('/api/notifications/preferences', {
          preferences: [{ event_type: 'ofair_proposal.decided', channels: { whatsapp: true } }],
        })
      ).status,
    ).toBe(200)
    expect(
      (
        await me.put('/api/notifications/settings', {
          quiet_hours: { enabled: false, start: '22:00', end: '07:00' },
        })
      ).status,
    ).toBe(200)
    await inTransaction(app.ctx.db, systemActor('e2e'), (tx) =>
      notify(app.ctx, tx, [
        {
          kind: 'ofair_proposal.decided',
          userId: pro.id,
          title: 'ההצעה שלכם לעבודה "תיקון דוד" התקבלה',
          body: 'בעל העבודה בחר בהצעה שלכם.',
          link: '/ofair/offers',
          sourceId: crypto.randomUUID(),
        },
      ]),
    )
    const admin = await ofairPerson(w, 'ofair_admin', 'מנהלת המערכת')
    const { page, problems } = await as(admin.session)
    await page.setViewportSize({ width: 1280, height: 800 })
    await page.goto('/ofair/admin/notifications')
    await visible(page.getByRole('heading', { name: 'משלוח הודעות' }))
    const row = page.getByTestId('deliveries-table').getByRole('row').filter({ hasText: 'יוסי חשמל' })
    await expect
      .poll(async () => {
        await page.reload()
        return row.first().isVisible()
      })
      .toBe(true)
    await visible(row.getByText('וואטסאפ'))
    await visible(row.getByText('נכשלה'))
    await visible(row.getByText(/WhatsApp provider answered 400/))
    await screenshot(page, 'ofair-admin-deliveries-failed')
    expect(problems.errors).toEqual([])
  })

  it('the opt-out link of a marketing message: opening it changes nothing, the button unsubscribes', async () => {
    const pro = await ofairPerson(w, 'professional', 'דנה גינון')
    const me = api(w, pro.session)
    expect((await me.put('/api/notifications/settings', { marketing_opt_in: true })).status).toBe(200)
    const token = (
      await sql<{
        token: string
      }>`select unsubscribe_token::text as token from notifications.settings where user_id = ${pro.id}`.execute(
        database.current.db,
      )
    ).rows[0]?.token
    expect(token).toBeTruthy()
    const { page, problems } = await as(pro.session)
    await page.goto(`/notifications/unsubscribe?token=${token}`)
    await visible(page.getByRole('heading', { name: 'הסרה מרשימת הדיוור' }))
    expect((await me.get('/api/notifications/settings')).body.marketing.opted_in).toBe(true)
    await screenshot(page, 'notifications-unsubscribe-before')
    await page.getByRole('button', { name: /Unsubscribe me/ }).click()
    await visible(page.getByRole('status'))
    expect((await me.get('/api/notifications/settings')).body.marketing.opted_in).toBe(false)
    await screenshot(page, 'notifications-unsubscribe-done')
    expect(problems.errors).toEqual([])
  })
})
