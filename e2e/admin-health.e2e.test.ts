import type { Browser, Locator } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { RunningApp } from '../apps/server/src/app.ts'
import { billingDemoSeed } from '../apps/server/src/modules/billing/seed.ts'
import { demoHealthSeed } from '../apps/server/src/modules/health/seed.ts'
import { demoPersonasSeed } from '../apps/server/src/modules/identity/seed.ts'
import { demoMarketplaceSeed } from '../apps/server/src/modules/recruiting/seed/demo-marketplace.ts'
import { launchBrowser, newPage, type PageProblems, screenshot } from '../packages/testing/src/browser.ts'
import { sessionFor } from '../packages/testing/src/sessions.ts'
import { startTestApp } from '../packages/testing/src/test-app.ts'
import { useTestDatabase } from '../packages/testing/src/test-database.ts'

/**
 * The platform admin's marketplace-health dashboard on the demo marketplace with its 90 days of
 * metrics: KPI cards with the change vs the previous period, the trend chart, the period switch,
 * liquidity, deal risk and alerts. Screenshots: artifacts/screenshots/admin-health-*.png.
 */
const database = useTestDatabase()
let app: RunningApp & { baseUrl: string }
let browser: Browser

beforeAll(async () => {
  vi.setConfig({ expect: { poll: { timeout: 15_000, interval: 100 } } })
  app = await startTestApp(database.current.url, { env: { DEMO_MODE: 'true' } })
  await demoPersonasSeed.run(app.ctx, () => {})
  await demoMarketplaceSeed.run(app.ctx, () => {})
  await billingDemoSeed.run(app.ctx, () => {})
  await demoHealthSeed.run(app.ctx, () => {})
  browser = await launchBrowser()
}, 120_000)
afterAll(async () => {
  await browser?.close()
  await app?.stop()
})

const visible = (locator: Locator) => expect.poll(() => locator.isVisible(), { timeout: 15_000 }).toBe(true)
const unexpected = (problems: PageProblems) => problems.errors.filter((e) => !/status of (401|403)\b/.test(e))

describe('marketplace health dashboard', () => {
  it('shows KPIs vs the previous period, trends, liquidity, deal risk and alerts; the period switches', async () => {
    const session = await sessionFor(app.ctx, { email: 'admin@splits.demo' })
    const { page, context, problems } = await newPage(browser, {
      baseURL: app.baseUrl,
      viewport: { width: 1280, height: 1000 },
    })
    await context.addCookies([{ name: 'sid', value: session.token, url: app.baseUrl }])
    try {
      await page.goto('/admin/health')
      await visible(page.getByRole('heading', { name: 'Marketplace health' }).first())
      await visible(page.getByTestId('kpi-open_roles'))
      await expect.poll(() => page.locator('svg.recharts-surface').count()).toBeGreaterThanOrEqual(1)
      await visible(page.getByText(/Liquidity by function and location/))
      await visible(page.getByText('Deals at risk'))
      await page.waitForTimeout(800)
      await screenshot(page, 'admin-health-30d')
      const before = await page.getByTestId('kpi-applications').textContent()
      await page.getByText('90 days', { exact: true }).click()
      await expect.poll(() => page.getByRole('radio', { name: '90 days' }).isChecked()).toBe(true)
      await visible(page.getByTestId('kpi-applications'))
      await page.waitForTimeout(800)
      await screenshot(page, 'admin-health-90d')
      const after = await page.getByTestId('kpi-applications').textContent()
      expect(Number(after)).toBeGreaterThanOrEqual(Number(before))
      await page.getByText('7 days', { exact: true }).click()
      await expect.poll(() => page.getByRole('radio', { name: '7 days' }).isChecked()).toBe(true)
      expect(unexpected(problems)).toEqual([])
    } finally {
      await context.close()
    }
  })
})
