import { CURRENCIES, type Currency } from './currencies.ts'

/** An exact amount: integer minor units and a currency. Never a float. */
export interface Money {
  amount: bigint
  currency: Currency
}

/** "120000.50" (major units, as people type them) → 12000050n; null if not exact in this currency. */
export function parseMajor(text: string, currency: Currency): bigint | null {
  const exponent = CURRENCIES[currency]
  const m = /^(-)?(\d{1,18})(?:\.(\d+))?$/.exec(text.trim().replace(/[,_\s]/g, ''))
  if (!m) return null
  const fraction = m[3] ?? ''
  if (fraction.length > exponent) return null
  const minor = BigInt(m[2]! + fraction.padEnd(exponent, '0'))
  return m[1] ? -minor : minor
}

/** 12000050n USD → "120000.50" */
export function toMajorString(amount: bigint, currency: Currency): string {
  const exponent = CURRENCIES[currency]
  const negative = amount < 0n
  const digits = (negative ? -amount : amount).toString().padStart(exponent + 1, '0')
  const whole = exponent ? digits.slice(0, -exponent) : digits
  const fraction = exponent ? `.${digits.slice(-exponent)}` : ''
  return `${negative ? '-' : ''}${whole}${fraction}`
}

/** Locale formatting for display, e.g. "$120,000" or "‏120,000 ‏₪". Exact: goes through a decimal string. */
export function formatMoney(amount: bigint, currency: Currency, locale = 'en-US', wholeOnly = false): string {
  const exponent = CURRENCIES[currency]
  const text = toMajorString(amount, currency)
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: wholeOnly ? 0 : exponent,
    maximumFractionDigits: wholeOnly ? 0 : exponent,
  }).format(text as unknown as number)
}

/** Basis points as a percentage string: 2000 → "20%", 1250 → "12.5%". */
export function formatBps(bps: number): string {
  return `${(bps / 100).toFixed(2).replace(/\.?0+$/, '')}%`
}
