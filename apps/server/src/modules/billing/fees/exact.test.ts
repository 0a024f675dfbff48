import { allocateBps } from '@app/money'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { allocateExact, exactDecimal, roundHalfEven } from './exact.ts'

const RUNS = { numRuns: 10_000 }

describe('roundHalfEven', () => {
  it('rounds to the nearest integer, a tie to the even one', () => {
    expect([5n, 15n, 25n, 35n].map((n) => roundHalfEven(n, 10n))).toEqual([0n, 2n, 2n, 4n])
    expect(roundHalfEven(14n, 10n)).toBe(1n)
    expect(roundHalfEven(16n, 10n)).toBe(2n)
    expect(roundHalfEven(7n, 1n)).toBe(7n)
    expect(() => roundHalfEven(-1n, 2n)).toThrow(RangeError)
    expect(() => roundHalfEven(1n, 0n)).toThrow(RangeError)
  })

  it('is within half a unit of the exact value, and exactly half only when the result is even', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 30n }),
        fc.bigInt({ min: 1n, max: 10n ** 15n }),
        (n, d) => {
          const r = roundHalfEven(n, d)
          const twiceError = 2n * (r * d - n) // 2·(r − n/d)·d
          expect(twiceError >= -d && twiceError <= d).toBe(true)
          if (twiceError === d || twiceError === -d) expect(r % 2n).toBe(0n)
        },
      ),
      RUNS,
    )
  })
})

const amountArb = fc.bigInt({ min: 0n, max: 10n ** 15n })
/** An amount and exact parts of it: random non-negative weights scaled to sum to amount × d. */
const quotasArb = fc
  .tuple(amountArb, fc.array(fc.bigInt({ min: 0n, max: 10n ** 6n }), { minLength: 1, maxLength: 8 }))
  .filter(([, weights]) => weights.some((w) => w > 0n))
  .map(([amount, weights]) => {
    const d = weights.reduce((s, w) => s + w, 0n)
    return { amount, numerators: weights.map((w) => amount * w), denominator: d }
  })

describe('allocateExact', () => {
  it('parts sum to the amount, each within one unit of its exact value, never negative', () => {
    fc.assert(
      fc.property(quotasArb, ({ amount, numerators, denominator }) => {
        const parts = allocateExact(amount, numerators, denominator)
        expect(parts.reduce((s, p) => s + p, 0n)).toBe(amount)
        parts.forEach((p, i) => {
          const n = numerators[i] as bigint
          expect(p >= 0n).toBe(true)
          // floor(exact) ≤ part ≤ floor(exact) + 1 (so |part − exact| < 1), and exact when whole
          expect(p >= n / denominator && p <= n / denominator + 1n).toBe(true)
          if (n % denominator === 0n) expect(p).toBe(n / denominator)
        })
      }),
      RUNS,
    )
  })

  it('is allocateBps when the parts are basis points of the amount', () => {
    const sharesArb = fc.uniqueArray(fc.integer({ min: 1, max: 9_999 }), { maxLength: 6 }).map((cuts) => {
      const points = [0, ...cuts.sort((a, b) => a - b), 10_000]
      return points.slice(1).map((p, i) => p - (points[i] as number))
    })
    fc.assert(
      fc.property(amountArb, sharesArb, (amount, shares) => {
        const exact = allocateExact(
          amount,
          shares.map((s) => amount * BigInt(s)),
          10_000n,
        )
        expect(exact).toEqual(allocateBps(amount, shares))
      }),
      RUNS,
    )
  })

  it('gives the leftover units to the largest remainders, the earlier part on a tie', () => {
    expect(allocateExact(10n, [10n * 1n, 10n * 1n, 10n * 1n], 3n)).toEqual([4n, 3n, 3n])
    expect(allocateExact(1n, [1n, 1n], 2n)).toEqual([1n, 0n])
    // exact 1.2, 1.7, 2.1 → 1, 2, 2
    expect(allocateExact(5n, [12n, 17n, 21n], 10n)).toEqual([1n, 2n, 2n])
  })

  it('refuses parts that do not add up, or negatives', () => {
    expect(() => allocateExact(10n, [5n, 4n], 1n)).toThrow(RangeError)
    expect(() => allocateExact(10n, [11n, -1n], 1n)).toThrow(RangeError)
    expect(() => allocateExact(-1n, [-1n], 1n)).toThrow(RangeError)
    expect(() => allocateExact(1n, [1n], 0n)).toThrow(RangeError)
  })
})

describe('exactDecimal', () => {
  it('writes n / 10^scale without losing or inventing digits', () => {
    expect(exactDecimal(22_000_000n, 4)).toBe('2200')
    expect(exactDecimal(21_989_000n, 4)).toBe('2198.9')
    expect(exactDecimal(5n, 4)).toBe('0.0005')
    expect(exactDecimal(0n, 4)).toBe('0')
    expect(exactDecimal(42n, 0)).toBe('42')
  })
})
