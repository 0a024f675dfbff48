/**
 * The numbers of the Splits Network fee rules, in one versioned object. A placement's statement
 * stores the whole object it was computed with, so changing a default here never changes a past
 * placement: a new default gets a new `version`.
 */

/** The algorithm (what the code does with the numbers). A change of rule is a new version. */
export const FEE_RULE_VERSION = 'splits-fee-2026-12'

/** Recruiter plans (mirrors `PLAN_TIERS` in recruiting/reference.ts; a test keeps them equal). */
export const PLAN_TIERS = ['starter', 'pro', 'partner'] as const
export type PlanTier = (typeof PLAN_TIERS)[number]

/**
 * The five fee-earning roles of a placement (mirrors `FEE_ROLES` in recruiting/reference.ts; a
 * test keeps them equal). Their order is the allocation tie-break among recruiters.
 */
export const FEE_ROLES = [
  'candidate_recruiter',
  'candidate_sourcer',
  'company_sourcer',
  'job_owner',
  'hiring_facilitator',
] as const
export type FeeRole = (typeof FEE_ROLES)[number]

/** Premium designations of a role (seed 002 §6.2). */
export const PREMIUM_DESIGNATIONS = ['none', 'urgent', 'niche', 'executive'] as const
export type PremiumDesignation = (typeof PREMIUM_DESIGNATIONS)[number]

/**
 * How a premium raises the rate the company pays (before any volume discount):
 * - `relative`: the rate × (1 + uplift), e.g. +10% of 20% = 22%;
 * - `additive`: the rate + uplift percentage points, e.g. 20% + 10 points = 30%;
 * - `rate_floor`: the rate becomes at least `rate_bps` (an executive base rate); never lower.
 * `recruiter_bonus_bps` is the share of the increase paid to the recruiters (split like the pool);
 * the platform keeps the rest.
 */
export type PremiumRule =
  | { kind: 'relative'; uplift_bps: number; recruiter_bonus_bps: number }
  | { kind: 'additive'; uplift_bps: number; recruiter_bonus_bps: number }
  | { kind: 'rate_floor'; rate_bps: number; recruiter_bonus_bps: number }

export interface FeeConfig {
  /** Names this set of numbers; stored with every statement. */
  version: string
  /** The fee rate of a role that states none (a share of first-year base salary). */
  default_fee_rate_bps: number
  /** The platform's share of the standard fee, by the submitting recruiter's plan. */
  platform_take_bps: Readonly<Record<PlanTier, number>>
  premiums: Readonly<Record<Exclude<PremiumDesignation, 'none'>, PremiumRule>>
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v)
    Object.freeze(value)
  }
  return value
}

/**
 * Today's defaults (README.md explains each):
 * - 20% of first-year base salary (DESIGN §5);
 * - platform take 30% / 25% / 20% for starter / pro / partner: the paid plans buy a larger share;
 * - urgent +10% and niche +15% of the rate (relative), executive at least 25% (the seed's
 *   "25% instead of 20%"); no recruiter bonus, so the platform keeps the increase (issue 8).
 */
export const FEE_CONFIG: FeeConfig = deepFreeze({
  version: 'splits-fee-config-2026-12',
  default_fee_rate_bps: 2000,
  platform_take_bps: { starter: 3000, pro: 2500, partner: 2000 },
  premiums: {
    urgent: { kind: 'relative', uplift_bps: 1000, recruiter_bonus_bps: 0 },
    niche: { kind: 'relative', uplift_bps: 1500, recruiter_bonus_bps: 0 },
    executive: { kind: 'rate_floor', rate_bps: 2500, recruiter_bonus_bps: 0 },
  },
} satisfies FeeConfig)
