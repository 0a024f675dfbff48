import { isCurrency } from '@app/money'
import {
  FEE_ROLES,
  type FeeConfig,
  PLAN_TIERS,
  PREMIUM_DESIGNATIONS,
  type PremiumDesignation,
} from './fee-config.ts'
import { type FeeInputError, feeInputError } from './fee-errors.ts'
import type { PlacementFeeInput } from './fee-types.ts'

const MAX_BIGINT = 2n ** 63n - 1n
const WHOLE_BPS = 10_000

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null
const isBps = (v: unknown, min = 0, max = WHOLE_BPS) =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max
const isCount = (v: unknown) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0
const has = <T extends string>(list: readonly T[], v: unknown): v is T => list.includes(v as T)

/**
 * Every problem with the input, or none. Checks the runtime shape too: the input may come from
 * JSON or a database row, whatever its static type says.
 */
export function validateFeeInput(input: PlacementFeeInput, config: FeeConfig): FeeInputError[] {
  const errors: FeeInputError[] = []
  const bps = (v: unknown, field: string, min = 0, max = WHOLE_BPS) => {
    if (!isBps(v, min, max)) {
      errors.push(feeInputError('bps_out_of_range', field, `must be a whole number of bps, ${min} to ${max}`))
    }
  }
  const amount = (v: unknown, field: string) => {
    if (typeof v !== 'bigint') errors.push(feeInputError('amount_not_integer', field))
    else if (v <= 0n) errors.push(feeInputError('amount_not_positive', field))
    else if (v > MAX_BIGINT) errors.push(feeInputError('amount_too_large', field))
  }

  errors.push(...validateFeeConfig(config))

  const salary: unknown = input.base_salary
  const currency = isObject(salary) ? salary.currency : undefined
  amount(isObject(salary) ? salary.amount : undefined, 'base_salary.amount')
  if (typeof currency !== 'string' || !isCurrency(currency)) {
    errors.push(feeInputError('currency_unsupported', 'base_salary.currency'))
  }

  if (input.fee_rate_bps != null) bps(input.fee_rate_bps, 'fee_rate_bps')

  const premium: unknown = input.premium
  if (premium != null) {
    if (!isObject(premium) || !has<PremiumDesignation>(PREMIUM_DESIGNATIONS, premium.designation)) {
      errors.push(feeInputError('unknown_premium', 'premium.designation'))
    }
    if (isObject(premium) && premium.recruiter_bonus_bps != null) {
      bps(premium.recruiter_bonus_bps, 'premium.recruiter_bonus_bps')
    }
  }

  const contract: unknown = input.contract
  if (contract != null) {
    if (!isObject(contract)) {
      errors.push(feeInputError('contract_fee_missing', 'contract'))
    } else {
      const { fee_rate_bps: rate, flat_fee: flat } = contract
      if (rate != null && flat != null) {
        errors.push(feeInputError('contract_flat_and_percentage', 'contract'))
      } else if (rate == null && flat == null) {
        errors.push(feeInputError('contract_fee_missing', 'contract'))
      }
      if (rate != null) bps(rate, 'contract.fee_rate_bps')
      if (flat != null) {
        amount(isObject(flat) ? flat.amount : undefined, 'contract.flat_fee.amount')
        const flatCurrency = isObject(flat) ? flat.currency : undefined
        if (typeof flatCurrency !== 'string' || !isCurrency(flatCurrency)) {
          errors.push(feeInputError('currency_unsupported', 'contract.flat_fee.currency'))
        } else if (flatCurrency !== currency) {
          errors.push(
            feeInputError(
              'currency_mismatch',
              'contract.flat_fee.currency',
              `is ${flatCurrency}, the salary is in ${String(currency)}`,
            ),
          )
        }
      }
      if (contract.min_placements_per_year != null && !isCount(contract.min_placements_per_year)) {
        errors.push(feeInputError('count_out_of_range', 'contract.min_placements_per_year'))
      }
      if (contract.discount_bps != null) bps(contract.discount_bps, 'contract.discount_bps')
      if (!isCount(contract.placements_before_this_one)) {
        errors.push(feeInputError('count_out_of_range', 'contract.placements_before_this_one'))
      }
      if (contract.contract_id != null && typeof contract.contract_id !== 'string') {
        errors.push(feeInputError('contract_id_invalid', 'contract.contract_id'))
      }
    }
  }

  if (!has(PLAN_TIERS, input.recruiter_plan_tier)) {
    errors.push(feeInputError('unknown_plan_tier', 'recruiter_plan_tier'))
  }

  errors.push(...validateSplits(input.splits))
  return errors
}

function validateSplits(splits: unknown): FeeInputError[] {
  if (!Array.isArray(splits) || splits.length === 0) return [feeInputError('splits_empty', 'splits')]
  const errors: FeeInputError[] = []
  const seen = new Set<string>()
  let total = 0
  let sharesValid = true
  splits.forEach((s: unknown, i) => {
    const at = `splits[${i}]`
    const share = isObject(s) ? s : {}
    if (!has(FEE_ROLES, share.fee_role)) {
      errors.push(feeInputError('unknown_fee_role', `${at}.fee_role`))
    } else if (seen.has(share.fee_role)) {
      errors.push(feeInputError('fee_role_repeated', `${at}.fee_role`, `${share.fee_role} appears twice`))
    } else {
      seen.add(share.fee_role)
    }
    if (typeof share.recruiter_id !== 'string' || share.recruiter_id.trim() === '') {
      errors.push(feeInputError('recruiter_id_missing', `${at}.recruiter_id`))
    }
    if (isBps(share.share_bps, 1)) {
      total += share.share_bps as number
    } else {
      sharesValid = false
      errors.push(
        feeInputError('bps_out_of_range', `${at}.share_bps`, 'must be a whole number of bps, 1 to 10000'),
      )
    }
  })
  if (sharesValid && total !== WHOLE_BPS) {
    errors.push(feeInputError('splits_not_whole', 'splits', `the shares sum to ${total} bps, not 10000`))
  }
  return errors
}

/** A configuration is data too (a stored snapshot may be replayed): checked like any input. */
export function validateFeeConfig(config: unknown): FeeInputError[] {
  const errors: FeeInputError[] = []
  const bad = (field: string, detail: string) => errors.push(feeInputError('config_invalid', field, detail))
  if (!isObject(config)) return [feeInputError('config_invalid', 'config', 'must be an object')]
  if (typeof config.version !== 'string' || config.version.trim() === '') {
    bad('config.version', 'must name the configuration')
  }
  if (!isBps(config.default_fee_rate_bps)) bad('config.default_fee_rate_bps', 'must be 0 to 10000 bps')
  const take = config.platform_take_bps
  for (const tier of PLAN_TIERS) {
    if (!isObject(take) || !isBps(take[tier]))
      bad(`config.platform_take_bps.${tier}`, 'must be 0 to 10000 bps')
  }
  const premiums = config.premiums
  for (const designation of PREMIUM_DESIGNATIONS) {
    if (designation === 'none') continue
    const at = `config.premiums.${designation}`
    const rule = isObject(premiums) ? premiums[designation] : undefined
    if (!isObject(rule)) {
      bad(at, 'is missing')
      continue
    }
    if (!isBps(rule.recruiter_bonus_bps)) bad(`${at}.recruiter_bonus_bps`, 'must be 0 to 10000 bps')
    if (rule.kind === 'relative' || rule.kind === 'additive') {
      if (!isBps(rule.uplift_bps)) bad(`${at}.uplift_bps`, 'must be 0 to 10000 bps')
    } else if (rule.kind === 'rate_floor') {
      if (!isBps(rule.rate_bps)) bad(`${at}.rate_bps`, 'must be 0 to 10000 bps')
    } else {
      bad(`${at}.kind`, 'must be relative, additive or rate_floor')
    }
  }
  return errors
}
