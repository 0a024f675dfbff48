import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { EARLY_ACCESS_WINDOW_HOURS } from '../../recruiting/index.ts'
import { type BillingInterval, discountedPrice, mrrOf, type PaidTier, PLANS } from './catalog.ts'
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

const ZDiscount = fc.oneof(
  fc.constant(null),
  fc.record({
    percent_off: fc.integer({ min: 1, max: 10_000 }).map((h) => (h / 100).toFixed(2)),
    amount_off: fc.constant(null),
  }),
  fc.record({ percent_off: fc.constant(null), amount_off: fc.bigInt({ min: 1n, max: 300_000n }) }),
)
const ZDiscounted = fc.record({
  tier: fc.constantFrom<PaidTier>('pro', 'partner'),
  interval: fc.constantFrom<BillingInterval>('month', 'year'),
  discount: ZDiscount,
  count: fc.integer({ min: 1, max: 50 }),
})

describe('MRR with promo-code discounts', () => {
  it('percent off rounds half up per invoice; amount off never below zero', () => {
    // 99,000 × 32.05 % is 31,729.5 exactly (floating point says 31,729.4999…): half up → 31,730 off
    expect(discountedPrice(99_000n, { percent_off: '32.05', amount_off: null })).toBe(67_270n)
    expect(discountedPrice(9_900n, { percent_off: 25, amount_off: null })).toBe(7_425n)
    expect(discountedPrice(9_900n, { percent_off: '12.5', amount_off: null })).toBe(8_662n) // 1237.5 off → 1238
    expect(discountedPrice(9_900n, { percent_off: null, amount_off: 2_000n })).toBe(7_900n)
    expect(discountedPrice(9_900n, { percent_off: null, amount_off: 20_000n })).toBe(0n)
    expect(discountedPrice(9_900n, { percent_off: 100, amount_off: null })).toBe(0n)
    // Partner yearly at 20% off: 199,200 a year → 16,600 a month
    expect(
      mrrOf([{ tier: 'partner', interval: 'year', discount: { percent_off: 20, amount_off: null } }]),
    ).toBe(16_600n)
  })
  it('property: equals the exact sum of what each pays (Stripe’s rounding) /12 half up; ≤ list MRR; grouping changes nothing', () => {
    fc.assert(
      fc.property(fc.array(ZDiscounted, { maxLength: 60 }), (subs) => {
        // an independent model in number cents, as the Stripe test server computes invoices (the
        // percentage in whole hundredths: 32.05 % of 99,000 is 31,729.5 off, rounded half up)
        const exact12 = subs.reduce((sum, x) => {
          const price = Number(PLANS[x.tier].prices[x.interval])
          const d = x.discount
          const off =
            d?.percent_off != null
              ? Math.min(price, Math.round((price * Math.round(Number(d.percent_off) * 100)) / 10_000))
              : d?.amount_off != null
                ? Math.min(price, Number(d.amount_off))
                : 0
          return sum + (price - off) * (x.interval === 'month' ? 12 : 1) * x.count
        }, 0)
        const mrr = mrrOf(subs)
        expect(mrr).toBe(BigInt(Math.floor((exact12 + 6) / 12)))
        expect(mrr >= 0n && mrr <= mrrOf(subs.map((x) => ({ ...x, discount: null })))).toBe(true)
        const expanded = subs.flatMap((x) => Array.from({ length: x.count }, () => ({ ...x, count: 1 })))
        expect(mrrOf(expanded)).toBe(mrr)
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
