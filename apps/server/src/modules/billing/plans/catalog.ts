import type { PlanTier } from '../fees/fee-config.ts'
import { FEE_CONFIG } from '../fees/fee-config.ts'

/**
 * The recruiter plans as Splits Network sells them (recruiting.md: "Payout rates depend on plan
 * tier"; tiers named Starter/Pro/Partner). Prices in USD cents; yearly is two months free. What a
 * plan gives (its entitlements) is enforced by services, not by the screens.
 */
export type PaidTier = Exclude<PlanTier, 'starter'>
export type BillingInterval = 'month' | 'year'

export interface Entitlements {
  /** The platform's share of the standard fee on placements the recruiter submits (the fee engine's rate). */
  platform_take_bps: number
  /** Conversations the recruiter may start each calendar month (UTC); null: no limit. */
  message_initiations_per_month: number | null
  /** How many hours before everyone else the recruiter sees newly published roles. */
  early_access_hours: number
}

export interface Plan {
  tier: PlanTier
  name: string
  tagline: string
  /** Price per interval in minor units; Starter is free. */
  prices: Record<BillingInterval, bigint>
  currency: 'USD'
  /** Days of free trial on a first subscription (Pro only). */
  trial_days: number
  entitlements: Entitlements
  features: string[]
}

export const PLAN_CURRENCY = 'USD'

export const PLANS: Readonly<Record<PlanTier, Plan>> = {
  starter: {
    tier: 'starter',
    name: 'Starter',
    tagline: 'Make placements on the network at no monthly cost',
    prices: { month: 0n, year: 0n },
    currency: 'USD',
    trial_days: 0,
    entitlements: {
      platform_take_bps: FEE_CONFIG.platform_take_bps.starter,
      message_initiations_per_month: 10,
      early_access_hours: 0,
    },
    features: ['Work any open role', 'Split fees with other recruiters', 'Payouts through Stripe'],
  },
  pro: {
    tier: 'pro',
    name: 'Pro',
    tagline: 'For working recruiters: keep more of every fee',
    prices: { month: 9_900n, year: 99_000n },
    currency: 'USD',
    trial_days: 14,
    entitlements: {
      platform_take_bps: FEE_CONFIG.platform_take_bps.pro,
      message_initiations_per_month: 100,
      early_access_hours: 0,
    },
    features: ['Everything in Starter', 'A larger share of each fee', '100 new conversations a month'],
  },
  partner: {
    tier: 'partner',
    name: 'Partner',
    tagline: 'For top producers: the best rate and first look at new roles',
    prices: { month: 24_900n, year: 249_000n },
    currency: 'USD',
    trial_days: 0,
    entitlements: {
      platform_take_bps: FEE_CONFIG.platform_take_bps.partner,
      message_initiations_per_month: null,
      early_access_hours: 24,
    },
    features: [
      'Everything in Pro',
      'The largest share of each fee',
      'Unlimited conversations',
      'New roles 24 hours early',
    ],
  },
}

export const TIER_RANK: Readonly<Record<PlanTier, number>> = { starter: 0, pro: 1, partner: 2 }

/** Stripe's lookup key of a plan's price (the test server and Stripe find prices by it). */
export const priceLookupKey = (tier: PaidTier, interval: BillingInterval) => `splits_${tier}_${interval}`

export function tierOfLookupKey(
  key: string | null | undefined,
): { tier: PaidTier; interval: BillingInterval } | null {
  const m = /^splits_(pro|partner)_(month|year)$/.exec(key ?? '')
  return m ? { tier: m[1] as PaidTier, interval: m[2] as BillingInterval } : null
}

/** A promo code's discount on each invoice while it lasts: percent off (up to two decimals) or an amount off. */
export interface PlanDiscount {
  percent_off: number | string | null
  amount_off: bigint | null
}

/** Percent off as hundredths of a percent (12.5 → 1250), exactly. */
function percentHundredths(p: number | string): bigint {
  const [whole, frac = ''] = String(p).split('.')
  return BigInt(whole!) * 100n + BigInt((frac + '00').slice(0, 2))
}

/**
 * What one invoice of a plan costs after a discount, in minor units, as Stripe computes it: percent
 * off rounded half up (to the cent) per invoice, amount off capped at the price.
 */
export function discountedPrice(price: bigint, discount: PlanDiscount | null | undefined): bigint {
  if (!discount) return price
  if (discount.percent_off != null) {
    const off = (price * percentHundredths(discount.percent_off) + 5_000n) / 10_000n
    return off >= price ? 0n : price - off
  }
  if (discount.amount_off != null) return discount.amount_off >= price ? 0n : price - discount.amount_off
  return price
}

/**
 * Monthly recurring revenue of subscriptions, in minor units: what each pays per invoice (list
 * price less a discount still running — the caller passes `discount` only while it lasts), a yearly
 * plan counting a twelfth. Summed exactly as twelfths and divided once, remainder rounded half up
 * (≥ 6/12 of a cent up), so no per-subscription rounding adds up. `count`: that many alike (default 1).
 */
export function mrrOf(
  subs: ReadonlyArray<{
    tier: PaidTier
    interval: BillingInterval
    discount?: PlanDiscount | null
    count?: number | bigint
  }>,
): bigint {
  const times12 = subs.reduce((sum, s) => {
    const price = discountedPrice(PLANS[s.tier].prices[s.interval], s.discount)
    return sum + (s.interval === 'month' ? price * 12n : price) * BigInt(s.count ?? 1)
  }, 0n)
  return (times12 + 6n) / 12n
}
