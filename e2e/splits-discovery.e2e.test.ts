import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { RunningApp } from '../apps/server/src/app.ts'
import { inTransaction, systemActor } from '../apps/server/src/kernel/db/transaction.ts'
import { switchTier } from '../apps/server/src/modules/billing/plans/index.ts'
import { demoPersonasSeed } from '../apps/server/src/modules/identity/seed.ts'
import { apiClient } from '../packages/testing/src/api-client.ts'
import {
  launchBrowser,
  newPage,
  type PageProblems,
  screenshot,
  settle,
} from '../packages/testing/src/browser.ts'
import { hire, makeCandidate, submitCandidate } from '../packages/testing/src/factories/index.ts'
import { addAcmeCompany } from '../packages/testing/src/fixtures.ts'
import { sessionFor, type TestSession } from '../packages/testing/src/sessions.ts'
import { startTestApp } from '../packages/testing/src/test-app.ts'
import { useTestDatabase } from '../packages/testing/src/test-database.ts'

/**
 * Discovery, through the screens: Rachel (recruiter) sorts the role marketplace by fee, sees the
 * total, the fee on each card and the role she works on; saves the search; Dana (Acme) opens a
 * matching role and Rachel's alert arrives; then the company's and Rachel's public profiles.
 * The tests run in order and share the state they build.
 */
const database = useTestDatabase()
let app: RunningApp & { baseUrl: string }
let browser: Browser
const s: Record<string, TestSession> = {}
const ids: Record<string, string> = {}
const PHONE = { width: 390, height: 844 }

const as = (who: string) => apiClient(app.baseUrl, s[who])
const visible = (locator: Locator) => expect.poll(() => locator.isVisible(), { timeout: 15_000 }).toBe(true)

async function role(title: string, salary: [string, string], feeBps = 2000) {
  const r = await as('dana').post('/api/roles', {
    company_id: ids.acme,
    title,
    description: 'Robots that ship.',
    function: 'engineering',
    industry: 'ai',
    seniority: 'senior',
    location: 'Boston, MA',
    country: 'US',
    work_mode: 'remote',
    salary: { min: salary[0], max: salary[1], currency: 'USD' },
    fee_rate_bps: feeBps,
  })
  expect(r.status).toBe(201)
  expect((await as('dana').post(`/api/roles/${r.body.id}/status`, { status: 'open' })).status).toBe(200)
  return r.body.id as string
}

beforeAll(async () => {
  vi.setConfig({ expect: { poll: { timeout: 15_000, interval: 100 } } })
  app = await startTestApp(database.current.url, { env: { DEMO_MODE: 'true' } })
  await demoPersonasSeed.run(app.ctx, () => {})
  ids.acme = await addAcmeCompany(app.ctx)
  await app.ctx.db
    .updateTable('ats.companies' as never)
    .set({
      description: 'Acme builds warehouse robots.',
      industry: 'ai',
      headquarters: 'Boston, MA',
    } as never)
    .where('id' as never, '=', ids.acme as never)
    .execute()
  for (const [k, email] of Object.entries({
    dana: 'dana@acme.demo',
    rachel: 'rachel@recruiters.demo',
    tom: 'tom@talentbridge.demo',
  })) {
    s[k] = await sessionFor(app.ctx, { email })
  }
  ids.low = await role('Junior Robotics Technician', ['6000000', '8000000'])
  ids.top = await role('Principal Robotics Architect', ['25000000', '30000000'], 2500)
  ids.mid = await role('Senior Controls Engineer', ['15000000', '18000000'])
  // Rachel works on the mid role: she submitted a candidate; and she has a placement past its guarantee
  const me = await as('rachel').get('/api/recruiters/me')
  ids.rachel = me.body.id
  await as('rachel').patch('/api/recruiters/me', {
    headline: 'Robotics and controls recruiter',
    bio: 'I place robotics engineers with start-ups in Boston and Tel Aviv.',
    specializations: { function: ['engineering'], industry: ['ai'], locations: ['Boston, MA'] },
  })
  const w = { ctx: app.ctx, baseUrl: app.baseUrl }
  await submitCandidate(w, s.rachel!, ids.mid, (await makeCandidate(w, s.rachel!)).id)
  const placed = await role('Robotics Test Engineer', ['9000000', '11000000'])
  const application = await submitCandidate(w, s.rachel!, placed, (await makeCandidate(w, s.rachel!)).id)
  await hire(w, s.dana!, application, { amount: '10000000', startDate: '2026-01-05' })
  browser = await launchBrowser()
}, 120_000)
afterAll(async () => {
  await browser?.close()
  await app?.stop()
})

function unexpected(problems: PageProblems): string[] {
  return problems.errors.filter((e) => !/status of (401|403)\b/.test(e))
}

async function signedIn(who: string, viewport?: { width: number; height: number }) {
  const opened = await newPage(browser, { baseURL: app.baseUrl, ...(viewport ? { viewport } : {}) })
  await opened.context.addCookies([{ name: 'sid', value: s[who]!.token, url: app.baseUrl }])
  return opened
}

async function snap(page: Page, name: string) {
  await page.evaluate('window.scrollTo(0, 0)')
  await settle(page)
  await screenshot(page, name)
}

let rachel: Awaited<ReturnType<typeof signedIn>>

describe('discovery: the role marketplace, saved searches and profiles', () => {
  it('1. Rachel sorts the marketplace by fee, with the total, the fee on each card and her role marked', async () => {
    rachel = await signedIn('rachel')
    const { page, problems } = rachel
    await page.goto('/splits/roles')
    await visible(page.getByTestId('roles-total').getByText('3 roles'))
    await page.getByRole('combobox', { name: 'Sort roles' }).click()
    await page.getByRole('option', { name: 'Highest fee', exact: true }).click()
    await page.waitForURL('**/splits/roles?sort=fee')
    const cards = page.getByRole('article')
    await expect.poll(() => cards.first().getAttribute('aria-label')).toBe('Principal Robotics Architect')
    // 25% of $250k–$300k
    await visible(cards.first().getByText('Fee $62.5k–$75k'))
    const mid = page.getByRole('article', { name: 'Senior Controls Engineer' })
    await visible(mid.getByText('You work on this'))
    await visible(mid.getByText('1 submission'))
    expect(
      await page
        .getByRole('article', { name: 'Junior Robotics Technician' })
        .getByText('You work on this')
        .count(),
    ).toBe(0)
    await snap(page, 'splits-discovery-marketplace-by-fee')
    expect(unexpected(problems)).toEqual([])
  })

  it('2. she saves the search with instant email alerts, and finds it on her saved searches', async () => {
    const { page, problems } = rachel
    await page.getByRole('button', { name: 'Save this search' }).click()
    const dialog = page.getByRole('dialog', { name: 'Save this search' })
    await dialog.getByLabel('Name').fill('Remote robotics')
    await dialog.getByRole('button', { name: 'Save search' }).click()
    await visible(page.getByText('Saved “Remote robotics”. Find it under Saved searches.'))
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Saved searches' })
      .click()
    const card = page.getByRole('article', { name: 'Remote robotics' })
    await visible(card)
    await visible(card.getByText('Highest fee', { exact: false }))
    await snap(page, 'splits-discovery-saved-searches')
    // the same name again is refused, in words
    await page.goto('/splits/roles')
    await page.getByRole('button', { name: 'Save this search' }).click()
    await page.getByRole('dialog').getByLabel('Name').fill('remote ROBOTICS')
    await page.getByRole('dialog').getByRole('button', { name: 'Save search' }).click()
    await visible(page.getByText('is the name of another of your saved searches'))
    await page.keyboard.press('Escape')
    expect(unexpected(problems).filter((e) => !/status of 409/.test(e))).toEqual([])
    problems.errors.length = 0
  })

  it('3. Dana opens a matching role and Rachel’s alert arrives in her bell', async () => {
    ids.fresh = await role('Staff Perception Engineer', ['20000000', '24000000'])
    const { page, problems } = rachel
    await expect
      .poll(
        async () =>
          (await as('rachel').get('/api/notifications')).body.data.some((n: { title: string }) =>
            n.title.includes('Staff Perception Engineer'),
          ),
        { timeout: 20_000 },
      )
      .toBe(true)
    await page.goto('/splits/notifications')
    await visible(page.getByText('New role for “Remote robotics”: Staff Perception Engineer'))
    await snap(page, 'splits-discovery-alert')
    expect(unexpected(problems)).toEqual([])
  })

  it('4. the company’s public profile: about, open roles, hires through Splits', async () => {
    const { page, problems } = rachel
    await page.goto('/splits/roles')
    await page
      .getByRole('article', { name: 'Staff Perception Engineer' })
      .getByRole('link', { name: 'Acme Robotics' })
      .click()
    await visible(page.getByRole('heading', { name: 'Acme Robotics' }))
    await visible(page.getByText('Acme builds warehouse robots.'))
    await visible(page.getByText('4 open roles'))
    await snap(page, 'splits-discovery-company-profile')
    expect(unexpected(problems)).toEqual([])
  })

  it('5. Rachel’s public profile as Dana sees it: verified placements, no ratings', async () => {
    const dana = await signedIn('dana')
    await dana.page.goto(`/splits/recruiters/${ids.rachel}`)
    await visible(dana.page.getByRole('heading', { name: /Rachel/ }))
    await expect.poll(() => dana.page.getByTestId('verified-placements').textContent()).toBe('1')
    await visible(dana.page.getByText('Robotics and controls recruiter', { exact: false }))
    expect(await dana.page.getByText(/★|out of 5|\d(\.\d)? stars/).count()).toBe(0)
    await snap(dana.page, 'splits-discovery-recruiter-profile')
    expect(unexpected(dana.problems)).toEqual([])
    await dana.context.close()
  })

  it('6. on a phone (390 px) the marketplace and the saved searches fit the screen', async () => {
    const phone = await signedIn('rachel', PHONE)
    await phone.page.goto('/splits/roles?sort=fee')
    await visible(phone.page.getByTestId('roles-total').getByText('4 roles'))
    expect(await phone.page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390)
    await snap(phone.page, 'splits-discovery-marketplace-phone')
    await phone.page.goto('/splits/saved-searches')
    await visible(phone.page.getByRole('article', { name: 'Remote robotics' }))
    expect(await phone.page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390)
    await snap(phone.page, 'splits-discovery-saved-searches-phone')
    expect(unexpected(phone.problems)).toEqual([])
    await phone.context.close()
  })

  it('7. a role opened with a first look: Tom (Partner) sees it marked early access, Rachel not yet', async () => {
    const dana = await signedIn('dana')
    await dana.page.goto(`/splits/roles/${ids.mid}/edit`)
    const firstLook = dana.page.getByRole('switch', { name: 'Give Partner recruiters a first look' })
    await visible(firstLook)
    expect(await firstLook.isChecked()).toBe(false)
    await firstLook.scrollIntoViewIfNeeded()
    await snap(dana.page, 'splits-early-access-role-form')
    await dana.context.close()

    const tom = await as('tom').get('/api/recruiters/me')
    await inTransaction(app.ctx.db, systemActor('e2e'), (tx) =>
      switchTier(tx, tom.body.id, 'partner', new Date(), 'admin', null),
    )
    const r = await as('dana').post('/api/roles', {
      company_id: ids.acme,
      title: 'Head of Robotics Safety',
      description: 'Keep robots and people safe together.',
      function: 'engineering',
      industry: 'ai',
      seniority: 'lead',
      location: 'Boston, MA',
      country: 'US',
      work_mode: 'hybrid',
      salary: { min: '22000000', max: '26000000', currency: 'USD' },
      early_access: true,
    })
    expect((await as('dana').post(`/api/roles/${r.body.id}/status`, { status: 'open' })).body).toMatchObject({
      early_access: true,
      early_access_until: expect.any(String),
    })

    const partner = await signedIn('tom')
    await partner.page.goto('/splits/roles?sort=fee')
    const card = partner.page.getByRole('article', { name: 'Head of Robotics Safety' })
    await visible(card.getByText(/Early access · everyone from/))
    await snap(partner.page, 'splits-early-access-partner-marketplace')
    expect(unexpected(partner.problems)).toEqual([])
    await partner.context.close()

    const pro = await signedIn('rachel')
    await pro.page.goto('/splits/roles?sort=fee')
    await visible(pro.page.getByTestId('roles-total').getByText('4 roles'))
    expect(await pro.page.getByText('Head of Robotics Safety').count()).toBe(0)
    await pro.context.close()
  })
})
