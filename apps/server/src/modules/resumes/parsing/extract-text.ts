import mammoth from 'mammoth'
import { extractTextItems, getDocumentProxy, type StructuredTextItem } from 'unpdf'

/** Why a file's text could not be read: stable codes the document's status shows. */
export type ExtractionFailure =
  | 'unsupported_media_type'
  | 'encrypted_pdf'
  | 'unreadable_document'
  | 'archive_too_large'
  | 'no_text_found'

export class ResumeExtractionError extends Error {
  readonly code: ExtractionFailure
  constructor(code: ExtractionFailure, message: string) {
    super(message)
    this.code = code
    this.name = 'ResumeExtractionError'
  }
}

export const PDF_MEDIA_TYPE = 'application/pdf'
export const DOCX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

/** Only the first pages: a resume is short, and a 500-page PDF must not hold a worker. */
const MAX_PAGES = 10
/** Uncompressed size a DOCX may expand to (a resume's XML is well under 1 MB). */
const MAX_DOCX_EXPANDED_BYTES = 40 * 1024 * 1024
const MAX_DOCX_ENTRIES = 2_000

/**
 * The text of a resume, in reading order: PDFs from their positioned text items (two-column layouts
 * read column by column; right-to-left lines in logical order), DOCX from its paragraphs.
 */
export async function extractResumeText(bytes: Uint8Array, mediaType: string): Promise<string> {
  const text =
    mediaType === PDF_MEDIA_TYPE
      ? await pdfText(bytes)
      : mediaType === DOCX_MEDIA_TYPE
        ? await docxText(bytes)
        : null
  if (text === null)
    throw new ResumeExtractionError(
      'unsupported_media_type',
      `Resumes are read from PDF or DOCX, not ${mediaType}`,
    )
  const clean = text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00a0\u2007\u202f]/g, ' ')
    .replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/\t+/g, '  ')
    .replace(/[ ]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
  if (!/\p{L}{2}/u.test(clean))
    throw new ResumeExtractionError('no_text_found', 'The file has no text to read (a scanned image?)')
  return clean
}

async function pdfText(bytes: Uint8Array): Promise<string> {
  let pages: StructuredTextItem[][]
  try {
    // pdf.js transfers (detaches) the buffer it is given: hand it a copy.
    const doc = await getDocumentProxy(new Uint8Array(bytes), { stopAtErrors: false, verbosity: 0 })
    try {
      pages = (await extractTextItems(doc)).items.slice(0, MAX_PAGES)
    } finally {
      await doc.cleanup().catch(() => {})
    }
  } catch (err) {
    const name = (err as { name?: string }).name
    if (name === 'PasswordException')
      throw new ResumeExtractionError('encrypted_pdf', 'The PDF is protected by a password')
    throw new ResumeExtractionError(
      'unreadable_document',
      `The PDF cannot be read: ${(err as Error).message}`,
    )
  }
  return pages.map((items) => pageText(items)).join('\n\n')
}

interface Item {
  str: string
  x: number
  y: number
  w: number
  size: number
  rtl: boolean
}

const HEBREW = /[\u0590-\u05ff]/

/** One page's items as lines, column by column when the page has a gutter. */
export function pageText(raw: readonly StructuredTextItem[]): string {
  const items: Item[] = raw
    .filter((i) => i.str.length > 0)
    .map((i) => ({
      str: i.str,
      x: i.x,
      y: i.y,
      w: i.width,
      size: i.fontSize || 10,
      rtl: i.dir === 'rtl' || HEBREW.test(i.str),
    }))
  const solid = items.filter((i) => i.str.trim())
  if (solid.length === 0) return ''
  const rtlDoc = solid.filter((i) => i.rtl).length > solid.length / 3
  const gutter = findGutter(solid)
  if (gutter === null) return linesOf(items).join('\n')

  // Items crossing the gutter span both columns (a header); they cut the page into bands, and each
  // band is read one column after the other (the right one first on a right-to-left page).
  const crosses = (i: Item) => i.x < gutter - 1 && i.x + i.w > gutter + 1
  const spanningYs = [...new Set(solid.filter(crosses).map((i) => Math.round(i.y)))].sort((a, b) => b - a)
  const bandOf = (y: number) => spanningYs.filter((s) => s > y + 2).length
  const out: string[] = []
  const bands = new Map<number, { span: Item[]; left: Item[]; right: Item[] }>()
  for (const i of items) {
    const key = spanningYs.some((s) => Math.abs(s - i.y) <= 2) ? -1 - bandOf(i.y) * 2 : bandOf(i.y)
    const b = bands.get(key) ?? { span: [], left: [], right: [] }
    if (key < 0) b.span.push(i)
    else if (i.x + i.w / 2 < gutter) b.left.push(i)
    else b.right.push(i)
    bands.set(key, b)
  }
  // Order: band 0, its spanning line after it, band 1, …; spanning rows sit between bands.
  const keys = [...bands.keys()].sort((a, b) => order(a) - order(b))
  for (const k of keys) {
    const b = bands.get(k)
    if (!b) continue
    if (k < 0) out.push(...linesOf(b.span))
    else {
      const [first, second] = rtlDoc ? [b.right, b.left] : [b.left, b.right]
      out.push(...linesOf(first), '', ...linesOf(second))
    }
  }
  return out.join('\n')
}

/** Band n is keyed n; the spanning row below it (n spanning rows above) is keyed -1-2n. */
function order(key: number): number {
  return key < 0 ? ((-1 - key) / 2) * 2 + 1 : key * 2
}

/**
 * A vertical gap in the middle of the page that most text does not cross, with enough text on
 * each side to be a column (dates flush right of a one-column page are not one).
 */
function findGutter(items: readonly Item[]): number | null {
  const minX = Math.floor(Math.min(...items.map((i) => i.x)))
  const maxX = Math.ceil(Math.max(...items.map((i) => i.x + i.w)))
  const width = maxX - minX
  if (width < 100) return null
  const from = Math.round(minX + width * 0.2)
  const to = Math.round(minX + width * 0.8)
  const counts = new Array<number>(to - from + 1).fill(0)
  for (const i of items)
    for (let x = Math.max(from, Math.ceil(i.x)); x <= Math.min(to, Math.floor(i.x + i.w)); x++)
      counts[x - from] = (counts[x - from] ?? 0) + 1
  const least = Math.min(...counts)
  const rows = new Set(items.map((i) => Math.round(i.y))).size
  if (least > Math.max(2, rows * 0.08)) return null
  let best: [number, number] | null = null
  let start = -1
  for (let k = 0; k <= counts.length; k++) {
    if (k < counts.length && counts[k] === least) {
      if (start < 0) start = k
    } else if (start >= 0) {
      if (!best || k - start > best[1] - best[0]) best = [start, k]
      start = -1
    }
  }
  if (!best || best[1] - best[0] < 6) return null
  const gutter = from + (best[0] + best[1]) / 2
  const chars = (pred: (i: Item) => boolean) =>
    items.filter(pred).reduce((n, i) => n + i.str.trim().length, 0)
  const total = chars(() => true)
  const left = chars((i) => i.x + i.w <= gutter)
  const right = chars((i) => i.x >= gutter)
  if (left < total * 0.15 || right < total * 0.15) return null
  // Both sides must run alongside each other for several rows.
  const leftRows = new Set(items.filter((i) => i.x + i.w <= gutter).map((i) => Math.round(i.y)))
  const rightRows = new Set(items.filter((i) => i.x >= gutter).map((i) => Math.round(i.y)))
  if (leftRows.size < 4 || rightRows.size < 4) return null
  return gutter
}

/** Items grouped into lines (top to bottom), each line in logical order. */
function linesOf(items: readonly Item[]): string[] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x)
  const lines: Item[][] = []
  for (const i of sorted) {
    const last = lines.at(-1)
    const ref = last?.find((j) => j.str.trim())
    if (last && (!ref || Math.abs(ref.y - i.y) <= Math.max(2, ref.size * 0.3))) last.push(i)
    else lines.push([i])
  }
  const out: string[] = []
  for (const line of lines) {
    const text = lineText(line)
      .replace(/[ ]{3,}/g, '  ')
      .trim()
    const prev = lines.indexOf(line) > 0 ? lines[lines.indexOf(line) - 1] : undefined
    // A blank line where the vertical gap is larger than usual (between blocks).
    if (prev && out.length) {
      const gap = (prev[0]?.y ?? 0) - (line[0]?.y ?? 0)
      if (gap > (line[0]?.size ?? 10) * 2.2) out.push('')
    }
    if (text) out.push(text)
  }
  return out
}

function lineText(line: Item[]): string {
  const visual = [...line].sort((a, b) => a.x - b.x)
  const rtl = line.some((i) => i.rtl && HEBREW.test(i.str))
  if (!rtl) return joinVisual(visual)
  // Right to left: read from the right; runs of English keep their own order inside, and numbers
  // join such a run only after English (as the Unicode bidi algorithm resolves them), so a date
  // range printed right to left reads in logical order.
  const desc = [...visual].reverse()
  const out: Item[] = []
  let run: Item[] = []
  const flush = () => {
    // Spaces at a run's edges stay where they are.
    let lead = 0
    while (lead < run.length && !run[lead]?.str.trim()) lead++
    let trail = run.length
    while (trail > lead && !run[trail - 1]?.str.trim()) trail--
    out.push(...run.slice(0, lead), ...run.slice(lead, trail).reverse(), ...run.slice(trail))
    run = []
  }
  let lastStrong: 'L' | 'R' = 'R'
  for (const i of desc) {
    if (i.rtl) {
      flush()
      out.push(i)
      lastStrong = 'R'
    } else if (/\p{L}/u.test(i.str)) {
      run.push(i)
      lastStrong = 'L'
    } else if (lastStrong === 'L' && run.length) run.push(i)
    else {
      flush()
      out.push(i)
    }
  }
  flush()
  let text = ''
  for (let k = 0; k < out.length; k++) {
    const cur = out[k] as Item
    let s = cur.str
    // In a right-to-left line, pdf.js leaves a left-to-right item's trailing full stop in front.
    if (!cur.rtl && /^[.,;:!?]\S/.test(s)) s = `${s.slice(1)}${s[0]}`
    const prev = out[k - 1]
    if (prev && needsSpace(prev, cur, text, s)) text += gapBetween(prev, cur)
    text += s
  }
  return text
}

function joinVisual(items: Item[]): string {
  let text = ''
  for (let k = 0; k < items.length; k++) {
    const cur = items[k] as Item
    const prev = items[k - 1]
    if (prev && needsSpace(prev, cur, text, cur.str)) text += gapBetween(prev, cur)
    text += cur.str
  }
  return text
}

function visualGap(a: Item, b: Item): number {
  return Math.max(b.x - (a.x + a.w), a.x - (b.x + b.w))
}

function needsSpace(a: Item, b: Item, soFar: string, next: string): boolean {
  if (/\s$/.test(soFar) || /^\s/.test(next)) return false
  return visualGap(a, b) > Math.min(a.size, b.size) * 0.2
}

/** A wide gap (dates flush right) becomes two spaces, which the field parser reads as a separator. */
function gapBetween(a: Item, b: Item): string {
  return visualGap(a, b) > Math.min(a.size, b.size) * 2 ? '  ' : ' '
}

async function docxText(bytes: Uint8Array): Promise<string> {
  checkZip(bytes)
  try {
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) })
    return value
  } catch (err) {
    throw new ResumeExtractionError(
      'unreadable_document',
      `The DOCX cannot be read: ${(err as Error).message}`,
    )
  }
}

/**
 * Reads the ZIP's central directory before anything inflates it: too many entries or too many
 * bytes once expanded (a zip bomb) is refused. The documents service checks this too; a resume
 * parser must not trust that it always will.
 */
export function checkZip(bytes: Uint8Array): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let eocd = -1
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--)
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i
      break
    }
  if (eocd < 0) throw new ResumeExtractionError('unreadable_document', 'The DOCX is not a ZIP archive')
  const entries = view.getUint16(eocd + 10, true)
  let offset = view.getUint32(eocd + 16, true)
  if (entries > MAX_DOCX_ENTRIES)
    throw new ResumeExtractionError('archive_too_large', `The DOCX holds ${entries} files`)
  let total = 0
  for (let n = 0; n < entries; n++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50)
      throw new ResumeExtractionError('unreadable_document', 'The DOCX’s directory is damaged')
    const compressed = view.getUint32(offset + 20, true)
    const size = view.getUint32(offset + 24, true)
    if (size === 0xffffffff || compressed === 0xffffffff)
      throw new ResumeExtractionError('archive_too_large', 'The DOCX uses ZIP64 sizes, which no resume needs')
    total += size
    if (total > MAX_DOCX_EXPANDED_BYTES || (compressed > 0 && size / compressed > 200 && size > 1_000_000))
      throw new ResumeExtractionError(
        'archive_too_large',
        'The DOCX expands to more than a resume could hold',
      )
    offset +=
      46 +
      view.getUint16(offset + 28, true) +
      view.getUint16(offset + 30, true) +
      view.getUint16(offset + 32, true)
  }
}
