import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { splitDays } from './day-split.ts'

const DAY = 86_400_000
const instant = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) })
const inRange = (t: number, a: Date, b: Date) => t >= a.getTime() && t < b.getTime()

describe('splitDays', () => {
  it('covers the period exactly once: whole days from the summary, the partial ends from the rows', () => {
    fc.assert(
      fc.property(
        instant,
        fc.oneof(fc.integer({ min: 1, max: 3 * DAY }), fc.integer({ min: 1, max: 800 * DAY })),
        fc.array(fc.integer({ min: -2 * DAY, max: 802 * DAY }), { minLength: 1, maxLength: 30 }),
        fc.boolean(),
        (start, length, offsets, midnight) => {
          const from = new Date(midnight ? Math.floor(start / DAY) * DAY : start)
          const to = new Date(from.getTime() + length)
          const s = splitDays(from, to)
          // the partial ends are short reads of raw rows, never a whole period's
          expect(s.headTo.getTime() - s.headFrom.getTime()).toBeLessThan(2 * DAY)
          expect(s.tailTo.getTime() - s.tailFrom.getTime()).toBeLessThan(DAY)
          for (const offset of [0, length - 1, length, -1, ...offsets]) {
            const t = from.getTime() + offset
            const day = new Date(t).toISOString().slice(0, 10)
            const parts = [
              inRange(t, s.headFrom, s.headTo),
              inRange(t, s.tailFrom, s.tailTo),
              day >= s.dayFrom && day < s.dayTo,
            ].filter(Boolean).length
            expect(parts).toBe(inRange(t, from, to) ? 1 : 0)
          }
        },
      ),
      { numRuns: 2000 },
    )
  })

  it('a period of whole days is read from the summary alone', () => {
    const s = splitDays(new Date('2026-11-01T00:00:00Z'), new Date('2026-12-01T00:00:00Z'))
    expect(s).toMatchObject({ dayFrom: '2026-11-01', dayTo: '2026-12-01' })
    expect(s.headFrom).toEqual(s.headTo)
    expect(s.tailFrom).toEqual(s.tailTo)
  })
})
