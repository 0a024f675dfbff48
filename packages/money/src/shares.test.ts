import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { allocateBps, allocateProportionally, applyBps, WHOLE_BPS } from './shares.ts'

/** Whole-bps shares that sum to 100%: random cut points in 0..10 000. */
const sharesArb = fc.uniqueArray(fc.integer({ min: 1, max: WHOLE_BPS - 1 }), { maxLength: 6 }).map((cuts) => {
  const points = [0, ...cuts.sort((a, b) => a - b), WHOLE_BPS]
  return points.slice(1).map((p, i) => p - (points[i] as number))
})
const amountArb = fc.bigInt({ min: 0n, max: 10n ** 15n })

describe('applyBps', () => {
  it('is the exact product rounded half up', () => {
    fc.assert(
      fc.property(amountArb, fc.integer({ min: 0, max: WHOLE_BPS }), (amount, bps) => {
        const exactTimesWhole = amount * BigInt(bps)
        // rounded half up: floor(exact + ½), so the error is in (−½, +½] of a minor unit
        const error = applyBps(amount, bps) * BigInt(WHOLE_BPS) - exactTimesWhole
        expect(error > -5_000n && error <= 5_000n).toBe(true)
      }),
    )
  })
  it('rounds an exact half up (a case a random run found: the bound was the wrong way round)', () => {
    // 465 614 487 415 000 × 45.67% = 212 646 136 402 430.5
    expect(applyBps(465_614_487_415_000n, 4_567)).toBe(212_646_136_402_431n)
  })
  it('takes 20% of a salary', () => {
    expect(applyBps(12_000_000n, 2_000)).toBe(2_400_000n)
    expect(applyBps(5n, 5_000)).toBe(3n) // 2.5 rounds up
  })
  it('refuses a negative amount or a rate beyond 100%', () => {
    expect(() => applyBps(-1n, 100)).toThrow(RangeError)
    expect(() => applyBps(1n, 10_001)).toThrow(RangeError)
    expect(() => applyBps(1n, 1.5)).toThrow(RangeError)
  })
})

describe('allocateBps', () => {
  it('parts add up to exactly the amount, each within one minor unit of its exact share', () => {
    fc.assert(
      fc.property(amountArb, sharesArb, (amount, shares) => {
        const parts = allocateBps(amount, shares)
        expect(parts.reduce((sum, p) => sum + p, 0n)).toBe(amount)
        parts.forEach((part, i) => {
          const exactTimesWhole = amount * BigInt(shares[i] as number)
          const diff = part * BigInt(WHOLE_BPS) - exactTimesWhole
          expect(diff > -BigInt(WHOLE_BPS) && diff < BigInt(WHOLE_BPS)).toBe(true)
        })
      }),
    )
  })
  it('gives equal shares equal parts up to one unit, the earlier first', () => {
    expect(allocateBps(100n, [3_334, 3_333, 3_333])).toEqual([34n, 33n, 33n])
    expect(allocateBps(1n, [5_000, 5_000])).toEqual([1n, 0n])
    expect(allocateBps(2_400_000n, [5_000, 5_000])).toEqual([1_200_000n, 1_200_000n])
  })
  it('refuses shares that are not 100% in whole bps', () => {
    expect(() => allocateBps(100n, [5_000, 4_999])).toThrow(RangeError)
    expect(() => allocateBps(100n, [5_000.5, 4_999.5])).toThrow(RangeError)
    expect(() => allocateBps(-1n, [10_000])).toThrow(RangeError)
  })
})

describe('allocateProportionally', () => {
  it('sums to the amount, each part within one unit of its exact value, never above its weight when the amount fits', () => {
    fc.assert(
      fc.property(
        fc
          .array(fc.bigInt({ min: 0n, max: 10n ** 12n }), { minLength: 1, maxLength: 8 })
          .filter((w) => w.some((x) => x > 0n)),
        fc.bigInt({ min: 0n, max: 10n ** 12n }),
        (weights, raw) => {
          const total = weights.reduce((a, b) => a + b, 0n)
          const amount = raw % (total + 1n)
          const parts = allocateProportionally(amount, weights)
          expect(parts.reduce((a, b) => a + b, 0n)).toBe(amount)
          parts.forEach((p, i) => {
            const exactTimesTotal = amount * weights[i]!
            expect(p >= 0n).toBe(true)
            expect(p * total - exactTimesTotal < total).toBe(true)
            expect(exactTimesTotal - p * total < total).toBe(true)
            expect(p <= weights[i]!).toBe(true)
          })
        },
      ),
      { numRuns: 10_000 },
    )
  })

  it('settles what each is owed exactly over any sequence of partial payments', () => {
    fc.assert(
      fc.property(
        fc.array(fc.bigInt({ min: 1n, max: 10n ** 9n }), { minLength: 1, maxLength: 6 }),
        fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 6 }),
        (owed, cuts) => {
          const remaining = [...owed]
          let left = owed.reduce((a, b) => a + b, 0n)
          for (const [k, pct] of cuts.entries()) {
            const pay = k === cuts.length - 1 ? left : (left * BigInt(pct)) / 100n
            const parts = allocateProportionally(pay, remaining)
            parts.forEach((p, i) => {
              expect(p >= 0n && p <= remaining[i]!).toBe(true)
              remaining[i] = remaining[i]! - p
            })
            left -= pay
          }
          expect(remaining.every((r) => r === 0n)).toBe(true)
        },
      ),
      { numRuns: 10_000 },
    )
  })
})
