import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { daysBetween, median, takeRateBps } from './home-math.ts'
import { bucketsOf, homeWindow } from './period.ts'

describe('take rate', () => {
  it('is fees / GMV in basis points, rounded half up, within half a basis point', () => {
    fc.assert(
      // fees up to ten times the GMV (refund-free periods have fees ≤ GMV)
      fc.property(
        fc
          .bigInt({ min: 1n, max: 10n ** 15n })
          .chain((gmv) => fc.tuple(fc.bigInt({ min: 0n, max: gmv * 10n }), fc.constant(gmv))),
        ([fees, gmv]) => {
          const bps = takeRateBps(fees, gmv)!
          // |bps - fees*10000/gmv| <= 1/2, in exact integers: |2*bps*gmv - 2*fees*10000| <= gmv
          const diff = 2n * BigInt(bps) * gmv - 2n * fees * 10_000n
          expect(diff <= gmv && diff > -gmv).toBe(true)
        },
      ),
    )
  })
  it('is between 0 and 10000 when the fees are part of the GMV, and null without GMV', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 10n ** 15n }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (gmv, share) => {
          const fees = (gmv * BigInt(Math.floor(share * 1_000_000))) / 1_000_000n
          const bps = takeRateBps(fees, gmv)!
          expect(bps).toBeGreaterThanOrEqual(0)
          expect(bps).toBeLessThanOrEqual(10_000)
        },
      ),
    )
    expect(takeRateBps(5n, 0n)).toBeNull()
    expect(takeRateBps(1n, 3n)).toBe(3333)
    expect(takeRateBps(1n, 6n)).toBe(1667)
    expect(takeRateBps(1n, 20_000n)).toBe(1) // exactly half a basis point rounds up
  })
})

describe('median', () => {
  it('has at least half the values at or below it and at least half at or above it, whatever the order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 60 }), (xs) => {
        const m = median(xs)!
        expect(xs.filter((x) => x <= m).length * 2).toBeGreaterThanOrEqual(xs.length)
        expect(xs.filter((x) => x >= m).length * 2).toBeGreaterThanOrEqual(xs.length)
        expect(median([...xs].reverse())).toBe(m)
        expect(m).toBeGreaterThanOrEqual(Math.min(...xs))
        expect(m).toBeLessThanOrEqual(Math.max(...xs))
      }),
    )
    expect(median([])).toBeNull()
    expect(median([50, 71])).toBe(60.5)
    expect(median([71, 38, 50])).toBe(50)
  })
})

describe('periods', () => {
  const instant = fc.date({
    min: new Date('2020-01-01T00:00:00Z'),
    max: new Date('2030-12-31T00:00:00Z'),
    noInvalidDate: true,
  })

  it('every period ends where the previous begins or a year on, and its buckets cover it in order', () => {
    fc.assert(
      fc.property(
        instant,
        fc.constantFrom('30d', '90d', '12m', 'ytd') as fc.Arbitrary<'30d' | '90d' | '12m' | 'ytd'>,
        (now, period) => {
          const w = homeWindow(now, { period })
          expect(w.to.getTime()).toBe(now.getTime())
          expect(w.from < w.to).toBe(true)
          expect(w.prevFrom < w.prevTo).toBe(true)
          expect(w.prevTo <= w.from).toBe(true)
          if (period === '30d' || period === '90d') expect(w.prevTo.getTime()).toBe(w.from.getTime())
          const sorted = [...w.buckets].sort()
          expect(w.buckets).toEqual(sorted)
          expect(new Date(`${w.buckets[0]}T00:00:00Z`) <= w.from).toBe(true)
          expect(new Date(`${w.buckets.at(-1)}T00:00:00Z`) < w.to).toBe(true)
        },
      ),
    )
  })

  it('year to date at midnight on 1 January is the year just ended, not an empty period', () => {
    const w = homeWindow(new Date('2027-01-01T00:00:00Z'), { period: 'ytd' })
    expect(w.from.toISOString()).toBe('2026-01-01T00:00:00.000Z')
    expect(w.buckets[0]).toBe('2026-01-01')
  })

  it('weekly buckets start on Mondays, monthly ones on the first', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 400 }), (from, days) => {
        const to = new Date(from.getTime() + days * 86_400_000)
        for (const b of bucketsOf(from, to, 'week')) expect(new Date(`${b}T00:00:00Z`).getUTCDay()).toBe(1)
        for (const b of bucketsOf(from, to, 'month')) expect(b.endsWith('-01')).toBe(true)
      }),
    )
  })

  it('counts whole days, never negative', () => {
    expect(daysBetween(new Date('2026-04-01T10:00:00Z'), new Date('2026-05-04T09:00:00Z'))).toBe(32)
    expect(daysBetween(new Date('2026-05-05T00:00:00Z'), new Date('2026-05-04T00:00:00Z'))).toBe(0)
  })
})
