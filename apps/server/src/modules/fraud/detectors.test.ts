import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  automationVerdict,
  cycleThrough,
  duplicateVerdict,
  feeVerdict,
  mad,
  manipulationVerdict,
  median,
  robustZ,
  splitVerdict,
  velocityVerdict,
} from './detectors.ts'

const ints = fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 60 })

describe('robust statistics', () => {
  it('median lies within the sample, MAD is non-negative, both shift/scale like they should', () => {
    fc.assert(
      fc.property(ints, fc.integer({ min: -50, max: 50 }), (xs, k) => {
        const m = median(xs)
        expect(m).toBeGreaterThanOrEqual(Math.min(...xs))
        expect(m).toBeLessThanOrEqual(Math.max(...xs))
        expect(mad(xs)).toBeGreaterThanOrEqual(0)
        expect(median(xs.map((x) => x + k))).toBeCloseTo(m + k)
        expect(mad(xs.map((x) => x + k))).toBeCloseTo(mad(xs))
      }),
    )
  })
  it('robust z is monotone in x and zero at the median', () => {
    fc.assert(
      fc.property(ints, fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 1000 }), (xs, a, b) => {
        expect(robustZ(median(xs), xs)).toBeCloseTo(0)
        if (a <= b) expect(robustZ(a, xs)).toBeLessThanOrEqual(robustZ(b, xs))
      }),
    )
  })
  it('one outlier does not move the median far (unlike a mean)', () => {
    expect(median([2, 2, 3, 3, 2, 1000])).toBe(2.5)
  })
})

describe('velocity', () => {
  it('never fires under 25 a day and 12 an hour, whatever the history', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 11 }),
        fc.integer({ min: 0, max: 24 }),
        ints,
        ints,
        (h, d, own, net) => {
          expect(
            velocityVerdict({ lastHour: h, lastDay: Math.max(h, d), ownDaily: own, networkDaily: net }),
          ).toBeNull()
        },
      ),
    )
  })
  it('fires on a burst far above the recruiter and the network, and says why', () => {
    const v = velocityVerdict({
      lastHour: 20,
      lastDay: 60,
      ownDaily: Array(30).fill(3),
      networkDaily: [1, 2, 3, 2, 4, 2],
    })
    expect(v?.severity).toBeDefined()
    expect(v!.explanation).toContain('60 submissions in 24 hours')
  })
  it('a busy recruiter at their usual pace is quiet', () => {
    expect(
      velocityVerdict({
        lastHour: 4,
        lastDay: 40,
        ownDaily: Array.from({ length: 30 }, (_, i) => 35 + (i % 10)),
        networkDaily: [2, 3, 40],
      }),
    ).toBeNull()
  })
})

describe('automated behaviour', () => {
  it('constant short gaps fire; gaps with human spread never do', () => {
    const t0 = Date.UTC(2026, 0, 1)
    const bot = Array.from({ length: 15 }, (_, i) => new Date(t0 + i * 10_000))
    expect(automationVerdict(bot)?.severity).toBe('critical')
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 20, max: 600 }), { minLength: 11, maxLength: 19 }), (gaps) => {
        const mean = gaps.reduce((a, b) => a + b, 0) / gaps.length
        const sd = Math.sqrt(gaps.reduce((a, g) => a + (g - mean) ** 2, 0) / gaps.length)
        const times = [new Date(t0)]
        for (const g of gaps) times.push(new Date(times.at(-1)!.getTime() + g * 1000))
        const v = automationVerdict(times)
        if (sd / mean >= 0.1 || mean > 90) expect(v).toBeNull()
        else expect(v).not.toBeNull()
      }),
    )
  })
  it('needs at least 12 actions', () => {
    expect(automationVerdict(Array.from({ length: 11 }, (_, i) => new Date(i * 5000)))).toBeNull()
  })
})

describe('rings', () => {
  it('finds a cycle through the start, and every hop is an edge', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 7 }), fc.integer({ min: 0, max: 7 })), { maxLength: 30 }),
        (pairs) => {
          const edges = pairs.map(([a, b]) => ({ from: `r${a}`, to: `r${b}` }))
          const ring = cycleThrough('r0', edges, 8)
          if (ring) {
            expect(ring[0]).toBe('r0')
            expect(ring.at(-1)).toBe('r0')
            expect(ring.length).toBeGreaterThanOrEqual(3)
            for (let i = 0; i + 1 < ring.length; i++)
              expect(edges.some((e) => e.from === ring[i] && e.to === ring[i + 1])).toBe(true)
          }
        },
      ),
    )
  })
  it('a chain is not a ring', () => {
    expect(
      cycleThrough('a', [
        { from: 'a', to: 'b' },
        { from: 'b', to: 'c' },
      ]),
    ).toBeNull()
    expect(
      cycleThrough('a', [
        { from: 'a', to: 'b' },
        { from: 'b', to: 'c' },
        { from: 'c', to: 'a' },
      ]),
    ).toEqual(['a', 'b', 'c', 'a'])
  })
})

describe('fees, splits, duplicates, manipulation', () => {
  it('split shares that do not add to 100% are critical; a clean 60/40 is quiet', () => {
    const s = (share: number, r = crypto.randomUUID()) => ({
      fee_role: 'sourcer',
      recruiter_id: r,
      share_bps: share,
    })
    expect(splitVerdict([s(6000), s(4000)])).toBeNull()
    expect(splitVerdict([s(6000), s(3000)])?.severity).toBe('critical')
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 100, max: 10_000 }), { minLength: 1, maxLength: 4 }),
        (shares) => {
          const v = splitVerdict(shares.map((x) => s(x)))
          expect(v === null).toBe(shares.reduce((a, b) => a + b, 0) === 10_000)
        },
      ),
    )
  })
  it('a fee within 5 points of the norm never fires', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1500, max: 2500 }), { minLength: 3, maxLength: 20 }),
        fc.integer({ min: -499, max: 499 }),
        (norm, d) => {
          expect(feeVerdict(median(norm) + d, norm, [])).toBeNull()
        },
      ),
    )
    expect(feeVerdict(4500, [2000, 2000, 2100, 1900], [])?.severity).toBe('high')
  })
  it('duplicates count only the same company', () => {
    const other = {
      candidate_id: 'c2',
      recruiter_id: 'r1',
      matched_on: ['email'],
      applications: [{ application_id: 'a1', role_id: 'x', company_id: 'k2' }],
    }
    expect(duplicateVerdict({ recruiterId: 'r1', companyId: 'k1', roleId: 'y', others: [other] })).toBeNull()
    expect(
      duplicateVerdict({ recruiterId: 'r1', companyId: 'k2', roleId: 'y', others: [other] })?.severity,
    ).toBe('high')
  })
  it('identity edits count only inside 48 hours after a refusal', () => {
    const now = new Date('2026-05-04T12:00:00Z')
    expect(manipulationVerdict(['email'], new Date('2026-05-04T11:30:00Z'), now)?.severity).toBe('high')
    expect(manipulationVerdict(['skills'], new Date('2026-05-04T11:30:00Z'), now)).toBeNull()
    expect(manipulationVerdict(['email'], new Date('2026-05-01T11:30:00Z'), now)).toBeNull()
    expect(manipulationVerdict(['email'], null, now)).toBeNull()
  })
})
