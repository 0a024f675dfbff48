/**
 * What a file really is, from its first bytes: never from its name or the Content-Type the client
 * declared. Shared by OFAIR's uploads and the Document Service; each decides which types it takes.
 * A ZIP container is reported as such: whether it is a Word document is decided from its central
 * directory (see zip.ts), which lives at the end of the file.
 */
export const SNIFFED_TYPES = [
  'application/pdf',
  'application/zip',
  'image/png',
  'image/jpeg',
  'image/webp',
  'text/plain',
] as const
export type SniffedType = (typeof SNIFFED_TYPES)[number]

/** How many leading bytes `sniffFileType` looks at (enough for every signature and a text sample). */
export const SNIFF_BYTES = 4096

export function sniffFileType(head: Uint8Array): SniffedType | null {
  const starts = (...sig: number[]) => head.length >= sig.length && sig.every((b, i) => head[i] === b)
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg'
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png'
  if (
    starts(0x52, 0x49, 0x46, 0x46) &&
    head[8] === 0x57 &&
    head[9] === 0x45 &&
    head[10] === 0x42 &&
    head[11] === 0x50
  )
    return 'image/webp'
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'application/pdf'
  // a local file header; an empty archive (end record only) is no document
  if (starts(0x50, 0x4b, 0x03, 0x04)) return 'application/zip'
  if (looksLikeText(head)) return 'text/plain'
  return null
}

/**
 * Plain text: UTF-8 (an optional byte-order mark), no NUL and no control characters besides tab,
 * new line, carriage return and form feed. A sample cut in the middle of a character still counts.
 */
export function looksLikeText(sample: Uint8Array, complete = false): boolean {
  if (sample.length === 0) return false
  let i = sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf ? 3 : 0
  while (i < sample.length) {
    const b = sample[i]!
    if (b < 0x80) {
      if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) return false
      if (b === 0x7f) return false
      i++
      continue
    }
    const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1
    if (need < 0) return false
    for (let k = 1; k <= need; k++) {
      if (i + k >= sample.length) return !complete // cut at the end of the sample
      const c = sample[i + k]!
      if ((c & 0xc0) !== 0x80) return false
    }
    i += need + 1
  }
  return true
}
