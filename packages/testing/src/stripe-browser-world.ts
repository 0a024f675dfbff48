import { type StripeTestServer, startStripeTestServer } from '@app/stripe-test-server'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, vi } from 'vitest'
import type { RunningApp } from '../../../apps/server/src/app.ts'
import { demoPersonasSeed } from '../../../apps/server/src/modules/identity/seed.ts'
import { apiClient } from './api-client.ts'
import { launchBrowser, newPage, type PageProblems, screenshot } from './browser.ts'
import { sessionFor, type TestSession } from './sessions.ts'
import { startTestApp } from './test-app.ts'
import { useTestDatabase } from './test-database.ts'

const SIGN_INS = {
  tom: 'tom@talentbridge.demo',
  rachel: 'rachel@recruiters.demo',
  admin: 'admin@splits.demo',
} as const
type Who = keyof typeof SIGN_INS

/**
 * The world of a browser journey through plans and payments: a local Stripe test server whose clock
 * the app follows, the app in demo mode talking to it (its webhooks wired back), the demo personas
 * with a session each (Tom, Rachel, the platform admin) and Chromium. Registers its own
 * `beforeAll`/`afterAll`; `name` prefixes the screenshots.
 */
export function useStripeBrowserWorld(name: string) {
  const database = useTestDatabase()
  const webhookSecret = `whsec_${name.replaceAll('-', '_')}_e2e`
  let stripe: StripeTestServer | undefined
  let app: (RunningApp & { baseUrl: string }) | undefined
  let browser: Browser | undefined
  const sessions = new Map<Who, TestSession>()
  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is only available inside tests and hooks`)
    return value
  }

  beforeAll(async () => {
    vi.setConfig({ expect: { poll: { timeout: 15_000, interval: 150 } } })
    stripe = await startStripeTestServer({
      webhookRetry: { maxAttempts: 5, backoffMs: () => 50, timeoutMs: 5000 },
    })
    const server = stripe
    app = await startTestApp(database.current.url, {
      clock: { now: () => new Date(server.control.now()) },
      env: {
        DEMO_MODE: 'true',
        STRIPE_SECRET_KEY: server.secretKey,
        STRIPE_WEBHOOK_SECRET: webhookSecret,
        STRIPE_API_URL: server.url,
      },
    })
    server.control.setWebhookEndpoints([{ url: `${app.baseUrl}/api/webhooks/stripe`, secret: webhookSecret }])
    await demoPersonasSeed.run(app.ctx, () => {})
    await signIn()
    browser = await launchBrowser()
  }, 180_000)
  afterAll(async () => {
    await browser?.close()
    await app?.stop()
    await stripe?.stop()
  })

  /** Fresh sessions for the personas (after the clock moved past their expiry, say). */
  async function signIn() {
    const ctx = ready(app, 'The app').ctx
    for (const [who, email] of Object.entries(SIGN_INS) as [Who, string][])
      sessions.set(who, await sessionFor(ctx, { email }))
  }

  /** Waits until no finite animation runs, so a screenshot shows the settled screen. */
  async function still(page: Page) {
    const running = `document.getAnimations().filter((a) => a.playState === 'running'
      && Number.isFinite(Number(a.effect?.getComputedTiming().endTime))).length`
    await expect.poll(() => page.evaluate(running)).toBe(0)
  }

  return {
    get stripe() {
      return ready(stripe, 'The Stripe test server')
    },
    get app() {
      return ready(app, 'The app')
    },
    signIn,
    /** The API as one of the personas. */
    as: (who: Who) => apiClient(ready(app, 'The app').baseUrl, sessions.get(who)),
    /** A browser page signed in as one of the personas. */
    async pageOf(who: Who) {
      const baseUrl = ready(app, 'The app').baseUrl
      const opened = await newPage(ready(browser, 'The browser'), { baseURL: baseUrl })
      await opened.context.addCookies([{ name: 'sid', value: sessions.get(who)!.token, url: baseUrl }])
      return opened
    },
    /** A page's errors other than the 401/403 answers a screen may meet on purpose. */
    unexpected: (problems: PageProblems): string[] =>
      problems.errors.filter((e) => !/status of (401|403)\b/.test(e)),
    /** A screenshot of the settled page where it is scrolled to, named `<name>-<shot>`. */
    async shot(page: Page, shot: string) {
      await still(page)
      return screenshot(page, `${name}-${shot}`)
    },
    /** A screenshot from the top of the settled page, named `<name>-<shot>`. */
    async snap(page: Page, shot: string) {
      await page.evaluate('window.scrollTo(0, 0)')
      await still(page)
      return screenshot(page, `${name}-${shot}`)
    },
  }
}
