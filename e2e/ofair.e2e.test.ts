import { sql } from 'kysely'
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { RunningApp } from '../apps/server/src/app.ts'
import { demoPersonasSeed } from '../apps/server/src/modules/identity/seed.ts'
import { demoOfairSeed } from '../apps/server/src/modules/ofair/seed/demo-ofair.ts'
import {
  hebrewPageAs,
  launchBrowser,
  type PageProblems,
  screenshot,
  settle,
} from '../packages/testing/src/browser.ts'
import { businessNumber, ofairPerson } from '../packages/testing/src/factories/ofair.ts'
import { sessionFor } from '../packages/testing/src/sessions.ts'
import { startTestApp } from '../packages/testing/src/test-app.ts'
import { useTestDatabase } from '../packages/testing/src/test-database.ts'

/**
 * OFAIR through its Hebrew, right-to-left screens, on a phone and on a desktop, over the demo
 * marketplace: a new professional onboards and an admin verifies him; (a) Yael's request gets two
 * proposals, she accepts one, the winner sees her phone and the other professional gets 403;
 * (b) Avi publishes a lead in the wizard and refers it to Moshe, who refers it onward to the new
 * professional, who accepts, proposes and is accepted. The steps run in order and share state.
 */
const database = useTestDatabase()
let app: RunningApp & { baseUrl: string }
let browser: Browser
const PHONE = { width: 390, height: 844 }
const PERSONAS = { yael: '050-234-5678', moshe: '052-345-6789', avi: '054-234-5678', admin: '053-234-5678' }
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5d1d3b50000000049454e44ae426082',
  'hex',
)
const state: { daniel?: { phone: string }; requestUrl?: string; leadUrl?: string } = {}
type Opened = { page: Page; context: BrowserContext; problems: PageProblems }
const opened: Opened[] = []

beforeAll(async () => {
  vi.setConfig({ expect: { poll: { timeout: 15_000, interval: 150 } } })
  app = await startTestApp(database.current.url, { env: { DEMO_MODE: 'true' } })
  await demoPersonasSeed.run(app.ctx, () => {})
  await demoOfairSeed.run(app.ctx, () => {})
  browser = await launchBrowser()
})
afterAll(async () => {
  for (const o of opened) await o.context.close().catch(() => {})
  await browser?.close()
  await app?.stop()
})

async function as(phone: string, viewport?: { width: number; height: number }): Promise<Opened> {
  const session = await sessionFor(app.ctx, { phone })
  const o = await hebrewPageAs(browser, app.baseUrl, session.token, viewport)
  opened.push(o)
  return o
}

const visible = (locator: Locator) => expect.poll(() => locator.first().isVisible()).toBe(true)

async function pick(page: Page, label: string, option: string, typed?: string) {
  const box = page.getByRole('combobox', { name: label }).first()
  await box.click()
  if (typed) await box.fill(typed)
  await page.getByRole('option', { name: option, exact: true }).first().click()
}

/** The page reads right to left in Hebrew, and no English words leak into what people see. */
async function hebrewRtl(page: Page) {
  expect(await page.evaluate('[document.documentElement.dir, document.documentElement.lang]')).toEqual([
    'rtl',
    'he',
  ])
  const text = await page.locator('main').innerText()
  const english = (text.match(/\b[A-Za-z]{3,}\b/g) ?? []).filter(
    // brand, file types and names people gave their files
    (w) => !['OFAIR', 'JPEG', 'PNG', 'WebP', 'PDF', 'png', 'CSV'].includes(w),
  )
  expect(english, text.slice(0, 400)).toEqual([])
}

describe('OFAIR in Hebrew', () => {
  it('onboards a new professional on a phone, and an admin verifies him', async () => {
    const person = await ofairPerson({ ctx: app.ctx, baseUrl: app.baseUrl }, 'consumer', 'דניאל ברקוביץ')
    state.daniel = { phone: person.phone! }
    const { page } = await as(person.phone!, PHONE)
    await page.goto('/ofair/profile')
    await visible(page.getByRole('heading', { name: 'הצטרפות כבעל מקצוע' }))
    await page.getByRole('textbox', { name: 'שם לתצוגה' }).fill('דניאל ברקוביץ')
    await pick(page, 'מקצוע', 'חשמל')
    await page.getByRole('textbox', { name: 'מספר עוסק / ח.פ.' }).fill('123456789')
    await pick(page, 'יישוב הבסיס', 'רמת גן', 'רמת גן')
    await page.getByRole('button', { name: 'שליחה לאימות' }).click()
    // a wrong check digit: a Hebrew message, nothing saved
    await visible(page.getByRole('alert').filter({ hasText: /[א-ת]/ }))
    await screenshot(page, 'ofair-onboarding-bad-number-phone')
    await page.getByRole('textbox', { name: 'מספר עוסק / ח.פ.' }).fill(businessNumber())
    await page.getByRole('button', { name: 'שליחה לאימות' }).click()
    await visible(page.getByTestId('pro-status').getByText('ממתין לאימות'))
    await settle(page)
    await hebrewRtl(page)
    await screenshot(page, 'ofair-onboarding-pending-phone')

    const admin = await as(PERSONAS.admin)
    await admin.page.goto('/ofair/admin/professionals')
    const card = admin.page.getByTestId('pending-pro').filter({ hasText: 'דניאל ברקוביץ' })
    await visible(card)
    await settle(admin.page)
    await screenshot(admin.page, 'ofair-admin-verification')
    await card.getByRole('button', { name: 'אימות' }).click()
    await expect.poll(() => card.count()).toBe(0)

    await page.reload()
    await visible(page.getByTestId('pro-status').getByText('מאומת'))

    // installable: a Hebrew right-to-left manifest with an icon, and the offline shell's worker
    const manifest = await page.evaluate(
      `fetch(document.querySelector('link[rel=manifest]').href).then((r) => r.json())`,
    )
    expect(manifest).toMatchObject({ lang: 'he', dir: 'rtl', short_name: 'OFAIR', start_url: '/ofair/leads' })
    await expect
      .poll(() =>
        page.evaluate(
          `navigator.serviceWorker.getRegistration('/ofair/').then((r) => Boolean(r && r.active))`,
        ),
      )
      .toBe(true)
  })

  it('(a) a consumer request gets two proposals; the accepted professional sees the phone, the other gets 403', async () => {
    const yael = await as(PERSONAS.yael, PHONE)
    await yael.page.goto('/ofair/request')
    await yael.page.getByRole('textbox', { name: 'מה צריך לעשות?' }).fill('החלפת לוח חשמל בדירה')
    await yael.page
      .getByRole('textbox', { name: 'פרטים' })
      .fill('לוח ישן עם נתיכים, דירת 4 חדרים בקומה שנייה.')
    await pick(yael.page, 'תחום', 'חשמל')
    await pick(yael.page, 'יישוב', 'תל אביב-יפו', 'תל אביב')
    await yael.page.getByRole('textbox', { name: 'רחוב ומספר' }).fill('דיזנגוף 50')
    await settle(yael.page)
    await hebrewRtl(yael.page)
    await screenshot(yael.page, 'ofair-request-form-phone')
    await yael.page.getByRole('button', { name: 'שליחת הבקשה' }).click()
    await expect.poll(() => yael.page.url()).toMatch(/\/ofair\/leads\/[0-9a-f-]{36}/)
    state.requestUrl = new URL(yael.page.url()).pathname
    await visible(yael.page.getByText('עוד לא התקבלו הצעות'))
    await visible(yael.page.getByTestId('request-sent'))
    await settle(yael.page)
    await screenshot(yael.page, 'ofair-request-sent-phone')

    // Moshe finds it on his board (no client details there) and proposes; Daniel too
    const moshe = await as(PERSONAS.moshe)
    await moshe.page.goto('/ofair/leads')
    await moshe.page.getByRole('radiogroup').getByText('בקשת לקוח', { exact: true }).click()
    await visible(moshe.page.getByTestId('lead-card').filter({ hasText: 'החלפת לוח חשמל בדירה' }))
    await settle(moshe.page)
    await hebrewRtl(moshe.page)
    expect(await moshe.page.locator('main').innerText()).not.toMatch(/דיזנגוף|050-234/)
    await screenshot(moshe.page, 'ofair-board-desktop')
    for (const [who, price] of [
      [moshe, '1800'],
      [await as(state.daniel!.phone), '2100'],
    ] as const) {
      await who.page.goto(state.requestUrl)
      await visible(who.page.getByTestId('client-details').getByText('יוצגו רק לבעל המקצוע'))
      await who.page.getByRole('textbox', { name: 'מחיר' }).fill(price)
      await who.page.getByRole('textbox', { name: 'מה כלול בהצעה' }).fill('כולל חומרים ואחריות לשנה.')
      if (who === moshe) {
        // a photo with the proposal (private; a signed link)
        await who.page
          .locator('input[type=file]')
          .setInputFiles({ name: 'לוח-קודם.png', mimeType: 'image/png', buffer: PNG })
        await visible(who.page.getByRole('link', { name: 'לוח-קודם.png' }))
      }
      await who.page.getByRole('button', { name: 'שליחת ההצעה' }).click()
      await visible(who.page.getByTestId('my-proposal'))
    }
    // Daniel lowers his price while the proposal is pending
    const danielPage = opened.at(-1)!.page
    await danielPage.getByTestId('my-proposal').getByRole('button', { name: 'עריכה' }).click()
    await danielPage.getByRole('textbox', { name: 'מחיר' }).fill('2000')
    await danielPage.getByRole('button', { name: 'שמירת השינויים' }).click()
    await visible(danielPage.getByTestId('my-proposal').getByText('2,000'))

    await yael.page.reload()
    await expect.poll(() => yael.page.getByTestId('proposal').count()).toBe(2)
    await visible(yael.page.getByTestId('proposal').getByRole('link', { name: 'לוח-קודם.png' }))
    await settle(yael.page)
    await screenshot(yael.page, 'ofair-my-request-proposals-phone')
    await yael.page
      .getByTestId('proposal')
      .filter({ hasText: 'משה לוי' })
      .getByRole('button', { name: 'קבלת ההצעה' })
      .click()
    await yael.page.getByRole('checkbox', { name: /אני מסכים/ }).check()
    await yael.page.getByRole('button', { name: 'קבלה ומסירת הפרטים' }).click()
    await visible(yael.page.getByTestId('lead-status').getByText('בביצוע'))

    await moshe.page.goto(state.requestUrl)
    await visible(moshe.page.getByTestId('client-phone').getByText('050-234-5678'))
    await settle(moshe.page)
    await hebrewRtl(moshe.page)
    await screenshot(moshe.page, 'ofair-client-revealed-desktop')

    const daniel = opened.at(-1)!
    await daniel.page.goto(state.requestUrl)
    await visible(daniel.page.getByTestId('client-details').getByText('יוצגו רק לבעל המקצוע'))
    const refused = await daniel.page.evaluate(async (path) => {
      const r = await fetch(`/api/ofair/leads/${path.split('/').pop()}/client`)
      return { status: r.status, body: (await r.json()) as { user_message?: string } }
    }, state.requestUrl)
    expect(refused.status).toBe(403)
    expect(refused.body.user_message).toMatch(/[א-ת]/)
    expect(JSON.stringify(await daniel.page.locator('main').innerText())).not.toContain('050-234-5678')

    const leadId = state.requestUrl.split('/').pop()!
    const logs = await sql<{ role: string; action: string; n: number }>`
      select accessor_role as role, action, count(*)::int as n from ofair.contact_access_logs
       where lead_id = ${leadId} group by 1, 2 order by 1, 2`.execute(app.ctx.db)
    expect(logs.rows.find((r) => r.role === 'owner' && r.action === 'revealed')?.n).toBe(1)
    expect(logs.rows.find((r) => r.role === 'winner' && r.action === 'viewed')?.n).toBeGreaterThanOrEqual(1)
    expect(logs.rows.every((r) => r.role !== 'admin')).toBe(true)

    // the admin's moderation screen shows who saw the client's details
    const admin = await as(PERSONAS.admin)
    await admin.page.goto('/ofair')
    await admin.page.getByRole('link', { name: 'פיקוח על לידים' }).click()
    await admin.page.getByRole('radiogroup').getByText('בביצוע', { exact: true }).click()
    const row = admin.page.getByTestId('admin-lead').filter({ hasText: 'החלפת לוח חשמל בדירה' })
    await visible(row)
    await row.getByRole('button', { name: 'יומן גישה' }).click()
    await visible(admin.page.getByRole('dialog').getByText('מסירת הפרטים'))
    await visible(admin.page.getByRole('dialog').getByText('בעל המקצוע שנבחר'))
    await settle(admin.page)
    await hebrewRtl(admin.page)
    await screenshot(admin.page, 'ofair-admin-access-log')
  })

  it('(b) a professional publishes a lead, refers it, the receiver refers onward, the last one proposes and is accepted', async () => {
    const avi = await as(PERSONAS.avi)
    await avi.page.goto('/ofair/leads/new')
    await avi.page.getByRole('textbox', { name: 'כותרת' }).fill('נזילה מתחת לכיור במטבח')
    await avi.page
      .getByRole('textbox', { name: 'תיאור קצר' })
      .fill('נזילה קבועה, הארון נרטב. דרוש תיקון השבוע.')
    await pick(avi.page, 'תחום', 'אינסטלציה')
    await pick(avi.page, 'יישוב', 'חיפה', 'חיפה')
    await avi.page.getByRole('textbox', { name: 'מועד מועדף' }).fill('השבוע')
    await settle(avi.page)
    await hebrewRtl(avi.page)
    await screenshot(avi.page, 'ofair-create-lead-step1-desktop')
    await avi.page.getByRole('button', { name: 'המשך' }).click()
    await avi.page.getByRole('textbox', { name: 'שם הלקוח' }).fill('רונן שלו')
    await avi.page.getByRole('textbox', { name: 'טלפון נייד של הלקוח' }).fill('12345')
    await avi.page.getByRole('textbox', { name: 'רחוב ומספר' }).fill('הנביאים 12')
    await avi.page.getByRole('button', { name: 'המשך' }).click()
    await avi.page.getByRole('button', { name: 'המשך' }).click()
    await avi.page.getByRole('textbox', { name: 'תקציב משוער' }).fill('2500')
    await avi.page.getByRole('button', { name: 'המשך' }).click()
    // a malformed phone: refused in Hebrew, nothing published
    await avi.page.getByRole('button', { name: 'פרסום הליד' }).click()
    await visible(avi.page.getByRole('alert').filter({ hasText: /טלפון/ }))
    await screenshot(avi.page, 'ofair-create-lead-bad-phone-desktop')
    await avi.page.getByRole('button', { name: 'פרטי הלקוח' }).click()
    await avi.page.getByRole('textbox', { name: 'טלפון נייד של הלקוח' }).fill('052-555-1234')
    for (let i = 0; i < 3; i++) await avi.page.getByRole('button', { name: 'המשך' }).click()
    await avi.page.getByRole('button', { name: 'פרסום הליד' }).click()
    await expect.poll(() => avi.page.url()).toMatch(/\/ofair\/leads\/[0-9a-f-]{36}$/)
    state.leadUrl = new URL(avi.page.url()).pathname

    await shareTo(avi.page, 'משה לוי')
    await screenshot(avi.page, 'ofair-lead-referred-desktop')

    const moshe = await as(PERSONAS.moshe, PHONE)
    await moshe.page.goto('/ofair/referrals')
    const offer = moshe.page.getByTestId('referral').filter({ hasText: 'נזילה מתחת לכיור במטבח' })
    await visible(offer)
    await settle(moshe.page)
    await hebrewRtl(moshe.page)
    await screenshot(moshe.page, 'ofair-referrals-inbox-phone')
    await offer.getByRole('button', { name: 'לוקח את העבודה' }).click()
    await visible(offer.getByText('התקבלה'))
    await moshe.page.goto(state.leadUrl)
    await shareTo(moshe.page, 'דניאל ברקוביץ', '10')

    const daniel = await as(state.daniel!.phone, PHONE)
    await daniel.page.goto('/ofair/referrals')
    const onward = daniel.page.getByTestId('referral').filter({ hasText: 'נזילה מתחת לכיור במטבח' })
    await visible(onward)
    await onward.getByRole('button', { name: 'לוקח את העבודה' }).click()
    await visible(onward.getByText('התקבלה'))
    await daniel.page.goto(state.leadUrl)
    await daniel.page.getByRole('textbox', { name: 'מחיר' }).fill('2300')
    await daniel.page.getByRole('textbox', { name: 'מה כלול בהצעה' }).fill('החלפת סיפון וצנרת, כולל חומרים.')
    await daniel.page.getByRole('button', { name: 'שליחת ההצעה' }).click()
    await visible(daniel.page.getByTestId('my-proposal'))

    await avi.page.reload()
    await avi.page
      .getByTestId('proposal')
      .filter({ hasText: 'דניאל ברקוביץ' })
      .getByRole('button', { name: 'קבלת ההצעה' })
      .click()
    await avi.page.getByRole('checkbox', { name: /אני מסכים/ }).check()
    await avi.page.getByRole('button', { name: 'קבלה ומסירת הפרטים' }).click()
    await visible(avi.page.getByTestId('lead-status').getByText('בביצוע'))
    await settle(avi.page)
    await screenshot(avi.page, 'ofair-lead-accepted-chain-desktop')

    await daniel.page.reload()
    await visible(daniel.page.getByTestId('client-phone').getByText('052-555-1234'))
    await settle(daniel.page)
    await hebrewRtl(daniel.page)
    await screenshot(daniel.page, 'ofair-chain-winner-revealed-phone')
    // the owner marks the job done with its final amount; the chain that brought it completes
    await avi.page.reload()
    await avi.page.getByRole('button', { name: 'העבודה הושלמה' }).click()
    await avi.page.getByRole('textbox', { name: 'סכום סופי' }).fill('2300')
    await avi.page.getByRole('button', { name: 'סימון כהושלמה' }).click()
    await visible(avi.page.getByTestId('lead-status').getByText('סגור'))
    await settle(avi.page)
    await screenshot(avi.page, 'ofair-lead-completed-desktop')
    const chain = await sql<{ level: number; status: string; commission_bps: number }>`
      select level, status, commission_bps from ofair.referrals where lead_id = ${state.leadUrl.split('/').pop()!}
       order by level`.execute(app.ctx.db)
    expect(chain.rows).toEqual([
      { level: 1, status: 'completed', commission_bps: 2000 },
      { level: 2, status: 'completed', commission_bps: 1000 },
    ])
  })
})

/** Opens the refer dialog, finds a professional by name (any trade) and refers the lead. */
async function shareTo(page: Page, name: string, percent?: string) {
  await page.getByRole('button', { name: 'הפניה לבעל מקצוע' }).click()
  const dialog = page.getByRole('dialog')
  await dialog.getByRole('checkbox', { name: /^רק מתחום/ }).uncheck()
  await dialog.getByRole('textbox', { name: 'חיפוש בעל מקצוע לפי שם' }).fill(name)
  await dialog.getByRole('checkbox', { name: new RegExp(`^${name} ·`) }).check()
  if (percent) await dialog.getByRole('textbox', { name: 'העמלה שלי' }).fill(percent)
  await settle(page)
  await screenshot(page, `ofair-share-dialog-${percent ? 'onward' : 'first'}`)
  await dialog.getByRole('button', { name: /^הפניה ל/ }).click()
  await expect.poll(() => dialog.count()).toBe(0)
}
