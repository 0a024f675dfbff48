import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { RunningApp } from '../apps/server/src/app.ts'
import { launchBrowser, newPage, screenshot } from '../packages/testing/src/browser.ts'
import { startTestApp } from '../packages/testing/src/test-app.ts'
import { useTestDatabase } from '../packages/testing/src/test-database.ts'

const database = useTestDatabase()
let app: RunningApp & { baseUrl: string }
let browser: Browser

beforeAll(async () => {
  // The machines' two cores are shared: a screen may take a few seconds to settle, not one.
  vi.setConfig({ expect: { poll: { timeout: 10_000, interval: 100 } } })
  app = await startTestApp(database.current.url)
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await app?.stop()
})

describe('web shell', () => {
  it('lets a visitor choose a marketplace and switches to Hebrew right-to-left for OFAIR', async () => {
    const { page, problems } = await newPage(browser, { baseURL: app.baseUrl })
    await page.goto('/')
    await expect.poll(() => page.title()).toContain('Splits Network')
    expect(await page.locator('html').getAttribute('dir')).toBe('ltr')
    await screenshot(page, 'shell-landing')

    await page.getByRole('link', { name: /כניסה/ }).click()
    await page.waitForURL('**/ofair')
    await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('rtl')
    expect(await page.locator('html').getAttribute('lang')).toBe('he')
    await expect.poll(() => page.getByText('ברוכים הבאים ל-OFAIR').isVisible()).toBe(true)
    await screenshot(page, 'shell-ofair-home')

    await page.goto('/splits')
    await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('ltr')
    expect(problems.errors).toEqual([])
  })

  it('shows the jobs page asking an anonymous visitor to sign in as a platform admin', async () => {
    const { page, problems } = await newPage(browser, { baseURL: app.baseUrl })
    await page.goto('/admin/jobs')
    await expect.poll(() => page.getByText(/Sign in as a platform admin/).isVisible()).toBe(true)
    await screenshot(page, 'shell-admin-jobs-anonymous')
    // the 401 from the API is expected; nothing else may fail
    expect(problems.errors.filter((e) => !e.includes('401'))).toEqual([])
  })

  it('works in dark mode and on a phone', async () => {
    const { page } = await newPage(browser, {
      baseURL: app.baseUrl,
      viewport: { width: 390, height: 844 },
      colorScheme: 'dark',
    })
    await page.goto('/ofair')
    await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('rtl')
    // no choice stored yet: the system's dark preference is followed
    expect(await page.locator('html').getAttribute('data-mantine-color-scheme')).toBe('dark')
    const burger = page.getByRole('button', { name: /תפריט|menu/i })
    expect(await burger.isVisible()).toBe(true)
    await screenshot(page, 'shell-ofair-mobile')
  })
})
