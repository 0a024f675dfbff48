import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { RunningApp } from '../apps/server/src/app.ts'
import {
  launchBrowser,
  newPage,
  type OpenedPage,
  screenshot,
  settle,
} from '../packages/testing/src/browser.ts'
import {
  advance,
  api,
  makeCandidate,
  makeCompany,
  makeRecruiter,
  makeRole,
  makeTeamMember,
  submitCandidate,
  type TestCompany,
  type TestRecruiter,
  type World,
} from '../packages/testing/src/factories/index.ts'
import type { TestPerson } from '../packages/testing/src/factories/splits-people.ts'
import { startTestApp } from '../packages/testing/src/test-app.ts'
import { useTestDatabase } from '../packages/testing/src/test-database.ts'

/**
 * Notes and feedback through the screens: the hiring manager asks the recruiter a question and
 * gives interview feedback on the role's scorecard, shared with the recruiter; the recruiter, on
 * a phone, answers the question and reads the feedback; the hiring manager moves the candidate
 * back a stage with a reason; the company admin edits the role's scorecard. Steps share state.
 */
const database = useTestDatabase()
let app: RunningApp & { baseUrl: string }
let browser: Browser
let w: World
let acme: TestCompany
let eli: TestPerson
let rachel: TestRecruiter
let role: { id: string; title: string }
let applicationId: string
const opened: OpenedPage[] = []

beforeAll(async () => {
  // the two shared cores are busy: a screen may take many seconds to settle
  vi.setConfig({ expect: { poll: { timeout: 30_000, interval: 100 } } })
  app = await startTestApp(database.current.url, { env: { DEMO_MODE: 'true' } })
  w = { ctx: app.ctx, baseUrl: app.baseUrl }
  acme = await makeCompany(w, { name: 'Acme Robotics' })
  eli = await makeTeamMember(w, acme, 'hiring_manager')
  rachel = await makeRecruiter(w, { name: 'Rachel Green' })
  role = await makeRole(w, acme, { title: 'Senior Robotics Engineer' })
  const person = await makeCandidate(w, rachel, { full_name: 'Lena Park' })
  const application = await submitCandidate(w, rachel, role.id, person.id, 'Led the ROS2 migration.')
  await advance(w, eli, application, 'interview')
  applicationId = application.id
  browser = await launchBrowser()
})
afterAll(async () => {
  for (const o of opened) await o.context.close().catch(() => {})
  await browser?.close()
  await app?.stop()
})

async function as(person: TestPerson, viewport?: { width: number; height: number }) {
  const o = await newPage(browser, { baseURL: app.baseUrl, ...(viewport ? { viewport } : {}) })
  await o.context.addCookies([{ name: 'sid', value: person.token, url: app.baseUrl }])
  opened.push(o)
  return o
}

const notesCard = (page: Page) => page.getByRole('region', { name: 'Notes & feedback' })

async function noHorizontalOverflow(page: Page) {
  const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth')
  expect(overflow).toBeLessThanOrEqual(0)
}

describe('notes and feedback on an application', () => {
  it('the hiring manager asks a question, then gives interview feedback on the scorecard', async () => {
    const { page, problems } = await as(eli, { width: 1280, height: 900 })
    await page.goto(`/splits/applications/${applicationId}`)
    const card = notesCard(page)
    await expect.poll(() => card.getByText('No notes yet').isVisible()).toBe(true)

    // an information request
    await card.getByRole('combobox', { name: 'Kind' }).click()
    await page.getByRole('option', { name: 'Information request' }).click()
    await card
      .getByLabel('What do you need to know?')
      .fill('What is her notice period, and does she need a visa?')
    await card.getByRole('button', { name: 'Send request' }).click()
    await expect
      .poll(() => card.getByText('1 information request is waiting for an answer.').isVisible())
      .toBe(true)

    // interview feedback with the scorecard: refused without a recommendation, then sent
    await card.getByRole('combobox', { name: 'Kind' }).click()
    await page.getByRole('option', { name: 'Interview feedback' }).click()
    const form = card.getByTestId('scorecard-form')
    await expect.poll(() => form.getByText('Technical skills').isVisible()).toBe(true)
    await form.getByTestId('criterion-technical_skills').getByText('4', { exact: true }).click()
    await form.getByTestId('criterion-relevant_experience').getByText('3', { exact: true }).click()
    await form.getByTestId('criterion-communication').getByText('3', { exact: true }).click()
    await card
      .getByLabel('Feedback')
      .fill('Deep ROS2 knowledge; <b>clear</b> on trade-offs. Probe testing next.')
    await card.getByRole('button', { name: 'Submit feedback' }).click()
    await expect.poll(() => card.getByText('Choose an overall recommendation').isVisible()).toBe(true)
    await form.getByText('Strong yes').click()
    await card.getByLabel('Share with the recruiter').check()
    await expect
      .poll(() => card.getByText('The recruiter and the hiring team will see this.').isVisible())
      .toBe(true)
    await card.getByRole('button', { name: 'Submit feedback' }).click()

    const summary = card.getByTestId('scorecard-summary')
    await expect.poll(() => summary.getByText('1 interview feedback').isVisible()).toBe(true)
    // (4·2 + 3·2 + 3·1) / 5 = 3.40
    await expect.poll(() => summary.getByText('3.40 / 4').isVisible()).toBe(true)
    await expect.poll(() => summary.getByText('Strong yes × 1').isVisible()).toBe(true)
    // markup is shown as the text typed
    await expect.poll(() => card.getByText('<b>clear</b>', { exact: false }).isVisible()).toBe(true)
    // an internal note stays with the team
    await card.getByRole('combobox', { name: 'Kind' }).click()
    await page.getByRole('option', { name: 'Internal note' }).click()
    await expect
      .poll(() => card.getByText('Only your hiring team will see this (the recruiter will not).').isVisible())
      .toBe(true)
    await card.getByLabel('Note', { exact: true }).fill('Budget allows the top of the range.')
    await card.getByRole('button', { name: 'Add internal note' }).click()
    await expect.poll(() => card.getByText('Hiring team only').isVisible()).toBe(true)
    await settle(page)
    await screenshot(page, 'splits-feedback-1-team-feedback')
    expect(problems.errors).toEqual([])
  })

  it('the recruiter, on a phone, answers the request and reads the shared feedback, not the internal note', async () => {
    const { page, problems } = await as(rachel, { width: 390, height: 844 })
    await page.goto(`/splits/applications/${applicationId}`)
    const card = notesCard(page)
    await expect
      .poll(() => card.getByText('1 information request is waiting for an answer.').isVisible())
      .toBe(true)
    await expect.poll(() => card.getByText('Deep ROS2 knowledge', { exact: false }).isVisible()).toBe(true)
    expect(await card.getByText('Budget allows the top of the range.').count()).toBe(0)
    await card.getByRole('button', { name: 'Answer' }).click()
    await card
      .getByRole('textbox', { name: 'Your answer' })
      .fill('Four weeks notice. US citizen, no visa needed.')
    await card.getByRole('button', { name: 'Send answer' }).click()
    await expect
      .poll(() => card.getByText('Four weeks notice. US citizen, no visa needed.').isVisible())
      .toBe(true)
    await expect.poll(() => card.getByText('Answered', { exact: true }).isVisible()).toBe(true)
    expect(await card.getByText('waiting for an answer').count()).toBe(0)
    // a pitch, both sides see it
    await card.getByRole('combobox', { name: 'Kind' }).click()
    await page.getByRole('option', { name: 'Pitch' }).click()
    await card.getByLabel('Why this candidate fits').fill('She has shipped exactly this robot stack twice.')
    await card.getByRole('button', { name: 'Send pitch' }).click()
    await expect
      .poll(() => card.getByText('She has shipped exactly this robot stack twice.').isVisible())
      .toBe(true)
    await settle(page)
    await noHorizontalOverflow(page)
    await card.scrollIntoViewIfNeeded()
    await screenshot(page, 'splits-feedback-2-recruiter-phone')
    expect(problems.errors).toEqual([])
  })

  it('the hiring manager moves the candidate back a stage, and the history keeps the reason', async () => {
    const { page, problems } = await as(eli, { width: 1280, height: 900 })
    await page.goto(`/splits/applications/${applicationId}`)
    await page.getByRole('button', { name: 'Move back' }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByRole('button', { name: 'Move back' }).click()
    await expect.poll(() => dialog.getByText('Give a reason (at least 3 characters)').isVisible()).toBe(true)
    await dialog.getByLabel('Reason').fill('The panel wants a second technical screen')
    await dialog.getByRole('button', { name: 'Move back' }).click()
    await expect
      .poll(() => page.getByText('Reason: The panel wants a second technical screen').isVisible())
      .toBe(true)
    await expect.poll(() => page.getByText('Interview → Screening').isVisible()).toBe(true)
    await settle(page)
    await screenshot(page, 'splits-feedback-3-moved-back')
    expect(problems.errors).toEqual([])
  })

  it('the company admin edits the role’s scorecard', async () => {
    const { page, problems } = await as(acme.admin, { width: 1280, height: 900 })
    await page.goto(`/splits/roles/${role.id}?tab=scorecard`)
    const editor = page.getByTestId('scorecard-editor')
    await expect
      .poll(() => editor.getByText('This role uses the default scorecard', { exact: false }).isVisible())
      .toBe(true)
    await editor.getByRole('button', { name: 'Add criterion' }).click()
    await editor.getByRole('textbox', { name: 'Criterion' }).last().fill('ROS2 & real-time C++')
    await editor.getByRole('textbox', { name: 'Weight' }).last().fill('3')
    await editor.getByRole('button', { name: 'Save scorecard' }).click()
    await expect
      .poll(() => editor.getByText('Interviewers rate each criterion 1–4.', { exact: false }).isVisible())
      .toBe(true)
    const saved = await api(w, acme.admin).get(`/api/roles/${role.id}/scorecard`)
    expect(saved.body.criteria.at(-1)).toMatchObject({
      key: 'ros2_real_time_c',
      name: 'ROS2 & real-time C++',
      weight: 3,
    })
    await settle(page)
    await screenshot(page, 'splits-feedback-4-scorecard-editor')
    // at 390 px the editor fits
    await page.setViewportSize({ width: 390, height: 844 })
    await settle(page)
    await noHorizontalOverflow(page)
    await screenshot(page, 'splits-feedback-5-scorecard-phone')
    expect(problems.errors).toEqual([])
  })
})
