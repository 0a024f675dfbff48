import { createHmac } from 'node:crypto'
import { parsePhoneNumberFromString } from 'libphonenumber-js/max'

export type IdentityKeyKind = 'email' | 'phone' | 'linkedin' | 'github'
export interface IdentityKey {
  kind: IdentityKeyKind
  /** The normalised value (never stored). */
  value: string
}

/** john.doe+jobs@Gmail.com → johndoe@gmail.com: case, sub-addresses and Gmail's dots do not make a new person. */
export function normalizeCandidateEmail(input: string): string | null {
  const email = input.trim().toLowerCase()
  const m = /^([^@\s]+)@([^@\s]+\.[^@\s]+)$/.exec(email)
  if (!m) return null
  let [local, domain] = [m[1]!, m[2]!]
  local = local.split('+')[0]!
  if (domain === 'googlemail.com') domain = 'gmail.com'
  if (domain === 'gmail.com') local = local.replaceAll('.', '')
  return local ? `${local}@${domain}` : null
}

/** Any phone number as E.164, read in the candidate's country when it has no +country code. */
export function normalizeCandidatePhone(input: string, country?: string | null): string | null {
  const phone = parsePhoneNumberFromString(input.trim().replace(/^00/, '+'), (country ?? 'US') as never)
  return phone?.isValid() ? phone.number : null
}

/** https://il.linkedin.com/in/Jane-Doe-123/?trk=x → in/jane-doe-123 */
export function normalizeLinkedIn(input: string): string | null {
  const m = /(?:^|[./])linkedin\.com\/(in|pub)\/([^/?#\s]+)/i.exec(input.trim())
  return m ? `${m[1]!.toLowerCase()}/${decodeURIComponent(m[2]!).toLowerCase()}` : null
}

/** https://github.com/JaneDoe/repo → janedoe */
export function normalizeGitHub(input: string): string | null {
  const m = /(?:^|[./])github\.com\/([A-Za-z0-9-]{1,39})(?:[/?#]|$)/i.exec(input.trim())
  return m ? m[1]!.toLowerCase() : null
}

export function identityKeysOf(contacts: {
  email?: string | null | undefined
  phone?: string | null | undefined
  linkedin_url?: string | null | undefined
  github_url?: string | null | undefined
  country?: string | null | undefined
}): IdentityKey[] {
  const keys: IdentityKey[] = []
  const email = contacts.email ? normalizeCandidateEmail(contacts.email) : null
  if (email) keys.push({ kind: 'email', value: email })
  const phone = contacts.phone ? normalizeCandidatePhone(contacts.phone, contacts.country) : null
  if (phone) keys.push({ kind: 'phone', value: phone })
  const linkedin = contacts.linkedin_url ? normalizeLinkedIn(contacts.linkedin_url) : null
  if (linkedin) keys.push({ kind: 'linkedin', value: linkedin })
  const github = contacts.github_url ? normalizeGitHub(contacts.github_url) : null
  if (github) keys.push({ kind: 'github', value: github })
  return keys
}

/** Keyed digest: without the server secret, a copy of the table cannot be matched against a list of emails. */
export function keyHash(secret: string, key: IdentityKey): string {
  return createHmac('sha256', secret).update(`candidate:${key.kind}:${key.value}`).digest('hex')
}
