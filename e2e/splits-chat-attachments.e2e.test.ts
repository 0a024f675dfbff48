import fs from 'node:fs/promises'
import { sql } from 'kysely'
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { RunningApp } from '../apps/server/src/app.ts'
import { pdf } from '../apps/server/src/modules/documents/test-files.ts'
import {
  launchBrowser,
  newPage,
  type PageProblems,
  screenshot,
  settle,
} from '../packages/testing/src/browser.ts'
import {
  makeCandidate,
  makeCompany,
  makeRecruiter,
  makeRole,
  makeTeamMember,
  submitCandidate,
  type World,
} from '../packages/testing/src/factories/index.ts'
import type { TestSession } from '../packages/testing/src/sessions.ts'
import { startTestApp } from '../packages/testing/src/test-app.ts'
import { useTestDatabase } from '../packages/testing/src/test-database.ts'

/**
 * A file in a Splits Network conversation, two browsers: the recruiter attaches a candidate's CV
 * to the application's messages (a wrong file first: refused in words), with upload progress; the
 * hiring manager sees it arrive without reloading and downloads the same bytes (logged).
 */
const database = useTestDatabase()
let app: RunningApp & { baseUrl: string }
let browser: Browser
let w: World
type Opened = { page: Page; context: BrowserContext; problems: PageProblems }
const opened: Opened[] = []

beforeAll(async () => {
  vi.setConfig({ expect: { poll: { timeout: 15_000, interval: 150 } } })
  app = await startTestApp(database.current.url)
  ;(app.ctx.config.http as { publicUrl: string }).publicUrl = app.baseUrl
  w = { ctx: app.ctx, baseUrl: app.baseUrl }
  browser = await launchBrowser()
})
afterAll(async () => {
  for (const o of opened) await o.context.close().catch(() => {})
  await browser?.close()
  await app?.stop()
})

async function as(session: TestSession): Promise<Opened> {
  const o = await newPage(browser, { baseURL: app.baseUrl })
  await o.context.addCookies([{ name: 'sid', value: session.token, url: app.baseUrl }])
  opened.push(o)
  return o
}

const visible = (locator: Locator) => expect.poll(() => locator.first().isVisible()).toBe(true)
const messagesCard = (page: Page) =>
  page.locator('section', { has: page.getByRole('heading', { name: 'Messages' }) })

async function top(page: Page, name: string) {
  await page.evaluate('window.scrollTo(0, 0)')
  await settle(page)
  await screenshot(page, name)
}

describe('files in Splits Network conversations', () => {
  it('a recruiter sends a CV; the hiring manager receives it live and downloads it', async () => {
    const company = await makeCompany(w, { name: 'Acme Robotics' })
    const manager = await makeTeamMember(w, company)
    const rachel = await makeRecruiter(w, { name: 'Rachel Green' })
    const role = await makeRole(w, company, { title: 'Senior Robotics Engineer' })
    const candidate = await makeCandidate(w, rachel)
    const application = await submitCandidate(w, rachel, role.id, candidate.id)

    // the hiring manager has the application open
    const hm = await as(manager as unknown as TestSession)
    await hm.page.goto(`/splits/applications/${application.id}`)
    const hmCard = messagesCard(hm.page)
    await visible(hmCard.getByTestId('chat-input'))
    await expect.poll(() => hmCard.getByTestId('chat-connection').getAttribute('data-state')).toBe('online')

    // the recruiter, on the same application
    const rec = await as(rachel as unknown as TestSession)
    await rec.page.goto(`/splits/applications/${application.id}`)
    const recCard = messagesCard(rec.page)
    await visible(recCard.getByTestId('chat-attach'))
    const fileInput = recCard.locator('input[type=file]')

    // a wrong file first: refused by the Document Service, explained in words, nothing sent
    await fileInput.setInputFiles({
      name: 'notes.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('call her on 617-555-0100'),
    })
    await visible(recCard.getByTestId('chat-attach-error'))
    await expect
      .poll(() => recCard.getByTestId('chat-attach-error').innerText())
      .toContain('Only PDF, Word (DOCX), PNG and JPEG files can be sent.')
    await recCard.getByTestId('chat-attach-error').scrollIntoViewIfNeeded()
    await screenshot(rec.page, 'splits-chat-attachment-refused')
    await recCard.getByTestId('chat-attach-error').getByRole('button').click()

    // the CV: uploaded (progress), checked, then ready to send with a line of text
    const cv = pdf({ pages: 2, text: 'Lena Park, Senior Robotics Engineer' })
    await fileInput.setInputFiles({
      name: 'Lena Park CV.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from(cv),
    })
    await visible(recCard.getByTestId('chat-attach-ready'))
    await expect
      .poll(() => recCard.getByTestId('chat-attach-ready').innerText())
      .toContain('Lena Park CV.pdf')
    await recCard.getByTestId('chat-input').fill('Her CV, as promised. She is available from June.')
    await recCard.getByTestId('chat-send').click()
    await expect.poll(() => recCard.getByTestId('chat-attach-ready').count()).toBe(0)
    await visible(recCard.getByTestId('chat-attachment-name').filter({ hasText: 'Lena Park CV.pdf' }))

    // it reaches the hiring manager without a reload: name, size, download
    const hmFile = hmCard.getByTestId('chat-attachment').filter({ hasText: 'Lena Park CV.pdf' })
    await visible(hmFile)
    await visible(hmCard.getByText('Her CV, as promised.', { exact: false }))
    const sizeText = await hmFile.getByTestId('chat-attachment-size').innerText()
    expect(sizeText).toMatch(/^\d+(\.\d)? (B|KB|MB)$/)
    const [download] = await Promise.all([
      hm.page.waitForEvent('download'),
      hmFile.getByTestId('chat-attachment-download').click(),
    ])
    expect(download.suggestedFilename()).toBe('Lena Park CV.pdf')
    expect(new Uint8Array(await fs.readFile((await download.path())!))).toEqual(cv)
    // the download is a logged read of the candidate's personal data
    const logged = await sql<{ n: number }>`select count(*)::int as n from platform.pii_access_log
      where subject_type = 'candidate' and subject_id = ${candidate.id}
        and purpose = 'conversation_attachment_download'`.execute(database.current.db)
    expect(logged.rows[0]!.n).toBe(1)

    await hm.page.mouse.move(0, 0)
    await settle(hm.page)
    await hmFile.scrollIntoViewIfNeeded()
    await screenshot(hm.page, 'splits-chat-attachment-hiring-manager')
    await top(rec.page, 'splits-chat-attachment-recruiter')
    for (const o of [hm, rec]) {
      expect(o.problems.errors.filter((e) => !/status of (401|403|404|415)\b/.test(e))).toEqual([])
    }
  })
})
