/**
 * The pure rules of OFAIR's documents: which VAT rate and allocation threshold are in force on a
 * date (from the stored tables, never a constant), VAT on an amount, whether an invoice needs a Tax
 * Authority allocation number, and the month arithmetic of the monthly run.
 */

export interface DatedRate {
  /** YYYY-MM-DD */
  effective_from: string
  rate_bps: number
}

export interface DatedThreshold {
  effective_from: string
  /** required when the amount before VAT is above this (agorot) */
  above_minor: bigint
}

/** The row in force on a date: the latest whose effective date is on or before it. */
export function inForce<T extends { effective_from: string }>(
  rows: readonly T[],
  date: string,
): T | undefined {
  let best: T | undefined
  for (const r of rows) {
    if (r.effective_from <= date && (!best || r.effective_from > best.effective_from)) best = r
  }
  return best
}

/** VAT on an amount in agorot at a rate in basis points, rounded half up to the agora. */
export function vatOn(amountMinor: bigint, rateBps: number): bigint {
  if (amountMinor < 0n) return -vatOn(-amountMinor, rateBps)
  return (amountMinor * BigInt(rateBps) + 5000n) / 10000n
}

export type BusinessType = 'osek_murshe' | 'osek_patur' | 'company'

/**
 * An allocation number is needed on a B2B tax invoice with VAT whose amount before VAT is above
 * the threshold in force on its issue date, when the buyer is a licensed dealer (or a company) who
 * may deduct the input VAT. An exempt dealer (עוסק פטור) deducts nothing: no number is needed.
 */
export function allocationRequired(
  thresholds: readonly DatedThreshold[],
  issueDate: string,
  amountBeforeVatMinor: bigint,
  vatMinor: bigint,
  customerType: BusinessType,
): { required: boolean; thresholdMinor: bigint | null } {
  const t = inForce(thresholds, issueDate)
  if (!t) return { required: false, thresholdMinor: null }
  const deducts = customerType === 'osek_murshe' || customerType === 'company'
  return {
    required: deducts && vatMinor > 0n && amountBeforeVatMinor > t.above_minor,
    thresholdMinor: t.above_minor,
  }
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/

/** "2026-11" → "2026-11-01", or null when it is not a month. */
export function monthStart(month: string): string | null {
  const m = MONTH.exec(month)
  if (!m) return null
  const year = Number(m[1])
  if (year < 2000 || year > 2100) return null
  return `${m[1]}-${m[2]}-01`
}

/** The last calendar day of a month given as "YYYY-MM". */
export function monthEnd(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate()
  return `${month}-${String(last).padStart(2, '0')}`
}

/** Today's date in Asia/Jerusalem (YYYY-MM-DD). */
export function jerusalemDate(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Jerusalem',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at)
}

/** The month before the one `at` falls in, in Asia/Jerusalem ("YYYY-MM"). */
export function previousMonth(at: Date): string {
  const [y, m] = jerusalemDate(at).split('-').map(Number) as [number, number]
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`
}

/** Whether the month has ended by `at` (Asia/Jerusalem): only ended months are invoiced. */
export function monthHasEnded(month: string, at: Date): boolean {
  return jerusalemDate(at) > monthEnd(month)
}

/** How a document number is shown: the serial, zero-padded to six digits. */
export function documentNumber(serial: bigint | number | string): string {
  return String(serial).padStart(6, '0')
}
