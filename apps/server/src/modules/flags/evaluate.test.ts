import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { BUCKETS, bucketOf, evaluateFlag, type FlagDefinition } from './evaluate.ts'

const flag = (over: Partial<FlagDefinition> = {}): FlagDefinition => ({
  key: 'test.flag',
  kind: 'boolean',
  variants: { on: true, off: false },
  defaultVariant: 'off',
  rolloutVariant: 'on',
  enabled: true,
  rules: [],
  rolloutBp: 0,
  clientVisible: false,
  version: 1,
  ...over,
})

const key = fc.stringMatching(/^[a-z][a-z0-9_]{0,20}(\.[a-z][a-z0-9_]{0,20})?$/)

describe('stable bucketing', () => {
  it('the same subject always lands in the same bucket, within 0..9999', () => {
    fc.assert(
      fc.property(key, fc.uuid(), (k, id) => {
        const b = bucketOf(k, id)
        expect(b).toBe(bucketOf(k, id))
        expect(Number.isInteger(b) && b >= 0 && b < BUCKETS).toBe(true)
      }),
    )
  })

  it('raising the percentage only adds subjects (monotonic rollout), and a subject’s answer is stable', () => {
    fc.assert(
      fc.property(
        key,
        fc.uuid(),
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        (k, id, a, b) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a]
          const at = (bp: number) => evaluateFlag(flag({ key: k, rolloutBp: bp }), { userId: id }).value
          if (at(lo) === true) expect(at(hi)).toBe(true)
          expect(at(lo)).toBe(at(lo))
        },
      ),
    )
  })

  it('0 % serves nobody and 100 % everybody, with or without an id', () => {
    fc.assert(
      fc.property(key, fc.option(fc.uuid(), { nil: undefined }), (k, id) => {
        expect(evaluateFlag(flag({ key: k, rolloutBp: 0 }), { userId: id }).value).toBe(false)
        expect(evaluateFlag(flag({ key: k, rolloutBp: 10_000 }), { userId: id }).value).toBe(true)
      }),
    )
  })

  it('the share served is the percentage, within tolerance, for every key', () => {
    fc.assert(
      fc.property(key, fc.integer({ min: 1, max: 99 }), (k, pct) => {
        const n = 20_000
        let on = 0
        for (let i = 0; i < n; i++) if (bucketOf(k, `user-${i}`) < pct * 100) on++
        // 4.5 standard deviations of a binomial: a false alarm about once in 150 000 runs
        const sd = Math.sqrt(n * (pct / 100) * (1 - pct / 100))
        expect(Math.abs(on - (n * pct) / 100)).toBeLessThan(4.5 * sd)
      }),
      { numRuns: 30 },
    )
  })

  it('buckets are spread evenly (chi-square over 20 ranges)', () => {
    const counts = new Array(20).fill(0)
    const n = 100_000
    for (let i = 0; i < n; i++) counts[Math.floor(bucketOf('metrics.alerts', `u${i}`) / 500)]++
    const expected = n / 20
    const chi2 = counts.reduce((s, c) => s + (c - expected) ** 2 / expected, 0)
    expect(chi2).toBeLessThan(43.8) // p = 0.001 with 19 degrees of freedom
  })

  it('different flags bucket the same user independently', () => {
    let both = 0
    const n = 20_000
    for (let i = 0; i < n; i++)
      if (bucketOf('a.one', `u${i}`) < 5000 && bucketOf('b.two', `u${i}`) < 5000) both++
    expect(Math.abs(both / n - 0.25)).toBeLessThan(0.02)
  })
})

describe('evaluation order', () => {
  it('kill switch → DISABLED; first matching rule → TARGETING_MATCH; partial rule or rollout → SPLIT; else DEFAULT', () => {
    const f = flag({
      rules: [
        { attribute: 'role', values: ['recruiter'], variant: 'on' },
        { attribute: 'marketplace', values: ['ofair'], variant: 'off' },
      ],
      rolloutBp: 10_000,
    })
    expect(evaluateFlag({ ...f, enabled: false }, { roles: ['recruiter'] })).toEqual({
      value: false,
      variant: 'off',
      reason: 'DISABLED',
    })
    expect(evaluateFlag(f, { roles: ['recruiter'], marketplace: 'ofair' }).reason).toBe('TARGETING_MATCH')
    expect(evaluateFlag(f, { marketplace: 'ofair' })).toMatchObject({
      value: false,
      reason: 'TARGETING_MATCH',
    })
    expect(evaluateFlag(f, { userId: 'x' })).toMatchObject({ value: true, reason: 'DEFAULT' })
    expect(evaluateFlag({ ...f, rolloutBp: 0 }, { userId: 'x' })).toMatchObject({
      value: false,
      reason: 'DEFAULT',
    })
    const partial = flag({ rolloutBp: 5000 })
    const ids = Array.from({ length: 50 }, (_, i) => `id-${i}`)
    for (const id of ids) {
      const e = evaluateFlag(partial, { userId: id })
      expect(e.reason).toBe(e.value ? 'SPLIT' : 'DEFAULT')
    }
  })

  it('a rule with a percentage serves only that share of its matches, by the same bucket', () => {
    fc.assert(
      fc.property(fc.uuid(), fc.integer({ min: 0, max: 100 }), (id, pct) => {
        const f = flag({
          rules: [{ attribute: 'role', values: ['recruiter'], variant: 'on', percentage: pct }],
        })
        const e = evaluateFlag(f, { userId: id, roles: ['recruiter'] })
        expect(e.value).toBe(bucketOf(f.key, id) < pct * 100)
      }),
    )
  })
})
