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
  makeConsumerLead,
  makeProfessional,
  makeProLead,
  type OfairPerson,
  ofairAdmin,
  ofairPerson,
  propose,
} from '../packages/testing/src/factories/ofair.ts'
import { startTestApp } from '../packages/testing/src/test-app.ts'
import { useTestDatabase } from '../packages/testing/src/test-database.ts'

/**
 * OFAIR's back office through its Hebrew screens: the admin finds a lead by a word of its title,
 * opens the analytics (charts drawn), suspends a consumer with a reason (their session ends), and
 * resolves a dispute from the queue after reading the job, the amounts and both sides.
 */
const database = useTestDatabase()
let app: RunningApp & { baseUrl: string }
let browser: Browser
let w: World
let admin: OfairPerson
const PHONE = { width: 390, height: 844 }
type Opened = { page: Page; context: BrowserContext; problems: PageProblems }
const opened: Opened[] = []

beforeAll(async () => {
  vi.setConfig({ expect: { poll: { timeout: 15_000, interval: 150 } } })
  app = await startTestApp(database.current.url)
  w = { ctx: app.ctx, baseUrl: app.baseUrl }
  browser = await launchBrowser()
  admin = await ofairAdmin(w)
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

const overflow = (page: Page) =>
  page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth')

const realErrors = (o: Opened) => o.problems.errors

describe('OFAIR admin back office', () => {
  it('finds a lead by a word of its title, on a desktop and on a phone', async () => {
    const consumer = await ofairPerson(w, 'consumer', 'רונית כהן')
    await makeConsumerLead(w, consumer, { title: 'תיקון דוד שמש בגג', category_id: 'plumbing' })
    await makeConsumerLead(w, consumer, { title: 'צביעת סלון', category_id: 'plumbing' })
    const desk = await as(admin)
    await desk.page.goto('/ofair/admin/leads')
    await expect.poll(() => desk.page.evaluate<string>('document.documentElement.dir')).toBe('rtl')
    await desk.page.getByTestId('lead-search').fill('דוד שמש')
    await expect.poll(() => desk.page.getByTestId('admin-lead').count()).toBe(1)
    expect(await desk.page.getByTestId('admin-lead').innerText()).toContain('תיקון דוד שמש בגג')
    await settle(desk.page)
    await screenshot(desk.page, 'ofair-admin-leads-search-desktop')

    const phone = await as(admin, PHONE)
    await phone.page.goto('/ofair/admin/leads')
    await expect.poll(() => phone.page.getByTestId('admin-lead').count()).toBeGreaterThan(1)
    await settle(phone.page)
    expect(await overflow(phone.page)).toBeLessThanOrEqual(0)
    await screenshot(phone.page, 'ofair-admin-leads-phone')
    expect(realErrors(desk)).toEqual([])
    expect(realErrors(phone)).toEqual([])
  })

  it('opens the analytics: totals, both charts drawn, the table by city', async () => {
    const o = await as(admin)
    await o.page.goto('/ofair/admin/analytics')
    await expect
      .poll(() => o.page.locator('[data-testid="chart-periods"] .recharts-bar-rectangle').count())
      .toBeGreaterThan(0)
    await expect
      .poll(() => o.page.locator('[data-testid="chart-groups"] .recharts-bar-rectangle').count())
      .toBeGreaterThan(0)
    await o.page.getByText('יישוב', { exact: true }).last().click()
    await expect.poll(() => o.page.getByTestId('analytics-table').innerText()).toMatch(/תל אביב/)
    await settle(o.page)
    await screenshot(o.page, 'ofair-admin-analytics-desktop')
    const phone = await as(admin, PHONE)
    await phone.page.goto('/ofair/admin/analytics')
    await expect.poll(() => phone.page.locator('.recharts-bar-rectangle').count()).toBeGreaterThan(0)
    await settle(phone.page)
    expect(await overflow(phone.page)).toBeLessThanOrEqual(0)
    await screenshot(phone.page, 'ofair-admin-analytics-phone')
    expect(realErrors(o)).toEqual([])
  })

  it('suspends a consumer with a reason: the badge changes and their session ends', async () => {
    const victim = await ofairPerson(w, 'consumer', 'יוסי מטריד')
    expect((await api(w, victim.session).get('/api/account/sessions')).status).toBe(200)
    const o = await as(admin, PHONE)
    await o.page.goto('/ofair/admin/users')
    await o.page.getByTestId('user-search').fill('יוסי מטריד')
    await expect.poll(() => o.page.getByTestId('admin-user').count()).toBe(1)
    await o.page.getByTestId('admin-user').getByRole('button', { name: 'השעיה' }).click()
    await o.page.getByRole('dialog').getByRole('textbox').fill('הטרדה חוזרת של בעלי מקצוע')
    await settle(o.page)
    await screenshot(o.page, 'ofair-admin-suspend-modal-phone')
    await o.page.getByRole('dialog').getByRole('button', { name: 'אישור' }).click()
    await expect.poll(() => o.page.getByTestId('admin-user').innerText()).toContain('מושעה')
    expect(await o.page.getByTestId('admin-user').innerText()).toContain('הטרדה חוזרת של בעלי מקצוע')
    expect((await api(w, victim.session).get('/api/account/sessions')).status).toBe(401)
    await settle(o.page)
    expect(await overflow(o.page)).toBeLessThanOrEqual(0)
    await screenshot(o.page, 'ofair-admin-users-phone')

    // the admin reads the person's contacts with a reason: shown, and in the log of admins' reads
    await o.page.getByTestId('admin-user').getByRole('button', { name: 'הצגת פרטי קשר' }).click()
    await o.page.getByRole('dialog').getByRole('textbox').fill('בירור תלונה של בעל מקצוע')
    await o.page.getByRole('dialog').getByRole('button', { name: 'אישור' }).click()
    await expect.poll(() => o.page.getByTestId('user-contacts').innerText()).toContain(victim.phone!)
    await o.page.goto('/ofair/admin/pii-log')
    await o.page.getByRole('tab', { name: 'קריאות של מנהלים' }).click()
    await expect
      .poll(() => o.page.getByTestId('pii-reads-table').innerText())
      .toContain('בירור תלונה של בעל מקצוע')
    expect(await o.page.getByTestId('pii-reads-table').innerText()).toContain('יוסי מטריד')
    await settle(o.page)
    expect(await overflow(o.page)).toBeLessThanOrEqual(0)
    await screenshot(o.page, 'ofair-admin-pii-log-phone')
    expect(realErrors(o)).toEqual([])
  })

  it('resolves a dispute from the queue after reading the job, amounts and both sides', async () => {
    const owner = await makeProfessional(w, { display_name: 'אבי מזרחי' }, { name: 'אבי מזרחי' })
    const performer = await makeProfessional(w, { display_name: 'משה לוי' }, { name: 'משה לוי' })
    const lead = await makeProLead(w, owner, { title: 'החלפת לוח חשמל', referrer_share_percentage: 20 })
    const proposal = await propose(w, performer, lead.id, '100000')
    expect(
      (await api(w, owner.session).post(`/api/ofair/proposals/${proposal.id}/accept`, { consent: true }))
        .status,
    ).toBe(200)
    expect(
      (
        await api(w, performer.session).post(`/api/ofair/proposals/${proposal.id}/complete`, {
          final_amount: { amount: '100000', currency: 'ILS' },
        })
      ).status,
    ).toBe(200)
    // they talked in the lead's chat before the dispute
    const chat = await api(w, owner.session).post(`/api/ofair/proposals/${proposal.id}/chat`)
    expect(chat.status).toBe(200)
    for (const [who, text] of [
      [owner, 'שני מעגלים לא עובדים מאז ההחלפה'],
      [performer, 'אבוא מחר בבוקר לבדוק'],
    ] as const)
      expect(
        (await api(w, who.session).post(`/api/conversations/${chat.body.conversation_id}/messages`, { text }))
          .status,
      ).toBe(201)
    expect(
      (
        await api(w, owner.session).post(`/api/ofair/proposals/${proposal.id}/dispute`, {
          reason: 'הלוח הוחלף אבל שני מעגלים לא עובדים',
        })
      ).status,
    ).toBe(200)

    // the performer gives their side on the lead's page, in the browser
    const pro = await as(performer)
    await pro.page.goto(`/ofair/leads/${lead.id}`)
    await pro.page
      .getByLabel('הצד שלכם')
      .fill('שני המעגלים היו תקולים עוד לפני ההחלפה; הצעתי לתקן אותם בלי תשלום נוסף')
    await pro.page.getByRole('button', { name: 'שליחת התגובה' }).click()
    await expect.poll(() => pro.page.getByTestId('dispute-response').count()).toBe(1)
    expect(await pro.page.getByLabel('הצד שלכם').count()).toBe(0)
    await settle(pro.page)
    await screenshot(pro.page, 'ofair-dispute-answered-performer')
    expect(realErrors(pro)).toEqual([])

    const o = await as(admin)
    await o.page.goto('/ofair/admin/disputes')
    const row = o.page.getByTestId('dispute-row').filter({ hasText: 'החלפת לוח חשמל' })
    await expect.poll(() => row.count()).toBe(1)
    expect(await row.innerText()).toMatch(/פתוחה 0 ימים/)
    await row.getByRole('link', { name: 'פתיחה' }).click()
    // the chat, as typed, with who wrote what (the read is logged)
    await expect.poll(() => o.page.getByTestId('transcript-thread').count()).toBe(1)
    const transcript = await o.page.getByTestId('transcript-panel').innerText()
    expect(transcript).toContain('שני מעגלים לא עובדים מאז ההחלפה')
    expect(transcript).toContain('אבוא מחר בבוקר לבדוק')
    expect(transcript).toContain('משה לוי')
    const body = await o.page.locator('main').innerText()
    expect(body).toContain('הלוח הוחלף אבל שני מעגלים לא עובדים')
    expect(body).toContain('שני המעגלים היו תקולים עוד לפני ההחלפה')
    expect(body).toMatch(/1,000/)
    await settle(o.page)
    await screenshot(o.page, 'ofair-admin-dispute-detail-desktop')

    const phone = await as(admin, PHONE)
    await phone.page.goto(o.page.url())
    await expect.poll(() => phone.page.getByTestId('transcript-panel').count()).toBe(1)
    await settle(phone.page)
    expect(await overflow(phone.page)).toBeLessThanOrEqual(0)
    await screenshot(phone.page, 'ofair-admin-dispute-detail-phone')

    await o.page.getByText('שחרור התשלום', { exact: true }).click()
    await o.page.getByLabel('נימוק').fill('החשמלאי חזר ותיקן את המעגלים, לפי שני הצדדים')
    await o.page.getByRole('button', { name: 'הכרעה במחלוקת' }).click()
    await expect.poll(() => o.page.getByTestId('dispute-resolved').count()).toBe(1)
    expect(await o.page.getByTestId('dispute-resolved').innerText()).toContain('שחרור התשלום')
    await settle(o.page)
    await screenshot(o.page, 'ofair-admin-dispute-resolved-desktop')
    const payment = await api(w, admin.session).get(`/api/ofair/leads/${lead.id}/payment`)
    expect(payment.body.status).not.toBe('disputed')
    expect(realErrors(o)).toEqual([])
    expect(realErrors(phone)).toEqual([])
  })
})
