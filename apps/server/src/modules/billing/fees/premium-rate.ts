import { assertNever } from '../../../kernel/errors.ts'
import type { PremiumRule } from './fee-config.ts'

const WHOLE = 10_000n

/**
 * The rate with the premium, in units of 1/10 000 bps (so it is exact: a relative uplift in bps
 * of a rate in bps has at most four decimals). Never below the rate itself.
 */
export function premiumRateE4(rateBps: number, rule: PremiumRule | null): bigint {
  const rate = BigInt(rateBps)
  if (!rule) return rate * WHOLE
  switch (rule.kind) {
    case 'relative':
      return rate * (WHOLE + BigInt(rule.uplift_bps))
    case 'additive':
      return (rate + BigInt(rule.uplift_bps)) * WHOLE
    case 'rate_floor':
      return (rate > BigInt(rule.rate_bps) ? rate : BigInt(rule.rate_bps)) * WHOLE
    default:
      return assertNever(rule, 'premium rule')
  }
}
