import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { RunningApp } from '../apps/server/src/app.ts'
import { demoFlagsSeed } from '../apps/server/src/modules/flags/seed.ts'
import { demoPersonasSeed } from '../apps/server/src/modules/identity/seed.ts'
import { apiClient } from '../packages/testing/src/api-client.ts'
import { launchBrowser, newPage, type PageProblems, screenshot } from '../packages/testing/src/browser.ts'
import { eventually } from '../packages/testing/src/eventually.ts'
import { addAcmeCompany } from '../packages/testing/src/fixtures.ts'
import { sessionFor } from '../packages/testing/src/sessions.ts'
import { startTestApp } from '../packages/testing/src/test-app.ts'
import { useTestDatabase } from '../packages/testing/src/test-database.ts'

/**
 * Fraud review through the screens: Rachel submits the same person to two Acme roles under two
 * candidate records; the detector flags it (high) and holds her submissions. The platform admin
 * walks the queue, opens the signal (evidence, history), resolves it with notes, then lifts the
 * hold with a reason. (Splits Network's screens are English; the Hebrew strings are there for when they switch.)
 */
const database = useTestDatabase()
let app: RunningApp & { baseUrl: string }
let browser: Browser
let signalId = ''

async function still(page: Page) {
  const running = `document.getAnimations().filter((a) => a.playState === 'running'
    && Number.isFinite(Number(a.effect?.getComputedTiming().endTime))).length`
  await expect.poll(() => page.evaluate(running)).toBe(0)
}
async function snap(page: Page, name: string) {
  await page.evaluate('window.scrollTo(0, 0)')
  await still(page)
  await screenshot(page, name)
}
async function signedIn(email: string) {
  const session = await sessionFor(app.ctx, { email })
  const opened = await newPage(browser, { baseURL: app.baseUrl })
  await opened.context.addCookies([{ name: 'sid', value: session.token, url: app.baseUrl }])
  return opened
}
const unexpected = (problems: PageProblems) => problems.errors.filter((e) => !/status of (401|403)\b/.test(e))

beforeAll(async () => {
  vi.setConfig({ expect: { poll: { timeout: 15_000, interval: 100 } } })
  app = await startTestApp(database.current.url, { env: { DEMO_MODE: 'true' } })
  await demoPersonasSeed.run(app.ctx, () => {})
  // the product's flags, as on a demo start: fraud.throttling on (holds need it switched on)
  await demoFlagsSeed.run(app.ctx, () => {})
  const acme = await addAcmeCompany(app.ctx, { paymentTerms: 'net_30', billingEmail: 'ap@acme.demo' })
  browser = await launchBrowser()
  const dana = apiClient(app.baseUrl, await sessionFor(app.ctx, { email: 'dana@acme.demo' }))
  const rachel = apiClient(app.baseUrl, await sessionFor(app.ctx, { email: 'rachel@recruiters.demo' }))
  const role = async (title: string) => {
    const res = await dana.post('/api/roles', {
      company_id: acme,
      title,
      description: 'Robot fleets. **React** and **TypeScript**.',
      function: 'engineering',
      seniority: 'senior',
      location: 'Tel Aviv',
      country: 'IL',
      work_mode: 'hybrid',
      salary: { min: '40000000', max: '50000000', currency: 'ILS' },
    })
    expect(res.status).toBe(201)
    expect((await dana.post(`/api/roles/${res.body.id}/status`, { status: 'open' })).status).toBe(200)
    return res.body.id as string
  }
  const roles = [await role('Senior Frontend Engineer'), await role('Frontend Platform Engineer')]
  const people = []
  for (const email of ['ada.cohen@people.test', 'a.cohen.dev@people.test']) {
    const res = await rachel.post('/api/candidates', {
      full_name: 'Ada Cohen',
      email,
      current_title: 'Senior Frontend Engineer',
      location: 'Tel Aviv',
      country: 'IL',
      consent: { method: 'email', text_version: 'rtr-2026-01' },
    })
    expect(res.status).toBe(201)
    people.push(res.body.candidate.id as string)
  }
  for (const [i, id] of people.entries()) {
    expect((await rachel.post('/api/applications', { role_id: roles[i], candidate_id: id })).status).toBe(201)
  }
  const admin = apiClient(app.baseUrl, await sessionFor(app.ctx, { email: 'admin@splits.demo' }))
  signalId = await eventually(
    'the duplicate is flagged',
    async () => (await admin.get('/api/admin/fraud/signals?type=duplicate_submission')).body.data[0]?.id,
    30_000,
    200,
  )
}, 120_000)
afterAll(async () => {
  await browser?.close()
  await app?.stop()
})

describe('admin fraud review', () => {
  it('walks the queue, resolves the signal and lifts the hold', async () => {
    const { page, problems, context } = await signedIn('admin@splits.demo')
    await page.goto('/admin/fraud')
    await expect.poll(() => page.getByRole('link', { name: 'Duplicate submission' }).isVisible()).toBe(true)
    await expect.poll(() => page.getByRole('heading', { name: 'Recruiters on hold' }).isVisible()).toBe(true)
    await expect.poll(() => page.getByTestId('fraud-hold').count()).toBe(1)
    await snap(page, 'admin-fraud-queue')

    await page.getByRole('link', { name: 'Duplicate submission' }).click()
    await page.waitForURL(`**/admin/fraud/${signalId}`)
    await expect.poll(() => page.getByText('same_recruiter').isVisible()).toBe(true)
    await page
      .getByLabel('Notes')
      .fill('Two records of Ada Cohen by the same recruiter; second application withdrawn.')
    await snap(page, 'admin-fraud-signal')
    await page.getByRole('button', { name: 'Resolve (confirmed)' }).last().click()
    await expect.poll(() => page.getByText('Resolved').first().isVisible()).toBe(true)
    await expect.poll(() => page.getByRole('button', { name: 'Resolve (confirmed)' }).count()).toBe(0)
    await snap(page, 'admin-fraud-signal-resolved')

    await page.getByText('All signals').click()
    await page.getByRole('button', { name: 'Lift hold' }).click()
    await page
      .getByLabel('Why lift the hold')
      .fill('Spoke to Rachel: a CRM import created the second record.')
    await page.getByRole('button', { name: 'Lift', exact: true }).click()
    await expect.poll(() => page.getByText('Nobody is on hold.').isVisible()).toBe(true)
    await page.getByRole('tab', { name: 'Resolved' }).click()
    await expect.poll(() => page.getByRole('link', { name: 'Duplicate submission' }).isVisible()).toBe(true)
    await snap(page, 'admin-fraud-after')
    expect(unexpected(problems)).toEqual([])
    await context.close()
  }, 90_000)
})
