/** Basis points in a whole: 10 000 bps = 100%. */
export const WHOLE_BPS = 10_000

/** amount × bps / 10 000, rounded half up to the minor unit (a fee from a salary and a rate). */
export function applyBps(amount: bigint, bps: number): bigint {
  if (amount < 0n) throw new RangeError('applyBps: the amount must not be negative')
  if (!Number.isInteger(bps) || bps < 0 || bps > WHOLE_BPS) throw new RangeError(`applyBps: bad bps ${bps}`)
  return (amount * BigInt(bps) + BigInt(WHOLE_BPS / 2)) / BigInt(WHOLE_BPS)
}

/**
 * Divides `amount` into parts in the given basis-point shares so that the parts add up to exactly
 * `amount`: each part is its exact share rounded down, and the minor units left over go one each
 * to the shares with the largest remainders (the earlier share on a tie). Rounding each share on
 * its own could pay out a unit more or less than the fee.
 */
export function allocateBps(amount: bigint, shares: readonly number[]): bigint[] {
  if (amount < 0n) throw new RangeError('allocateBps: the amount must not be negative')
  const total = shares.reduce((sum, s) => sum + s, 0)
  if (total !== WHOLE_BPS || shares.some((s) => !Number.isInteger(s) || s < 0)) {
    throw new RangeError(`allocateBps: shares must be whole bps summing to ${WHOLE_BPS} (got ${total})`)
  }
  const whole = BigInt(WHOLE_BPS)
  const parts = shares.map((s) => (amount * BigInt(s)) / whole)
  const remainders = shares.map((s, i) => ({ i, r: (amount * BigInt(s)) % whole }))
  let left = amount - parts.reduce((sum, p) => sum + p, 0n)
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1))
  for (const { i } of remainders) {
    if (left === 0n) break
    parts[i] = (parts[i] as bigint) + 1n
    left -= 1n
  }
  return parts
}

/**
 * Divides `amount` in proportion to `weights` (largest remainder, the earlier weight on a tie):
 * the parts sum to `amount`, each within one minor unit of `amount × weight / Σweights`. With the
 * weights being what each party is still owed, successive payments never give anyone more than
 * they are owed, and the payment that settles the rest gives each exactly their remainder.
 */
export function allocateProportionally(amount: bigint, weights: readonly bigint[]): bigint[] {
  if (amount < 0n) throw new RangeError('allocateProportionally: the amount must not be negative')
  if (weights.some((w) => w < 0n))
    throw new RangeError('allocateProportionally: weights must not be negative')
  const total = weights.reduce((sum, w) => sum + w, 0n)
  if (total === 0n) {
    if (amount === 0n) return weights.map(() => 0n)
    throw new RangeError('allocateProportionally: nothing to divide an amount by')
  }
  const parts = weights.map((w) => (amount * w) / total)
  const order = weights
    .map((w, i) => ({ i, r: (amount * w) % total }))
    .sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1))
  let left = amount - parts.reduce((sum, p) => sum + p, 0n)
  for (const { i } of order) {
    if (left === 0n) break
    parts[i] = (parts[i] as bigint) + 1n
    left -= 1n
  }
  return parts
}
