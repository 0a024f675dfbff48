/**
 * The arithmetic of the homes, pure and property-tested (home-math.test.ts): the platform's take
 * rate in basis points, medians of durations, whole days between two instants.
 */

/** fees / gmv in basis points, rounded half up; null when there is no GMV to divide by. */
export function takeRateBps(fees: bigint, gmv: bigint): number | null {
  if (gmv <= 0n) return null
  const scaled = fees * 10_000n
  // round half up on non-negative values; a negative fee total (refunds) rounds toward zero
  const q = scaled >= 0n ? (scaled * 2n + gmv) / (gmv * 2n) : scaled / gmv
  return Number(q)
}

/** The median of a list (mean of the middle two for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/** Whole days from `since` to `now` (floored, never negative). */
export function daysBetween(since: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - since.getTime()) / 86_400_000))
}

/** A median of days to one decimal, for display. */
export const roundDays = (d: number | null) => (d === null ? null : Math.round(d * 10) / 10)
