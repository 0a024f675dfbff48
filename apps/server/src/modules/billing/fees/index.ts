/**
 * The Splits Network fee engine: pure functions, no I/O. See README.md for the rules and worked
 * examples. One entry point, `computePlacementFee`.
 */
export { computePlacementFee, type FeeResult } from './compute-placement-fee.ts'
export {
  FEE_CONFIG,
  FEE_ROLES,
  FEE_RULE_VERSION,
  type FeeConfig,
  type FeeRole,
  PLAN_TIERS,
  type PlanTier,
  PREMIUM_DESIGNATIONS,
  type PremiumDesignation,
  type PremiumRule,
} from './fee-config.ts'
export { FEE_INPUT_ERRORS, type FeeInputError, type FeeInputErrorCode } from './fee-errors.ts'
export { feeInputsFromJson, feeStatementToJson, type Jsonified } from './fee-statement-json.ts'
export type {
  CustomContractInput,
  FeeFigures,
  FeeInputs,
  FeeLine,
  FeeStatement,
  PlacementFeeInput,
  PremiumInput,
  SplitShareInput,
} from './fee-types.ts'
