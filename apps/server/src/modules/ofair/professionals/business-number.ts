/**
 * Israeli business numbers: ת.ז. / עוסק מורשה (nine digits) and ח.פ. (a company: nine digits
 * starting with 5), each with the Luhn-like check digit of the Population Registry (digits weighted
 * 1, 2, 1, 2 … from the left, products above 9 less 9, the sum divisible by 10). A valid check
 * digit does not prove the business exists: an admin verifies that with the certificates.
 */
export function normalizeBusinessNumber(raw: string): string | null {
  const digits = raw.replace(/[\s-]/g, '')
  if (!/^\d{5,9}$/.test(digits)) return null
  return digits.padStart(9, '0')
}

export function hasValidCheckDigit(nineDigits: string): boolean {
  if (!/^\d{9}$/.test(nineDigits)) return false
  let sum = 0
  for (let i = 0; i < 9; i++) {
    let x = Number(nineDigits[i]) * ((i % 2) + 1)
    if (x > 9) x -= 9
    sum += x
  }
  return sum % 10 === 0
}

export type BusinessType = 'osek_murshe' | 'osek_patur' | 'company'

/** The normalised number if it is valid for the business type, else null. */
export function validBusinessNumber(raw: string, type: BusinessType): string | null {
  const n = normalizeBusinessNumber(raw)
  if (!n || !hasValidCheckDigit(n)) return null
  if (type === 'company' && !n.startsWith('5')) return null
  return n
}
