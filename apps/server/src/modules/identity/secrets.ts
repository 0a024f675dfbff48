import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto'

/** Session tokens, link tokens and API keys: 256 random bits, URL-safe, with a readable prefix. */
export function randomToken(prefix: string): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`
}

/** Six digits, uniformly random. */
export function oneTimeCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0')
}

/** For high-entropy tokens: a plain SHA-256 is enough to make a stolen table useless. */
export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex')
}

/**
 * For low-entropy secrets (six-digit codes): keyed with the server secret so a copy of the table
 * cannot be brute-forced offline.
 */
export function hmacHex(secret: string, value: string): string {
  return createHmac('sha256', secret).update(value).digest('hex')
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}
