import type { FinanceSummary } from './finance-api'

/**
 * Chart points from the summary. Recharts plots numbers, so each amount is its integer count of
 * minor units as a number (exact below 2^53); labels and tooltips turn it back into money through
 * `formatChartMinor`, from a bigint. No arithmetic is done on these numbers.
 */
const minor = (amount: string) => Number(amount)

/** "2026-12" → "Dec 2026" in the page's language. */
export function monthLabel(month: string, lang: string): string {
  const [y, m] = month.split('-').map(Number)
  return new Intl.DateTimeFormat(lang, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y!, (m ?? 1) - 1, 1)),
  )
}

export function monthPoints(summary: FinanceSummary, lang: string) {
  return summary.months.map((m) => ({
    month: monthLabel(m.month, lang),
    invoiced: minor(m.invoiced.amount),
    collected: minor(m.collected.amount),
    revenue: minor(m.revenue.amount),
    refunded: minor(m.refunded.amount),
  }))
}

export const AGEING_COLORS: Record<string, string> = {
  current: 'teal.6',
  '1-30': 'yellow.6',
  '31-60': 'orange.6',
  '61-90': 'red.5',
  '90+': 'red.8',
}
