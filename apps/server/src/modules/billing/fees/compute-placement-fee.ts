import { allocateExact, exactDecimal, roundHalfEven } from './exact.ts'
import { FEE_CONFIG, FEE_ROLES, FEE_RULE_VERSION, type FeeConfig, type PremiumRule } from './fee-config.ts'
import { type FeeInputError, feeInputError } from './fee-errors.ts'
import type {
  FeeFigures,
  FeeInputs,
  FeeLine,
  FeeStatement,
  PlacementFeeInput,
  SplitShareInput,
} from './fee-types.ts'
import { premiumRateE4 } from './premium-rate.ts'
import { validateFeeInput } from './validate-fee-input.ts'

export type FeeResult = { ok: true; statement: FeeStatement } | { ok: false; errors: FeeInputError[] }

const W = 10_000n
const W_BPS = 10_000

/**
 * The Splits Network placement fee and who gets what of it. Pure: the answer depends on the input
 * alone (defaults come from `input.config`, else `FEE_CONFIG`, and are written into
 * `statement.inputs`), so a stored statement can always be recomputed and checked.
 *
 * 1. Rate: the contract's percentage, else the role's rate. A flat contract fee replaces
 *    salary × rate (and takes no premium: it has no rate to raise).
 * 2. Premium: raises the rate (config.premiums); the company pays the raised rate.
 * 3. Volume discount: off the whole fee once the contract's yearly commitment is met.
 * 4. fee = salary × premium rate × (1 − discount), rounded once, half-even. The standard fee (the
 *    same without the premium) is rounded the same way; the uplift is their difference.
 * 5. The standard fee is divided between the platform (take by plan tier) and the recruiters
 *    (split shares); the uplift between the platform and the recruiters' bonus (split shares).
 *    Each division is one largest-remainder allocation of the exact rational parts, ties to the
 *    recruiters in fee-role order and then the platform.
 */
export function computePlacementFee(input: PlacementFeeInput): FeeResult {
  const config = input.config ?? FEE_CONFIG
  const errors = validateFeeInput(input, config)
  if (errors.length > 0) return { ok: false, errors }
  const inputs = resolveInputs(input, config)
  const { base_salary: salary, contract, premium, splits } = inputs

  const discountBps =
    contract?.discount_bps && contract.placements_before_this_one >= (contract.min_placements_per_year ?? 0)
      ? contract.discount_bps
      : 0
  const keep = W - BigInt(discountBps)
  const rule: PremiumRule | null =
    premium.designation === 'none' ? null : config.premiums[premium.designation]

  let gross: bigint
  let fee: bigint
  let standardFee: bigint
  let baseRate: number | null = null
  let premiumRate: bigint | null = null
  if (contract?.flat_fee) {
    gross = contract.flat_fee.amount
    fee = roundHalfEven(gross * keep, W)
    standardFee = fee
  } else {
    baseRate = contract?.fee_rate_bps ?? inputs.fee_rate_bps
    premiumRate = premiumRateE4(baseRate, rule)
    if (premiumRate > W * W) {
      return {
        ok: false,
        errors: [
          feeInputError(
            'premium_rate_above_whole',
            'premium.designation',
            `${premium.designation} raises ${baseRate} bps to ${exactDecimal(premiumRate, 4)} bps, above 10000`,
          ),
        ],
      }
    }
    gross = roundHalfEven(salary.amount * premiumRate, W * W)
    fee = roundHalfEven(salary.amount * premiumRate * keep, W * W * W)
    standardFee = roundHalfEven(salary.amount * BigInt(baseRate) * keep, W * W)
  }
  const premiumApplied = rule !== null && baseRate !== null
  const uplift = fee - standardFee

  const takeBps = config.platform_take_bps[inputs.recruiter_plan_tier]
  const bonusBps = premiumApplied ? premium.recruiter_bonus_bps : 0
  const standardLines = divide(standardFee, takeBps, splits, 'standard_fee', 'recruiter_pool')
  const premiumLines = premiumApplied
    ? divide(uplift, W_BPS - bonusBps, splits, 'premium', 'recruiter_bonus').filter(
        (l) => l.party_type === 'platform' || bonusBps > 0,
      )
    : []
  const lines = [...standardLines, ...premiumLines]

  const sum = (ls: FeeLine[], party: FeeLine['party_type']) =>
    ls.filter((l) => l.party_type === party).reduce((total, l) => total + l.amount, 0n)
  const figures: FeeFigures = {
    fee_basis: contract?.flat_fee ? 'flat' : 'rate',
    role_fee_rate_bps: inputs.fee_rate_bps,
    contract_fee_rate_bps: contract?.fee_rate_bps ?? null,
    base_fee_rate_bps: baseRate,
    flat_fee: contract?.flat_fee?.amount ?? null,
    premium_designation: premium.designation,
    premium_rule: premiumApplied && rule ? { ...rule, recruiter_bonus_bps: bonusBps } : null,
    premium_fee_rate_bps: premiumRate === null ? null : exactDecimal(premiumRate, 4),
    gross_fee: gross,
    volume_discount_applied: discountBps > 0,
    volume_discount_bps: discountBps,
    volume_discount: gross - fee,
    fee,
    standard_fee: standardFee,
    premium_uplift: uplift,
    platform_take_bps: takeBps,
    platform_take: sum(standardLines, 'platform'),
    recruiter_pool: sum(standardLines, 'recruiter'),
    recruiter_bonus_bps: bonusBps,
    recruiter_bonus: sum(premiumLines, 'recruiter'),
    platform_premium: sum(premiumLines, 'platform'),
    platform_total: sum(lines, 'platform'),
    recruiters_total: sum(lines, 'recruiter'),
  }
  return {
    ok: true,
    statement: {
      rule_version: FEE_RULE_VERSION,
      config_version: config.version,
      currency: salary.currency,
      fee,
      inputs,
      figures,
      lines,
    },
  }
}

/**
 * `amount` between the platform (`platformBps` of it) and the recruiters (the rest, by their
 * split shares), in one largest-remainder allocation of the exact parts. Allocation order (the
 * tie-break) is the recruiters in fee-role order, then the platform; the platform's line is
 * listed first.
 */
function divide(
  amount: bigint,
  platformBps: number,
  splits: readonly SplitShareInput[],
  platformBasis: 'standard_fee' | 'premium',
  recruiterBasis: 'recruiter_pool' | 'recruiter_bonus',
): FeeLine[] {
  const platform = BigInt(platformBps)
  const numerators = [
    ...splits.map((s) => amount * (W - platform) * BigInt(s.share_bps)),
    amount * platform * W,
  ]
  const parts = allocateExact(amount, numerators, W * W)
  const recruiterLines: FeeLine[] = splits.map((s, i) => ({
    party_type: 'recruiter',
    party_id: s.recruiter_id,
    fee_role: s.fee_role,
    basis: recruiterBasis,
    share_bps: s.share_bps,
    amount: parts[i] as bigint,
  }))
  const platformLine: FeeLine = {
    party_type: 'platform',
    party_id: null,
    fee_role: null,
    basis: platformBasis,
    share_bps: platformBps,
    amount: parts[splits.length] as bigint,
  }
  return [platformLine, ...recruiterLines]
}

/** Defaults filled in, splits in canonical order, nothing shared with the caller's objects. */
function resolveInputs(input: PlacementFeeInput, config: FeeConfig): FeeInputs {
  const designation = input.premium?.designation ?? 'none'
  const order = (s: SplitShareInput) => FEE_ROLES.indexOf(s.fee_role)
  const contract = input.contract
  return structuredClone({
    base_salary: { amount: input.base_salary.amount, currency: input.base_salary.currency },
    fee_rate_bps: input.fee_rate_bps ?? config.default_fee_rate_bps,
    premium: {
      designation,
      recruiter_bonus_bps:
        designation === 'none'
          ? 0
          : (input.premium?.recruiter_bonus_bps ?? config.premiums[designation].recruiter_bonus_bps),
    },
    contract: contract
      ? {
          contract_id: contract.contract_id ?? null,
          fee_rate_bps: contract.fee_rate_bps ?? null,
          flat_fee: contract.flat_fee
            ? { amount: contract.flat_fee.amount, currency: contract.flat_fee.currency }
            : null,
          min_placements_per_year: contract.min_placements_per_year ?? null,
          discount_bps: contract.discount_bps ?? null,
          placements_before_this_one: contract.placements_before_this_one,
        }
      : null,
    recruiter_plan_tier: input.recruiter_plan_tier,
    splits: [...input.splits]
      .sort((a, b) => order(a) - order(b))
      .map((s) => ({ fee_role: s.fee_role, recruiter_id: s.recruiter_id, share_bps: s.share_bps })),
    config: {
      version: config.version,
      default_fee_rate_bps: config.default_fee_rate_bps,
      platform_take_bps: { ...config.platform_take_bps },
      premiums: structuredClone(config.premiums),
    },
  })
}
