/**
 * Reads a ZIP archive's central directory (at its end) without inflating anything: the entries'
 * names, methods, flags and the sizes they declare. Enough to tell a Word document from any other
 * ZIP, and a zip bomb from a document, before a single byte is decompressed. The declared sizes
 * may lie: whoever inflates an entry must still stop at the size it declared.
 */
export interface ZipEntry {
  name: string
  method: number
  flags: number
  compressedSize: number
  uncompressedSize: number
  localHeaderOffset: number
}

export type ZipProblem =
  | 'not_a_zip'
  | 'zip64_not_supported'
  | 'too_many_entries'
  | 'encrypted'
  | 'overlapping_entries'
  | 'declared_too_large'
  | 'compression_ratio'
  | 'unsupported_method'

export interface ZipLimits {
  maxEntries: number
  /** Sum of every entry's uncompressed size. */
  maxTotalUncompressed: number
  /** Uncompressed / compressed, for entries larger than `ratioFloorBytes`. */
  maxRatio: number
  ratioFloorBytes: number
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 2000,
  maxTotalUncompressed: 100 * 1024 * 1024,
  maxRatio: 100,
  ratioFloorBytes: 1024 * 1024,
}

/** Reads `length` bytes at `offset` (a file on disk, a buffer). */
export type ReadAt = (offset: number, length: number) => Promise<Uint8Array>

const EOCD = 0x06054b50
const CDH = 0x02014b50
const LFH = 0x04034b50

export async function readZipDirectory(
  read: ReadAt,
  size: number,
): Promise<{ ok: true; entries: ZipEntry[] } | { ok: false; problem: ZipProblem; detail: string }> {
  const fail = (problem: ZipProblem, detail: string) => ({ ok: false as const, problem, detail })
  if (size < 22) return fail('not_a_zip', 'too short for a ZIP archive')
  // the end record is in the last 22 + 65535 (comment) bytes
  const tailLength = Math.min(size, 22 + 65535)
  const tail = await read(size - tailLength, tailLength)
  const view = new DataView(tail.buffer, tail.byteOffset, tail.byteLength)
  let eocd = -1
  for (let i = tail.length - 22; i >= 0; i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i
      break
    }
  }
  if (eocd < 0) return fail('not_a_zip', 'no end of central directory record')
  const count = view.getUint16(eocd + 10, true)
  const cdSize = view.getUint32(eocd + 12, true)
  const cdOffset = view.getUint32(eocd + 16, true)
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    return fail('zip64_not_supported', 'ZIP64 archives are not accepted')
  }
  if (count === 0) return fail('not_a_zip', 'the archive is empty')
  if (cdOffset + cdSize > size) return fail('not_a_zip', 'the central directory lies outside the file')
  const cd = await read(cdOffset, cdSize)
  const cv = new DataView(cd.buffer, cd.byteOffset, cd.byteLength)
  const entries: ZipEntry[] = []
  let p = 0
  const decoder = new TextDecoder()
  while (p + 46 <= cd.length && cv.getUint32(p, true) === CDH) {
    if (entries.length >= DEFAULT_ZIP_LIMITS.maxEntries * 10) break
    const nameLength = cv.getUint16(p + 28, true)
    const extraLength = cv.getUint16(p + 30, true)
    const commentLength = cv.getUint16(p + 32, true)
    const entry: ZipEntry = {
      flags: cv.getUint16(p + 8, true),
      method: cv.getUint16(p + 10, true),
      compressedSize: cv.getUint32(p + 20, true),
      uncompressedSize: cv.getUint32(p + 24, true),
      localHeaderOffset: cv.getUint32(p + 42, true),
      name: decoder.decode(cd.subarray(p + 46, p + 46 + nameLength)),
    }
    if (
      entry.compressedSize === 0xffffffff ||
      entry.uncompressedSize === 0xffffffff ||
      entry.localHeaderOffset === 0xffffffff
    ) {
      return fail('zip64_not_supported', 'ZIP64 entries are not accepted')
    }
    entries.push(entry)
    p += 46 + nameLength + extraLength + commentLength
  }
  if (entries.length !== count) return fail('not_a_zip', 'the central directory is damaged')
  return { ok: true, entries }
}

/**
 * Refuses what would be dangerous to inflate: too many entries, declared sizes too large in total,
 * ratios no document has, entries whose data overlap (the "overlapping files" bomb, where every
 * entry points at the same compressed kernel), encryption and unknown methods.
 */
export function checkZipEntries(
  entries: readonly ZipEntry[],
  size: number,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): { ok: true } | { ok: false; problem: ZipProblem; detail: string } {
  if (entries.length > limits.maxEntries)
    return { ok: false, problem: 'too_many_entries', detail: `${entries.length} entries` }
  let total = 0
  for (const e of entries) {
    if (e.flags & 0x1) return { ok: false, problem: 'encrypted', detail: `${e.name} is encrypted` }
    if (e.method !== 0 && e.method !== 8)
      return { ok: false, problem: 'unsupported_method', detail: `${e.name} uses method ${e.method}` }
    total += e.uncompressedSize
    if (total > limits.maxTotalUncompressed) {
      return {
        ok: false,
        problem: 'declared_too_large',
        detail: `the entries declare more than ${limits.maxTotalUncompressed} bytes uncompressed`,
      }
    }
    if (
      e.uncompressedSize > limits.ratioFloorBytes &&
      e.uncompressedSize > limits.maxRatio * Math.max(1, e.compressedSize)
    ) {
      return {
        ok: false,
        problem: 'compression_ratio',
        detail: `${e.name} expands ${Math.round(e.uncompressedSize / Math.max(1, e.compressedSize))} times`,
      }
    }
  }
  // each entry's local header and data must stand apart from every other's
  const spans = entries
    .map((e) => ({ start: e.localHeaderOffset, end: e.localHeaderOffset + 30 + e.compressedSize }))
    .sort((a, b) => a.start - b.start)
  for (let i = 0; i < spans.length; i++) {
    const s = spans[i]!
    if (s.end > size)
      return { ok: false, problem: 'overlapping_entries', detail: 'an entry runs past the end' }
    const next = spans[i + 1]
    if (next && next.start < s.end)
      return { ok: false, problem: 'overlapping_entries', detail: 'entries share their data' }
  }
  return { ok: true }
}

/** The local header's own name and data offset of an entry (the data follows the header). */
export async function entryDataOffset(read: ReadAt, entry: ZipEntry): Promise<number> {
  const h = await read(entry.localHeaderOffset, 30)
  const v = new DataView(h.buffer, h.byteOffset, h.byteLength)
  if (v.getUint32(0, true) !== LFH) throw new Error(`no local header for ${entry.name}`)
  return entry.localHeaderOffset + 30 + v.getUint16(26, true) + v.getUint16(28, true)
}

/** The names a Word (DOCX) package always has. */
export function isWordDocument(entries: readonly ZipEntry[]): boolean {
  const names = new Set(entries.map((e) => e.name))
  return names.has('[Content_Types].xml') && names.has('word/document.xml')
}
