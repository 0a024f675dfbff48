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
  type OfairPerson,
  ofairAdmin,
  ofairPerson,
  propose,
  type TestProfessional,
} from '../packages/testing/src/factories/ofair.ts'
import { startTestApp } from '../packages/testing/src/test-app.ts'
import { useTestDatabase } from '../packages/testing/src/test-database.ts'

/**
 * OFAIR III ratings and projects through the Hebrew screens: the performer follows the project
 * (milestones, an update) and completes the job, the owner confirms and rates it (a `<script>` in
 * the text stays text), the professional replies, the review and the rating appear on the public
 * page, and an admin hides it with a reason.
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

/** No element wider than the phone's screen. */
const overflow = (page: Page) =>
  page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth')

const REVIEW = 'עבודה מעולה ומהירה <script>window.pwned=1</script>'

describe('OFAIR reviews and projects screens', () => {
  let owner: OfairPerson
  let performer: TestProfessional
  let leadId: string
  let proposalId: string

  it('the performer follows the project on a phone: a milestone started and done, an update posted', async () => {
    owner = await ofairPerson(w, 'consumer', 'יעל כהן')
    performer = await makeProfessional(w, { display_name: 'משה לוי חשמל' }, { name: 'משה לוי' })
    const lead = await makeConsumerLead(w, owner, { title: 'החלפת שקעים בסלון', category_id: 'electricity' })
    leadId = lead.id
    proposalId = (await propose(w, performer, leadId, '60000')).id
    expect(
      (await api(w, owner.session).post(`/api/ofair/proposals/${proposalId}/accept`, { consent: true }))
        .status,
    ).toBe(200)

    const pro = await as(performer, PHONE)
    await pro.page.goto(`/ofair/leads/${leadId}`)
    const project = pro.page.getByTestId('project')
    await expect.poll(() => project.count()).toBe(1)
    await project.getByLabel('שלב חדש').fill('פירוק השקעים הישנים')
    await project.getByRole('button', { name: 'הוספה' }).click()
    await expect.poll(() => project.getByTestId('milestones').innerText()).toContain('פירוק השקעים הישנים')
    await project.getByRole('button', { name: 'התחלה' }).click()
    await expect.poll(() => project.getByTestId('milestones').innerText()).toContain('בביצוע')
    await project.getByRole('button', { name: 'סיום' }).click()
    await expect.poll(() => project.getByTestId('milestones').innerText()).toContain('הושלם')
    await project.getByLabel('עדכון ללקוח').fill('השקעים הוחלפו, נשאר רק לבדוק את הלוח.')
    await project.getByRole('button', { name: 'פרסום עדכון' }).click()
    await expect.poll(() => project.getByTestId('project-updates').innerText()).toContain('השקעים הוחלפו')
    await settle(pro.page)
    expect(await overflow(pro.page)).toBeLessThanOrEqual(0)
    await screenshot(pro.page, 'ofair-project-performer-phone')
    // the settlement card asks for the job's payment, a 404 until the job is marked done
    expect(pro.problems.errors.filter((e) => !e.includes('status of 404'))).toEqual([])
  })

  it('complete → confirm → the owner rates the job; the professional replies', async () => {
    const done = await api(w, performer.session).post(`/api/ofair/proposals/${proposalId}/complete`, {
      final_amount: { amount: '60000', currency: 'ILS' },
    })
    expect(done.status).toBe(200)
    const own = await as(owner, PHONE)
    await own.page.goto(`/ofair/leads/${leadId}`)
    // the owner sees the project read-only: the update and the milestone, no buttons to move it
    await expect.poll(() => own.page.getByTestId('project-updates').innerText()).toContain('השקעים הוחלפו')
    expect(await own.page.getByRole('button', { name: 'התחלה' }).count()).toBe(0)
    await own.page.getByRole('button', { name: 'אישור שהעבודה בוצעה' }).click()
    const form = own.page.getByTestId('rate-form')
    await expect.poll(() => form.count()).toBe(1)
    await settle(own.page)
    await screenshot(own.page, 'ofair-rate-job-phone')
    // four stars (Mantine's rating is a group of radio inputs, one per value)
    const four = await form.locator('input[type="radio"][value="4"]').getAttribute('id')
    await form.locator(`label[for="${four}"]`).click()
    await form.getByLabel('כמה מילים (לא חובה)').fill(REVIEW)
    await form.getByRole('button', { name: 'שליחת הדירוג' }).click()
    const card = own.page.getByTestId('job-review')
    await expect.poll(() => card.getByTestId('review').innerText()).toContain('<script>')
    expect(await own.page.evaluate('typeof window.pwned')).toBe('undefined')
    expect(await card.getByTestId('review').innerText()).toContain('יעל · תל אביב-יפו')
    expect(await overflow(own.page)).toBeLessThanOrEqual(0)
    await settle(own.page)
    await screenshot(own.page, 'ofair-job-rated-phone')
    expect(own.problems.errors).toEqual([])

    const pro = await as(performer)
    await pro.page.goto(`/ofair/leads/${leadId}`)
    const box = pro.page.getByTestId('reply-box')
    await expect.poll(() => box.count()).toBe(1)
    await box.getByLabel('תגובה לחוות הדעת').fill('תודה רבה יעל, שמחתי לעזור!')
    await box.getByRole('button', { name: 'פרסום התגובה' }).click()
    await expect.poll(() => pro.page.getByTestId('review-reply').innerText()).toContain('שמחתי לעזור')
    expect(await pro.page.getByTestId('reply-box').count()).toBe(0)
    await settle(pro.page)
    await screenshot(pro.page, 'ofair-review-replied-desktop')
    expect(pro.problems.errors).toEqual([])
  })

  it('the public page shows the rating summary and the review with its reply; an admin hides it', async () => {
    const visitor = await as(owner, PHONE)
    await visitor.page.goto(`/ofair/pros/${performer.professionalId}`)
    const section = visitor.page.getByTestId('pro-reviews')
    await expect.poll(() => section.innerText()).toContain('שמחתי לעזור')
    const summary = await section.getByTestId('rating-summary').innerText()
    expect(summary).toContain('4.0')
    expect(summary).toContain('ביקורת אחת')
    expect(await overflow(visitor.page)).toBeLessThanOrEqual(0)
    await settle(visitor.page)
    await screenshot(visitor.page, 'ofair-pro-reviews-phone')

    const admin = await as(await ofairAdmin(w))
    await admin.page.goto('/ofair/admin/reviews')
    const row = admin.page.getByTestId('admin-review').filter({ hasText: 'עבודה מעולה ומהירה' })
    await expect.poll(() => row.count()).toBe(1)
    await settle(admin.page)
    await screenshot(admin.page, 'ofair-admin-reviews-desktop')
    await row.getByRole('button', { name: 'הסתרה' }).click()
    await admin.page.getByRole('dialog').getByLabel('סיבה').fill('קישור חשוד בטקסט')
    await admin.page.getByRole('dialog').getByRole('button', { name: 'הסתרה' }).click()
    await expect.poll(() => row.innerText()).toContain('מוסתרת')
    expect(await row.innerText()).toContain('קישור חשוד בטקסט')
    await settle(admin.page)
    await screenshot(admin.page, 'ofair-admin-review-hidden-desktop')
    expect(admin.problems.errors).toEqual([])

    await visitor.page.reload()
    await expect.poll(() => section.innerText()).toContain('עדיין אין חוות דעת')
    expect(await section.getByTestId('rating-summary').innerText()).toContain('—')
    const pub = await api(w).get(`/api/ofair/professionals/${performer.professionalId}/reviews`)
    expect(pub.body.summary).toEqual({ average: null, count: 0, distribution: [0, 0, 0, 0, 0] })
    expect(visitor.problems.errors).toEqual([])
  })
})
