import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { RunningApp } from '../apps/server/src/app.ts'
import { demoPersonasSeed } from '../apps/server/src/modules/identity/seed.ts'
import { apiClient } from '../packages/testing/src/api-client.ts'
import { launchBrowser, newPage, type PageProblems, screenshot } from '../packages/testing/src/browser.ts'
import { eventually } from '../packages/testing/src/eventually.ts'
import { addAcmeCompany } from '../packages/testing/src/fixtures.ts'
import { sessionFor } from '../packages/testing/src/sessions.ts'
import { startTestApp } from '../packages/testing/src/test-app.ts'
import { useTestDatabase } from '../packages/testing/src/test-database.ts'

/**
 * Explainable matching through the screens: Dana opens a React role, Rachel adds two candidates;
 * the model suggests them. Rachel reviews the suggested roles on a candidate (each factor as a bar),
 * accepts one and submits the pre-filled submission herself, and rejects another with a reason;
 * Dana sees suggested candidates on her role as profiles without names; the platform admin sees
 * every suggestion, the model versions and the decision log with its agreement chart.
 */
const database = useTestDatabase()
let app: RunningApp & { baseUrl: string }
let browser: Browser
const ids: { role?: string; ada?: string; ben?: string; cara?: string } = {}

const visible = (locator: Locator) => expect.poll(() => locator.isVisible(), { timeout: 15_000 }).toBe(true)

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
async function signedIn(email: string, viewport?: { width: number; height: number }) {
  const session = await sessionFor(app.ctx, { email })
  const opened = await newPage(browser, { baseURL: app.baseUrl, ...(viewport ? { viewport } : {}) })
  await opened.context.addCookies([{ name: 'sid', value: session.token, url: app.baseUrl }])
  return opened
}
function unexpected(problems: PageProblems): string[] {
  return problems.errors.filter((e) => !/status of (401|403)\b/.test(e))
}
async function noHorizontalOverflow(page: Page) {
  const { scroll, width } = (await page.evaluate(
    '({ scroll: document.documentElement.scrollWidth, width: window.innerWidth })',
  )) as { scroll: number; width: number }
  expect(scroll).toBeLessThanOrEqual(width)
}

beforeAll(async () => {
  vi.setConfig({ expect: { poll: { timeout: 15_000, interval: 100 } } })
  app = await startTestApp(database.current.url, { env: { DEMO_MODE: 'true' } })
  await demoPersonasSeed.run(app.ctx, () => {})
  const acme = await addAcmeCompany(app.ctx, { paymentTerms: 'net_30', billingEmail: 'ap@acme.demo' })
  browser = await launchBrowser()
  const dana = apiClient(app.baseUrl, await sessionFor(app.ctx, { email: 'dana@acme.demo' }))
  const rachel = apiClient(app.baseUrl, await sessionFor(app.ctx, { email: 'rachel@recruiters.demo' }))
  const role = await dana.post('/api/roles', {
    company_id: acme,
    title: 'Senior Frontend Engineer',
    description:
      'Acme builds robot fleets. You will own our operator console in **React** and **TypeScript**, with a Node.js backend for frontend and GraphQL.',
    function: 'engineering',
    industry: 'ai',
    seniority: 'senior',
    location: 'Tel Aviv',
    country: 'IL',
    work_mode: 'hybrid',
    salary: { min: '40000000', max: '50000000', currency: 'ILS' },
  })
  expect(role.status).toBe(201)
  ids.role = role.body.id
  expect((await dana.post(`/api/roles/${ids.role}/status`, { status: 'open' })).status).toBe(200)
  const candidate = async (body: Record<string, unknown>) => {
    const res = await rachel.post('/api/candidates', {
      consent: { method: 'email', text_version: 'rtr-2026-01' },
      ...body,
    })
    expect(res.status).toBe(201)
    return res.body.candidate.id as string
  }
  ids.ada = await candidate({
    full_name: 'Ada Cohen',
    email: 'ada.cohen@people.test',
    current_title: 'Senior Frontend Engineer',
    location: 'Tel Aviv',
    country: 'IL',
    skills: ['ReactJS', 'TypeScript', 'Node.js'],
    years_experience: 7,
    salary_expectation: { min: '44000000', currency: 'ILS' },
  })
  ids.ben = await candidate({
    full_name: 'Ben Levi',
    email: 'ben.levi@people.test',
    current_title: 'Frontend Developer',
    location: 'Haifa',
    country: 'IL',
    skills: ['React', 'TypeScript', 'GraphQL'],
    years_experience: 6,
    salary_expectation: { min: '52000000', currency: 'USD' },
  })
  ids.cara = await candidate({
    full_name: 'Cara Mizrahi',
    email: 'cara.mizrahi@people.test',
    current_title: 'Lead Frontend Engineer',
    location: 'Tel Aviv',
    country: 'IL',
    skills: ['React', 'Next.js', 'GraphQL', 'Node.js'],
    years_experience: 9,
  })
  for (const id of [ids.ada, ids.ben, ids.cara]) {
    await eventually(
      `a suggestion for ${id}`,
      async () => {
        const res = await rachel.get(`/api/matches?candidate_id=${id}`)
        return res.body.data.length > 0
      },
      60_000,
      250,
    )
  }
}, 120_000)
afterAll(async () => {
  await browser?.close()
  await app?.stop()
})

describe('explainable matching with human review', () => {
  it('Rachel sees the roles suggested for a candidate, each factor explained, and submits after accepting', async () => {
    const { page, problems, context } = await signedIn('rachel@recruiters.demo')
    await page.goto(`/splits/candidates/${ids.ada}`)
    const section = page.getByRole('region', { name: 'Suggested roles' })
    await visible(section)
    const card = section.getByTestId('match-card').first()
    await visible(card.getByRole('link', { name: 'Senior Frontend Engineer' }))
    for (const factor of ['Skills', 'Function', 'Seniority', 'Location and work mode', 'Salary'])
      await visible(card.getByText(factor, { exact: true }))
    await visible(card.getByText(/Has 3 of \d+ skills/))
    await visible(card.getByText(/missing: GraphQL/))
    await snap(page, 'matching-suggested-roles')

    await card.getByRole('button', { name: 'Accept' }).click()
    const dialog = page.getByRole('dialog', { name: 'Review the submission' })
    await visible(dialog)
    await visible(dialog.getByText(/Nothing has been sent/))
    await expect
      .poll(() => dialog.getByLabel('Note to the hiring team').inputValue())
      .toMatch(/Suggested match/)
    await snap(page, 'matching-accept-prefill')
    await dialog.getByRole('button', { name: 'Submit candidate' }).click()
    await page.waitForURL('**/splits/applications/**')
    expect(unexpected(problems)).toEqual([])
    await context.close()
  })

  it('Rachel rejects a suggestion with a reason; pay in another currency is not compared', async () => {
    const { page, problems, context } = await signedIn('rachel@recruiters.demo', { width: 390, height: 844 })
    await page.goto(`/splits/candidates/${ids.ben}`)
    const section = page.getByRole('region', { name: 'Suggested roles' })
    const card = section.getByTestId('match-card').first()
    await visible(card)
    await visible(card.getByText(/Not compared: the candidate expects USD, the role pays ILS/))
    await noHorizontalOverflow(page)
    await snap(page, 'matching-suggested-roles-phone')
    await card.getByRole('button', { name: 'Not a fit' }).click()
    const dialog = page.getByRole('dialog', { name: 'Why is this not a fit?' })
    await visible(dialog)
    await expect.poll(() => dialog.getByRole('button', { name: 'Reject suggestion' }).isDisabled()).toBe(true)
    await dialog.getByLabel('Reason').fill('Relocating to Berlin, wants USD pay')
    await dialog.getByRole('button', { name: 'Reject suggestion' }).click()
    await visible(page.getByText('Suggestion rejected'))
    await visible(section.getByText('No suggestions right now'))
    expect(unexpected(problems)).toEqual([])
    await context.close()
  })

  it('Dana sees suggested candidates on her role as profiles, without names', async () => {
    const { page, problems, context } = await signedIn('dana@acme.demo')
    await page.goto(`/splits/roles/${ids.role}?tab=suggested`)
    const section = page.getByRole('region', { name: 'Suggested candidates' })
    await visible(section)
    // Ada was accepted and Ben rejected; Cara is still open, shown as a profile without her name
    const card = section.getByTestId('match-card').first()
    await visible(card.getByText('A represented candidate'))
    await snap(page, 'matching-suggested-candidates')
    await visible(card.getByText(/Lead · Tel Aviv/))
    expect(await section.getByText('Cara Mizrahi').count()).toBe(0)
    expect(await card.getByRole('button', { name: 'Accept' }).count()).toBe(1)
    expect(unexpected(problems)).toEqual([])
    await context.close()
  })

  it('Dana accepts Cara: Rachel is told and the notice opens the pre-filled submission', async () => {
    const dana = await signedIn('dana@acme.demo')
    await dana.page.goto(`/splits/roles/${ids.role}?tab=suggested`)
    const card = dana.page
      .getByRole('region', { name: 'Suggested candidates' })
      .getByTestId('match-card')
      .first()
    await visible(card)
    await card.getByRole('button', { name: 'Accept' }).click()
    await visible(dana.page.getByRole('dialog', { name: 'Review the submission' }))
    expect(unexpected(dana.problems)).toEqual([])
    await dana.context.close()
    const link = await eventually('Rachel is told', async () => {
      const r = await database.current.pool.query<{ link: string }>(
        `select link from notifications.inbox where type = 'match.accepted_by_team' and link like '%' || $1 || '%'`,
        [ids.cara],
      )
      return r.rows[0]?.link
    })
    expect(link).toContain(`/splits/candidates/${ids.cara}?match=`)
    const { page, problems, context } = await signedIn('rachel@recruiters.demo', { width: 390, height: 844 })
    await page.goto(link)
    const dialog = page.getByRole('dialog', { name: 'Review the submission' })
    await visible(dialog)
    // the team accepted, not Rachel: the dialog says so
    await visible(dialog.getByText(/The hiring team of .+ accepted/))
    await visible(dialog.getByRole('button', { name: 'Submit candidate' }))
    await snap(page, 'matching-notice-prefill-390')
    await noHorizontalOverflow(page)
    expect(unexpected(problems)).toEqual([])
    await context.close()
  })

  it('the platform admin reviews every suggestion, the models, and the decision log with its agreement chart', async () => {
    const { page, problems, context } = await signedIn('admin@splits.demo')
    await page.goto('/admin/ai-matches')
    await visible(page.getByRole('heading', { name: 'AI matches' }))
    await visible(page.getByRole('region', { name: 'Model versions' }).getByText('Active', { exact: true }))
    await page.getByRole('radiogroup', { name: 'Status' }).getByText('Accepted', { exact: true }).click()
    await visible(page.getByTestId('match-card').first())
    await snap(page, 'matching-admin-ai-matches')

    await page.goto('/admin/decisions')
    await visible(page.getByRole('heading', { name: 'Decision log', level: 1 }))
    await visible(page.getByText(/Hash chain verified/))
    await visible(page.getByRole('region', { name: 'AI–human agreement' }).locator('.recharts-wrapper'))
    await visible(page.getByRole('cell', { name: 'Relocating to Berlin, wants USD pay' }))
    await snap(page, 'matching-admin-decisions')
    expect(unexpected(problems)).toEqual([])
    await context.close()

    const phone = await signedIn('admin@splits.demo', { width: 390, height: 844 })
    await phone.page.goto('/admin/decisions')
    await visible(phone.page.getByText(/Hash chain verified/))
    await noHorizontalOverflow(phone.page)
    await snap(phone.page, 'matching-admin-decisions-phone')
    await phone.context.close()
  })
})
