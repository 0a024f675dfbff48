import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { RunningApp } from '../apps/server/src/app.ts'
import { demoFlagsSeed } from '../apps/server/src/modules/flags/seed.ts'
import { demoPersonasSeed } from '../apps/server/src/modules/identity/seed.ts'
import { launchBrowser, newPage, screenshot } from '../packages/testing/src/browser.ts'
import { sessionFor } from '../packages/testing/src/sessions.ts'
import { startTestApp } from '../packages/testing/src/test-app.ts'
import { useTestDatabase } from '../packages/testing/src/test-database.ts'

/**
 * The platform admin opens Feature flags from the admin menu, sees the demo flags, creates a flag
 * targeted at recruiters with a 30 % rollout, then raises it to 60 % with a reason and reads the
 * flag's history (the history panel is itself behind the `flags.change_history` flag).
 */
const database = useTestDatabase()
let app: RunningApp & { baseUrl: string }
let browser: Browser

const visible = (page: Page, text: string | RegExp) =>
  expect.poll(() => page.getByText(text).first().isVisible(), { timeout: 15_000 }).toBe(true)

beforeAll(async () => {
  vi.setConfig({ expect: { poll: { timeout: 15_000, interval: 100 } } })
  app = await startTestApp(database.current.url, { env: { DEMO_MODE: 'true' } })
  await demoPersonasSeed.run(app.ctx, () => {})
  await demoFlagsSeed.run(app.ctx, () => {})
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await app?.stop()
})

describe('admin flags screen', () => {
  it('creates a targeted flag, raises its rollout and shows its history', { timeout: 120_000 }, async () => {
    const session = await sessionFor(app.ctx, { email: 'admin@splits.demo' })
    const { page, context, problems } = await newPage(browser, { baseURL: app.baseUrl })
    await context.addCookies([{ name: 'sid', value: session.token, url: app.baseUrl }])
    await page.goto('/splits')
    await page.getByRole('link', { name: 'Feature flags' }).first().click()
    await expect.poll(() => page.url()).toContain('/admin/flags')
    await visible(page, 'fraud.detection')
    await visible(page, 'metrics.alerts')

    // create
    await page.getByRole('button', { name: 'New flag' }).click()
    await page.getByLabel('Key').fill('splits.new_search')
    await page.getByLabel('Description').fill('The new candidate search')
    await page.getByRole('button', { name: 'Add rule' }).click()
    const values = page.getByTestId('rule-0').getByLabel('Values')
    await values.fill('recruiter')
    await values.press('Enter')
    const slider = page.getByRole('slider', { name: 'Rollout percentage' })
    await slider.focus()
    for (let i = 0; i < 30; i++) await slider.press('ArrowRight')
    await visible(page, 'Rollout: 30%')
    await page.getByLabel('Why (kept in the history)').fill('Recruiters first, then 30 %')
    await screenshot(page, 'admin-flags-form')
    await page.getByRole('button', { name: 'Save' }).click()
    await visible(page, 'History of splits.new_search')
    const row = page.getByTestId('flag-splits.new_search')
    await expect.poll(() => row.textContent()).toContain('30% of everyone else')

    // edit: raise to 60 %
    await row.getByRole('button', { name: 'Edit' }).click()
    const slider2 = page.getByRole('slider', { name: 'Rollout percentage' })
    await slider2.focus()
    for (let i = 0; i < 30; i++) await slider2.press('ArrowRight')
    await visible(page, 'Rollout: 60%')
    await page.getByLabel('Why (kept in the history)').fill('No errors: widening')
    await page.getByRole('button', { name: 'Save' }).click()
    await expect.poll(() => row.textContent()).toContain('60% of everyone else')
    await visible(page, '30% → 60%')
    await visible(page, 'No errors: widening')

    // the server has it
    const flags = await app.ctx.services.flags!.cache.all()
    expect(flags.get('splits.new_search')).toMatchObject({ rolloutBp: 6000, version: 2 })

    // a bad rule is refused with a clear message, nothing saved
    await row.getByRole('button', { name: 'Edit' }).click()
    await page.getByLabel('Why (kept in the history)').fill('try')
    await page.getByTestId('rule-0').getByLabel('Values').press('Backspace')
    await page.getByRole('button', { name: 'Save' }).click()
    await visible(page, 'Every rule needs at least one value.')
    await page.keyboard.press('Escape')
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0)
    await new Promise((r) => setTimeout(r, 400))

    await page.evaluate('window.scrollTo(0, 0)')
    await screenshot(page, 'admin-flags')
    expect(problems.errors.filter((e) => !/status of (401|403|422)\b/.test(e))).toEqual([])
  })
})
