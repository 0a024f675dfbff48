import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { RunningApp } from '../apps/server/src/app.ts'
import { inTransaction, systemActor } from '../apps/server/src/kernel/db/transaction.ts'
import type { IdentityTx } from '../apps/server/src/modules/identity/route.ts'
import { demoPersonasSeed } from '../apps/server/src/modules/identity/seed.ts'
import { launchBrowser, newPage, type PageProblems, screenshot } from '../packages/testing/src/browser.ts'
import { makeInvitation, makePerson, signIn, uniqueEmail } from '../packages/testing/src/factories/people.ts'
import { startTestApp } from '../packages/testing/src/test-app.ts'
import { useTestDatabase } from '../packages/testing/src/test-database.ts'

/** The identity screens of issue 7: an invitee answers on the account page; an admin reads a person's audit trail. */
const database = useTestDatabase()
// Pages render in well over expect.poll's 1 s default when the machine's cores are shared.
vi.setConfig({ expect: { poll: { timeout: 15_000, interval: 100 } } })
let app: RunningApp & { baseUrl: string }
let browser: Browser

beforeAll(async () => {
  app = await startTestApp(database.current.url, { env: { DEMO_MODE: 'true' } })
  await demoPersonasSeed.run(app.ctx, () => {})
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await app?.stop()
})

async function outbox(recipient: string): Promise<{ id: string; body: string }[]> {
  const response = await fetch(`${app.baseUrl}/api/dev/outbox?recipient=${encodeURIComponent(recipient)}`)
  return ((await response.json()) as { data: { id: string; body: string }[] }).data
}

/** Signs the page in through the API with an emailed code (read from the dev outbox). */
async function signInByApi(page: Page, email: string): Promise<void> {
  const seen = new Set((await outbox(email)).map((m) => m.id))
  const challenge = await page.evaluate(async (address) => {
    const response = await fetch('/api/auth/email/start', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: address }),
    })
    return (await response.json()) as { challenge_id: string }
  }, email)
  let code: string | undefined
  await expect
    .poll(
      async () => {
        const fresh = (await outbox(email)).find((m) => !seen.has(m.id))
        code = fresh ? /code is (\d{6})/.exec(fresh.body)?.[1] : undefined
        return code !== undefined
      },
      { timeout: 10_000, interval: 100 },
    )
    .toBe(true)
  const status = await page.evaluate(
    async ([challengeId, value]) =>
      (
        await fetch('/api/auth/verify', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ challenge_id: challengeId, code: value }),
        })
      ).status,
    [challenge.challenge_id, code!] as const,
  )
  expect(status).toBe(200)
}

function unexpected(problems: PageProblems): string[] {
  return problems.errors.filter((e) => !/status of (401|403|422)\b/.test(e))
}

async function personaId(email: string): Promise<string> {
  return inTransaction(app.ctx.db, systemActor('e2e'), async (tx: IdentityTx) => {
    const row = await tx
      .selectFrom('identity.user_contacts')
      .select('user_id')
      .where('email', '=', email)
      .executeTakeFirstOrThrow()
    return row.user_id
  })
}

async function acmeOrganization(): Promise<string> {
  return inTransaction(app.ctx.db, systemActor('e2e'), async (tx: IdentityTx) => {
    const row = await tx
      .selectFrom('identity.organizations')
      .select('id')
      .where('slug', '=', 'acme-robotics')
      .executeTakeFirstOrThrow()
    return row.id
  })
}

describe('invitations on the account page', () => {
  it('shows an invited newcomer the invitation, and accepting brings the hiring team’s menu', async () => {
    const email = uniqueEmail('nora')
    await makeInvitation(app.ctx, {
      org: await acmeOrganization(),
      invitedBy: await personaId('dana@acme.demo'),
      email,
      displayName: 'Nora Newcomer',
      role: 'hiring_manager',
    })
    const { page, problems } = await newPage(browser, { baseURL: app.baseUrl })
    await page.goto('/splits')
    // no account yet: the invitation lets the address sign in, which creates it
    await signInByApi(page, email)
    await page.goto('/splits/account')
    const invitations = page.getByRole('region', { name: 'You are invited' })
    await expect
      .poll(() =>
        invitations.getByText('Dana Cohen invited you to join Acme Robotics as Hiring manager.').isVisible(),
      )
      .toBe(true)
    const nav = page.getByRole('navigation', { name: 'Main navigation' })
    expect(await nav.getByRole('link', { name: 'Company' }).count()).toBe(0)
    await screenshot(page, 'identity-account-invitation')

    await invitations.getByRole('button', { name: 'Accept' }).click()
    await expect
      .poll(() => page.getByText('You joined Acme Robotics as Hiring manager').isVisible())
      .toBe(true)
    // who-am-I was fetched again: the hiring team's menu is there without signing in again
    await expect.poll(() => nav.getByRole('link', { name: 'Company' }).isVisible()).toBe(true)
    await expect.poll(() => page.getByRole('cell', { name: 'Acme Robotics' }).isVisible()).toBe(true)
    expect(await page.getByRole('region', { name: 'You are invited' }).count()).toBe(0)
    await screenshot(page, 'identity-account-invitation-accepted')
    expect(unexpected(problems)).toEqual([])
  })

  it('asks before declining, and the invitation goes away', async () => {
    const person = await makePerson(app.ctx, { name: 'Dan Decliner' })
    await makeInvitation(app.ctx, {
      org: await acmeOrganization(),
      invitedBy: await personaId('dana@acme.demo'),
      email: person.email!,
      role: 'company_admin',
    })
    const { page, problems } = await newPage(browser, { baseURL: app.baseUrl })
    await page.goto('/splits')
    await signInByApi(page, person.email!)
    await page.goto('/splits/account')
    const invitations = page.getByRole('region', { name: 'You are invited' })
    await expect.poll(() => invitations.getByRole('button', { name: 'Decline' }).isVisible()).toBe(true)
    await invitations.getByRole('button', { name: 'Decline' }).click()
    await page.getByRole('dialog').getByRole('button', { name: 'Decline' }).click()
    await expect.poll(() => page.getByText('Invitation declined').isVisible()).toBe(true)
    await expect.poll(() => page.getByRole('region', { name: 'You are invited' }).count()).toBe(0)
    expect(unexpected(problems)).toEqual([])
  })
})

describe('the admin user screen', () => {
  it('shows the audit trail in words with local times, and signs a person out everywhere', async () => {
    const person = await makePerson(app.ctx, { name: 'Sam Subject', roles: ['recruiter'] })
    const laptop = await signIn(app.ctx, person)
    await signIn(app.ctx, person)
    const { page, problems } = await newPage(browser, { baseURL: app.baseUrl })
    await page.goto('/splits')
    await signInByApi(page, 'admin@splits.demo')
    // some history, made through the API as the signed-in admin
    const changes = await page.evaluate(async (id) => {
      const session = (await (await fetch('/api/auth/session')).json()) as { csrf_token: string }
      const post = (path: string, body?: unknown) =>
        fetch(path, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrf_token },
          body: JSON.stringify(body ?? {}),
        }).then((r) => r.status)
      const talent = (await (await fetch('/api/admin/organizations?q=TalentBridge')).json()) as {
        data: { id: string }[]
      }
      return [
        await post(`/api/admin/users/${id}/memberships`, {
          organization_id: talent.data[0]!.id,
          role: 'recruiter',
        }),
      ]
    }, person.id)
    expect(changes).toEqual([201])

    await page.goto(`/admin/users/${person.id}`)
    await expect.poll(() => page.getByText('Active sessions').isVisible()).toBe(true)
    await page.getByRole('button', { name: 'Sign out everywhere' }).click()
    const dialog = page.getByRole('dialog')
    await expect
      .poll(() => dialog.getByText(/Their 2 signed-in devices are signed out/).isVisible())
      .toBe(true)
    await dialog.getByRole('button', { name: 'Sign out everywhere' }).click()
    await expect.poll(() => page.getByText('Signed out of 2 devices by an admin.').isVisible()).toBe(true)
    expect((await fetch(`${app.baseUrl}/api/account`, { headers: laptop.headers })).status).toBe(401)

    // suspend from the screen, with a reason: the trail says so, in words
    await page.getByRole('button', { name: 'Suspend' }).click()
    await page.getByRole('dialog').getByLabel('Reason').fill('Reported for spam by two companies')
    await page.getByRole('dialog').getByRole('button', { name: 'Suspend account' }).click()
    const trail = page.getByRole('region', { name: 'Audit trail' })
    await expect
      .poll(() => trail.getByText('Suspended: “Reported for spam by two companies”.').isVisible())
      .toBe(true)
    expect(await trail.getByText('Given the role Recruiter at TalentBridge Partners.').isVisible()).toBe(true)
    expect(await trail.getByText(/by Maya Rosen/).count()).toBe(3)
    // local date and time (the browser's time zone is UTC here), never an ISO string
    const when = await trail.locator('time').first().textContent()
    expect(when).toMatch(/^[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2}\s?[AP]M$/)
    expect(await trail.getByText(/identity\.|T\d{2}:\d{2}:\d{2}/).count()).toBe(0)
    await screenshot(page, 'identity-admin-audit-trail')
    expect(unexpected(problems)).toEqual([])
  })
})
