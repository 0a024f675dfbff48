import { createHmac, timingSafeEqual } from 'node:crypto'

/**
 * Short-lived links to private files: `<path>?expires=…&sig=…`, where `sig` is an HMAC-SHA256 of
 * a purpose, the file's id and the expiry under the server's secret. Whoever may see a file gets a
 * link when the API shows it to them; the link works for a few minutes, for anyone holding it (an
 * <img> or a download cannot send headers), and never after. The purpose keeps one service's
 * links from opening another's files.
 */
export interface LinkTarget {
  /** What the link opens, e.g. `ofair-file` or `document`: part of what is signed. */
  purpose: string
  id: string
  /** The route serving the file (the query string is added). */
  path: string
}

function signature(secret: string, purpose: string, id: string, expires: number): string {
  return createHmac('sha256', secret).update(`${purpose}:${id}:${expires}`).digest('base64url')
}

export function signedLink(secret: string, target: LinkTarget, now: Date, seconds: number): string {
  const expires = Math.floor(now.getTime() / 1000) + seconds
  return `${target.path}?expires=${expires}&sig=${signature(secret, target.purpose, target.id, expires)}`
}

export function verifyLink(
  secret: string,
  target: { purpose: string; id: string },
  expires: number,
  sig: string,
  now: Date,
): boolean {
  if (expires * 1000 < now.getTime()) return false
  const expected = Buffer.from(signature(secret, target.purpose, target.id, expires))
  const given = Buffer.from(sig)
  return expected.length === given.length && timingSafeEqual(expected, given)
}
