import fs from 'node:fs'
import path from 'node:path'
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core'
import { expect } from 'vitest'
import { repoRoot } from '../../../apps/server/src/kernel/paths.ts'

/** Debian's Chromium; `npx playwright install` cannot download browsers on these machines. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const SCREENSHOT_DIR = path.join(repoRoot, 'artifacts', 'screenshots')

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM_PATH))
    throw new Error(`Chromium not found at ${CHROMIUM_PATH} (apt-get install chromium)`)
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    // Without the background-networking flags Chromium keeps dialling Google on this closed network.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-dev-shm-usage',
    ],
  })
}

export interface PageProblems {
  errors: string[]
}

/** A page that records console errors, uncaught exceptions and failed same-origin requests. */
export async function newPage(
  browser: Browser,
  options: {
    baseURL: string
    viewport?: { width: number; height: number }
    colorScheme?: 'light' | 'dark'
    /** The browser's own language (date and time inputs follow it): 'he-IL' for OFAIR's people. */
    locale?: string
    timezoneId?: string
  },
): Promise<{ page: Page; context: BrowserContext; problems: PageProblems }> {
  const context = await browser.newContext({
    baseURL: options.baseURL,
    viewport: options.viewport ?? { width: 1280, height: 800 },
    colorScheme: options.colorScheme ?? 'light',
    locale: options.locale ?? 'en-US',
    timezoneId: options.timezoneId ?? 'UTC',
  })
  const page = await context.newPage()
  const problems: PageProblems = { errors: [] }
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.errors.push(`console: ${msg.text()}`)
  })
  page.on('pageerror', (err) => problems.errors.push(`page: ${err.message}`))
  return { page, context, problems }
}

/** Saves a full-page screenshot under artifacts/screenshots/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true })
  const file = path.join(SCREENSHOT_DIR, `${name}.png`)
  await page.screenshot({ path: file, fullPage: true })
  return file
}

export type OpenedPage = Awaited<ReturnType<typeof newPage>>

/**
 * A page signed in as someone (their session cookie) in an Israeli browser: Hebrew locale and
 * Asia/Jerusalem time, as OFAIR's people have it.
 */
export async function hebrewPageAs(
  browser: Browser,
  baseURL: string,
  sessionToken: string,
  viewport?: { width: number; height: number },
): Promise<OpenedPage> {
  const o = await newPage(browser, {
    baseURL,
    locale: 'he-IL',
    timezoneId: 'Asia/Jerusalem',
    ...(viewport ? { viewport } : {}),
  })
  await o.context.addCookies([{ name: 'sid', value: sessionToken, url: baseURL }])
  return o
}

/**
 * Waits until the page's requests are done and no finite CSS transition or animation runs, so a
 * screenshot is settled. A page holding a WebSocket may never be "network idle": that wait is
 * best effort.
 */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => {})
  const running = `document.getAnimations().filter((a) => a.playState === 'running'
    && Number.isFinite(Number(a.effect?.getComputedTiming().endTime))).length`
  await expect.poll(() => page.evaluate(running)).toBe(0)
}
