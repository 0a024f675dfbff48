import { createHmac, timingSafeEqual } from 'node:crypto'

/**
 * Short-lived links to private files: `/api/ofair/files/{id}/content?expires=…&sig=…`, where `sig`
 * is an HMAC-SHA256 of the id and the expiry under the server's secret. Whoever may see a file gets
 * a link when the API shows it to them; the link works for a few minutes, for anyone holding it
 * (an <img> cannot send headers), and never again after.
 */
export const LINK_SECONDS = 300

function signature(secret: string, fileId: string, expires: number): string {
  return createHmac('sha256', secret).update(`ofair-file:${fileId}:${expires}`).digest('base64url')
}

export function signedFileUrl(secret: string, fileId: string, now: Date, seconds = LINK_SECONDS): string {
  const expires = Math.floor(now.getTime() / 1000) + seconds
  return `/api/ofair/files/${fileId}/content?expires=${expires}&sig=${signature(secret, fileId, expires)}`
}

export function verifyFileSignature(
  secret: string,
  fileId: string,
  expires: number,
  sig: string,
  now: Date,
): boolean {
  if (expires * 1000 < now.getTime()) return false
  const expected = Buffer.from(signature(secret, fileId, expires))
  const given = Buffer.from(sig)
  return expected.length === given.length && timingSafeEqual(expected, given)
}
