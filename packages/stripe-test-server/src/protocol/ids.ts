import { randomBytes } from 'node:crypto'

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'

/** Random base62 text; Stripe ids are a prefix and 24 such characters (e.g. `pi_3Pq…`). */
export function randomToken(length = 24): string {
  const bytes = randomBytes(length * 2)
  let out = ''
  for (let i = 0; i < bytes.length && out.length < length; i++) {
    const b = bytes[i] as number
    // Rejection sampling keeps every character equally likely (248 = 4 * 62).
    if (b < 248) out += ALPHABET[b % 62]
  }
  return out.length === length ? out : out + randomToken(length - out.length)
}

export function newId(prefix: string): string {
  return `${prefix}_${randomToken()}`
}
