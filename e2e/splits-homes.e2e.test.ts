import type { Browser, Locator } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { RunningApp } from '../apps/server/src/app.ts'
import { billingDemoSeed } from '../apps/server/src/modules/billing/seed.ts'
import { demoPersonasSeed } from '../apps/server/src/modules/identity/seed.ts'
import { demoMarketplaceSeed } from '../apps/server/src/modules/recruiting/seed/demo-marketplace.ts'
import { launchBrowser, newPage, type PageProblems, screenshot } from '../packages/testing/src/browser.ts'
import { sessionFor } from '../packages/testing/src/sessions.ts'
import { startTestApp } from '../packages/testing/src/test-app.ts'
import { useTestDatabase } from '../packages/testing/src/test-database.ts'

/**
 * Each Splits persona's home on the demo marketplace (with its invoices and payments): the numbers,
 * the charts drawn, the period switch, the links to the lists, at 1280 px and at 390 px, without
 * console errors. Screenshots: artifacts/screenshots/splits-homes-*.png.
 */
const database = useTestDatabase()
let app: RunningApp & { baseUrl: string }
let browser: Browser

const PHONE = { width: 390, height: 844 }
const DESKTOP = { width: 1280, height: 900 }

beforeAll(async () => {
  vi.setConfig({ expect: { poll: { timeout: 15_000, interval: 100 } } })
  app = await startTestApp(database.current.url, { env: { DEMO_MODE: 'true' } })
  await demoPersonasSeed.run(app.ctx, () => {})
  await demoMarketplaceSeed.run(app.ctx, () => {})
  await billingDemoSeed.run(app.ctx, () => {})
  browser = await launchBrowser()
}, 120_000)
afterAll(async () => {
  await browser?.close()
  await app?.stop()
})

const visible = (locator: Locator) => expect.poll(() => locator.isVisible(), { timeout: 15_000 }).toBe(true)
const unexpected = (problems: PageProblems) => problems.errors.filter((e) => !/status of (401|403)\b/.test(e))

async function signedIn(email: string, viewport = DESKTOP) {
  const session = await sessionFor(app.ctx, { email })
  const opened = await newPage(browser, { baseURL: app.baseUrl, viewport })
  await opened.context.addCookies([{ name: 'sid', value: session.token, url: app.baseUrl }])
  return opened
}

const PERSONAS = [
  {
    key: 'recruiter',
    email: 'rachel@recruiters.demo',
    section: 'Your desk',
    stat: 'Candidates in play',
    link: '/splits/pipeline',
  },
  {
    key: 'company',
    email: 'dana@acme.demo',
    section: 'Your hiring',
    stat: 'Awaiting review',
    link: '/splits/company',
  },
  {
    key: 'admin',
    email: 'admin@splits.demo',
    section: 'The marketplace',
    stat: 'Open disputes',
    link: '/admin/disputes',
  },
] as const

describe('a home for each persona', () => {
  for (const p of PERSONAS) {
    it(`${p.key}: numbers, charts and a period switch; each number opens its list`, async () => {
      const { page, context, problems } = await signedIn(p.email)
      try {
        await page.goto('/splits')
        const home = page.getByTestId('persona-home')
        await visible(home.getByRole('heading', { name: p.section }))
        // the charts are drawn (recharts' SVG surfaces), not left as spinners
        await expect
          .poll(() => home.locator('[data-testid="home-chart"] svg.recharts-surface').count())
          .toBeGreaterThanOrEqual(p.key === 'admin' ? 2 : 1)
        await page.waitForTimeout(600) // chart animations
        await screenshot(page, `splits-homes-${p.key}-30d`)
        await page.getByText('12 months', { exact: true }).click()
        await expect.poll(() => page.getByRole('radio', { name: '12 months' }).isChecked()).toBe(true)
        await visible(home.getByRole('heading', { name: p.section }))
        await page.waitForTimeout(800)
        await screenshot(page, `splits-homes-${p.key}-12m`)
        await home
          .getByRole('link', { name: new RegExp(`^${p.stat}`) })
          .first()
          .click()
        await expect.poll(() => new URL(page.url()).pathname).toBe(p.link)
        expect(unexpected(problems)).toEqual([])
      } finally {
        await context.close()
      }
    })
  }

  it('fits a phone (390 px) for each persona', async () => {
    for (const p of PERSONAS) {
      const { page, context, problems } = await signedIn(p.email, PHONE)
      try {
        await page.goto('/splits')
        const home = page.getByTestId('persona-home')
        await visible(home.getByRole('heading', { name: p.section }))
        await expect
          .poll(() => home.locator('[data-testid="home-chart"] svg.recharts-surface').count())
          .toBeGreaterThanOrEqual(1)
        await page.waitForTimeout(600)
        expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width)
        await screenshot(page, `splits-homes-${p.key}-phone`)
        expect(unexpected(problems)).toEqual([])
      } finally {
        await context.close()
      }
    }
  })
})
