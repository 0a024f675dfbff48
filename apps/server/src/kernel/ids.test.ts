import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { UUID_PATTERN, uuidv7 } from './ids.ts'
import { jobIdFor } from './outbox/relay.ts'

describe('uuidv7', () => {
  it('is a version 7, RFC-variant UUID that sorts by its timestamp', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 47 }), fc.integer({ min: 1, max: 2 ** 20 }), (t, dt) => {
        const a = uuidv7(t)
        const b = uuidv7(t + dt)
        expect(a).toMatch(UUID_PATTERN)
        expect(a[14]).toBe('7')
        expect('89ab').toContain(a[19])
        expect(a < b).toBe(true)
      }),
    )
  })
})

describe('jobIdFor', () => {
  it('is stable for one (event, consumer) and differs across consumers', () => {
    fc.assert(
      fc.property(fc.uuid(), fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), (event, q1, q2) => {
        expect(jobIdFor(event, q1)).toBe(jobIdFor(event, q1))
        expect(jobIdFor(event, q1)).toMatch(UUID_PATTERN)
        if (q1 !== q2) expect(jobIdFor(event, q1)).not.toBe(jobIdFor(event, q2))
      }),
    )
  })
})
