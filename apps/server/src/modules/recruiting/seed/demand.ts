/**
 * How the marketplace's demand spreads over functions and seniorities: recruiters specialise,
 * companies hire and candidates look for work along the same weights.
 */
import type { Seniority } from './types.ts'
import type { Fn } from './words.ts'

export const FUNCTION_DEMAND: readonly (readonly [Fn, number])[] = [
  ['engineering', 34],
  ['data', 10],
  ['product', 8],
  ['design', 5],
  ['sales', 12],
  ['marketing', 8],
  ['customer_success', 7],
  ['operations', 6],
  ['finance', 4],
  ['people', 3],
  ['legal', 3],
]

export const SENIORITY_WEIGHTS: readonly (readonly [Seniority, number])[] = [
  ['intern', 3],
  ['junior', 12],
  ['mid', 30],
  ['senior', 33],
  ['lead', 15],
  ['executive', 7],
]
