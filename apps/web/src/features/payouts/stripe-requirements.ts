/**
 * Stripe names what it still needs as field paths (`individual.verification.document`,
 * `external_account`) and why an account is disabled as codes (`requirements.past_due`). A
 * recruiter should read words: each path maps to the thing they have to provide (several paths
 * often ask for one thing — the day, month and year of a birth date), each code to a sentence.
 */
const REQUIREMENT_RULES: [RegExp, string][] = [
  [/^external_account/, 'external_account'],
  [/^tos_acceptance/, 'tos_acceptance'],
  [/verification\.additional_document/, 'additional_document'],
  [/verification\.document/, 'verification_document'],
  [/\.dob\./, 'dob'],
  [/\.address\./, 'address'],
  [/(id_number|ssn_last_4|tax_id)/, 'id_number'],
  [/\.(first_name|last_name|name)$/, 'name'],
  [/\.(email|phone)$/, 'contact'],
  [/^business_profile\./, 'business'],
  [/^company\./, 'company'],
  [/^(representative|owners|directors|executives)/, 'representative'],
]

/** The distinct things behind Stripe's requirement paths, in the order first asked. */
export function requirementItems(paths: readonly string[]): { key: string; field: string }[] {
  const out = new Map<string, { key: string; field: string }>()
  for (const path of paths) {
    const key = REQUIREMENT_RULES.find(([re]) => re.test(path))?.[1] ?? 'other'
    const id = key === 'other' ? `other:${path}` : key
    if (!out.has(id)) out.set(id, { key, field: path })
  }
  return [...out.values()]
}

/** The sentence key for a disabled reason (`rejected.fraud` reads as `rejected`). */
export function disabledReasonKey(reason: string): string {
  const known = [
    'requirements.past_due',
    'requirements.pending_verification',
    'under_review',
    'rejected',
    'listed',
    'platform_paused',
  ]
  return known.find((k) => reason === k || reason.startsWith(`${k}.`)) ?? 'other'
}
