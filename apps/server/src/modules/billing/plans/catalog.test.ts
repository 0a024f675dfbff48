import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { EARLY_ACCESS_WINDOW_HOURS } from '../../recruiting/index.ts'
import { type BillingInterval, mrrOf, type PaidTier, PLANS } from './catalog.ts'
import { isScheduledChange } from './schedule-rules.ts'

describe('the plan catalogue', () => {
  it('gives early access as recruiting models it: none, or the whole first look', () => {
    // recruiting keeps one window per role and a yes/no per recruiter; other hours would not be honoured
    for (const plan of Object.values(PLANS)) {
      expect([0, EARLY_ACCESS_WINDOW_HOURS], plan.tier).toContain(plan.entitlements.early_access_hours)
    }
    expect(PLANS.partner.entitlements.early_access_hours).toBe(EARLY_ACCESS_WINDOW_HOURS)
  })
})

const ZSub = fc.record({
  tier: fc.constantFrom<PaidTier>('pro', 'partner'),
  interval: fc.constantFrom<BillingInterval>('month', 'year'),
})

describe('MRR', () => {
  it('monthly plans count their price; a yearly plan a twelfth (Partner yearly: 20,750)', () => {
    expect(mrrOf([{ tier: 'pro', interval: 'month' }])).toBe(9_900n)
    expect(mrrOf([{ tier: 'partner', interval: 'year' }])).toBe(20_750n)
    expect(mrrOf([])).toBe(0n)
  })
  it('property: within half a cent of the exact sum, never negative, additive for monthly plans', () => {
    fc.assert(
      fc.property(fc.array(ZSub, { maxLength: 200 }), (subs) => {
        const exact12 = subs.reduce((s, x) => {
          const p = PLANS[x.tier].prices[x.interval]
          return s + (x.interval === 'month' ? p * 12n : p)
        }, 0n)
        const mrr = mrrOf(subs)
        const diff = mrr * 12n - exact12
        expect(diff >= -6n && diff <= 6n).toBe(true)
        const monthly = subs.filter((x) => x.interval === 'month')
        expect(mrrOf(monthly)).toBe(monthly.reduce((s, x) => s + PLANS[x.tier].prices.month, 0n))
      }),
    )
  })
})

describe('which changes wait for the period end', () => {
  it('a lower tier, or yearly → monthly; upgrades and monthly → yearly are immediate', () => {
    expect(
      isScheduledChange({ tier: 'partner', interval: 'month' }, { tier: 'pro', interval: 'month' }),
    ).toBe(true)
    expect(isScheduledChange({ tier: 'partner', interval: 'month' }, { tier: 'pro', interval: 'year' })).toBe(
      true,
    )
    expect(isScheduledChange({ tier: 'pro', interval: 'year' }, { tier: 'pro', interval: 'month' })).toBe(
      true,
    )
    expect(isScheduledChange({ tier: 'pro', interval: 'month' }, { tier: 'pro', interval: 'year' })).toBe(
      false,
    )
    expect(isScheduledChange({ tier: 'pro', interval: 'year' }, { tier: 'partner', interval: 'month' })).toBe(
      false,
    )
  })
  it('property: of a change and its reverse, exactly one waits for the period end', () => {
    fc.assert(
      fc.property(ZSub, ZSub, (a, b) => {
        fc.pre(a.tier !== b.tier || a.interval !== b.interval)
        // a change and its reverse: one waits and the other is immediate
        expect(isScheduledChange(a, b)).toBe(!isScheduledChange(b, a))
      }),
    )
  })
})
