import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { RunningApp } from '../apps/server/src/app.ts'
import { FixedClock } from '../apps/server/src/kernel/clock.ts'
import { demoPersonasSeed } from '../apps/server/src/modules/identity/seed.ts'
import { apiClient } from '../packages/testing/src/api-client.ts'
import { launchBrowser, newPage, type PageProblems, screenshot } from '../packages/testing/src/browser.ts'
import { addAcmeCompany } from '../packages/testing/src/fixtures.ts'
import { sessionFor, type TestSession } from '../packages/testing/src/sessions.ts'
import { startTestApp } from '../packages/testing/src/test-app.ts'
import { useTestDatabase } from '../packages/testing/src/test-database.ts'

/**
 * An interview from proposal to feedback, through the screens: Dana (Acme's admin) proposes two
 * times in New York time on Rachel's application, with Eli as interviewer; Rachel confirms one
 * (also on a phone-sized screen); after the interview Dana marks it completed, and Eli is asked
 * for his feedback with a link to the application's feedback tab. The server's clock is fixed in
 * the (real) past, so jobs and emails run at once.
 */
const database = useTestDatabase()
const clock = new FixedClock('2026-11-16T14:00:00Z')
let app: RunningApp & { baseUrl: string }
let browser: Browser
const state: { application?: string; interview?: string } = {}
const people: Record<'dana' | 'eli' | 'rachel', TestSession | undefined> = {
  dana: undefined,
  eli: undefined,
  rachel: undefined,
}

beforeAll(async () => {
  vi.setConfig({ expect: { poll: { timeout: 10_000, interval: 100 } } })
  app = await startTestApp(database.current.url, {
    clock,
    env: { DEMO_MODE: 'true', SESSION_IDLE_HOURS: '2000' },
  })
  await demoPersonasSeed.run(app.ctx, () => {})
  const acme = await addAcmeCompany(app.ctx, { paymentTerms: 'net_30' })
  people.dana = await sessionFor(app.ctx, { email: 'dana@acme.demo' })
  people.eli = await sessionFor(app.ctx, { email: 'eli@acme.demo' })
  people.rachel = await sessionFor(app.ctx, { email: 'rachel@recruiters.demo' })
  const dana = apiClient(app.baseUrl, people.dana)
  const rachel = apiClient(app.baseUrl, people.rachel)
  const role = (
    await dana.post('/api/roles', {
      company_id: acme,
      title: 'Perception Engineer',
      description: 'Sensors and fusion.',
      function: 'engineering',
      seniority: 'senior',
      work_mode: 'hybrid',
      salary: { min: '15000000', max: '19000000', currency: 'USD' },
    })
  ).body
  await dana.post(`/api/roles/${role.id}/status`, { status: 'open' })
  const candidate = (
    await rachel.post('/api/candidates', {
      full_name: 'Maya Shapiro',
      email: 'maya.shapiro@people.test',
      current_title: 'Robotics Engineer',
      consent: { method: 'email' },
    })
  ).body.candidate
  state.application = (
    await rachel.post('/api/applications', { role_id: role.id, candidate_id: candidate.id })
  ).body.id
  expect(state.application).toBeTruthy()
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await app?.stop()
})

async function signedIn(who: 'dana' | 'eli' | 'rachel', viewport?: { width: number; height: number }) {
  const opened = await newPage(browser, { baseURL: app.baseUrl, ...(viewport ? { viewport } : {}) })
  await opened.context.addCookies([{ name: 'sid', value: people[who]!.token, url: app.baseUrl }])
  return opened
}

const visible = (locator: Locator) => expect.poll(() => locator.isVisible(), { timeout: 10_000 }).toBe(true)
const unexpected = (problems: PageProblems) => problems.errors.filter((e) => !/status of (401|403)\b/.test(e))

async function snap(page: Page, name: string) {
  await page.evaluate('window.scrollTo(0, 0)')
  const running = `document.getAnimations().filter((a) => a.playState === 'running'
    && Number.isFinite(Number(a.effect?.getComputedTiming().endTime))).length`
  await expect.poll(() => page.evaluate(running)).toBe(0)
  return screenshot(page, name)
}

async function noHorizontalOverflow(page: Page) {
  const overflow = await page.evaluate('document.documentElement.scrollWidth - window.innerWidth')
  expect(overflow).toBeLessThanOrEqual(0)
}

describe('an interview: proposed, confirmed, completed, feedback asked and given', () => {
  it('1. Dana proposes two times in New York time, with Eli interviewing', async () => {
    const { page, problems, context } = await signedIn('dana')
    await page.goto(`/splits/applications/${state.application}`)
    await visible(page.getByRole('heading', { name: /Maya Shapiro/ }))
    await page.getByRole('button', { name: 'Propose interview' }).click()
    const dialog = page.getByRole('dialog', { name: 'Propose interview times' })
    await visible(dialog)
    await dialog.getByTestId('interview-zone').click()
    await dialog.getByTestId('interview-zone').fill('America/New_Y')
    await page.getByRole('option', { name: 'America/New_York', exact: true }).click()
    await dialog.getByTestId('interview-slot-0').fill('2026-11-18T10:00')
    await dialog.getByRole('button', { name: 'Add another time' }).click()
    await dialog.getByTestId('interview-slot-1').fill('2026-11-19T15:30')
    await dialog.getByTestId('interview-interviewers').click()
    await page.getByRole('option', { name: 'Eli Ben-David' }).click()
    await page.keyboard.press('Escape')
    await dialog.getByLabel('Meeting link').fill('https://meet.example.com/acme-maya')
    await snap(page, 'splits-interviews-1-propose')
    await dialog.getByRole('button', { name: 'Propose', exact: true }).click()
    await visible(page.getByText('Times proposed: the recruiter has been told'))
    const card = page.getByTestId('interview').first()
    await visible(card.getByText('Waiting for the recruiter to choose a time'))
    await visible(card.getByText(/10:00 in America\/New_York/))
    await snap(page, 'splits-interviews-2-proposed')
    expect(unexpected(problems)).toEqual([])
    const list = await apiClient(app.baseUrl, people.dana!).get(
      `/api/interviews?scope=all&application_id=${state.application}`,
    )
    state.interview = list.body.data[0].id
    expect(list.body.data[0].slots.map((s: { starts_at: string }) => s.starts_at)).toEqual([
      '2026-11-18T15:00:00.000Z',
      '2026-11-19T20:30:00.000Z',
    ])
    await context.close()
  })

  it('2. Rachel confirms the second time from her upcoming interviews, on a phone', async () => {
    const { page, problems, context } = await signedIn('rachel', { width: 390, height: 844 })
    await page.goto('/splits/interviews')
    await visible(page.getByRole('heading', { name: 'Interviews' }))
    const card = page.getByTestId('interview').first()
    await visible(card.getByText('Maya Shapiro · Perception Engineer · Acme Robotics'))
    // the list is paged: its foot says how many are shown (and offers more while there are)
    await visible(page.getByText(/^Showing \d+ interviews?$/))
    await card.getByRole('radio').nth(1).check()
    await snap(page, 'splits-interviews-3-choose-390')
    await noHorizontalOverflow(page)
    await card.getByRole('button', { name: 'Confirm time' }).click()
    await visible(page.getByText('Confirmed: calendar invitations are on their way'))
    await visible(card.getByText('Confirmed', { exact: true }))
    await visible(card.getByRole('link', { name: 'Add to calendar (.ics)' }))
    await snap(page, 'splits-interviews-4-confirmed-390')
    await noHorizontalOverflow(page)
    expect(unexpected(problems)).toEqual([])
    // the invitation Eli receives is a calendar request in New York time
    const ics = await (
      await fetch(`${app.baseUrl}/api/interviews/${state.interview}/invite.ics`, {
        headers: people.eli!.headers,
      })
    ).text()
    expect(ics).toContain('METHOD:REQUEST')
    expect(ics).toContain('DTSTART;TZID=America/New_York:20261119T153000')
    const outbox = await (await fetch(`${app.baseUrl}/api/dev/outbox?recipient=eli@acme.demo`)).json()
    await expect
      .poll(async () => {
        const m = (await (await fetch(`${app.baseUrl}/api/dev/outbox?recipient=eli@acme.demo`)).json()) as {
          data: { subject: string; body: string }[]
        }
        return m.data.some(
          (x) => x.subject.startsWith('Interview confirmed') && x.body.includes('method=REQUEST'),
        )
      })
      .toBe(true)
    expect(outbox).toBeDefined()
    await context.close()
  })

  it('3. After the interview Dana marks it completed and Eli is asked for feedback', async () => {
    clock.set('2026-11-19T22:00:00Z')
    const { page, problems, context } = await signedIn('dana')
    await page.goto(`/splits/interviews/${state.interview}`)
    const card = page.getByTestId('interview')
    await visible(card.getByRole('button', { name: 'Mark completed' }))
    await card.getByRole('button', { name: 'Mark completed' }).click()
    await visible(page.getByText('Completed: the interviewers are asked for feedback'))
    await visible(card.getByText('Completed', { exact: true }))
    await visible(card.getByRole('link', { name: 'Give feedback' }))
    await snap(page, 'splits-interviews-5-completed')
    expect(unexpected(problems)).toEqual([])
    await context.close()

    const eli = await signedIn('eli')
    await eli.page.goto('/splits/notifications')
    await visible(eli.page.getByText('Your feedback: Maya Shapiro – Perception Engineer'))
    await snap(eli.page, 'splits-interviews-6-feedback-asked')
    const notices = await apiClient(app.baseUrl, people.eli!).get('/api/notifications')
    const asked = notices.body.data.find((n: { title: string }) => n.title.startsWith('Your feedback'))
    expect(asked.link).toBe(
      `/splits/applications/${state.application}?tab=feedback&interview=${state.interview}`,
    )
    expect(unexpected(eli.problems)).toEqual([])
    await eli.context.close()
  })

  it('4. Eli follows the link and gives his feedback on the scorecard, tied to the interview', async () => {
    const { page, problems, context } = await signedIn('eli')
    await page.goto(`/splits/applications/${state.application}?tab=feedback&interview=${state.interview}`)
    const card = page.locator('#feedback')
    const form = card.getByTestId('scorecard-form')
    await visible(form.getByText('Technical skills'))
    await form.getByTestId('criterion-technical_skills').getByText('3', { exact: true }).click()
    await form.getByText('Yes', { exact: true }).click()
    await card
      .getByRole('textbox', { name: 'Feedback', exact: true })
      .fill('Solid on sensor fusion; wants more ownership.')
    await card.getByRole('button', { name: 'Submit feedback' }).click()
    await visible(card.getByTestId('scorecard-summary').getByText('1 interview feedback'))
    await snap(page, 'splits-interviews-7-feedback-given')
    const notes = await apiClient(app.baseUrl, people.eli!).get(
      `/api/applications/${state.application}/notes`,
    )
    const feedback = notes.body.data.find((n: { kind: string }) => n.kind === 'interview_feedback')
    expect(feedback).toMatchObject({ interview_id: state.interview, recommendation: 'yes' })
    expect(unexpected(problems)).toEqual([])
    await context.close()
  })
})
