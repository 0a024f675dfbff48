import type { Browser, BrowserContext, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { RunningApp } from '../apps/server/src/app.ts'
import {
  launchBrowser,
  newPage,
  type PageProblems,
  screenshot,
  settle,
} from '../packages/testing/src/browser.ts'
import {
  api,
  makeCandidate,
  makeCompany,
  makeRecruiter,
  makeRole,
  makeTeamMember,
  platformAdmin,
  submitCandidate,
  type World,
} from '../packages/testing/src/factories/index.ts'
import type { TestSession } from '../packages/testing/src/sessions.ts'
import { startTestApp } from '../packages/testing/src/test-app.ts'
import { useTestDatabase } from '../packages/testing/src/test-database.ts'

/**
 * Splits Network conversations in two browsers: a hiring manager (desktop) asks a recruiter working
 * the role a question; the recruiter (a phone) answers, and each side sees the other's messages
 * arrive without reloading. Then the application's Messages card, a report and the admin's queue.
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
  app = await startTestApp(database.current.url)
  ;(app.ctx.config.http as { publicUrl: string }).publicUrl = app.baseUrl
  w = { ctx: app.ctx, baseUrl: app.baseUrl }
  browser = await launchBrowser()
})
afterAll(async () => {
  for (const o of opened) await o.context.close().catch(() => {})
  await browser?.close()
  await app?.stop()
})

async function as(session: TestSession, viewport?: { width: number; height: number }): Promise<Opened> {
  const o = await newPage(browser, { baseURL: app.baseUrl, ...(viewport ? { viewport } : {}) })
  await o.context.addCookies([{ name: 'sid', value: session.token, url: app.baseUrl }])
  opened.push(o)
  return o
}

const visible = (locator: Locator) => expect.poll(() => locator.first().isVisible()).toBe(true)
const session = (p: unknown) => p as TestSession

async function noOverflow(page: Page) {
  const width = await page.evaluate('document.documentElement.scrollWidth')
  expect(width).toBeLessThanOrEqual(PHONE.width)
}

/** A full-page screenshot from the top (the app shell's header is fixed). */
async function top(page: Page, name: string) {
  await page.evaluate('window.scrollTo(0, 0)')
  await settle(page)
  await screenshot(page, name)
}

async function send(scope: Locator, text: string) {
  await scope.getByTestId('chat-input').fill(text)
  await scope.getByTestId('chat-send').click()
  await expect.poll(() => scope.getByTestId('chat-input').inputValue()).toBe('')
}

/** Console errors other than refusals a page provokes on purpose. */
const unexpected = (problems: PageProblems, allowed = '') =>
  problems.errors.filter((e) => !new RegExp(`status of (401|403|404${allowed})\\b`).test(e))

describe('Splits Network conversations in two browsers', () => {
  it('a hiring manager asks on a role; the recruiter answers in real time; both see it without reload', async () => {
    const company = await makeCompany(w, { name: 'Acme Robotics' })
    const manager = await makeTeamMember(w, company)
    const rachel = await makeRecruiter(w, { name: 'Rachel Green' })
    const role = await makeRole(w, company, { title: 'Senior Robotics Engineer' })
    const candidate = await makeCandidate(w, rachel)
    const application = await submitCandidate(w, rachel, role.id, candidate.id)

    // the hiring manager, on the role page (desktop): writes to the recruiter working the role
    const hm = await as(session(manager))
    await hm.page.goto(`/splits/roles/${role.id}`)
    await visible(hm.page.getByRole('heading', { name: 'Questions' }))
    await hm.page.getByRole('combobox', { name: 'Write to a recruiter working this role' }).click()
    await hm.page.getByRole('option', { name: 'Rachel Green' }).click()
    const hmCard = hm.page.locator('section', { has: hm.page.getByRole('heading', { name: 'Questions' }) })
    await send(hmCard, 'Hi Rachel, is your candidate open to relocating to Boston?')
    await visible(hmCard.getByTestId('splits-thread'))
    await expect.poll(() => hmCard.getByTestId('chat-connection').getAttribute('data-state')).toBe('online')

    // the recruiter, on a phone: the menu shows an unread message; the role page shows the thread
    const rec = await as(session(rachel), PHONE)
    await rec.page.goto(`/splits/roles/${role.id}`)
    const recCard = rec.page.locator('section', { has: rec.page.getByRole('heading', { name: 'Questions' }) })
    await visible(recCard.getByText('is your candidate open to relocating to Boston?'))
    await expect.poll(() => recCard.getByTestId('chat-connection').getAttribute('data-state')).toBe('online')

    // she answers: it reaches the hiring manager's page without a reload, and the "seen" tick comes back
    await send(recCard, 'Yes, she would relocate within two months. Her number is 617-555-0142.')
    await visible(hmCard.getByText('Yes, she would relocate within two months.', { exact: false }))
    // role questions hide contact details from everyone
    await visible(hmCard.getByText('Her number is •••.', { exact: false }))
    await visible(recCard.getByTestId('chat-seen'))

    // and the hiring manager's reply reaches her phone, again without a reload
    await send(hmCard, 'Great, let us set up an interview.')
    await visible(recCard.getByText('Great, let us set up an interview.'))
    // markup is refused with a clear message, nothing sent
    await recCard.getByTestId('chat-input').fill('<b>bold</b>')
    await recCard.getByTestId('chat-send').click()
    await visible(recCard.getByText('HTML tags are not allowed', { exact: false }))
    await recCard.getByTestId('chat-input').fill('')

    await settle(hm.page)
    await top(hm.page, 'splits-chat-role-questions-hiring-manager')
    await settle(rec.page)
    await noOverflow(rec.page)
    await top(rec.page, 'splits-chat-role-questions-recruiter-phone')

    // the application's Messages card, both sides; the unread count in the recruiter's menu
    await hm.page.goto(`/splits/applications/${application.id}`)
    const hmMessages = hm.page.locator('section', { has: hm.page.getByRole('heading', { name: 'Messages' }) })
    await visible(hmMessages.getByTestId('chat-input'))
    await expect
      .poll(() => hmMessages.getByTestId('chat-connection').getAttribute('data-state'))
      .toBe('online')
    await rec.page.goto(`/splits/applications/${application.id}`)
    const recMessages = rec.page.locator('section', {
      has: rec.page.getByRole('heading', { name: 'Messages' }),
    })
    await visible(recMessages.getByTestId('chat-input'))
    await expect
      .poll(() => recMessages.getByTestId('chat-connection').getAttribute('data-state'))
      .toBe('online')
    await send(hmMessages, 'Her first interview is on Tuesday at 3pm with our CTO.')
    await visible(recMessages.getByText('Her first interview is on Tuesday at 3pm with our CTO.'))
    await send(recMessages, 'Confirmed. She will be there. You can reach her at +1 617 555 0142.')
    // the hiring team may see the candidate's contact details: shown as typed
    await visible(hmMessages.getByText('You can reach her at +1 617 555 0142.', { exact: false }))

    // the hiring manager reports a message; the admin sees it in the queue and reads the conversation (logged)
    await hmMessages.getByTestId('chat-report').first().click()
    await hm.page.getByRole('combobox', { name: 'Reason' }).click()
    await hm.page.getByRole('option', { name: 'Taking the deal off the platform' }).click()
    await hm.page.getByTestId('report-submit').click()
    await visible(hm.page.getByTestId('chat-reported'))
    await hm.page.getByRole('button', { name: 'Close' }).click()
    await settle(hm.page)
    await top(hm.page, 'splits-chat-application-messages-hiring-manager')
    await settle(rec.page)
    await noOverflow(rec.page)
    await top(rec.page, 'splits-chat-application-messages-recruiter-phone')

    const admin = await as(session(await platformAdmin(w)))
    await admin.page.goto('/admin/conversation-reports')
    await visible(admin.page.getByTestId('report-row'))
    await admin.page.getByTestId('report-read').first().click()
    await visible(admin.page.getByText('This read is logged', { exact: false }))
    await visible(
      admin.page.getByRole('dialog').getByText('You can reach her at +1 617 555 0142.', { exact: false }),
    )
    await settle(admin.page)
    await top(admin.page, 'splits-chat-admin-reports')
    const logged = await api(w, session(await platformAdmin(w))).get('/api/admin/conversation-reports')
    expect(logged.body.data).toHaveLength(1)

    expect(unexpected(hm.problems)).toEqual([])
    // the markup she tried was refused (400) on purpose
    expect(unexpected(rec.problems, '|400')).toEqual([])
    expect(unexpected(admin.problems)).toEqual([])
  })
})
