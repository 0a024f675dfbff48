import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { RECOMMENDATIONS } from './kinds.ts'
import { summarizeFeedback } from './summary.ts'

const KEYS = ['a', 'b', 'c', 'd'] as const
const WEIGHT: Record<string, number> = { a: 1, b: 2, c: 3, d: 5 }
const feedback = fc.record({
  recommendation: fc.constantFrom(...RECOMMENDATIONS),
  ratings: fc
    .subarray([...KEYS])
    .chain((keys) =>
      fc.tuple(...keys.map((k) => fc.integer({ min: 1, max: 4 }).map((rating) => ({ k, rating })))),
    )
    .map((rs) =>
      rs.map(({ k, rating }) => ({
        criterion_key: k,
        criterion_name: k.toUpperCase(),
        weight: WEIGHT[k]!,
        rating,
      })),
    ),
})
const scorecard = KEYS.map((k) => ({ key: k, name: k.toUpperCase(), weight: WEIGHT[k]! }))

describe('the scorecard summary', () => {
  it('counts every feedback once, by recommendation', () => {
    fc.assert(
      fc.property(fc.array(feedback, { maxLength: 30 }), (fs) => {
        const s = summarizeFeedback(fs, scorecard)
        expect(s.feedback_count).toBe(fs.length)
        expect(Object.values(s.recommendations).reduce((a, b) => a + b, 0)).toBe(fs.length)
        for (const r of RECOMMENDATIONS) {
          expect(s.recommendations[r]).toBe(fs.filter((f) => f.recommendation === r).length)
        }
      }),
    )
  })

  it('averages each criterion exactly (to two decimals), within 1–4, over the feedbacks that rated it', () => {
    fc.assert(
      fc.property(fc.array(feedback, { maxLength: 30 }), (fs) => {
        const s = summarizeFeedback(fs, scorecard)
        expect(s.criteria.map((c) => c.key)).toEqual([...KEYS])
        for (const c of s.criteria) {
          const ratings = fs.flatMap((f) =>
            f.ratings.filter((r) => r.criterion_key === c.key).map((r) => r.rating),
          )
          expect(c.count).toBe(ratings.length)
          if (ratings.length === 0) {
            expect(c.average).toBeNull()
            continue
          }
          const exact = ratings.reduce((a, b) => a + b, 0) / ratings.length
          expect(Math.abs(c.average! - exact)).toBeLessThanOrEqual(0.005 + 1e-9)
          expect(c.average!).toBeGreaterThanOrEqual(Math.min(...ratings))
          expect(c.average!).toBeLessThanOrEqual(Math.max(...ratings))
        }
      }),
    )
  })

  it('weights every rating by its criterion, between the lowest and highest criterion mean', () => {
    fc.assert(
      fc.property(fc.array(feedback, { maxLength: 30 }), (fs) => {
        const s = summarizeFeedback(fs, scorecard)
        const all = fs.flatMap((f) => f.ratings)
        if (all.length === 0) {
          expect(s.weighted_average).toBeNull()
          return
        }
        const exact = all.reduce((a, r) => a + r.rating * r.weight, 0) / all.reduce((a, r) => a + r.weight, 0)
        expect(Math.abs(s.weighted_average! - exact)).toBeLessThanOrEqual(0.005 + 1e-9)
        expect(s.weighted_average!).toBeGreaterThanOrEqual(1)
        expect(s.weighted_average!).toBeLessThanOrEqual(4)
      }),
    )
  })

  it('equals the plain mean when every weight is the same, and is order-independent', () => {
    fc.assert(
      fc.property(fc.array(feedback, { maxLength: 20 }), (fs) => {
        const flat = fs.map((f) => ({ ...f, ratings: f.ratings.map((r) => ({ ...r, weight: 3 })) }))
        const s = summarizeFeedback(flat, scorecard)
        const all = flat.flatMap((f) => f.ratings.map((r) => r.rating))
        if (all.length) {
          expect(
            Math.abs(s.weighted_average! - all.reduce((a, b) => a + b, 0) / all.length),
          ).toBeLessThanOrEqual(0.005 + 1e-9)
        }
        expect(summarizeFeedback([...fs].reverse(), scorecard)).toEqual(summarizeFeedback(fs, scorecard))
      }),
    )
  })

  it('keeps criteria rated under an older scorecard, after the current ones', () => {
    const s = summarizeFeedback(
      [
        {
          recommendation: 'yes',
          ratings: [{ criterion_key: 'old', criterion_name: 'Old', weight: 2, rating: 3 }],
        },
      ],
      [{ key: 'new', name: 'New', weight: 1 }],
    )
    expect(s.criteria).toEqual([
      { key: 'new', name: 'New', weight: 1, count: 0, average: null },
      { key: 'old', name: 'Old', weight: 2, count: 1, average: 3 },
    ])
    expect(s.weighted_average).toBe(3)
  })
})
