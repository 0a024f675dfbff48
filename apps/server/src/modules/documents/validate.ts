import { Inflate } from 'fflate'
import { looksLikeText } from '../../kernel/files/file-types.ts'
import {
  checkZipEntries,
  entryDataOffset,
  isWordDocument,
  type ReadAt,
  readZipDirectory,
} from '../../kernel/files/zip.ts'
import type { ProcessingFailure } from './errors.ts'
import { DOCX, type MediaType } from './kinds.ts'

/** A reason processing refuses a document: its code (the document's `failure_code`) and a message. */
export class DocumentProcessingError extends Error {
  override name = 'DocumentProcessingError'
  readonly code: ProcessingFailure | (string & {})
  constructor(code: ProcessingFailure | (string & {}), message: string) {
    super(message)
    this.code = code
  }
}

const latin1 = new TextDecoder('latin1')

/**
 * The deep check processing runs on a stored document, by its type: a PDF must end, have pages and
 * not be encrypted; a Word document must inflate within the sizes it declares (a zip bomb does
 * not) and hold a document part; text must be UTF-8 throughout; an image must be whole.
 */
export async function validateContent(mediaType: MediaType, bytes: Uint8Array): Promise<void> {
  switch (mediaType) {
    case 'application/pdf':
      return validatePdf(bytes)
    case DOCX:
      return validateDocx(bytes)
    case 'text/plain':
      if (!looksLikeText(bytes, true))
        throw new DocumentProcessingError('text_not_utf8', 'The text file is not valid UTF-8 text')
      return
    case 'image/png':
      if (!hasPngEnd(bytes)) throw new DocumentProcessingError('image_damaged', 'The PNG image is cut short')
      return
    case 'image/jpeg':
      if (!(bytes.at(-2) === 0xff && bytes.at(-1) === 0xd9))
        throw new DocumentProcessingError('image_damaged', 'The JPEG image is cut short')
      return
  }
}

function validatePdf(bytes: Uint8Array): void {
  const text = latin1.decode(bytes)
  if (!text.slice(-2048).includes('%%EOF')) {
    throw new DocumentProcessingError(
      'pdf_damaged',
      'The PDF has no end-of-file marker: it is cut short or damaged',
    )
  }
  // the trailer (or a cross-reference stream's dictionary) names an /Encrypt dictionary
  if (/\/Encrypt\s*(\d+\s+\d+\s+R|<<)/.test(text)) {
    throw new DocumentProcessingError('pdf_encrypted', 'The PDF is encrypted: send it without a password')
  }
  // pages are objects of /Type /Page (not /Pages); compressed object streams hide them, so a
  // /Count in a /Pages node counts too
  const pages = (text.match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length
  const counted = [...text.matchAll(/\/Type\s*\/Pages[\s\S]{0,200}?\/Count\s+(\d+)/g)].some(
    (m) => Number(m[1]) > 0,
  )
  const objectStreams = /\/Type\s*\/ObjStm/.test(text)
  if (pages === 0 && !counted && !objectStreams) {
    throw new DocumentProcessingError('pdf_empty', 'The PDF has no pages')
  }
}

function hasPngEnd(bytes: Uint8Array): boolean {
  const end = [0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]
  return end.every((b, i) => bytes[bytes.length - 8 + i] === b)
}

export const readFromBytes =
  (bytes: Uint8Array): ReadAt =>
  async (offset, length) =>
    bytes.subarray(offset, Math.min(bytes.length, offset + length))

/** The central directory's verdict on a ZIP: a Word document safe to inflate, or why not. */
export async function inspectDocx(
  read: ReadAt,
  size: number,
): Promise<{ ok: true } | { ok: false; code: 'docx_unsafe' | 'docx_not_word'; detail: string }> {
  const dir = await readZipDirectory(read, size)
  if (!dir.ok) return { ok: false, code: 'docx_unsafe', detail: dir.detail }
  const safe = checkZipEntries(dir.entries, size)
  if (!safe.ok) return { ok: false, code: 'docx_unsafe', detail: safe.detail }
  if (!isWordDocument(dir.entries))
    return { ok: false, code: 'docx_not_word', detail: 'no [Content_Types].xml and word/document.xml' }
  return { ok: true }
}

async function validateDocx(bytes: Uint8Array): Promise<void> {
  const read = readFromBytes(bytes)
  const verdict = await inspectDocx(read, bytes.length)
  if (!verdict.ok)
    throw new DocumentProcessingError(verdict.code, `The Word document is refused: ${verdict.detail}`)
  const dir = await readZipDirectory(read, bytes.length)
  if (!dir.ok) throw new DocumentProcessingError('docx_unsafe', dir.detail)
  // inflate every entry, stopping the moment one exceeds the size it declared
  for (const entry of dir.entries) {
    const start = await entryDataOffset(read, entry)
    const data = bytes.subarray(start, start + entry.compressedSize)
    const produced = entry.method === 0 ? data.length : inflatedSize(data, entry.uncompressedSize)
    if (produced !== entry.uncompressedSize) {
      throw new DocumentProcessingError(
        'docx_unsafe',
        `${entry.name} inflates to ${produced > entry.uncompressedSize ? 'more' : 'less'} than the ${entry.uncompressedSize} bytes it declares`,
      )
    }
  }
}

/** Inflates a raw DEFLATE stream, counting, and stops one byte past `limit`. */
function inflatedSize(data: Uint8Array, limit: number): number {
  let produced = 0
  let over = false
  const inflate = new Inflate((chunk) => {
    produced += chunk.length
    if (produced > limit) over = true
  })
  const STEP = 16 * 1024
  try {
    for (let i = 0; i < data.length && !over; i += STEP) {
      inflate.push(data.subarray(i, i + STEP), i + STEP >= data.length)
    }
  } catch {
    return -1
  }
  return over ? limit + 1 : produced
}
