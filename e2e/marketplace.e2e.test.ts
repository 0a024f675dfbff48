import { sql } from 'kysely'
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { RunningApp } from '../apps/server/src/app.ts'
import { demoPersonasSeed } from '../apps/server/src/modules/identity/seed.ts'
import { launchBrowser, newPage, type PageProblems, screenshot } from '../packages/testing/src/browser.ts'
import { addAcmeCompany } from '../packages/testing/src/fixtures.ts'
import { sessionFor } from '../packages/testing/src/sessions.ts'
import { startTestApp } from '../packages/testing/src/test-app.ts'
import { useTestDatabase } from '../packages/testing/src/test-database.ts'

/**
 * One role from posting to placement, through the screens: Dana (company admin) posts and opens
 * it, Rachel (recruiter) finds it and submits a new candidate, Eli (hiring manager) moves her to an
 * offer and rejects another, Dana hires, Rachel sees the placement and its split; then Tom (another
 * recruiter) is blocked submitting the same person and disputes, and the platform admin decides.
 * The tests run in order and share the state they build.
 */
const database = useTestDatabase()
let app: RunningApp & { baseUrl: string }
let browser: Browser

const ROLE = 'Senior Robotics Software Engineer'
const JANE = { name: 'Jane Doe', email: 'jane.doe@gmail.com' }
const state: { roleUrl?: string; janeApplication?: string; samApplication?: string; placementUrl?: string } =
  {}
type Opened = { page: Page; context: BrowserContext; problems: PageProblems }
type Persona = 'dana' | 'rachel' | 'eli' | 'tom' | 'admin'
const pages: Partial<Record<Persona, Opened>> = {}

/** The browser a persona opened in an earlier step, its console problems cleared for this step. */
function browserOf(who: Persona): Opened {
  const opened = pages[who]
  if (!opened) throw new Error(`${who} has no browser yet: an earlier step failed`)
  opened.problems.errors.length = 0
  return opened
}

beforeAll(async () => {
  // The machines' two cores are shared: a screen may take a few seconds to settle, not one.
  vi.setConfig({ expect: { poll: { timeout: 10_000, interval: 100 } } })
  app = await startTestApp(database.current.url, { env: { DEMO_MODE: 'true' } })
  await demoPersonasSeed.run(app.ctx, () => {})
  // The personas seed makes the Acme Robotics organisation; the hiring company is its ats row.
  await addAcmeCompany(app.ctx, { paymentTerms: 'net_60', billingEmail: 'ap@acme.demo' })
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await app?.stop()
})

/** Console errors other than the API refusals a step provokes on purpose. */
function unexpected(problems: PageProblems, allowed: number[] = []): string[] {
  const statuses = [401, 403, ...allowed].join('|')
  return problems.errors.filter((e) => !new RegExp(`status of (${statuses})\\b`).test(e))
}

/** A signed-in browser for a persona, without the email round trip (sign-in has its own tests). */
async function signedIn(
  email: string,
  options: { viewport?: { width: number; height: number }; colorScheme?: 'light' | 'dark' } = {},
) {
  const session = await sessionFor(app.ctx, { email })
  const opened = await newPage(browser, { baseURL: app.baseUrl, ...options })
  await opened.context.addCookies([{ name: 'sid', value: session.token, url: app.baseUrl }])
  return opened
}

const visible = (locator: Locator) => expect.poll(() => locator.isVisible(), { timeout: 10_000 }).toBe(true)

/** Picks an option of a Mantine Select by its accessible name. */
async function pick(scope: Page | Locator, page: Page, label: string, option: string) {
  await scope.getByRole('combobox', { name: label }).click()
  await page.getByRole('option', { name: option, exact: true }).click()
}

/** Waits until no CSS transition or animation runs (collapses, modals), so a screenshot is settled. */
async function still(page: Page) {
  // Spinners loop forever; only finite animations are waited for.
  const running = `document.getAnimations().filter((a) => a.playState === 'running'
    && Number.isFinite(Number(a.effect?.getComputedTiming().endTime))).length`
  await expect.poll(() => page.evaluate(running)).toBe(0)
}

/** A settled full-page screenshot from the top (the app shell's header is fixed). */
async function snap(page: Page, name: string) {
  await page.evaluate('window.scrollTo(0, 0)')
  await still(page)
  await screenshot(page, name)
}

interface OutboxMessage {
  id: string
  body: string
}

async function outbox(recipient: string): Promise<OutboxMessage[]> {
  const response = await fetch(`${app.baseUrl}/api/dev/outbox?recipient=${encodeURIComponent(recipient)}`)
  return ((await response.json()) as { data: OutboxMessage[] }).data
}

async function signInThroughUi(page: Page, email: string) {
  // Earlier sends from this address would hold the next one back for a minute.
  await sql`update identity.sign_in_challenges set created_at = created_at - interval '1 day'`.execute(
    database.current.db,
  )
  const seen = new Set((await outbox(email)).map((m) => m.id))
  await page.goto('/sign-in')
  await page.getByLabel('Work email').fill(email)
  await page.getByRole('button', { name: 'Email me a sign-in code' }).click()
  let message: OutboxMessage | undefined
  await expect
    .poll(async () => {
      message = (await outbox(email)).find((m) => !seen.has(m.id))
      return message !== undefined
    })
    .toBe(true)
  const code = /(?<!\d)(\d{6})(?!\d)/.exec(message!.body)?.[1]
  expect(code).toBeDefined()
  await visible(page.getByText('Enter the 6-digit code we sent to'))
  await page.keyboard.type(code!)
  await page.waitForURL('**/splits')
}

describe('the Splits Network marketplace, from posting to placement', () => {
  it('1. Dana posts a role in major units, sees the server’s field errors, and opens it', async () => {
    pages.dana = await newPage(browser, { baseURL: app.baseUrl })
    const { page, problems } = pages.dana
    await signInThroughUi(page, 'dana@acme.demo')
    const nav = page.getByRole('navigation', { name: 'Main navigation' })
    await visible(nav.getByRole('link', { name: 'Company' }))
    expect(await nav.getByRole('link', { name: 'Candidates' }).count()).toBe(0)

    await nav.getByRole('link', { name: 'Company' }).click()
    await visible(page.getByRole('heading', { name: 'Acme Robotics' }))
    await page.getByRole('link', { name: 'Post a role' }).first().click()
    await page.waitForURL('**/splits/roles/new')

    await page.getByLabel('Job title').fill(ROLE)
    await pick(page, page, 'Function', 'Engineering')
    await pick(page, page, 'Seniority', 'Senior')
    await pick(page, page, 'Industry', 'AI')
    await page
      .getByLabel('Description')
      .fill('Build motion planning for our warehouse robots. C++, ROS and Rust; you own planning end to end.')
    await page.getByLabel('Location').fill('Boston, MA')
    await page.getByLabel('Country').fill('US')
    await pick(page, page, 'Work mode', 'Hybrid')
    await page.getByLabel('Openings').fill('2')
    // Upside down on purpose: the server's message lands on the input it is about.
    await page.getByLabel('Salary from').fill('200000')
    await page.getByLabel('Salary to').fill('160000')
    await page.getByRole('button', { name: 'Save draft' }).click()
    await visible(page.getByText('Max must not be below min', { exact: true }))
    expect(await page.getByText('Check the highlighted fields.').isVisible()).toBe(true)
    await snap(page, 'marketplace-01-post-role-server-error')

    await page.getByLabel('Salary from').fill('160000')
    await page.getByLabel('Salary to').fill('200000')
    await snap(page, 'marketplace-02-post-role-form')
    await page.getByRole('button', { name: 'Save draft' }).click()
    await page.waitForURL(/\/splits\/roles\/[0-9a-f-]{36}$/)
    state.roleUrl = new URL(page.url()).pathname
    await visible(page.getByRole('heading', { name: ROLE }).getByText('Draft'))

    await page.getByRole('button', { name: 'Open role' }).click()
    const dialog = page.getByRole('dialog')
    await visible(dialog.getByText('Recruiters will see the role in the marketplace'))
    await dialog.getByRole('button', { name: 'Open role' }).click()
    await visible(page.getByRole('heading', { name: ROLE }).getByText('Open'))
    await page.getByRole('tab', { name: 'Details' }).click()
    await visible(page.getByText('$160,000 – $200,000'))
    expect(await page.getByText('20% of first-year base').isVisible()).toBe(true)
    expect(await page.getByText('90 days').isVisible()).toBe(true)
    await page.getByRole('tab', { name: 'History' }).click()
    await visible(page.getByText('Role posted as a draft'))
    await snap(page, 'marketplace-03-role-opened-history')
    expect(unexpected(problems, [400])).toEqual([])
  })

  it('2. Rachel finds it with filters, adds Jane inline with consent, and submits her (and Sam)', async () => {
    pages.rachel = await signedIn('rachel@recruiters.demo')
    const { page, problems } = pages.rachel
    await page.goto('/splits/roles')
    await visible(page.getByRole('heading', { name: 'Role marketplace' }))
    await pick(page, page, 'Function', 'Engineering')
    await page.getByRole('searchbox', { name: 'Search roles' }).fill('robotics')
    await page.getByRole('textbox', { name: 'Salary from' }).fill('150000')
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('robotics')
    expect(new URL(page.url()).searchParams.get('function')).toBe('engineering')
    const card = page.getByRole('article', { name: ROLE })
    await visible(card)
    expect(await card.getByText('$160k–$200k').isVisible()).toBe(true)
    expect(await card.getByText('20% fee').isVisible()).toBe(true)
    expect(await card.getByText('90-day guarantee').isVisible()).toBe(true)
    await snap(page, 'marketplace-04-marketplace-filtered')

    // A salary floor above the range hides it.
    await page.getByRole('textbox', { name: 'Salary from' }).fill('250000')
    await visible(page.getByText('No role matches these filters'))
    await page.getByRole('textbox', { name: 'Salary from' }).fill('')
    await visible(card)

    await card.getByRole('link', { name: ROLE }).click()
    await page.waitForURL(`**${state.roleUrl}`)
    await visible(page.getByRole('button', { name: 'Submit a candidate' }))
    await snap(page, 'marketplace-05-role-detail-recruiter')

    const submit = async (name: string, email: string, title: string) => {
      await page.getByRole('button', { name: 'Submit a candidate' }).click()
      const dialog = page.getByRole('dialog', { name: `Submit a candidate to ${ROLE}` })
      await visible(dialog)
      await dialog.getByText('Someone new').click()
      await dialog.getByLabel('Full name').fill(name)
      await dialog.getByLabel('Current title').fill(title)
      await dialog.getByLabel('Email').fill(email)
      await dialog.getByLabel('Location').fill('Cambridge, MA')
      await dialog.getByRole('checkbox', { name: /agreed to be represented/ }).check()
      return dialog
    }
    const dialog = await submit(JANE.name, JANE.email, 'Robotics Engineer')
    await dialog.getByLabel('LinkedIn URL').fill('https://www.linkedin.com/in/jane-doe-robotics/')
    await dialog.getByLabel('Note to the hiring team').fill('Strong ROS background; shipped two AMR fleets.')
    await snap(page, 'marketplace-06-submit-new-candidate')
    await dialog.getByRole('button', { name: 'Add and submit' }).click()
    await visible(page.getByText(`Jane Doe was submitted to ${ROLE}`))
    const mine = page.getByRole('region', { name: 'Your submissions' })
    await visible(mine.getByRole('link', { name: 'Jane Doe' }))

    const second = await submit('Sam Lee', 'sam.lee@example.com', 'Software Engineer')
    await second.getByRole('button', { name: 'Add and submit' }).click()
    await visible(mine.getByRole('link', { name: 'Sam Lee' }))
    expect(await mine.getByRole('cell', { name: 'Submitted', exact: true }).count()).toBe(2)
    await snap(page, 'marketplace-07-submitted')

    // The picker comes before the note; people already submitted to the role are listed but disabled.
    await page.getByRole('button', { name: 'Submit a candidate' }).click()
    const again = page.getByRole('dialog', { name: `Submit a candidate to ${ROLE}` })
    await visible(again)
    const picker = again.getByRole('combobox', { name: 'Candidate' })
    const note = again.getByLabel('Note to the hiring team')
    expect((await picker.boundingBox())!.y).toBeLessThan((await note.boundingBox())!.y)
    await picker.fill('Jane')
    const taken = page.getByRole('option', { name: /Jane Doe.*already submitted to this role/ })
    await visible(taken)
    expect(await taken.getAttribute('aria-disabled')).toBe('true')
    await snap(page, 'marketplace-07b-picker-already-submitted')
    await taken.click({ force: true })
    // Clicking it picks nobody: the submit button stays off.
    expect(await again.getByRole('button', { name: 'Submit candidate' }).isDisabled()).toBe(true)
    await again.getByRole('button', { name: 'Cancel' }).click()
    await expect.poll(() => again.count()).toBe(0)

    // Jane's record: contacts, consent and the new right to represent her to Acme.
    await mine.getByRole('link', { name: 'Jane Doe' }).click()
    await page.waitForURL(/\/splits\/applications\//)
    state.janeApplication = new URL(page.url()).pathname
    await page.goto('/splits/candidates')
    await page.getByRole('link', { name: 'Jane Doe' }).click()
    await visible(page.getByText('jane.doe@gmail.com'))
    const rights = page.getByRole('region', { name: 'Right to represent' })
    await visible(rights.getByText('Acme Robotics'))
    expect(await rights.getByText('Verified').isVisible()).toBe(true)
    await snap(page, 'marketplace-08-candidate-detail')
    expect(unexpected(problems)).toEqual([])
  })

  it('3. Eli moves Jane to an offer and rejects Sam, giving a reason', async () => {
    pages.eli = await signedIn('eli@acme.demo')
    const { page, problems } = pages.eli
    await page.goto(state.roleUrl!)
    const incoming = page.getByRole('region', { name: 'Incoming submissions' })
    await visible(incoming.getByRole('link', { name: 'Jane Doe' }))
    await visible(incoming.getByRole('link', { name: 'Sam Lee' }))
    await snap(page, 'marketplace-09-incoming-submissions')

    await incoming.getByRole('link', { name: 'Jane Doe' }).click()
    await page.waitForURL(`**${state.janeApplication}`)
    // The hiring team sees the contacts (the server logs the reveal).
    await visible(page.getByText('jane.doe@gmail.com'))
    for (const stage of ['Screening', 'Interview', 'Offer']) {
      await page.getByRole('button', { name: `Move to ${stage}` }).click()
      await visible(page.getByRole('heading', { level: 1 }).getByText(stage))
    }
    const history = page.getByRole('region', { name: 'Stage history' })
    await visible(history.getByText('Interview → Offer'))
    await visible(page.getByRole('button', { name: 'Mark hired' }))
    await snap(page, 'marketplace-10-application-offer')

    await page.goto(state.roleUrl!)
    await incoming.getByRole('link', { name: 'Sam Lee' }).click()
    await page.waitForURL(/\/splits\/applications\//)
    state.samApplication = new URL(page.url()).pathname
    await page.getByRole('button', { name: 'Reject' }).click()
    const dialog = page.getByRole('dialog', { name: 'Reject Sam Lee?' })
    await visible(dialog)
    await dialog.getByRole('button', { name: 'Reject candidate' }).click()
    await visible(dialog.getByText('Give a reason of at least 3 characters'))
    await dialog.getByLabel('Reason').fill('Strong on ROS, but we need more production C++ experience.')
    await snap(page, 'marketplace-11-reject-reason')
    await dialog.getByRole('button', { name: 'Reject candidate' }).click()
    await visible(page.getByRole('heading', { level: 1 }).getByText('Rejected'))
    await visible(page.getByText('Reason: Strong on ROS, but we need more production C++ experience.'))

    // The stage counts filter the role's submissions; a second click clears the filter.
    await page.goto(state.roleUrl!)
    const chips = page.getByRole('group', { name: 'Filter submissions by stage' })
    const rejectedChip = chips.getByRole('button', { name: 'Rejected · 1' })
    await visible(rejectedChip)
    await visible(chips.getByRole('button', { name: 'Offer · 1' }))
    expect(await rejectedChip.getAttribute('aria-pressed')).toBe('false')
    await rejectedChip.click()
    await visible(page.getByText('Showing only: Rejected'))
    expect(await rejectedChip.getAttribute('aria-pressed')).toBe('true')
    expect(new URL(page.url()).searchParams.get('stage')).toBe('rejected')
    await expect.poll(() => incoming.getByRole('link', { name: 'Jane Doe' }).count()).toBe(0)
    await visible(incoming.getByRole('link', { name: 'Sam Lee' }))
    await snap(page, 'marketplace-11b-stage-filter')
    await rejectedChip.click()
    await visible(incoming.getByRole('link', { name: 'Jane Doe' }))
    expect(await page.getByText('Showing only: Rejected').count()).toBe(0)
    expect(await rejectedChip.getAttribute('aria-pressed')).toBe('false')
    expect(unexpected(problems)).toEqual([])
  })

  it('4. Dana marks the hire with a salary and start date, and the placement is made', async () => {
    const { page, problems } = browserOf('dana')
    await page.goto(state.janeApplication!)
    await page.getByRole('button', { name: 'Mark hired' }).click()
    const dialog = page.getByRole('dialog', { name: 'Hire Jane Doe' })
    await visible(dialog)
    await dialog.getByLabel('First-year base salary').fill('185000')
    await dialog.getByLabel('Start date').fill('2026-12-01')
    await snap(page, 'marketplace-12-hire-dialog')
    await dialog.getByRole('button', { name: 'Confirm hire' }).click()
    await visible(page.getByRole('heading', { level: 1 }).getByText('Hired'))
    await page.getByRole('link', { name: 'View placement' }).click()
    await page.waitForURL(/\/splits\/placements\/[0-9a-f-]{36}$/)
    state.placementUrl = new URL(page.url()).pathname
    const fee = page.getByRole('region', { name: 'Fee' })
    await visible(fee.getByText('$185,000.00'))
    // The fee comes from billing's statement, made a moment after the hire.
    await visible(fee.getByText('$37,000.00'))
    expect(await fee.getByText('$37,000.00').isVisible()).toBe(true)
    expect(await fee.getByText('splits-fee-2026.1').isVisible()).toBe(true)
    expect(await fee.getByText('Net 60').isVisible()).toBe(true)
    // Only the company admin records a fall-off.
    expect(await page.getByRole('button', { name: 'Record fall-off' }).isVisible()).toBe(true)
    await snap(page, 'marketplace-13-placement-company')
    expect(unexpected(problems)).toEqual([])
  })

  it('5. Rachel sees the placement and its split, proposes a new one, and her pipeline shows Jane hired', async () => {
    const { page, problems } = browserOf('rachel')
    await page.goto('/splits/placements')
    await page.getByRole('link', { name: 'Jane Doe' }).click()
    await page.waitForURL(`**${state.placementUrl}`)
    const split = page.getByRole('region', { name: 'Split agreement' })
    await visible(split.getByRole('cell', { name: 'Candidate recruiter' }))
    expect(await split.getByRole('cell', { name: /Rachel Green/ }).isVisible()).toBe(true)
    expect(await split.getByRole('cell', { name: '100%' }).isVisible()).toBe(true)
    expect(await split.getByText('Split agreed', { exact: true }).isVisible()).toBe(true)
    expect(await page.getByRole('button', { name: 'Record fall-off' }).count()).toBe(0)
    await snap(page, 'marketplace-14-placement-recruiter')

    // A new split with Tom as the candidate sourcer: the total is checked as it is typed.
    await split.getByRole('button', { name: 'Propose a new split' }).click()
    await split.getByRole('button', { name: 'Add a fee role' }).click()
    await split.getByRole('combobox', { name: 'Recruiter 2' }).fill('Tom')
    await page.getByRole('option', { name: 'Tom Baker' }).click()
    await split.getByRole('textbox', { name: 'Share 2 (%)' }).fill('30')
    await visible(split.getByText('Total 130% · must be 100%'))
    expect(await split.getByRole('button', { name: 'Propose split' }).isDisabled()).toBe(true)
    await split.getByRole('textbox', { name: 'Share 1 (%)' }).fill('70')
    await visible(split.getByText('Total 100%', { exact: true }))
    await snap(page, 'marketplace-15-split-editor')
    await split.getByRole('button', { name: 'Propose split' }).click()
    await visible(split.getByText('Split pending', { exact: true }))
    expect(await split.getByRole('cell', { name: '70%' }).isVisible()).toBe(true)
    expect(await split.getByRole('cell', { name: 'Tom Baker' }).isVisible()).toBe(true)

    await page.goto('/splits/pipeline')
    const hired = page.getByRole('region', { name: 'Hired' })
    await visible(hired.getByRole('link', { name: 'Jane Doe' }))
    await page.getByRole('button', { name: /Rejected and withdrawn \(1\)/ }).click()
    await visible(page.getByRole('region', { name: 'Rejected' }).getByRole('link', { name: 'Sam Lee' }))
    await snap(page, 'marketplace-16-pipeline-hired')
    expect(unexpected(problems)).toEqual([])
  })

  it('6. The bell shows Rachel her unread notifications and opens the placement', async () => {
    const { page, problems } = browserOf('rachel')
    // Notifications arrive through the outbox relay: reload until the bell counts them.
    const bell = page.getByRole('button', { name: /^Notifications: \d+ unread$/ })
    await expect
      .poll(
        async () => {
          await page.reload()
          return bell.waitFor({ timeout: 3_000 }).then(
            () => true,
            () => false,
          )
        },
        { timeout: 30_000, interval: 500 },
      )
      .toBe(true)
    await bell.click()
    const dropdown = page.getByRole('dialog', { name: 'Notifications' })
    const placed = dropdown.getByRole('button', { name: /Placement: Jane Doe hired/ })
    await visible(placed)
    await still(page)
    await snap(page, 'marketplace-17-bell')
    await placed.click()
    await page.waitForURL(`**${state.placementUrl}`)
    await visible(page.getByRole('region', { name: 'Split agreement' }))
    expect(unexpected(problems)).toEqual([])
  })

  it('7. Tom is warned, then blocked from submitting Jane to Acme, disputes, and the admin decides', async () => {
    pages.tom = await signedIn('tom@talentbridge.demo')
    const { page, problems } = pages.tom
    await page.goto(state.roleUrl!)
    await page.getByRole('button', { name: 'Submit a candidate' }).click()
    const dialog = page.getByRole('dialog', { name: `Submit a candidate to ${ROLE}` })
    await visible(dialog)
    await dialog.getByText('Someone new').click()
    await dialog.getByLabel('Full name').fill('Jane Doe')
    await dialog.getByLabel('Email').fill('Jane.Doe@gmail.com')
    // The live duplicate check names the company and when the other recruiter's right ends.
    const warning = dialog.getByText(/Another recruiter represents this person to Acme Robotics until/)
    await visible(warning)
    expect(await dialog.getByText('submitting to Acme Robotics will be blocked').isVisible()).toBe(true)
    expect(await dialog.getByText('Matched on email.', { exact: true }).first().isVisible()).toBe(true)
    await dialog.getByRole('checkbox', { name: /agreed to be represented/ }).check()
    await snap(page, 'marketplace-18-duplicate-warning')

    await dialog.getByRole('button', { name: 'Add and submit' }).click()
    await visible(dialog.getByText('Another recruiter already represents this person to Acme Robotics'))
    // The warning and the block word the API's matched_on the same way.
    const block = dialog.getByRole('alert').filter({ hasText: 'already represents this person' })
    expect(await block.getByText(/Matched on email\./).isVisible()).toBe(true)
    expect(await dialog.getByText(/matched on email, /i).count()).toBe(0)
    await dialog.getByRole('button', { name: 'Dispute' }).click()
    await dialog
      .getByLabel('Your evidence')
      .fill('Jane replied to my outreach two weeks ago, before this submission.')
    await snap(page, 'marketplace-19-duplicate-blocked-dispute')
    await dialog.getByRole('button', { name: 'File dispute' }).click()
    await visible(dialog.getByText('Dispute filed'))
    expect(unexpected(problems, [409])).toEqual([])

    // Rachel's new split named Tom as the candidate sourcer: he agrees, and the split is agreed.
    await page.goto(state.placementUrl!)
    const split = page.getByRole('region', { name: 'Split agreement' })
    await split.getByRole('button', { name: 'Agree to this split' }).click()
    await visible(split.getByText('Split agreed', { exact: true }))
    expect(await split.getByText('Everyone on the split agreed to it.').isVisible()).toBe(true)

    pages.admin = await signedIn('admin@splits.demo')
    const admin = browserOf('admin').page
    await admin.goto('/splits')
    const nav = admin.getByRole('navigation', { name: 'Main navigation' })
    await nav.getByRole('link', { name: 'Disputes' }).click()
    await admin.waitForURL('**/admin/disputes')
    await visible(admin.getByRole('tab', { name: 'Disputed', selected: true }))
    const row = admin.getByRole('row', { name: /Acme Robotics.*Rachel Green.*Tom Baker/ })
    await visible(row)
    await snap(admin, 'marketplace-20-admin-disputes')
    await row.getByRole('link', { name: 'Acme Robotics' }).click()
    await visible(admin.getByText('Jane replied to my outreach two weeks ago, before this submission.'))
    await admin.getByRole('button', { name: 'Record decision' }).click()
    await visible(admin.getByText('Choose an outcome'))
    await admin.getByRole('radio', { name: /Uphold: Rachel Green keeps the right/ }).check()
    await admin.getByRole('textbox', { name: 'Reason' }).fill('short')
    await admin.getByRole('button', { name: 'Record decision' }).click()
    await visible(admin.getByText('Write at least 10 characters'))
    await admin
      .getByRole('textbox', { name: 'Reason' })
      .fill('Rachel’s consent record and submission predate any evidence from Tom.')
    await admin.getByRole('button', { name: 'Record decision' }).click()
    await visible(admin.getByRole('heading', { level: 1 }).getByText('Upheld'))
    await visible(admin.getByText('Rachel’s consent record and submission predate any evidence from Tom.'))
    await snap(admin, 'marketplace-21-admin-dispute-upheld')
    expect(unexpected(browserOf('admin').problems)).toEqual([])
  })

  it('shows the marketplace on a phone, and the company dashboard in dark mode', async () => {
    const phone = await signedIn('rachel@recruiters.demo', { viewport: { width: 390, height: 844 } })
    await phone.page.goto('/splits/roles')
    await visible(phone.page.getByRole('article', { name: ROLE }))
    expect(await phone.page.getByRole('button', { name: 'Toggle navigation' }).isVisible()).toBe(true)
    // Nothing wider than the screen.
    expect(await phone.page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390)
    await snap(phone.page, 'marketplace-22-marketplace-mobile')
    await phone.page.goto('/splits/pipeline')
    await visible(phone.page.getByRole('region', { name: 'Hired' }))
    await snap(phone.page, 'marketplace-23-pipeline-mobile')
    await phone.context.close()

    const dark = await signedIn('dana@acme.demo', { colorScheme: 'dark' })
    await dark.page.goto('/splits/company')
    await expect.poll(() => dark.page.locator('html').getAttribute('data-mantine-color-scheme')).toBe('dark')
    await visible(dark.page.getByRole('heading', { name: 'Acme Robotics' }))
    await visible(
      dark.page.getByRole('region', { name: 'Recent submissions' }).getByRole('link', { name: 'Jane Doe' }),
    )
    await snap(dark.page, 'marketplace-24-company-dashboard-dark')
    await dark.page.goto(state.placementUrl!)
    await visible(dark.page.getByRole('region', { name: 'Split agreement' }))
    await snap(dark.page, 'marketplace-25-placement-dark')
    expect(unexpected(dark.problems)).toEqual([])
    await dark.context.close()
  })
})
