import fs from 'node:fs'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { RunningApp } from '../apps/server/src/app.ts'
import { demoPersonasSeed } from '../apps/server/src/modules/identity/seed.ts'
import { CORPUS_DIR } from '../apps/server/src/modules/resumes/evaluation/evaluate-corpus.ts'
import { launchBrowser, newPage, screenshot, settle } from '../packages/testing/src/browser.ts'
import { sessionFor } from '../packages/testing/src/sessions.ts'
import { startTestApp } from '../packages/testing/src/test-app.ts'
import { useTestDatabase } from '../packages/testing/src/test-database.ts'

/**
 * Rachel (recruiter) adds a candidate from a resume: uploads Dana Levi's PDF, follows its
 * processing, finds the form filled in with each value's evidence on hover, saves, and the
 * corrections are recorded. A file that cannot be read shows why.
 * The upload goes through the documents service, whose processing job runs the resume parser.
 */
const database = useTestDatabase()
let app: RunningApp & { baseUrl: string }
let browser: Browser

beforeAll(async () => {
  vi.setConfig({ expect: { poll: { timeout: 15_000, interval: 100 } } })
  app = await startTestApp(database.current.url, { env: { DEMO_MODE: 'true' } })
  await demoPersonasSeed.run(app.ctx, () => {})
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await app?.stop()
})

async function rachelsPage(viewport?: { width: number; height: number }) {
  const session = await sessionFor(app.ctx, { email: 'rachel@recruiters.demo' })
  const opened = await newPage(browser, { baseURL: app.baseUrl, ...(viewport ? { viewport } : {}) })
  await opened.context.addCookies([{ name: 'sid', value: session.token, url: app.baseUrl }])
  return opened
}

/** Chooses a file in the import step. */
async function upload(page: Page, file: string) {
  await page.getByTestId('resume-import').locator('input[type=file]').setInputFiles(file)
}

async function openImport(page: Page) {
  await page.goto('/splits/candidates')
  await page.getByRole('button', { name: 'Add candidate' }).first().click()
  await expect.poll(() => page.getByTestId('resume-import').isVisible()).toBe(true)
}

describe('importing a candidate from a resume', () => {
  it('fills the form from the resume, shows the evidence, saves and records the corrections', async () => {
    const { page, context, problems } = await rachelsPage()
    await openImport(page)
    await upload(page, path.join(CORPUS_DIR, '01-dana-levi-backend.pdf'))
    await expect.poll(() => page.getByTestId('resume-draft-ready').isVisible()).toBe(true)
    const name = page.getByRole('textbox', { name: /Full name/ })
    await expect.poll(() => name.inputValue()).toBe('Dana Levi')
    expect(await page.getByRole('textbox', { name: /Current title/ }).inputValue()).toBe(
      'Senior Backend Engineer',
    )
    expect(await page.getByRole('textbox', { name: /Phone/ }).inputValue()).toBe('+972523456789')
    expect(await page.getByTestId('evidence-badge').count()).toBeGreaterThanOrEqual(6)
    await page.getByTestId('evidence-badge').first().hover()
    await expect.poll(() => page.getByText('“Dana Levi”').isVisible()).toBe(true)
    await settle(page)
    await screenshot(page, 'resume-import-prefilled')

    // Rachel corrects the location and saves.
    const location = page.getByRole('textbox', { name: /Location/ })
    await location.fill('Tel Aviv-Yafo, Israel')
    await page.getByRole('dialog').getByRole('button', { name: 'Add candidate' }).click()
    await expect.poll(() => page.url()).toMatch(/\/splits\/candidates\/[0-9a-f-]{36}$/)
    const rows = async () => (await database.current.pool.query('select diff from resumes.corrections')).rows
    await expect.poll(async () => (await rows()).length).toBe(1)
    const [{ diff }] = await rows()
    expect(diff.location).toEqual({ outcome: 'changed' })
    expect(diff.full_name).toEqual({ outcome: 'kept' })
    expect(problems.errors).toEqual([])
    await context.close()
  })

  it('says why a file could not be read, and fits a phone screen', async () => {
    const { page, context, problems } = await rachelsPage({ width: 390, height: 844 })
    await openImport(page)
    const broken = path.join(fs.mkdtempSync('/tmp/resume-e2e-'), 'broken.pdf')
    fs.writeFileSync(broken, '%PDF-1.7\nthis is not really a PDF\n')
    await upload(page, broken)
    await expect.poll(() => page.getByText('This resume could not be read').isVisible()).toBe(true)
    await settle(page)
    await screenshot(page, 'resume-import-failed-mobile')
    await page.getByRole('button', { name: 'Try another file' }).click()
    await upload(page, path.join(CORPUS_DIR, '14-avi-peretz-he-sidebar-fullstack.pdf'))
    await expect.poll(() => page.getByRole('textbox', { name: /Full name/ }).inputValue()).toBe('אבי פרץ')
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390)
    await settle(page)
    await screenshot(page, 'resume-import-hebrew-mobile')
    expect(problems.errors.filter((e) => !/status of 404/.test(e))).toEqual([])
    await context.close()
  })
})
