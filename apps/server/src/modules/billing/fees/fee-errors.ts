/**
 * Why an input cannot be priced. Each error names the field (a path into `PlacementFeeInput`, e.g.
 * `splits[1].share_bps`) so the API layer can answer a 4xx naming its own body field. The engine
 * never throws on bad input; it answers `{ ok: false, errors }` with every problem it found.
 */
export const FEE_INPUT_ERRORS = {
  amount_not_integer: 'An amount must be a bigint of minor units',
  amount_not_positive: 'An amount must be greater than zero',
  amount_too_large: 'An amount must fit a signed 64-bit integer (SQL BIGINT)',
  currency_unsupported: 'The currency is not one the platform accepts',
  currency_mismatch: 'The contract’s flat fee is in another currency than the salary',
  bps_out_of_range: 'A rate must be a whole number of basis points in the allowed range',
  count_out_of_range: 'A count must be a whole number, zero or more',
  unknown_premium: 'No such premium designation',
  unknown_plan_tier: 'No such recruiter plan',
  unknown_fee_role: 'No such fee role',
  contract_flat_and_percentage: 'A contract has a flat fee or a percentage, never both',
  contract_fee_missing: 'A contract needs a flat fee or a percentage',
  contract_id_invalid: 'A contract id must be a string',
  splits_empty: 'A placement needs at least one recruiter share',
  splits_not_whole: 'The recruiter shares must sum to exactly 10 000 bps (100%)',
  fee_role_repeated: 'Each fee role may appear once in a split agreement',
  recruiter_id_missing: 'A share needs the recruiter’s id',
  premium_rate_above_whole: 'With the premium, the fee rate would exceed 100% of the salary',
  config_invalid: 'The fee configuration is malformed',
} as const

export type FeeInputErrorCode = keyof typeof FEE_INPUT_ERRORS

export interface FeeInputError {
  code: FeeInputErrorCode
  /** Path into the input, e.g. `contract.flat_fee.currency`. */
  field: string
  message: string
}

export const feeInputError = (code: FeeInputErrorCode, field: string, detail?: string): FeeInputError => ({
  code,
  field,
  message: detail ? `${field}: ${detail}` : `${field}: ${FEE_INPUT_ERRORS[code]}`,
})
