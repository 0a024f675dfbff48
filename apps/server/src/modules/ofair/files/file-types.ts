import { sniffFileType } from '../../../kernel/files/file-types.ts'

/**
 * The types OFAIR accepts, read from a file's first bytes by the kernel's sniffer (never from its
 * name or the declared content type).
 */
export type AcceptedMime = 'image/jpeg' | 'image/png' | 'image/webp' | 'application/pdf'

const ACCEPTED: readonly string[] = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf']

export const MAX_FILE_BYTES = 5 * 1024 * 1024

export function sniffMime(bytes: Uint8Array): AcceptedMime | null {
  const type = sniffFileType(bytes)
  return type && ACCEPTED.includes(type) ? (type as AcceptedMime) : null
}
