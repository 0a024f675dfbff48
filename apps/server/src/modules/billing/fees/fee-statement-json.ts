import type { FeeStatement, PlacementFeeInput } from './fee-types.ts'

/** A value as JSON carries it: bigints as decimal strings (JSON numbers lose digits past 2^53). */
export type Jsonified<T> = T extends bigint
  ? string
  : T extends readonly (infer U)[]
    ? Jsonified<U>[]
    : T extends object
      ? { [K in keyof T]: Jsonified<T[K]> }
      : T

function jsonify(value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString()
  if (Array.isArray(value)) return value.map(jsonify)
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, jsonify(v)]))
  }
  return value
}

/** The statement for storing (jsonb) or answering: every amount a string of minor units. */
export function feeStatementToJson(statement: FeeStatement): Jsonified<FeeStatement> {
  return jsonify(statement) as Jsonified<FeeStatement>
}

const toBigint = (v: unknown): unknown => (typeof v === 'string' && /^-?\d+$/.test(v) ? BigInt(v) : v)

/**
 * The stored `inputs` of a statement back as an input to `computePlacementFee` (to check a
 * statement or show how it came about). Only the two amounts are strings in JSON; anything
 * malformed is passed through for the engine's validation to name.
 */
export function feeInputsFromJson(json: Jsonified<FeeStatement['inputs']>): PlacementFeeInput {
  const contract = json.contract
  return {
    ...json,
    base_salary: { ...json.base_salary, amount: toBigint(json.base_salary.amount) as bigint },
    contract: contract && {
      ...contract,
      flat_fee: contract.flat_fee && {
        ...contract.flat_fee,
        amount: toBigint(contract.flat_fee.amount) as bigint,
      },
    },
  }
}
