import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { alertsFor } from './alerts.ts'
import {
  addDays,
  bps,
  change,
  dayCount,
  daysBetween,
  meanStd,
  type RiskInput,
  riskScore,
  zScore,
} from './math.ts'

const day = fc.integer({ min: 0, max: 3000 }).map((n) => addDays('2020-01-01', n))

describe('days', () => {
  it('a range has dayCount days, in order, from its first to its last', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 400 }), (from, n) => {
        const to = addDays(from, n)
        const days = daysBetween(from, to)
        expect(days.length).toBe(dayCount(from, to))
        expect(days.length).toBe(n + 1)
        expect(days[0]).toBe(from)
        expect(days.at(-1)).toBe(to)
        expect([...days].sort()).toEqual(days)
      }),
    )
    expect(daysBetween('2026-03-28', '2026-03-30')).toEqual(['2026-03-28', '2026-03-29', '2026-03-30'])
  })
})

describe('rates', () => {
  it('bps is within 0–10000, within half a basis point of the exact share; null without a whole', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (whole, s) => {
          const part = Math.floor(whole * s)
          const b = bps(part, whole)!
          expect(b).toBeGreaterThanOrEqual(0)
          expect(b).toBeLessThanOrEqual(10_000)
          expect(Math.abs(b - (part * 10_000) / whole)).toBeLessThanOrEqual(0.5)
        },
      ),
    )
    expect(bps(3, 0)).toBeNull()
  })
  it('change is (current − previous) / previous, 0 for 0 → 0, null for x → 0', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 1, max: 1e6 }), (c, p) => {
        expect(change(c, p)).toBeCloseTo((c - p) / p, 10)
      }),
    )
    expect(change(0, 0)).toBe(0)
    expect(change(4, 0)).toBeNull()
  })
})

describe('z-score', () => {
  it('needs 14 points; is 0 at the mean, its sign follows the value, and it does not change when shifting', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 14, maxLength: 28 }),
        fc.integer({ min: 0, max: 2000 }),
        fc.integer({ min: -500, max: 500 }),
        (window, value, shift) => {
          const { mean, std } = meanStd(window)
          const z = zScore(value, window)
          if (std === 0) {
            expect(z).toBe(value === mean ? 0 : null)
            return
          }
          expect(Math.sign(z!)).toBe(Math.sign(value - mean))
          expect(
            zScore(
              value + shift,
              window.map((x) => x + shift),
            ),
          ).toBeCloseTo(z!, 6)
        },
      ),
    )
    expect(zScore(5, [1, 2, 3])).toBeNull()
  })
})

const riskInput: fc.Arbitrary<RiskInput> = fc.record({
  kind: fc.constantFrom('placement' as const, 'application' as const),
  stage: fc.constantFrom('submitted', 'screening', 'interview', 'offer', 'hired'),
  days_in_stage: fc.integer({ min: 0, max: 400 }),
  stage_norm_days: fc.integer({ min: 1, max: 30 }),
  company_responded: fc.boolean(),
  interviews_without_feedback: fc.integer({ min: 0, max: 5 }),
  guarantee_days_left: fc.option(fc.integer({ min: 0, max: 365 }), { nil: null }),
  recruiter_placements: fc.integer({ min: 0, max: 50 }),
  recruiter_fall_offs: fc.integer({ min: 0, max: 50 }),
})

describe('deal risk', () => {
  it('is 0–100 and the sum of its factors, each within its weight, riskiest factor first', () => {
    fc.assert(
      fc.property(riskInput, (input) => {
        const { score, factors } = riskScore(input)
        expect(score).toBeGreaterThanOrEqual(0)
        expect(score).toBeLessThanOrEqual(100)
        expect(score).toBe(factors.reduce((s, f) => s + f.points, 0))
        for (const f of factors) expect(f.points).toBeGreaterThan(0)
        expect(factors.map((f) => f.points)).toEqual([...factors.map((f) => f.points)].sort((a, b) => b - a))
      }),
    )
  })
  it('never falls as an application waits longer in its stage', () => {
    fc.assert(
      fc.property(riskInput, fc.integer({ min: 0, max: 100 }), (input, more) => {
        const a = { ...input, kind: 'application' as const }
        expect(riskScore({ ...a, days_in_stage: a.days_in_stage + more }).score).toBeGreaterThanOrEqual(
          riskScore(a).score,
        )
      }),
    )
  })
  it('a fresh deal with no signal scores 0', () => {
    expect(
      riskScore({
        kind: 'application',
        stage: 'submitted',
        days_in_stage: 2,
        stage_norm_days: 5,
        company_responded: false,
        interviews_without_feedback: 0,
        guarantee_days_left: null,
        recruiter_placements: 0,
        recruiter_fall_offs: 0,
      }),
    ).toEqual({ score: 0, factors: [] })
  })
})

describe('alerts', () => {
  const row = (d: string, over: Partial<Parameters<typeof alertsFor>[1][number]> = {}) => ({
    day: d,
    applications: 10,
    placements: 1,
    open_roles: 20,
    active_recruiters: 5,
    roles_without_submission: 2,
    closed_applications: 4,
    hire_rate_bps: 2500,
    ...over,
  })
  it('a flat month raises nothing; a spike raises an anomaly', () => {
    const days = daysBetween('2026-01-01', '2026-01-29')
    expect(
      alertsFor(
        '2026-01-29',
        days.map((d) => row(d)),
      ),
    ).toEqual([])
    const spike = days.map((d, i) => row(d, { applications: i === days.length - 1 ? 40 : 10 + (i % 3) }))
    expect(alertsFor('2026-01-29', spike).map((a) => [a.rule, a.metric])).toEqual([
      ['anomaly', 'applications'],
    ])
  })
  it('placements down 30%+ week on week, and roles without submission up, cross their thresholds', () => {
    const days = daysBetween('2026-01-01', '2026-01-29')
    const rows = days.map((d, i) =>
      row(d, {
        placements: i >= days.length - 7 ? 0 : 1,
        roles_without_submission: i === days.length - 1 ? 9 : 2,
      }),
    )
    const metrics = alertsFor('2026-01-29', rows).map((a) => a.metric)
    expect(metrics).toContain('placements_7d')
    expect(metrics).toContain('roles_without_submission')
  })
})
