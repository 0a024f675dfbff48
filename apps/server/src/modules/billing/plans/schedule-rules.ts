import { type BillingInterval, type PaidTier, TIER_RANK } from './catalog.ts'

/** A change that waits for the end of the paid period: a lower tier, or yearly → monthly. */
export function isScheduledChange(
  from: { tier: PaidTier; interval: BillingInterval },
  to: { tier: PaidTier; interval: BillingInterval },
): boolean {
  if (TIER_RANK[to.tier] !== TIER_RANK[from.tier]) return TIER_RANK[to.tier] < TIER_RANK[from.tier]
  return from.interval === 'year' && to.interval === 'month'
}
