import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  DEFAULT_QUIET_HOURS,
  instantOfLocal,
  isQuiet,
  minuteOfDay,
  type QuietHours,
  sendAfterQuietHours,
  wallClock,
} from './quiet-hours.ts'

const MIN = 60_000
const HOUR = 60 * MIN
// 2025-2028, including Israel's clock changes (late March and late October)
const instants = fc
  .integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2028, 11, 31) })
  .map((t) => new Date(t))
// around each change: within two days of the last Friday of March / Sunday of October, 2026
const nearChanges = fc
  .tuple(
    fc.constantFrom(Date.UTC(2026, 2, 27, 0), Date.UTC(2026, 9, 25, 0), Date.UTC(2027, 2, 26, 0)),
    fc.integer({ min: -48 * 60, max: 48 * 60 }),
  )
  .map(([base, minutes]) => new Date(base + minutes * MIN))
const quietHours: fc.Arbitrary<QuietHours> = fc
  .tuple(fc.integer({ min: 0, max: 1439 }), fc.integer({ min: 0, max: 1439 }))
  .filter(([s, e]) => s !== e)
  .map(([startMinute, endMinute]) => ({ enabled: true, startMinute, endMinute }))
// ends inside the spring-forward gap (02:00-03:00) too
const aroundTwo = fc
  .tuple(fc.integer({ min: 0, max: 1439 }), fc.integer({ min: 90, max: 200 }))
  .filter(([s, e]) => s !== e)
  .map(([startMinute, endMinute]) => ({ enabled: true, startMinute, endMinute }))

function checkDelay(q: QuietHours, now: Date) {
  const at = sendAfterQuietHours(q, now)
  if (!isQuiet(q, now)) {
    expect(at).toEqual(now)
    return
  }
  // later, not in quiet hours, and the minute before it still quiet: the end of this quiet period
  expect(at.getTime()).toBeGreaterThan(now.getTime())
  // (when the end falls in the skipped spring hour, the period ends when the clocks jump, 03:00,
  // which a window starting within that hour already covers again)
  if (minuteOfDay(at) === q.endMinute) expect(isQuiet(q, at)).toBe(false)
  else expect(minuteOfDay(at)).toBe(180)
  expect(isQuiet(q, new Date(at.getTime() - MIN))).toBe(true)
  // never more than a day (plus the hour a clock change adds)
  expect(at.getTime() - now.getTime()).toBeLessThanOrEqual(25 * HOUR)
  // every whole minute between now and then is quiet (sampled), except the second pass through
  // autumn's repeated hour: a period that began inside it does not pause when the clocks go back
  for (let t = now.getTime(); t < at.getTime(); t += 17 * MIN) {
    const repeated = minuteOfDay(new Date(t - HOUR)) === minuteOfDay(new Date(t))
    if (!repeated) expect(isQuiet(q, new Date(t))).toBe(true)
  }
}

describe('quiet hours in Asia/Jerusalem', () => {
  it('22:00-07:00: a message at 23:30 Israel time waits until 07:00 the next morning', () => {
    // 2026-07-14 23:30 IDT (UTC+3) = 20:30Z; 07:00 IDT = 04:00Z next day
    expect(sendAfterQuietHours(DEFAULT_QUIET_HOURS, new Date('2026-07-14T20:30:00Z'))).toEqual(
      new Date('2026-07-15T04:00:00Z'),
    )
    // winter (UTC+2): 02:00 local = 00:00Z → 07:00 local = 05:00Z
    expect(sendAfterQuietHours(DEFAULT_QUIET_HOURS, new Date('2026-12-02T00:00:00Z'))).toEqual(
      new Date('2026-12-02T05:00:00Z'),
    )
    // midday: at once
    const noon = new Date('2026-12-02T10:00:00Z')
    expect(sendAfterQuietHours(DEFAULT_QUIET_HOURS, noon)).toEqual(noon)
    expect(
      sendAfterQuietHours({ ...DEFAULT_QUIET_HOURS, enabled: false }, new Date('2026-12-02T00:00:00Z')),
    ).toEqual(new Date('2026-12-02T00:00:00Z'))
  })

  it('across the spring change (2026-03-27, 02:00 → 03:00): 23:00 Thursday waits until 07:00 IDT', () => {
    // 2026-03-26 23:00 IST (UTC+2) = 21:00Z; 2026-03-27 07:00 IDT (UTC+3) = 04:00Z
    expect(sendAfterQuietHours(DEFAULT_QUIET_HOURS, new Date('2026-03-26T21:00:00Z'))).toEqual(
      new Date('2026-03-27T04:00:00Z'),
    )
    // a quiet period ending at 02:30, which does not exist that night, ends at 03:00 IDT (00:00Z)
    const q = { enabled: true, startMinute: 22 * 60, endMinute: 150 }
    expect(sendAfterQuietHours(q, new Date('2026-03-26T21:00:00Z'))).toEqual(new Date('2026-03-27T00:00:00Z'))
  })

  it('across the autumn change (2026-10-25, 02:00 → 01:00): 23:00 Saturday waits until 07:00 IST', () => {
    // 2026-10-24 23:00 IDT = 20:00Z; 2026-10-25 07:00 IST (UTC+2) = 05:00Z: nine hours plus the repeated one
    expect(sendAfterQuietHours(DEFAULT_QUIET_HOURS, new Date('2026-10-24T20:00:00Z'))).toEqual(
      new Date('2026-10-25T05:00:00Z'),
    )
  })

  it('a period that starts inside the repeated autumn hour runs on through its second pass', () => {
    // 2026-10-25: 01:39 IDT (22:39Z) is quiet under 01:15-04:46; at 23:00Z the clocks show 01:00 IST
    // again, and the message still waits for 04:46 IST (02:46Z), not for the second 01:00
    const q = { enabled: true, startMinute: 75, endMinute: 286 }
    expect(sendAfterQuietHours(q, new Date('2026-10-24T22:39:00Z'))).toEqual(new Date('2026-10-25T02:46:00Z'))
  })

  it('instantOfLocal reads back as the same wall-clock minute (outside a gap)', () => {
    fc.assert(
      fc.property(instants, fc.integer({ min: 0, max: 1439 }), (t, minute) => {
        const day = wallClock(t)
        const at = instantOfLocal(day, minute)
        const w = wallClock(at)
        const inGap = w.hour * 60 + w.minute !== minute
        if (!inGap)
          expect({ y: w.year, m: w.month, d: w.day }).toEqual({ y: day.year, m: day.month, d: day.day })
        else expect(minuteOfDay(at)).toBe(180) // Israel's gap ends at 03:00
      }),
      { numRuns: 3000 },
    )
  })

  it('property: the delay ends exactly when the quiet period does, any time of year', () => {
    fc.assert(fc.property(quietHours, instants, checkDelay), { numRuns: 3000 })
  })

  it('property: the same within two days of a clock change, including ends inside the skipped hour', () => {
    fc.assert(fc.property(fc.oneof(quietHours, aroundTwo), nearChanges, checkDelay), { numRuns: 3000 })
  })
})
