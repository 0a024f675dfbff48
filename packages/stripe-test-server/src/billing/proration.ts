/**
 * Proration as Stripe computes it, exactly in minor units: an amount for a whole period times the
 * share of the period that is left, rounded half up, each line on its own (Stripe prorates to the
 * second). `credit` is the unused part of the old price (negative), `charge` the new price for the
 * rest of the period.
 */
export function prorate(amount: number, periodStart: number, periodEnd: number, at: number): number {
  if (!Number.isSafeInteger(amount)) throw new Error('amount must be an integer of minor units')
  const length = periodEnd - periodStart
  if (length <= 0) throw new Error('empty period')
  const left = Math.min(length, Math.max(0, periodEnd - at))
  // round(amount * left / length) half away from zero, in exact integers
  const num = BigInt(Math.abs(amount)) * BigInt(left) * 2n + BigInt(length)
  const value = Number(num / (BigInt(length) * 2n))
  return amount < 0 ? -value : value
}

export interface ProrationLines {
  credit: number
  charge: number
  net: number
}

/** The two lines of a change from `oldAmount` to `newAmount` at `at` within a period. */
export function prorationLines(
  oldAmount: number,
  newAmount: number,
  periodStart: number,
  periodEnd: number,
  at: number,
): ProrationLines {
  const credit = -prorate(oldAmount, periodStart, periodEnd, at)
  const charge = prorate(newAmount, periodStart, periodEnd, at)
  return { credit, charge, net: credit + charge }
}

/** `n` calendar months after a unix time (UTC), the day clamped to the month's last (Jan 31 → Feb 28). */
export function addMonths(unixSeconds: number, n: number): number {
  const d = new Date(unixSeconds * 1000)
  const day = d.getUTCDate()
  const target = new Date(
    Date.UTC(
      d.getUTCFullYear(),
      d.getUTCMonth() + n,
      1,
      d.getUTCHours(),
      d.getUTCMinutes(),
      d.getUTCSeconds(),
    ),
  )
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate()
  target.setUTCDate(Math.min(day, last))
  return Math.floor(target.getTime() / 1000)
}

export function periodEnd(start: number, interval: 'day' | 'week' | 'month' | 'year', count: number): number {
  switch (interval) {
    case 'day':
      return start + 86_400 * count
    case 'week':
      return start + 7 * 86_400 * count
    case 'month':
      return addMonths(start, count)
    case 'year':
      return addMonths(start, 12 * count)
  }
}
