import { CURRENCIES, type Currency, formatMoney, isCurrency } from '@app/money'

/** A salary range as the API sends it: integer minor units as strings. */
export interface MoneyRange {
  min: string
  max: string
  currency: string
}

const UNITS: readonly [bigint, string][] = [
  [1_000_000_000n, 'B'],
  [1_000_000n, 'M'],
  [1_000n, 'k'],
]

/** The currency, or null for a code this build does not know (the server refuses those anyway). */
export function asCurrency(code: string): Currency | null {
  return isCurrency(code) ? code : null
}

/** "$160,000" (whole units) or "$160,000.50"; exact, from the minor-unit string. */
export function formatAmount(amount: string, currency: string, locale: string, wholeOnly = true): string {
  const code = asCurrency(currency)
  if (!code || !/^-?\d+$/.test(amount)) return `${amount} ${currency}`
  return formatMoney(BigInt(amount), code, locale, wholeOnly)
}

/** The currency-formatted number with a unit suffix after its digits: "$160k", "160k €". */
function withSuffix(digits: string, currency: Currency, locale: string, suffix: string): string {
  const parts = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: digits.includes('.') ? 1 : 0,
    maximumFractionDigits: 1,
    // Intl formats decimal strings exactly; the cast only satisfies the DOM typings.
  }).formatToParts(digits as unknown as number)
  const lastDigit = parts.findLastIndex((p) => p.type === 'integer' || p.type === 'fraction')
  return parts.map((p, i) => (i === lastDigit ? `${p.value}${suffix}` : p.value)).join('')
}

/**
 * "$160k", "$1.2M", "$850" from integer minor units: the rounding to one decimal is done on the
 * bigint, never on a float.
 */
export function formatMoneyCompact(amount: bigint, currency: string, locale: string): string {
  const code = asCurrency(currency)
  if (!code) return `${amount} ${currency}`
  const negative = amount < 0n
  const abs = negative ? -amount : amount
  const scale = 10n ** BigInt(CURRENCIES[code])
  for (const [size, suffix] of UNITS) {
    const unit = size * scale
    const tenths = (abs * 10n + unit / 2n) / unit
    if (tenths >= 10n) {
      const whole = tenths / 10n
      const fraction = tenths % 10n
      const digits = `${negative ? '-' : ''}${whole}${fraction === 0n ? '' : `.${fraction}`}`
      return withSuffix(digits, code, locale, suffix)
    }
  }
  return formatMoney(amount, code, locale, true)
}

/** "$160k–$200k", or one amount when both ends are equal. */
export function formatSalaryRange(range: MoneyRange, locale: string): string {
  if (!/^\d+$/.test(range.min) || !/^\d+$/.test(range.max))
    return `${range.min}–${range.max} ${range.currency}`
  const min = formatMoneyCompact(BigInt(range.min), range.currency, locale)
  const max = formatMoneyCompact(BigInt(range.max), range.currency, locale)
  return min === max ? min : `${min}–${max}`
}

/** "20" or "12.5" (percent, as people type it) → 2000 or 1250 basis points; null if not exact. */
export function parsePercent(text: string): number | null {
  const m = /^(\d{1,3})(?:[.,](\d{1,2}))?$/.exec(text.trim().replace(/%$/, '').trim())
  if (!m) return null
  const bps = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'))
  return bps <= 10_000 ? bps : null
}

/** 2000 → "20", 1250 → "12.5" (for a percent input's initial value). */
export function bpsToPercentText(bps: number): string {
  const whole = Math.trunc(bps / 100)
  const fraction = String(bps % 100)
    .padStart(2, '0')
    .replace(/0+$/, '')
  return fraction ? `${whole}.${fraction}` : String(whole)
}

/** An amount as the API sends it: integer minor units as a string, and its currency. */
export interface MoneyValue {
  amount: string
  currency: string
}

/** The sum of amounts in minor units, exactly (bigint); non-integer strings count as zero. */
export function sumMinor(amounts: readonly string[]): bigint {
  return amounts.reduce((sum, a) => sum + (/^-?\d+$/.test(a) ? BigInt(a) : 0n), 0n)
}

/** "$37,000.00": an API amount with its cents, exact. */
export function formatMoneyValue(value: MoneyValue, locale: string): string {
  return formatAmount(value.amount, value.currency, locale, false)
}

/**
 * Basis points, possibly with decimals as the fee engine stores them ("2250.5"), as a percentage:
 * 2000 → "20%", "2250.5" → "22.505%". Decimal-string arithmetic, never a float.
 */
export function formatBpsExact(bps: string | number): string {
  const m = /^(-)?(\d+)(?:\.(\d+))?$/.exec(String(bps))
  if (!m) return `${bps}`
  const digits = (m[2]! + (m[3] ?? '')).replace(/^0+(?=\d)/, '')
  const scale = (m[3] ?? '').length + 2
  const padded = digits.padStart(scale + 1, '0')
  const whole = padded.slice(0, padded.length - scale)
  const fraction = padded.slice(padded.length - scale).replace(/0+$/, '')
  return `${m[1] ?? ''}${whole}${fraction ? `.${fraction}` : ''}%`
}

/**
 * A chart axis or tooltip value back to money: the charts plot integer minor units as numbers
 * (exact below 2^53, far above any invoice), and each label is formatted from a bigint again.
 */
export function formatChartMinor(value: number, currency: string, locale: string): string {
  if (!Number.isFinite(value)) return ''
  return formatMoneyCompact(BigInt(Math.round(value)), currency, locale)
}
