import fs from 'node:fs'
import type { Browser } from 'playwright-core'
import { AppError } from './errors.ts'

/**
 * HTML printed to an A4 PDF by Chromium, which gets fonts, right-to-left text and page breaks right
 * where PDF libraries do not (Hebrew word order in particular). One browser per process, launched on
 * first use, shared by every module that prints, and closed once at shutdown (`closePdfPrinter`).
 */
let browser: Promise<Browser> | undefined

const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
]

async function chromium(): Promise<Browser> {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
  if (!fs.existsSync(path))
    throw new AppError(
      'service_unavailable',
      `PDFs are printed by Chromium, which is not installed at ${path}`,
    )
  browser ??= import('playwright-core').then(({ chromium: c }) =>
    c.launch({ executablePath: path, headless: true, args: CHROMIUM_FLAGS }),
  )
  try {
    return await browser
  } catch (err) {
    // A failed launch is not cached: the next print tries again.
    browser = undefined
    throw err
  }
}

/** The HTML (a whole document, every value already escaped) as an A4 PDF with backgrounds. */
export async function printHtmlToPdf(html: string): Promise<Buffer> {
  const page = await (await chromium()).newPage()
  try {
    await page.setContent(html, { waitUntil: 'load' })
    return await page.pdf({ format: 'A4', printBackground: true })
  } finally {
    await page.close()
  }
}

/** Closes the process's browser, if one was started. Safe to call more than once. */
export async function closePdfPrinter(): Promise<void> {
  const b = browser
  browser = undefined
  if (b) await (await b).close().catch(() => {})
}
