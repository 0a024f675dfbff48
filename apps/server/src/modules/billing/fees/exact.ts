/** Exact arithmetic on bigint rationals: the only rounding the fee engine does. */

/** numerator / denominator rounded to the nearest integer, a tie to the even one (banker's rounding). */
export function roundHalfEven(numerator: bigint, denominator: bigint): bigint {
  if (numerator < 0n || denominator <= 0n) throw new RangeError('roundHalfEven: needs n ≥ 0 and d > 0')
  const quotient = numerator / denominator
  const twice = (numerator % denominator) * 2n
  if (twice > denominator) return quotient + 1n
  if (twice < denominator) return quotient
  return quotient % 2n === 0n ? quotient : quotient + 1n
}

/**
 * Divides `amount` into parts whose exact values are `numerators[i] / denominator` (they must sum
 * to `amount`): the largest remainder (Hamilton) method. Each part is its exact value rounded
 * down; the units left over go one each to the parts with the largest remainders, the earlier
 * part on a tie. So every part is within one minor unit of its exact value and the parts sum to
 * `amount`. With `denominator` 10 000 and numerators `amount × bps` it is `allocateBps`.
 */
export function allocateExact(amount: bigint, numerators: readonly bigint[], denominator: bigint): bigint[] {
  if (amount < 0n || denominator <= 0n || numerators.some((n) => n < 0n)) {
    throw new RangeError('allocateExact: needs a non-negative amount and numerators, a positive denominator')
  }
  if (numerators.reduce((sum, n) => sum + n, 0n) !== amount * denominator) {
    throw new RangeError('allocateExact: the exact parts do not sum to the amount')
  }
  const parts = numerators.map((n) => n / denominator)
  const order = numerators
    .map((n, i) => ({ i, r: n % denominator }))
    .sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1))
  let left = amount - parts.reduce((sum, p) => sum + p, 0n)
  for (const { i } of order) {
    if (left === 0n) break
    parts[i] = (parts[i] as bigint) + 1n
    left -= 1n
  }
  return parts
}

/** n / 10^scale as an exact decimal string without trailing zeros: (22_000_000n, 4) → "2200". */
export function exactDecimal(n: bigint, scale: number): string {
  const digits = n.toString().padStart(scale + 1, '0')
  const whole = digits.slice(0, digits.length - scale)
  const fraction = digits.slice(digits.length - scale).replace(/0+$/, '')
  return fraction ? `${whole}.${fraction}` : whole
}
