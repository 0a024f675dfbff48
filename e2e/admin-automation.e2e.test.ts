import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { RunningApp } from '../apps/server/src/app.ts'
import { requeueStaleApproved } from '../apps/server/src/modules/automation/engine.ts'
import { demoAutomationSeed } from '../apps/server/src/modules/automation/seed.ts'
import { demoPersonasSeed } from '../apps/server/src/modules/identity/seed.ts'
import { demoMarketplaceSeed } from '../apps/server/src/modules/recruiting/seed/demo-marketplace.ts'
import { apiClient } from '../packages/testing/src/api-client.ts'
import { launchBrowser, newPage, type PageProblems, screenshot } from '../packages/testing/src/browser.ts'
import { sessionFor } from '../packages/testing/src/sessions.ts'
import { startTestApp } from '../packages/testing/src/test-app.ts'
import { useTestDatabase } from '../packages/testing/src/test-database.ts'

/**
 * Automation through the admin screen: the platform admin builds a rule from a template, previews
 * it in words with its dry run, saves and activates it, then approves a pending execution from the
 * queue and sees it executed; the metrics chart per rule.
 */
const database = useTestDatabase()
let app: RunningApp & { baseUrl: string }
let browser: Browser

const visible = (locator: Locator) => expect.poll(() => locator.isVisible(), { timeout: 15_000 }).toBe(true)

async function snap(page: Page, name: string) {
  await page.evaluate('window.scrollTo(0, 0)')
  await page.waitForTimeout(400)
  await screenshot(page, name)
}
function unexpected(problems: PageProblems): string[] {
  return problems.errors.filter((e) => !/status of (401|403)\b/.test(e))
}
async function pick(page: Page, label: string, option: string | RegExp) {
  await page.getByRole('combobox', { name: label }).click()
  await page.getByRole('option', { name: option }).click()
}

beforeAll(async () => {
  vi.setConfig({ expect: { poll: { timeout: 15_000, interval: 100 } } })
  app = await startTestApp(database.current.url, { env: { DEMO_MODE: 'true' } })
  await demoPersonasSeed.run(app.ctx, () => {})
  await demoMarketplaceSeed.run(app.ctx, () => {})
  await demoAutomationSeed.run(app.ctx, () => {})
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await app?.stop()
})

describe('automation admin', () => {
  it('builds a rule, dry-runs it, activates it, and approves a pending execution', async () => {
    const session = await sessionFor(app.ctx, { email: 'admin@splits.demo' })
    const { page, problems, context } = await newPage(browser, { baseURL: app.baseUrl })
    await context.addCookies([{ name: 'sid', value: session.token, url: app.baseUrl }])
    await page.goto('/admin/automation')
    await visible(page.getByRole('heading', { name: 'Automation', level: 1 }))
    await visible(page.getByRole('cell', { name: 'Notify recruiters of stale candidates' }))
    await snap(page, 'automation-rules')

    // the builder: a template fills it; the preview says it in words and dry-runs it
    await page.getByRole('tab', { name: 'New rule' }).click()
    await pick(page, 'Start from a template', 'Remind hiring managers of unreviewed submissions')
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Remind teams after 2 days')
    await page.getByRole('textbox', { name: 'Value' }).first().fill('2')
    await page.getByRole('button', { name: 'Preview and dry run' }).click()
    await visible(page.getByTestId('rule-summary'))
    await expect
      .poll(() => page.getByTestId('rule-summary').textContent())
      .toContain('days since submitted is at least 2')
    await visible(page.getByText(/evaluated, \d+ matched/))
    await snap(page, 'automation-builder')
    await page.getByRole('button', { name: 'Save rule' }).click()

    // back on the list: activate it
    const row = page.locator('tr[data-rule="Remind teams after 2 days"]')
    await visible(row)
    await row.getByRole('button', { name: 'Activate' }).click()
    await visible(row.getByText('Active', { exact: true }))
    await row.getByRole('button', { name: 'Dry run' }).click()
    await visible(row.getByText(/would act/))
    await snap(page, 'automation-rules-activated')

    // the approval queue: approve the first pending execution; it is stored approved and queued,
    // and the queue (a background job) executes it; the screen refreshes by itself
    await page.getByRole('tab', { name: 'Approval queue' }).click()
    const pending = page.getByRole('table', { name: 'Approval queue' })
    const first = pending.locator('tr[data-execution]').first()
    await visible(first)
    await visible(page.getByText('Approved — queued to run', { exact: true }))
    const id = await first.getAttribute('data-execution')
    await snap(page, 'automation-queue')
    await first.getByRole('button', { name: 'Approve' }).click()
    await visible(page.getByTestId('automation-queued'))
    await expect.poll(() => pending.locator(`tr[data-execution="${id}"]`).count()).toBe(0)
    const states = async () =>
      (
        await database.current.pool.query<{ state: string }>(
          'select state from automation.automation_executions where id = $1',
          [id],
        )
      ).rows[0]!.state
    expect(['approved', 'executed']).toContain(await states())
    await snap(page, 'automation-queued')
    await expect.poll(states, { timeout: 20_000 }).toBe('executed')
    // the queued list refreshes on its own: the executed one leaves it
    await expect
      .poll(() =>
        page
          .getByRole('table', { name: 'Approved — queued to run' })
          .locator(`tr[data-execution="${id}"]`)
          .count(),
      )
      .toBe(0)
    await page.getByRole('tab', { name: 'History' }).click()
    await visible(page.locator(`tr[data-execution="${id}"]`).getByText('Executed'))
    // a notification sent cannot be unsent: the history says so instead of offering an undo
    await visible(
      page
        .locator('tr[data-execution]', { hasText: 'notify_recruiter' })
        .getByTestId('not-undoable')
        .filter({ hasText: 'A notification cannot be unsent' })
        .first(),
    )
    await snap(page, 'automation-history')

    await page.getByRole('tab', { name: 'Metrics' }).click()
    await visible(page.locator('.recharts-wrapper').first())
    await snap(page, 'automation-metrics')
    expect(unexpected(problems)).toEqual([])
    await context.close()
  })

  it('switched off, an approval waits (paused, on screen); switched on, it runs; an undone release shows the money held again', async () => {
    const session = await sessionFor(app.ctx, { email: 'admin@splits.demo' })
    const { page, problems, context } = await newPage(browser, { baseURL: app.baseUrl })
    await context.addCookies([{ name: 'sid', value: session.token, url: app.baseUrl }])
    const client = apiClient(app.baseUrl, session)
    const call = (method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown) =>
      method === 'GET'
        ? client.get(path)
        : method === 'POST'
          ? client.post(path, body)
          : client.patch(path, body)
    await page.goto('/admin/automation')
    await visible(page.getByRole('heading', { name: 'Automation', level: 1 }))
    // an admin switches automation off (flag automation.rules)
    const existing = await call('GET', '/api/admin/flags/automation.rules')
    const off =
      existing.status === 200
        ? await call('PATCH', '/api/admin/flags/automation.rules', {
            version: existing.body.version,
            enabled: false,
            reason: 'Pause automation',
          })
        : await call('POST', '/api/admin/flags', {
            key: 'automation.rules',
            kind: 'boolean',
            enabled: false,
            reason: 'Pause automation',
          })
    expect(off.status, JSON.stringify(off.body)).toBeLessThan(300)
    await page.getByRole('tab', { name: 'Approval queue' }).click()
    const pending = page.getByRole('table', { name: 'Approval queue' })
    const first = pending.locator('tr[data-execution]').first()
    await visible(first)
    const id = await first.getAttribute('data-execution')
    await first.getByRole('button', { name: 'Approve' }).click()
    const queued = page
      .getByRole('table', { name: 'Approved — queued to run' })
      .locator(`tr[data-execution="${id}"]`)
    await visible(queued.getByTestId('execution-paused'))
    await expect
      .poll(() => queued.getByTestId('execution-paused').textContent())
      .toContain('automation is switched off')
    await queued.scrollIntoViewIfNeeded()
    await screenshot(page, 'automation-paused')
    const state = async () =>
      (
        await database.current.pool.query<{ state: string }>(
          'select state from automation.automation_executions where id = $1',
          [id],
        )
      ).rows[0]!.state
    expect(await state()).toBe('approved')
    // switched on again: the requeue job queues it and it runs once
    const current = await call('GET', '/api/admin/flags/automation.rules')
    const on = await call('PATCH', '/api/admin/flags/automation.rules', {
      version: current.body.version,
      enabled: true,
      percentage: 100,
      reason: 'Resume automation',
    })
    expect(on.status, JSON.stringify(on.body)).toBe(200)
    await expect
      .poll(async () => (await requeueStaleApproved(app.ctx)).requeued, { timeout: 15_000 })
      .toBeGreaterThanOrEqual(1)
    await expect.poll(state, { timeout: 20_000 }).toBe('executed')

    // the history of an undone hold release: the money held again, in words. A fixture row shaped
    // as the undo stores it (result.undo, see release-undo.int.test.ts, which runs the real release
    // and undo through billing); this checks the screen's rendering of it.
    const [rule] = (
      await database.current.pool.query<{ id: string }>(
        `insert into automation.automation_rules (name, trigger_kind, trigger_key, schedule, conditions, summary, action_type)
         values ('Release held money after the guarantee (e2e)', 'schedule', 'guarantee_ended', 'daily',
           '{"all":[{"field":"days_since_guarantee_end","op":"gte","value":0}]}', 'release the held money', 'release_guarantee_hold')
         returning id`,
      )
    ).rows
    await database.current.pool.query(
      `insert into automation.automation_executions (rule_id, rule_version, trigger_id, trigger_type, subject_type, subject_id, state, attempts, result, undo, decided_at, executed_at, undone_at)
       values ($1, 1, 'guarantee_ended:e2e', 'schedule:guarantee_ended', 'escrow_hold', gen_random_uuid()::text, 'undone', 1,
         jsonb_build_object('released', 'h', 'undo', jsonb_build_object('hold_status', 'active', 'held_again', '240000', 'currency', 'USD')),
         '{"hold_id":"h"}', now(), now(), now())`,
      [rule!.id],
    )
    await page.reload()
    await page.getByRole('tab', { name: 'History' }).click()
    const held = page.getByTestId('held-again').first()
    await visible(held)
    await expect.poll(() => held.textContent()).toContain('Money held again: $2,400.00')
    await held.scrollIntoViewIfNeeded()
    await screenshot(page, 'automation-held-again')
    expect(unexpected(problems)).toEqual([])
    await context.close()
  })
})
