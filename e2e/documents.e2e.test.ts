import fs from 'node:fs/promises'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { RunningApp } from '../apps/server/src/app.ts'
import { docx, pdf } from '../apps/server/src/modules/documents/test-files.ts'
import { launchBrowser, newPage, type OpenedPage, screenshot } from '../packages/testing/src/browser.ts'
import {
  makeCandidate,
  makeCompany,
  makeRecruiter,
  makeRole,
  makeTeamMember,
  type TestRecruiter,
  type World,
} from '../packages/testing/src/factories/index.ts'
import type { TestPerson } from '../packages/testing/src/factories/splits-people.ts'
import { startTestApp } from '../packages/testing/src/test-app.ts'
import { useTestDatabase } from '../packages/testing/src/test-database.ts'

/**
 * Documents through the screens: Rachel uploads a resume on her candidate's page (a progress bar,
 * then Checking, then Ready), downloads it and gets the same bytes; an encrypted PDF fails with its
 * reason shown; a Word document named .pdf is refused at once; on a phone the panel fits. The
 * hiring manager adds a job description on the role's Details tab.
 */
const database = useTestDatabase()
let app: RunningApp & { baseUrl: string }
let browser: Browser
let w: World
let rachel: TestRecruiter
let eli: TestPerson
let candidateId: string
let roleId: string
let dir: string
const opened: OpenedPage[] = []

beforeAll(async () => {
  vi.setConfig({ expect: { poll: { timeout: 30_000, interval: 150 } } })
  dir = await fs.mkdtemp('/tmp/documents-e2e-')
  app = await startTestApp(database.current.url, { env: { DEMO_MODE: 'true', DOCUMENTS_DIR: dir } })
  w = { ctx: app.ctx, baseUrl: app.baseUrl }
  const acme = await makeCompany(w, { name: 'Acme Robotics' })
  eli = await makeTeamMember(w, acme, 'hiring_manager')
  rachel = await makeRecruiter(w, { name: 'Rachel Green' })
  roleId = (await makeRole(w, acme, { title: 'Senior Robotics Engineer' })).id
  candidateId = (await makeCandidate(w, rachel, { full_name: 'Lena Park' })).id
  browser = await launchBrowser()
})
afterAll(async () => {
  for (const o of opened) await o.context.close().catch(() => {})
  await browser?.close()
  await app?.stop()
  await fs.rm(dir, { recursive: true, force: true })
})

async function as(person: TestPerson, viewport?: { width: number; height: number }) {
  const o = await newPage(browser, { baseURL: app.baseUrl, ...(viewport ? { viewport } : {}) })
  await o.context.addCookies([{ name: 'sid', value: person.token, url: app.baseUrl }])
  opened.push(o)
  return o
}

const panel = (page: Page) => page.getByRole('region', { name: 'Documents' })
const rowOf = (page: Page, name: string) => panel(page).getByTestId('document-row').filter({ hasText: name })

async function choose(page: Page, name: string, bytes: Uint8Array, mimeType: string) {
  await panel(page)
    .locator('input[type=file]')
    .setInputFiles({ name, mimeType, buffer: Buffer.from(bytes) })
}

describe('documents on a candidate', () => {
  it('uploads a resume with progress, shows it ready, and downloads the same bytes', async () => {
    const { page, problems } = await as(rachel)
    await page.goto(`/splits/candidates/${candidateId}`)
    await expect.poll(() => panel(page).getByText('No documents yet', { exact: false }).count()).toBe(1)
    const resume = pdf({ pages: 2, text: 'Lena Park Robotics' })
    await choose(page, 'Lena Park resume.pdf', resume, 'application/pdf')
    await expect.poll(() => rowOf(page, 'Lena Park resume.pdf').count()).toBe(1)
    await expect
      .poll(() => rowOf(page, 'Lena Park resume.pdf').getByTestId('document-status').textContent())
      .toBe('Ready')
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      rowOf(page, 'Lena Park resume.pdf')
        .getByRole('button', { name: 'Download Lena Park resume.pdf' })
        .click(),
    ])
    expect(download.suggestedFilename()).toBe('Lena Park resume.pdf')
    expect(new Uint8Array(await fs.readFile((await download.path())!))).toEqual(resume)

    await choose(page, 'locked.pdf', pdf({ encrypted: true }), 'application/pdf')
    await expect
      .poll(() => rowOf(page, 'locked.pdf').getByTestId('document-status').textContent())
      .toBe('Failed')
    await expect
      .poll(() => rowOf(page, 'locked.pdf').getByTestId('document-failure').textContent())
      .toContain('password-protected')

    await choose(page, 'cv.pdf', docx(), 'application/pdf')
    await expect
      .poll(() => panel(page).getByRole('alert').textContent())
      .toContain('does not match what it contains')
    await screenshot(page, 'documents-candidate')
    expect(problems.errors.filter((e) => !e.includes('415'))).toEqual([])
  })

  it('fits a phone', async () => {
    const { page } = await as(rachel, { width: 390, height: 844 })
    await page.goto(`/splits/candidates/${candidateId}`)
    await expect.poll(() => rowOf(page, 'Lena Park resume.pdf').count()).toBe(1)
    await panel(page).scrollIntoViewIfNeeded()
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth')
    expect(overflow).toBeLessThanOrEqual(0)
    await screenshot(page, 'documents-candidate-phone')
  })
})

describe('documents on a role', () => {
  it('lets the hiring team add a job description on the Details tab', async () => {
    const { page, problems } = await as(eli)
    await page.goto(`/splits/roles/${roleId}?tab=details`)
    await expect.poll(() => panel(page).count()).toBe(1)
    await choose(
      page,
      'Robotics JD.docx',
      docx('Senior Robotics Engineer: ROS2, C++'),
      'application/octet-stream',
    )
    await expect
      .poll(() => rowOf(page, 'Robotics JD.docx').getByTestId('document-status').textContent())
      .toBe('Ready')
    await expect.poll(() => rowOf(page, 'Robotics JD.docx').textContent()).toContain('Job description')
    await screenshot(page, 'documents-role')
    expect(problems.errors).toEqual([])
  })
})
