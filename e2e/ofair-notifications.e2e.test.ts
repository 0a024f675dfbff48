import { sql } from 'kysely'
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { RunningApp } from '../apps/server/src/app.ts'
import { launchBrowser, newPage, type PageProblems, screenshot } from '../packages/testing/src/browser.ts'
import type { World } from '../packages/testing/src/factories/index.ts'
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
})
