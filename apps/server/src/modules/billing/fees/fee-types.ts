import type { Currency, Money } from '@app/money'
import type { FeeConfig, FeeRole, PlanTier, PremiumDesignation, PremiumRule } from './fee-config.ts'

/** One recruiter's share of the recruiter pool under the placement's split agreement. */
export interface SplitShareInput {
  fee_role: FeeRole
  recruiter_id: string
  /** Share of the recruiter pool; the shares of a placement sum to 10 000. */
  share_bps: number
}

/**
 * The company's active custom contract (`billing.custom_contracts`, seed 002 §4.3) as it stood
 * when the placement was made, plus the one fact the volume discount needs.
 */
export interface CustomContractInput {
  contract_id?: string | null
  /** A percentage of first-year base salary instead of the role's rate … */
  fee_rate_bps: number | null
  /** … or a flat fee per placement (in the salary's currency). Exactly one of the two. */
  flat_fee: Money | null
  /** The yearly commitment; no commitment means the discount (if any) always applies. */
  min_placements_per_year: number | null
  /** Volume discount off the whole fee once the commitment is met. */
  discount_bps: number | null
  /** The company's placements in this contract year before this one. */
  placements_before_this_one: number
}

export interface PremiumInput {
  designation: PremiumDesignation
  /** Share of the premium increase paid to the recruiters; the configured default when absent. */
  recruiter_bonus_bps?: number | null
}

/** Everything the fee depends on. Nothing is read from anywhere else. */
export interface PlacementFeeInput {
  /** First-year base salary, minor units. */
  base_salary: Money
  /** The role's fee rate; `config.default_fee_rate_bps` when absent. */
  fee_rate_bps?: number | null
  premium?: PremiumInput | null
  contract?: CustomContractInput | null
  /** The plan of the recruiter who submitted the candidate. */
  recruiter_plan_tier: PlanTier
  splits: readonly SplitShareInput[]
  /** The numbers to use; `FEE_CONFIG` when absent. */
  config?: FeeConfig
}

/** The inputs with every default filled in: computing from them again gives the same statement. */
export interface FeeInputs {
  base_salary: Money
  fee_rate_bps: number
  premium: { designation: PremiumDesignation; recruiter_bonus_bps: number }
  contract: (CustomContractInput & { contract_id: string | null }) | null
  recruiter_plan_tier: PlanTier
  /** In the canonical order (fee-role order), whatever order they came in. */
  splits: SplitShareInput[]
  config: FeeConfig
}

/** Every intermediate figure, top to bottom. Amounts in minor units of the statement's currency. */
export interface FeeFigures {
  /** `rate`: salary × a rate; `flat`: the contract's flat fee. */
  fee_basis: 'rate' | 'flat'
  role_fee_rate_bps: number
  contract_fee_rate_bps: number | null
  /** The rate before premium and discount (the contract's, else the role's); null on a flat fee. */
  base_fee_rate_bps: number | null
  flat_fee: bigint | null
  premium_designation: PremiumDesignation
  /** The premium rule as applied (with the role's bonus share); null without premium or on a flat fee. */
  premium_rule: PremiumRule | null
  /** The rate with the premium, exact (up to 4 decimals of a bps); null on a flat fee. */
  premium_fee_rate_bps: string | null
  /** salary × premium rate (or the flat fee), rounded half-even: the fee before the discount. */
  gross_fee: bigint
  volume_discount_applied: boolean
  /** The discount rate applied (0 when not applied). */
  volume_discount_bps: number
  /** gross_fee − fee. */
  volume_discount: bigint
  /** What the company pays. */
  fee: bigint
  /** The fee of the same placement without the premium (discount included). */
  standard_fee: bigint
  /** fee − standard_fee: what the premium adds. */
  premium_uplift: bigint
  platform_take_bps: number
  /** The platform's line of the standard fee. */
  platform_take: bigint
  /** The recruiters' lines of the standard fee (their standard payout). */
  recruiter_pool: bigint
  recruiter_bonus_bps: number
  /** The recruiters' lines of the premium uplift. */
  recruiter_bonus: bigint
  /** The platform's line of the premium uplift. */
  platform_premium: bigint
  platform_total: bigint
  recruiters_total: bigint
}

/**
 * One payee's part. `share_bps` is a share of `basis`:
 * - `standard_fee`: the platform's take of the standard fee;
 * - `recruiter_pool`: a recruiter's split share of the standard fee after the platform's take;
 * - `premium`: the platform's share of the premium uplift (10 000 − recruiter bonus);
 * - `recruiter_bonus`: a recruiter's split share of the recruiters' bonus out of the uplift.
 */
export interface FeeLine {
  party_type: 'platform' | 'recruiter'
  /** The recruiter's id; null for the platform. */
  party_id: string | null
  /** The recruiter's fee role; null for the platform. */
  fee_role: FeeRole | null
  basis: 'standard_fee' | 'recruiter_pool' | 'premium' | 'recruiter_bonus'
  share_bps: number
  amount: bigint
}

export interface FeeStatement {
  rule_version: string
  config_version: string
  currency: Currency
  /** The placement fee the company pays; the lines sum to it exactly. */
  fee: bigint
  inputs: FeeInputs
  figures: FeeFigures
  lines: FeeLine[]
}
