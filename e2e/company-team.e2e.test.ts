import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningApp } from '../apps/server/src/app.ts'
import { demoPersonasSeed } from '../apps/server/src/modules/identity/seed.ts'
import { launchBrowser, newPage, screenshot } from '../packages/testing/src/browser.ts'
import { addAcmeCompany } from '../packages/testing/src/fixtures.ts'
import { sessionFor } from '../packages/testing/src/sessions.ts'
import { startTestApp } from '../packages/testing/src/test-app.ts'
import { useTestDatabase } from '../packages/testing/src/test-database.ts'

/**
 * The company's hiring team by invitation (issue 7 §8): Dana (company admin) invites Tom, a
 * recruiter at another agency; he is listed as invited and holds nothing until he accepts; Eli
 * (hiring manager) sees the team but not the invitations; Dana withdraws an invitation she sent.
 */
const database = useTestDatabase()
let app: RunningApp & { baseUrl: string }
let browser: Browser
let acme: string

beforeAll(async () => {
  app = await startTestApp(database.current.url, { env: { DEMO_MODE: 'true' } })
  await demoPersonasSeed.run(app.ctx, () => {})
  acme = await addAcmeCompany(app.ctx)
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await app?.stop()
})

const visible = (locator: Locator) => expect.poll(() => locator.isVisible(), { timeout: 10_000 }).toBe(true)

async function signedIn(email: string) {
  const session = await sessionFor(app.ctx, { email })
  const opened = await newPage(browser, { baseURL: app.baseUrl })
  await opened.context.addCookies([{ name: 'sid', value: session.token, url: app.baseUrl }])
  return { ...opened, session }
}

/** The settled page from the top, as a screenshot. */
async function snap(page: Page, name: string) {
  await page.evaluate('window.scrollTo(0, 0)')
  const running = `document.getAnimations().filter((a) => a.playState === 'running'
    && Number.isFinite(Number(a.effect?.getComputedTiming().endTime))).length`
  await expect.poll(() => page.evaluate(running)).toBe(0)
  return screenshot(page, name)
}

const team = (page: Page) => page.getByRole('table', { name: 'Hiring team' })
const row = (page: Page, text: string) => team(page).getByRole('row').filter({ hasText: text })

describe('the hiring team, by invitation', () => {
  it('lets a company admin invite someone, who is listed as invited until they accept', async () => {
    const dana = await signedIn('dana@acme.demo')
    const { page } = dana
    await page.goto(`/splits/companies/${acme}/settings`)
    await visible(team(page))
    await visible(row(page, 'Dana Cohen').getByText('Active'))
    await visible(row(page, 'Eli Ben-David').getByText('Active'))

    await page.getByLabel('Email').last().fill('tom@talentbridge.demo')
    await page.getByLabel('Name').last().fill('Tom Baker')
    await page.getByRole('button', { name: 'Send invitation' }).click()
    await visible(page.getByText('Invitation sent to Tom Baker'))
    const invited = row(page, 'tom@talentbridge.demo')
    await visible(invited.getByText('Invited'))
    await visible(invited.getByText('Hiring manager'))
    await visible(invited.getByRole('button', { name: 'Withdraw invitation' }))
    await snap(page, 'company-team-invited')

    // Tom holds nothing yet: the team is not his to see
    const tom = await signedIn('tom@talentbridge.demo')
    const before = await fetch(`${app.baseUrl}/api/companies/${acme}/team`, { headers: tom.session.headers })
    expect(before.status).toBe(403)

    // Eli, a hiring manager, sees the members but not the invitations
    const eli = await signedIn('eli@acme.demo')
    await eli.page.goto(`/splits/companies/${acme}/settings`)
    await visible(row(eli.page, 'Dana Cohen'))
    expect(await team(eli.page).getByText('Invited').count()).toBe(0)
    expect(await team(eli.page).getByText('tom@talentbridge.demo').count()).toBe(0)

    // Tom accepts (identity's invitation, to his own address); Dana's list shows him active
    const mine = (await (
      await fetch(`${app.baseUrl}/api/account/invitations`, { headers: tom.session.headers })
    ).json()) as { data: { id: string }[] }
    const accepted = await fetch(`${app.baseUrl}/api/account/invitations/${mine.data[0]!.id}/accept`, {
      method: 'POST',
      headers: tom.session.headers,
    })
    expect(accepted.status).toBe(200)
    await page.reload()
    await visible(row(page, 'Tom Baker').getByText('Active'))
    expect(await team(page).getByText('Invited').count()).toBe(0)
    for (const opened of [dana, tom, eli]) await opened.context.close()
  })

  it('lets a company admin withdraw an open invitation', async () => {
    const dana = await signedIn('dana@acme.demo')
    const { page } = dana
    await page.goto(`/splits/companies/${acme}/settings`)
    await visible(team(page))
    await page.getByLabel('Email').last().fill('avi@acme.demo')
    await page.getByLabel('Name').last().fill('Avi Levi')
    await page.getByRole('button', { name: 'Send invitation' }).click()
    await visible(row(page, 'avi@acme.demo').getByText('Invited'))
    await row(page, 'avi@acme.demo').getByRole('button', { name: 'Withdraw invitation' }).click()
    const dialog = page.getByRole('dialog', { name: 'Withdraw this invitation?' })
    await visible(dialog)
    await dialog.getByRole('button', { name: 'Withdraw invitation' }).click()
    await visible(page.getByText('Invitation to Avi Levi withdrawn'))
    await expect.poll(() => row(page, 'avi@acme.demo').count()).toBe(0)
    await snap(page, 'company-team-withdrawn')
    await dana.context.close()
  })
})
