import { sql } from 'kysely'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { RunningApp } from '../apps/server/src/app.ts'
import { demoPersonasSeed } from '../apps/server/src/modules/identity/seed.ts'
import { launchBrowser, newPage, type PageProblems, screenshot } from '../packages/testing/src/browser.ts'
import { startTestApp } from '../packages/testing/src/test-app.ts'
import { useTestDatabase } from '../packages/testing/src/test-database.ts'

const database = useTestDatabase()
// Pages render in well over expect.poll's 1 s default when the machine's cores are shared: wait
// as long as a patient person would.
vi.setConfig({ expect: { poll: { timeout: 15_000, interval: 100 } } })
let app: RunningApp & { baseUrl: string }
let browser: Browser

beforeAll(async () => {
  // The machines' two cores are shared: a screen may take a few seconds to settle, not one.
  vi.setConfig({ expect: { poll: { timeout: 10_000, interval: 100 } } })
  app = await startTestApp(database.current.url, { env: { DEMO_MODE: 'true' } })
  await demoPersonasSeed.run(app.ctx, () => {})
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await app?.stop()
})

interface OutboxMessage {
  id: string
  recipient: string
  subject: string | null
  body: string
}

async function outbox(recipient: string): Promise<OutboxMessage[]> {
  const response = await fetch(`${app.baseUrl}/api/dev/outbox?recipient=${encodeURIComponent(recipient)}`)
  expect(response.status).toBe(200)
  return ((await response.json()) as { data: OutboxMessage[] }).data
}

/**
 * Every request here comes from 127.0.0.1, and the server sends at most one code a minute (five an
 * hour) per network address. Before each new send, age the earlier ones past every window, so the
 * tests need not wait out limits that the server's integration tests cover.
 */
async function forgetRecentSends(): Promise<void> {
  await sql`update identity.sign_in_challenges set created_at = created_at - interval '1 day'`.execute(
    database.current.db,
  )
}

/** Ids of the messages a recipient already has, so the next one can be told apart. */
async function seenMessages(recipient: string): Promise<Set<string>> {
  await forgetRecentSends()
  return new Set((await outbox(recipient)).map((m) => m.id))
}

/** Delivery is asynchronous: poll the dev outbox until a message the recipient did not have arrives. */
async function nextMessage(recipient: string, seen: Set<string>): Promise<OutboxMessage> {
  let found: OutboxMessage | undefined
  await expect
    .poll(
      async () => {
        found = (await outbox(recipient)).find((m) => !seen.has(m.id))
        return found !== undefined
      },
      { timeout: 10_000, interval: 100 },
    )
    .toBe(true)
  return found!
}

function codeIn(message: OutboxMessage): string {
  const code = /(?<!\d)(\d{6})(?!\d)/.exec(message.body)?.[1]
  expect(code, message.body).toBeDefined()
  return code!
}

/** Signs the page's browser context in through the API (for tests about what comes after). */
async function signInByApi(page: Page, email: string): Promise<void> {
  const seen = await seenMessages(email)
  const challenge = await page.evaluate(async (address) => {
    const response = await fetch('/api/auth/email/start', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: address }),
    })
    return (await response.json()) as { challenge_id: string }
  }, email)
  const code = codeIn(await nextMessage(email, seen))
  const status = await page.evaluate(
    async ([challengeId, value]) =>
      (
        await fetch('/api/auth/verify', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ challenge_id: challengeId, code: value }),
        })
      ).status,
    [challenge.challenge_id, code] as const,
  )
  expect(status).toBe(200)
}

/** What the server says about the page's cookie. */
function sessionOf(page: Page): Promise<{ signed_in: boolean; user?: { display_name: string } }> {
  return page.evaluate(
    async () =>
      (await (await fetch('/api/auth/session')).json()) as {
        signed_in: boolean
        user?: { display_name: string }
      },
  )
}

/** Console errors other than the API answers a test provokes on purpose (401, 403, 422). */
function unexpected(problems: PageProblems): string[] {
  return problems.errors.filter((e) => !/status of (401|403|422)\b/.test(e))
}

function wrongCode(code: string): string {
  return code === '000000' ? '111111' : '000000'
}

describe('identity screens', () => {
  it('signs a Splits recruiter in with an emailed code', async () => {
    const { page, problems } = await newPage(browser, { baseURL: app.baseUrl })
    await page.goto('/sign-in')
    const personas = page.getByRole('region', { name: 'Demo personas' })
    await personas.getByRole('button', { name: 'Sign in as Rachel Green' }).click()
    expect(await page.getByLabel('Work email').inputValue()).toBe('rachel@recruiters.demo')
    await screenshot(page, 'identity-splits-sign-in')

    const seen = await seenMessages('rachel@recruiters.demo')
    await page.getByRole('button', { name: 'Email me a sign-in code' }).click()
    await expect.poll(() => page.getByText('r***@recruiters.demo').isVisible()).toBe(true)
    const message = await nextMessage('rachel@recruiters.demo', seen)
    expect(message.subject).toContain('sign-in code')
    const code = codeIn(message)

    // A wrong code is refused with the attempts left, and the boxes clear for another try.
    await page.keyboard.type(wrongCode(code))
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Attempts left: 4')
    await screenshot(page, 'identity-splits-code-wrong')

    await page.keyboard.type(code)
    await page.waitForURL('**/splits')
    const menu = page.getByRole('button', { name: 'Account of Rachel Green' })
    await expect.poll(() => menu.isVisible()).toBe(true)
    await screenshot(page, 'identity-splits-signed-in')

    // A recruiter is not a platform admin: no admin entries anywhere.
    await menu.click()
    await expect.poll(() => page.getByRole('menuitem', { name: 'Account' }).isVisible()).toBe(true)
    expect(await page.getByRole('menuitem', { name: /Admin/ }).count()).toBe(0)
    await page.getByRole('menuitem', { name: 'Account' }).click()
    await page.waitForURL('**/splits/account')
    await expect.poll(() => page.getByText('This device').isVisible()).toBe(true)
    expect(await page.getByText('rachel@recruiters.demo').isVisible()).toBe(true)
    await screenshot(page, 'identity-splits-account')

    // The admin screens refuse her with a prompt, not an error.
    await page.goto('/admin/users')
    await expect.poll(() => page.getByText(/does not have the role this page needs/).isVisible()).toBe(true)
    expect(unexpected(problems)).toEqual([])
  })

  it('signs an OFAIR professional in by phone, in Hebrew right to left', async () => {
    const { page, context, problems } = await newPage(browser, { baseURL: app.baseUrl })
    await page.goto('/ofair/sign-in')
    await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('rtl')
    expect(await page.locator('html').getAttribute('lang')).toBe('he')
    await expect.poll(() => page.getByRole('region', { name: 'משתמשי הדגמה' }).isVisible()).toBe(true)
    await page.getByLabel('מספר טלפון נייד').fill('052-345-6789')
    await screenshot(page, 'identity-ofair-sign-in')

    const seen = await seenMessages('+972523456789')
    await page.getByRole('button', { name: 'שלחו לי קוד' }).click()
    await expect.poll(() => page.getByText('+972 52-***-6789').isVisible()).toBe(true)
    const message = await nextMessage('+972523456789', seen)
    expect(message.body).toContain('קוד הכניסה שלך ל-OFAIR')
    const code = codeIn(message)

    // The server's Hebrew message is shown as it is.
    await page.keyboard.type(wrongCode(code))
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('הקוד שגוי')
    await screenshot(page, 'identity-ofair-code')

    await page.keyboard.type(code)
    await page.waitForURL(/\/ofair$/)
    await expect.poll(() => page.getByRole('button', { name: 'החשבון של משה לוי' }).isVisible()).toBe(true)
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl')
    await screenshot(page, 'identity-ofair-signed-in')

    await page.goto('/ofair/account')
    await expect.poll(() => page.getByText('המכשיר הזה').isVisible()).toBe(true)
    expect(await page.getByText('052-345-6789').isVisible()).toBe(true)
    await screenshot(page, 'identity-ofair-account')

    // The same session on a phone in dark mode.
    const phone = await newPage(browser, {
      baseURL: app.baseUrl,
      viewport: { width: 390, height: 844 },
      colorScheme: 'dark',
    })
    await phone.context.addCookies(await context.cookies())
    await phone.page.goto('/ofair/account')
    await expect.poll(() => phone.page.getByText('המכשיר הזה').isVisible()).toBe(true)
    await screenshot(phone.page, 'identity-ofair-account-mobile-dark')
    await phone.context.close()
    expect(unexpected(problems)).toEqual([])
  })

  it('asks a new OFAIR number for a name after the first sign-in, on a phone', async () => {
    const { page, problems } = await newPage(browser, {
      baseURL: app.baseUrl,
      viewport: { width: 390, height: 844 },
    })
    await page.goto('/ofair/sign-in')
    await page.getByLabel('מספר טלפון נייד').fill('+972 50-987-6543')
    const seen = await seenMessages('+972509876543')
    await page.getByRole('button', { name: 'שלחו לי קוד' }).click()
    const code = codeIn(await nextMessage('+972509876543', seen))
    await expect.poll(() => page.getByText('+972 50-***-6543').isVisible()).toBe(true)
    await screenshot(page, 'identity-ofair-code-mobile')
    // Paste the whole code into the first box, as people do from the SMS.
    // (A string, because this project's types have no DOM: it runs in the page.)
    await page.evaluate(`(() => {
      const data = new DataTransfer()
      data.setData('text/plain', '${code}')
      const first = document.querySelector('input[aria-label="קוד כניסה בן 6 ספרות"]')
      first.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
    })()`)

    const name = page.getByLabel('השם שלכם')
    await expect.poll(() => name.isVisible()).toBe(true)
    await name.fill('דנה לוי')
    await screenshot(page, 'identity-ofair-new-user-mobile')
    await page.getByRole('button', { name: 'שמירה והמשך' }).click()
    await page.waitForURL(/\/ofair$/)
    expect((await sessionOf(page)).user?.display_name).toBe('דנה לוי')
    await expect.poll(() => page.getByText('התחברתם בתור דנה לוי.').isVisible()).toBe(true)
    expect(unexpected(problems)).toEqual([])
  })

  it('signs out from the user menu, and the old cookie stops working', async () => {
    const { page, context, problems } = await newPage(browser, { baseURL: app.baseUrl })
    await page.goto('/splits')
    await signInByApi(page, 'noa@candidate.demo')
    await page.reload()
    const menu = page.getByRole('button', { name: 'Account of Noa Levi' })
    await expect.poll(() => menu.isVisible()).toBe(true)
    const oldCookies = await context.cookies()
    expect(oldCookies.some((c) => c.name === 'sid')).toBe(true)

    await page.goto('/splits/account')
    await expect.poll(() => page.getByText('This device').isVisible()).toBe(true)
    await menu.click()
    await page.getByRole('menuitem', { name: 'Sign out' }).click()
    await page.waitForURL(/\/splits$/)
    await expect.poll(() => page.getByRole('link', { name: 'Sign in' }).first().isVisible()).toBe(true)
    expect(await menu.count()).toBe(0)
    expect((await sessionOf(page)).signed_in).toBe(false)
    await screenshot(page, 'identity-signed-out')

    // Even a browser that kept the cookie is anonymous now.
    await context.addCookies(oldCookies)
    expect((await sessionOf(page)).signed_in).toBe(false)
    expect(await page.evaluate(async () => (await fetch('/api/account')).status)).toBe(401)
    expect(unexpected(problems)).toEqual([])
  })

  it('lets the platform admin find Rachel, open her details and grant her a role', async () => {
    const { page, problems } = await newPage(browser, { baseURL: app.baseUrl })
    await page.goto('/splits')
    await signInByApi(page, 'admin@splits.demo')
    await page.goto('/admin/users')
    const nav = page.getByRole('navigation', { name: 'Main navigation' })
    await expect.poll(() => nav.getByRole('link', { name: 'Users' }).isVisible()).toBe(true)
    await expect.poll(() => page.getByRole('link', { name: 'Maya Rosen' }).isVisible()).toBe(true)

    await page.getByRole('searchbox', { name: 'Search' }).fill('Rachel')
    await expect.poll(() => page.getByRole('link', { name: 'Maya Rosen' }).count()).toBe(0)
    await expect.poll(() => page.getByRole('link', { name: 'Rachel Green' }).isVisible()).toBe(true)
    await screenshot(page, 'identity-admin-users')

    await page.getByRole('link', { name: 'Rachel Green' }).click()
    await page.waitForURL(/\/admin\/users\/[0-9a-f-]{36}$/)
    // The detail reveals the full contacts that the list masks.
    await expect.poll(() => page.getByText('rachel@recruiters.demo').isVisible()).toBe(true)
    expect(await page.getByText('052-234-5678').isVisible()).toBe(true)
    expect(await page.getByRole('cell', { name: 'OFAIR customer' }).isVisible()).toBe(true)

    // Grant a role at the TalentBridge agency: only "Recruiter" fits an agency.
    await page.getByRole('combobox', { name: 'Organisation' }).fill('Talent')
    await page.getByRole('option', { name: /TalentBridge Partners/ }).click()
    await page.getByRole('combobox', { name: 'Role' }).click()
    await expect.poll(() => page.getByRole('option').allTextContents()).toEqual(['Recruiter'])
    await page.getByRole('option', { name: 'Recruiter' }).click()
    await page.getByRole('button', { name: 'Add role' }).click()
    await expect
      .poll(() => page.getByRole('cell', { name: 'TalentBridge Partners Agency' }).isVisible())
      .toBe(true)
    await screenshot(page, 'identity-admin-user-detail')

    await page.emulateMedia({ colorScheme: 'dark' })
    await expect.poll(() => page.locator('html').getAttribute('data-mantine-color-scheme')).toBe('dark')
    await screenshot(page, 'identity-admin-user-detail-dark')

    // Suspend (with a reason) and reactivate.
    await page.getByRole('button', { name: 'Suspend' }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByLabel('Reason').fill('Reported for spam by two companies')
    // Let the opening transition finish before the screenshot.
    await expect
      .poll(() => page.evaluate(`getComputedStyle(document.querySelector('[role="dialog"]')).opacity`))
      .toBe('1')
    await screenshot(page, 'identity-admin-suspend-dark')
    await dialog.getByRole('button', { name: 'Suspend account' }).click()
    await expect.poll(() => page.getByText('Reported for spam by two companies').isVisible()).toBe(true)
    await page.getByRole('button', { name: 'Reactivate' }).click()
    await page.getByRole('dialog').getByRole('button', { name: 'Reactivate' }).click()
    await expect.poll(() => page.getByRole('button', { name: 'Suspend' }).isVisible()).toBe(true)
    expect(unexpected(problems)).toEqual([])
  })

  it('signs in from a magic link only when the person clicks Continue', async () => {
    const email = 'eli@acme.demo'
    const seen = await seenMessages(email)
    const started = await fetch(`${app.baseUrl}/api/auth/email/start`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email }),
    })
    expect(started.status).toBe(202)
    const token = /#token=(ml_[\w-]+)/.exec((await nextMessage(email, seen)).body)?.[1]
    expect(token).toBeDefined()

    const { page, problems } = await newPage(browser, { baseURL: app.baseUrl })
    await page.goto(`/auth/magic#token=${token}`)
    const proceed = page.getByRole('button', { name: 'Continue' })
    await expect.poll(() => proceed.isVisible()).toBe(true)
    // Opening the link (as a mail scanner would) signs nobody in and spends nothing.
    expect((await sessionOf(page)).signed_in).toBe(false)
    await page.reload()
    await expect.poll(() => proceed.isVisible()).toBe(true)
    expect((await sessionOf(page)).signed_in).toBe(false)
    await screenshot(page, 'identity-magic-link')

    await proceed.click()
    await page.waitForURL(/\/splits$/)
    await expect
      .poll(() => page.getByRole('button', { name: 'Account of Eli Ben-David' }).isVisible())
      .toBe(true)
    expect((await sessionOf(page)).user?.display_name).toBe('Eli Ben-David')

    // A link works once.
    await page.goto(`/auth/magic#token=${token}`)
    await proceed.click()
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('already been used')
    expect(await page.getByRole('link', { name: 'Request a new code' }).isVisible()).toBe(true)
    await screenshot(page, 'identity-magic-link-used')
    expect(unexpected(problems)).toEqual([])
  })

  it('shows the dev outbox with codes highlighted', async () => {
    const { page, problems } = await newPage(browser, {
      baseURL: app.baseUrl,
      viewport: { width: 390, height: 844 },
    })
    await page.goto('/dev/outbox')
    await expect.poll(() => page.getByRole('article').count()).toBeGreaterThan(3)
    expect(await page.getByRole('button', { name: 'Copy code' }).first().isVisible()).toBe(true)
    await screenshot(page, 'identity-dev-outbox-mobile')
    expect(unexpected(problems)).toEqual([])
  })
})
