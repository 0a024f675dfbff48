import { parsePhoneNumberFromString } from 'libphonenumber-js/max'

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/

/** Lower-cased, trimmed; null if it is not an email address. */
export function normalizeEmail(input: string): string | null {
  const email = input.trim().toLowerCase()
  return email.length <= 254 && EMAIL.test(email) ? email : null
}

/**
 * An Israeli mobile number in any common form (050-234-5678, 0502345678, +972 50-234-5678,
 * 972502345678, 00972502345678) as E.164 (+972502345678); null for anything that is not a valid,
 * allocated Israeli mobile number (landlines, VoIP, toll-free and unallocated blocks included).
 */
export function normalizeIsraeliMobile(input: string): string | null {
  const trimmed = input.trim()
  if (!/^[+\d][\d\s().-]{6,24}$/.test(trimmed)) return null
  const phone = parsePhoneNumberFromString(trimmed.replace(/^00/, '+'), 'IL')
  if (phone?.country !== 'IL' || !phone.isValid() || phone.getType() !== 'MOBILE') return null
  return phone.number
}

/** d***@acme.demo */
export function maskEmail(email: string): string {
  const [local = '', domain = ''] = email.split('@')
  return `${local.slice(0, 1)}***@${domain}`
}

/** +972 50-***-5678 */
export function maskPhone(e164: string): string {
  return e164.startsWith('+972') && e164.length === 13
    ? `+972 ${e164.slice(4, 6)}-***-${e164.slice(9)}`
    : `${e164.slice(0, 4)}***${e164.slice(-3)}`
}

/** 050-234-5678 for people reading Hebrew pages. */
export function formatIsraeliMobile(e164: string): string {
  const n = `0${e164.slice(4)}`
  return `${n.slice(0, 3)}-${n.slice(3, 6)}-${n.slice(6)}`
}
