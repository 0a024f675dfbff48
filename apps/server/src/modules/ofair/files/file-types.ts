/**
 * What a file really is, from its first bytes (never from its name or the declared content type).
 * Only the types OFAIR accepts are recognised.
 */
export type AcceptedMime = 'image/jpeg' | 'image/png' | 'image/webp' | 'application/pdf'

export const MAX_FILE_BYTES = 5 * 1024 * 1024

export function sniffMime(bytes: Uint8Array): AcceptedMime | null {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b)
  if (bytes.length >= 3 && starts(0xff, 0xd8, 0xff)) return 'image/jpeg'
  if (bytes.length >= 8 && starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png'
  if (
    bytes.length >= 12 &&
    starts(0x52, 0x49, 0x46, 0x46) &&
    bytes[8] === 0x57 &&
    bytes[9] === 0x45 &&
    bytes[10] === 0x42 &&
    bytes[11] === 0x50
  )
    return 'image/webp'
  if (bytes.length >= 5 && starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'application/pdf'
  return null
}
