import type { Browser, Locator, Page, Response } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { RunningApp } from '../apps/server/src/app.ts'
import { demoPersonasSeed } from '../apps/server/src/modules/identity/seed.ts'
import { demoMarketplaceSeed } from '../apps/server/src/modules/recruiting/seed/demo-marketplace.ts'
import { launchBrowser, newPage, type PageProblems, screenshot } from '../packages/testing/src/browser.ts'
import { sessionFor, type TestSession } from '../packages/testing/src/sessions.ts'
import { startTestApp } from '../packages/testing/src/test-app.ts'
import { useTestDatabase } from '../packages/testing/src/test-database.ts'

/**
 * Every Splits persona on the full demo marketplace (1,500 applications, 100 placements): what each
 * may open, long lists, badges at 1280 px, phone layouts, words instead of codes, error pages and
 * Markdown. Screenshots land in artifacts/screenshots/personas-*.png.
 */
const database = useTestDatabase()
let app: RunningApp & { baseUrl: string }
let browser: Browser

const PHONE = { width: 390, height: 844 }
const DESKTOP = { width: 1280, height: 800 }

beforeAll(async () => {
  // The machines' two cores are shared: a screen may take a few seconds to settle, not one.
  vi.setConfig({ expect: { poll: { timeout: 10_000, interval: 100 } } })
  app = await startTestApp(database.current.url, { env: { DEMO_MODE: 'true' } })
  await demoPersonasSeed.run(app.ctx, () => {})
  await demoMarketplaceSeed.run(app.ctx, () => {})
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await app?.stop()
})

const visible = (locator: Locator) => expect.poll(() => locator.isVisible(), { timeout: 15_000 }).toBe(true)

/** Console errors other than the API refusals a step expects. */
function unexpected(problems: PageProblems, allowed: number[] = []): string[] {
  const statuses = [401, 403, ...allowed].join('|')
  return problems.errors.filter((e) => !new RegExp(`status of (${statuses})\\b`).test(e))
}

async function signedIn(email: string, viewport = DESKTOP) {
  const session = await sessionFor(app.ctx, { email })
  const opened = await newPage(browser, { baseURL: app.baseUrl, viewport })
  await opened.context.addCookies([{ name: 'sid', value: session.token, url: app.baseUrl }])
  // Every API answer the page gets, to prove that no menu entry leads to a refusal.
  const refusals: string[] = []
  opened.page.on('response', (response: Response) => {
    const url = new URL(response.url())
    if (url.pathname.startsWith('/api/') && response.status() === 403) refusals.push(url.pathname)
  })
  return { ...opened, session, refusals }
}

/** Waits until no finite animation runs, scrolls to the top, and takes a full-page screenshot. */
async function snap(page: Page, name: string) {
  await page.evaluate('window.scrollTo(0, 0)')
  const running = `document.getAnimations().filter((a) => a.playState === 'running'
    && Number.isFinite(Number(a.effect?.getComputedTiming().endTime))).length`
  await expect.poll(() => page.evaluate(running), { timeout: 10_000 }).toBe(0)
  await screenshot(page, `personas-${name}`)
}

/** Waits for the page's data: no loader left on screen. */
async function settled(page: Page) {
  await expect
    .poll(() => page.getByRole('status').filter({ hasText: 'Loading' }).count(), { timeout: 20_000 })
    .toBe(0)
}

/** Badge labels narrower than their text (the ellipsis cut "Screening" to "Scre…"). */
const TRUNCATED_BADGES = `[...document.querySelectorAll('.mantine-Badge-label')]
  .filter((el) => el.scrollWidth > el.clientWidth + 1)
  .map((el) => el.textContent)`

/** window.getComputedStyle, typed here: this project compiles without the DOM library. */
interface Styles {
  getComputedStyle(element: unknown): { fontSize: string }
}

/** The navbar's links and the home page's cards, as paths. */
async function menuAndCards(page: Page): Promise<{ menu: string[]; cards: string[] }> {
  const nav = page.getByRole('navigation', { name: 'Main navigation' })
  await visible(nav.getByRole('link', { name: 'Home' }))
  // Signed in (the menu is a visitor's until the session has loaded, on a cold first page).
  await visible(nav.getByRole('link', { name: 'Account' }))
  const menu = await nav
    .getByRole('link')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''))
  const cards = await page
    .getByRole('main')
    .locator('a.mantine-Card-root')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''))
  return { menu, cards }
}

async function api<T>(session: TestSession, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${app.baseUrl}${path}`, {
    method,
    headers: { ...session.headers, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  })
  expect(response.status, `${method} ${path}`).toBeLessThan(300)
  return (await response.json()) as T
}

describe('every Splits persona on the demo marketplace', () => {
  const personas = [
    { who: 'noa', email: 'noa@candidate.demo', menu: ['/splits', '/splits/my-applications'] },
    {
      who: 'rachel',
      email: 'rachel@recruiters.demo',
      menu: [
        '/splits',
        '/splits/earnings',
        '/splits/plans',
        '/splits/roles',
        '/splits/saved-searches',
        '/splits/candidates',
        '/splits/pipeline',
        '/splits/messages',
        '/splits/interviews',
        '/splits/placements',
      ],
    },
    {
      who: 'tom',
      email: 'tom@talentbridge.demo',
      menu: [
        '/splits',
        '/splits/earnings',
        '/splits/plans',
        '/splits/roles',
        '/splits/saved-searches',
        '/splits/candidates',
        '/splits/pipeline',
        '/splits/messages',
        '/splits/interviews',
        '/splits/placements',
      ],
    },
    {
      who: 'dana',
      email: 'dana@acme.demo',
      menu: [
        '/splits',
        '/splits/company',
        '/splits/billing',
        '/splits/roles',
        '/splits/messages',
        '/splits/interviews',
        '/splits/placements',
      ],
    },
    {
      who: 'eli',
      email: 'eli@acme.demo',
      menu: [
        '/splits',
        '/splits/company',
        '/splits/roles',
        '/splits/messages',
        '/splits/interviews',
        '/splits/placements',
      ],
    },
    {
      who: 'admin',
      email: 'admin@splits.demo',
      menu: [
        '/splits',
        '/splits/roles',
        '/splits/candidates',
        '/splits/placements',
        '/admin/users',
        '/admin/companies',
        '/admin/applications',
        '/admin/disputes',
        '/admin/conversation-reports',
        '/admin/jobs',
        '/admin/health',
        '/admin/fraud',
        '/admin/automation',
        '/admin/ai-matches',
        '/admin/decisions',
        '/admin/flags',
        '/admin/finance',
        '/admin/finance/invoices',
        '/admin/finance/ledger',
        '/admin/plans',
        '/admin/finance/payouts',
        '/admin/finance/audit',
        '/admin/finance/contracts',
      ],
    },
  ]

  for (const persona of personas) {
    it(`${persona.who}: the menu and home offer only what ${persona.who} may open, at 1280 px and on a phone`, {
      timeout: 240_000,
    }, async () => {
      const desk = await signedIn(persona.email)
      await desk.page.goto('/splits')
      const { menu, cards } = await menuAndCards(desk.page)
      // The work screens in the menu (notifications and account are everyone's).
      const work = menu.filter((path) => path !== '/splits/notifications' && path !== '/splits/account')
      expect(work).toEqual(persona.menu)
      for (const card of cards) expect(menu, `home card ${card} is in the menu`).toContain(card)
      await snap(desk.page, `${persona.who}-home`)

      for (const path of [...new Set([...menu, ...cards])]) {
        await desk.page.goto(path)
        await settled(desk.page)
        expect(await desk.page.getByText('Not available to your account').count(), path).toBe(0)
        expect(await desk.page.getByText('Your account does not have the role').count(), path).toBe(0)
        expect(await desk.page.evaluate(TRUNCATED_BADGES), `badges cut on ${path}`).toEqual([])
        await snap(desk.page, `${persona.who}${path.replaceAll('/', '-')}`)
      }
      expect(desk.refusals).toEqual([])
      expect(unexpected(desk.problems)).toEqual([])
      await desk.context.close()

      const phone = await signedIn(persona.email, PHONE)
      for (const path of persona.menu) {
        await phone.page.goto(path)
        await settled(phone.page)
        expect(await phone.page.evaluate('document.documentElement.scrollWidth'), path).toBeLessThanOrEqual(
          390,
        )
        await snap(phone.page, `${persona.who}${path.replaceAll('/', '-')}-phone`)
      }
      expect(phone.refusals).toEqual([])
      await phone.context.close()
    })
  }

  it('noa (candidate) gets a read-only home and the list of her own applications', async () => {
    const { page, problems, context } = await signedIn('noa@candidate.demo')
    await page.goto('/splits')
    await visible(page.getByText(/Your applications appear here, read-only/))
    expect(await page.getByRole('link', { name: 'Roles' }).count()).toBe(0)
    expect(await page.getByRole('link', { name: 'Placements' }).count()).toBe(0)
    // A recruiter's page opened by hand says it is not for her account, and offers her home.
    await page.goto('/splits/roles')
    await visible(page.getByText('Not available to your account'))
    expect(await page.getByText('Sign in to see roles').count()).toBe(0)
    await page.getByRole('link', { name: 'Back to home' }).click()
    await page.waitForURL(/\/splits$/)

    // Her applications, from GET /api/me/applications: the demo has her in a designer role at Acme
    await page.goto('/splits/my-applications')
    const items = page.getByRole('listitem')
    await expect.poll(() => items.count(), { timeout: 15_000 }).toBeGreaterThan(0)
    const acme = items.filter({ hasText: 'Acme Robotics' })
    await visible(acme.first())
    await snap(page, 'noa-my-applications')
    expect(unexpected(problems)).toEqual([])
    await context.close()
  })

  it('admin: /admin/applications pages past 500 rows with "Load more"; badges are whole', {
    timeout: 240_000,
  }, async () => {
    const { page, problems, context } = await signedIn('admin@splits.demo')
    await page.goto('/admin/applications')
    const rows = page.getByRole('main').locator('tbody tr')
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBeGreaterThan(0)
    const loadMore = page.getByRole('button', { name: 'Load more' })
    while ((await rows.count()) <= 500) {
      const before = await rows.count()
      await visible(loadMore)
      await loadMore.click()
      await expect.poll(() => rows.count(), { timeout: 15_000 }).toBeGreaterThan(before)
    }
    // 1,500 in the demo: more than 500 on screen, and still a way to the rest.
    expect(await rows.count()).toBeGreaterThan(500)
    await visible(loadMore)
    expect(await page.getByText(/Showing \d+ applications/).isVisible()).toBe(true)
    expect(await page.evaluate(TRUNCATED_BADGES)).toEqual([])
    const screening = page.getByRole('main').locator('.mantine-Badge-label', { hasText: 'Screening' }).first()
    expect(await screening.textContent()).toBe('Screening')
    expect(unexpected(problems)).toEqual([])
    await context.close()
  })

  it('rachel on a phone: placements keep salary, fee and status', async () => {
    const { page, problems, context } = await signedIn('rachel@recruiters.demo', PHONE)
    await page.goto('/splits/placements')
    const cards = page.getByRole('list', { name: 'Placements' }).getByRole('listitem')
    await expect.poll(() => cards.count(), { timeout: 15_000 }).toBeGreaterThan(0)
    const first = cards.first()
    expect(await first.getByText('Base salary').isVisible()).toBe(true)
    expect(await first.getByText(/^[$€£₪][\d,]+$/).isVisible()).toBe(true)
    expect(await first.getByText('Fee', { exact: true }).isVisible()).toBe(true)
    expect(await first.getByText(/^\d+(\.\d+)?%$/).isVisible()).toBe(true)
    expect(await first.getByText(/^(Active|Fell off)$/).isVisible()).toBe(true)
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390)
    await snap(page, 'rachel-placements-phone-cards')
    expect(unexpected(problems)).toEqual([])
    await context.close()
  })

  it('shows words, not internal codes: fee basis and rules, consent text, job names, local dates', async () => {
    const { page, problems, context } = await signedIn('admin@splits.demo')
    await page.goto('/splits/placements')
    await page.getByRole('main').locator('tbody tr').first().getByRole('link').click()
    await page.waitForURL(/\/splits\/placements\/[0-9a-f-]{36}$/)
    const fee = page.getByRole('region', { name: 'Fee' })
    await visible(fee.getByText('2026 fee rules, revision 1'))
    expect(await fee.innerText()).toMatch(/Fee basis\s+First-year base salary/)
    expect(await page.getByText('first_year_base_salary').count()).toBe(0)
    expect(await page.getByRole('main').innerText()).not.toMatch(/\d{4}-\d{2}-\d{2}T/)
    await snap(page, 'admin-placement-fee-words')

    // A candidate with consent on record: the consent text's version in words.
    await page.goto('/splits/candidates')
    await page
      .getByRole('main')
      .locator('tbody tr', { hasText: 'On record' })
      .first()
      .getByRole('link')
      .click()
    const consent = page.getByRole('region', { name: 'Consent' })
    await visible(consent.getByText(/^Consent text: Right to represent, \w+ 20\d\d version$/))
    expect(await page.getByText(/rtr-20/).count()).toBe(0)
    await snap(page, 'admin-candidate-consent-words')

    await page.goto('/admin/jobs')
    const queues = page.getByRole('region', { name: 'Queues' })
    await visible(queues.getByText('Send notification emails', { exact: true }))
    expect(await queues.getByText('Send notification emails: failed for good').isVisible()).toBe(true)
    const catalog = page.getByRole('region', { name: 'Job catalog' })
    expect(await catalog.getByText('Every day at 01:30 (UTC)').isVisible()).toBe(true)
    // The technical name stays, as small print under the words.
    const technical = queues.getByText('notifications.send_email', { exact: true })
    expect(
      await technical.evaluate((el) =>
        Number.parseFloat((globalThis as unknown as Styles).getComputedStyle(el).fontSize),
      ),
    ).toBeLessThan(14)
    // The dead-letter filter offers jobs in words, and filtering works (the API takes job names).
    await page.getByRole('combobox', { name: 'Filter by job' }).click()
    await page.getByRole('option', { name: 'Send notification emails' }).click()
    await visible(page.getByText('No dead-lettered jobs'))
    await snap(page, 'admin-jobs-words')
    expect(unexpected(problems)).toEqual([])
    await context.close()
  })

  it('error pages: a malformed id and a missing role are "not found"; server errors offer a retry', async () => {
    const { page, problems, context } = await signedIn('rachel@recruiters.demo')
    await page.goto('/splits/roles/not-a-uuid')
    await visible(page.getByText('We could not find that'))
    expect(await page.getByText(/params\.id|Invalid UUID/).count()).toBe(0)
    expect(await page.getByRole('button', { name: 'Try again' }).count()).toBe(0)
    const support = page.getByRole('note', { name: 'For support' })
    expect(await support.getByText(/[0-9a-f]{8}-[0-9a-f]{4}-/).isVisible()).toBe(true)
    await snap(page, 'rachel-role-malformed-id')

    await page.goto('/splits/roles/0190a000-0000-7000-8000-000000000000')
    await visible(page.getByText('We could not find that'))
    expect(await page.getByText('The request failed').count()).toBe(0)
    expect(await page.getByRole('button', { name: 'Try again' }).count()).toBe(0)
    await page.getByRole('link', { name: 'All roles' }).click()
    await page.waitForURL(/\/splits\/roles$/)

    // A server failure is said in words, with a retry that can help.
    await page.route('**/api/placements/*', (route) =>
      route.fulfill({
        status: 503,
        contentType: 'application/problem+json',
        body: JSON.stringify({
          type: '/api/errors#service_unavailable',
          title: 'Service unavailable',
          status: 503,
          code: 'service_unavailable',
          detail: 'pool exhausted: 20/20 connections busy',
          request_id: '0190a000-1111-7000-8000-000000000000',
        }),
      }),
    )
    await page.goto('/splits/placements/0190a000-0000-7000-8000-000000000000')
    await visible(page.getByText('The service is busy or being updated. Please try again in a moment.'))
    expect(await page.getByText(/pool exhausted/).count()).toBe(0)
    expect(await page.getByRole('button', { name: 'Try again' }).isVisible()).toBe(true)
    expect(await page.getByText('0190a000-1111-7000-8000-000000000000').isVisible()).toBe(true)
    await snap(page, 'rachel-placement-server-error')
    expect(unexpected(problems, [400, 404, 503])).toEqual([])
    await context.close()
  })

  it('renders a Markdown job description safely: no script, no javascript: link', async () => {
    const admin = await sessionFor(app.ctx, { email: 'admin@splits.demo' })
    const rachel = await sessionFor(app.ctx, { email: 'rachel@recruiters.demo' })
    // A role Rachel can see (open, shared with her); the admin rewrites its description.
    const roles = await api<{ data: { id: string }[] }>(rachel, 'GET', '/api/roles?limit=1')
    const id = roles.data[0]!.id
    await api(admin, 'PATCH', `/api/roles/${id}`, {
      description: [
        '## What you will do',
        '',
        'You **own** planning. See [our blog](https://example.com/blog).',
        '',
        '<script>window.__xss = 1</script>',
        '',
        '<img src="x" onerror="window.__xss = 2">',
        '',
        '- Click [x](javascript:alert(1)) for a surprise',
        '- <iframe src="https://example.com"></iframe> embedded',
      ].join('\n'),
    })

    const { page, problems, context } = await signedIn('rachel@recruiters.demo')
    await page.goto(`/splits/roles/${id}`)
    const description = page.getByRole('region', { name: 'About the role' })
    await visible(description.getByRole('heading', { name: 'What you will do' }))
    expect(await description.locator('strong', { hasText: 'own' }).count()).toBe(1)
    const blog = description.getByRole('link', { name: 'our blog' })
    expect(await blog.getAttribute('href')).toBe('https://example.com/blog')
    expect(await blog.getAttribute('rel')).toBe('noopener noreferrer nofollow')
    // Inert: the script, image and iframe are not elements, the javascript: link is no link.
    expect(await description.locator('script, iframe, img').count()).toBe(0)
    expect(await description.getByRole('link', { name: 'x', exact: true }).count()).toBe(0)
    expect(await page.locator('a[href^="javascript"]').count()).toBe(0)
    expect(await description.getByText('for a surprise').isVisible()).toBe(true)
    expect(await page.evaluate('window.__xss')).toBeUndefined()
    await snap(page, 'rachel-role-markdown')
    expect(unexpected(problems)).toEqual([])
    await context.close()
  })
})
