import assert from 'node:assert/strict'
import { CURRENCY_CODES, type Currency } from '@app/money'
import fc from 'fast-check'
import { describe, it } from 'vitest'
import { computePlacementFee } from './compute-placement-fee.ts'
import {
  FEE_CONFIG,
  FEE_ROLES,
  type FeeConfig,
  PLAN_TIERS,
  PREMIUM_DESIGNATIONS,
  type PremiumRule,
} from './fee-config.ts'
import { feeInputsFromJson, feeStatementToJson } from './fee-statement-json.ts'
import type { CustomContractInput, FeeStatement, PlacementFeeInput, SplitShareInput } from './fee-types.ts'

/** Issue 8, "Proof, not hope": at least 10,000 cases per property. */
const RUNS = { numRuns: 10_000 }
const W = 10_000n
const MAX_AMOUNT = 2n ** 63n - 1n
const min = (a: bigint, b: bigint) => (a < b ? a : b)

// ---------------------------------------------------------------------------------------------
// Arbitraries
// ---------------------------------------------------------------------------------------------

/** Small salaries exercise rounding and ties; large ones exercise bigint range. */
const salaryArb = fc.oneof(
  fc.bigInt({ min: 1n, max: 1_000n }),
  fc.bigInt({ min: 1n, max: 100_000_000_000n }),
  fc.bigInt({ min: 1n, max: MAX_AMOUNT }),
)
const currencyArb = fc.constantFrom(...CURRENCY_CODES) as fc.Arbitrary<Currency>
/** Role and contract rates low enough that no premium of `configArb` passes 100%. */
const rateArb = fc.integer({ min: 0, max: 7_500 })
const bpsArb = fc.integer({ min: 0, max: 10_000 })

/** 1–5 distinct fee roles in random order, whole-bps shares summing to 10 000, ids that may repeat. */
const splitsArb: fc.Arbitrary<SplitShareInput[]> = fc
  .shuffledSubarray([...FEE_ROLES], { minLength: 1 })
  .chain((roles) =>
    fc
      .tuple(
        fc.uniqueArray(fc.integer({ min: 1, max: 9_999 }), {
          minLength: roles.length - 1,
          maxLength: roles.length - 1,
        }),
        fc.array(fc.constantFrom('r-1', 'r-2', 'r-3', 'r-4'), {
          minLength: roles.length,
          maxLength: roles.length,
        }),
      )
      .map(([cuts, ids]) => {
        const points = [0, ...cuts.sort((a, b) => a - b), 10_000]
        return roles.map((fee_role, i) => ({
          fee_role,
          recruiter_id: ids[i] as string,
          share_bps: (points[i + 1] as number) - (points[i] as number),
        }))
      }),
  )

const premiumRuleArb: fc.Arbitrary<PremiumRule> = fc.oneof(
  fc.record({
    kind: fc.constant('relative' as const),
    uplift_bps: fc.integer({ min: 0, max: 2_500 }),
    recruiter_bonus_bps: bpsArb,
  }),
  fc.record({
    kind: fc.constant('additive' as const),
    uplift_bps: fc.integer({ min: 0, max: 2_000 }),
    recruiter_bonus_bps: bpsArb,
  }),
  fc.record({ kind: fc.constant('rate_floor' as const), rate_bps: bpsArb, recruiter_bonus_bps: bpsArb }),
)
/** Today's defaults half the time, any valid configuration otherwise. */
const configArb: fc.Arbitrary<FeeConfig> = fc.oneof(
  fc.constant(FEE_CONFIG),
  fc.record({
    version: fc.constant('test-config'),
    default_fee_rate_bps: rateArb,
    platform_take_bps: fc.record({ starter: bpsArb, pro: bpsArb, partner: bpsArb }),
    premiums: fc.record({ urgent: premiumRuleArb, niche: premiumRuleArb, executive: premiumRuleArb }),
  }),
)

const premiumArb = fc.option(
  fc.record(
    {
      designation: fc.constantFrom(...PREMIUM_DESIGNATIONS),
      recruiter_bonus_bps: fc.option(bpsArb, { nil: undefined }),
    },
    { requiredKeys: ['designation'] },
  ),
  { nil: undefined },
)

/** Commitment, discount and the count before this placement: met, unmet, absent. */
const volumeArb = fc.record({
  min_placements_per_year: fc.option(fc.integer({ min: 0, max: 50 }), { nil: null }),
  discount_bps: fc.option(bpsArb, { nil: null }),
  placements_before_this_one: fc.integer({ min: 0, max: 60 }),
})
const percentageContractArb = volumeArb.chain((v) =>
  rateArb.map(
    (fee_rate_bps): CustomContractInput => ({ ...v, contract_id: 'k', fee_rate_bps, flat_fee: null }),
  ),
)
const flatContractArb = (currency: Currency) =>
  fc
    .tuple(volumeArb, fc.bigInt({ min: 1n, max: 10n ** 12n }))
    .map(([v, amount]): CustomContractInput => ({ ...v, fee_rate_bps: null, flat_fee: { amount, currency } }))

interface InputOptions {
  contract?: 'none' | 'percentage' | 'flat' | 'any'
}
const inputArb = ({ contract = 'any' }: InputOptions = {}): fc.Arbitrary<PlacementFeeInput> =>
  currencyArb.chain((currency) => {
    const contracts = {
      none: fc.constant(null),
      percentage: percentageContractArb,
      flat: flatContractArb(currency),
    }
    return fc.record(
      {
        base_salary: salaryArb.map((amount) => ({ amount, currency })),
        fee_rate_bps: fc.option(rateArb, { nil: undefined }),
        premium: premiumArb,
        contract:
          contract === 'any'
            ? fc.oneof(contracts.none, contracts.percentage, contracts.flat)
            : contracts[contract],
        recruiter_plan_tier: fc.constantFrom(...PLAN_TIERS),
        splits: splitsArb,
        config: configArb,
      },
      { requiredKeys: ['base_salary', 'contract', 'recruiter_plan_tier', 'splits', 'config'] },
    )
  })

// ---------------------------------------------------------------------------------------------
// An independent model of the exact (unrounded) fee, and the checks every statement must pass
// ---------------------------------------------------------------------------------------------

interface Rational {
  n: bigint
  d: bigint
}

/** The fee before rounding, derived from the input in the plainest way (not the engine's code path). */
function exactFee(input: PlacementFeeInput, withPremium = true): Rational {
  const config = input.config ?? FEE_CONFIG
  const c = input.contract ?? null
  const met = c !== null && c.placements_before_this_one >= (c.min_placements_per_year ?? 0)
  const discount = BigInt(met ? (c?.discount_bps ?? 0) : 0)
  // fee = base × (10 000 − discount) / 10 000
  if (c?.flat_fee) return { n: c.flat_fee.amount * (W - discount), d: W }
  const rate = BigInt(c?.fee_rate_bps ?? input.fee_rate_bps ?? config.default_fee_rate_bps)
  const designation = input.premium?.designation ?? 'none'
  const rule = withPremium && designation !== 'none' ? config.premiums[designation] : null
  // rate with premium as a rational r / (10 000 · 10 000)
  let r = rate * W
  if (rule?.kind === 'relative') r = rate * (W + BigInt(rule.uplift_bps))
  if (rule?.kind === 'additive') r = (rate + BigInt(rule.uplift_bps)) * W
  if (rule?.kind === 'rate_floor' && BigInt(rule.rate_bps) > rate) r = BigInt(rule.rate_bps) * W
  return { n: input.base_salary.amount * r * (W - discount), d: W * W * W }
}

/** |value − n/d| ≤ 1/2, and a tie went to the even integer. */
function expectHalfEven(value: bigint, { n, d }: Rational) {
  const twice = 2n * (value * d - n)
  assert.ok(twice >= -d && twice <= d)
  if (twice === d || twice === -d) assert.equal(value % 2n, 0n)
}

/** |value − n/d| < 1 */
function expectWithinOneUnit(value: bigint, n: bigint, d: bigint) {
  const diff = value * d - n
  assert.ok(diff > -d && diff < d)
}

function statementOf(input: PlacementFeeInput): FeeStatement {
  const result = computePlacementFee(input)
  if (!result.ok) throw new Error(`expected a statement: ${JSON.stringify(result.errors)}`)
  return result.statement
}

/** What must hold of every statement. */
function expectSound(input: PlacementFeeInput, s: FeeStatement) {
  const f = s.figures
  // the fee is the exact fee rounded half-even; so is the standard fee
  expectHalfEven(s.fee, exactFee(input))
  expectHalfEven(f.standard_fee, exactFee(input, false))
  assert.equal(f.fee, s.fee)
  assert.equal(f.premium_uplift, s.fee - f.standard_fee)
  // the lines sum exactly to the fee, and each part to its figure
  const total = (basis: string) => s.lines.filter((l) => l.basis === basis).reduce((t, l) => t + l.amount, 0n)
  assert.equal(
    s.lines.reduce((t, l) => t + l.amount, 0n),
    s.fee,
  )
  assert.equal(total('standard_fee') + total('recruiter_pool'), f.standard_fee)
  assert.equal(total('premium') + total('recruiter_bonus'), f.premium_uplift)
  assert.equal(f.platform_total + f.recruiters_total, s.fee)
  assert.equal(f.gross_fee - f.volume_discount, s.fee)
  // never negative
  for (const l of s.lines) assert.ok(l.amount >= 0n)
  for (const v of Object.values(f)) if (typeof v === 'bigint') assert.ok(v >= 0n)
  // each line within one minor unit of its exact share
  const take = BigInt(f.platform_take_bps)
  const bonus = BigInt(f.recruiter_bonus_bps)
  for (const l of s.lines) {
    const share = BigInt(l.share_bps)
    if (l.basis === 'standard_fee') expectWithinOneUnit(l.amount, f.standard_fee * take, W)
    if (l.basis === 'recruiter_pool')
      expectWithinOneUnit(l.amount, f.standard_fee * (W - take) * share, W * W)
    if (l.basis === 'premium') expectWithinOneUnit(l.amount, f.premium_uplift * (W - bonus), W)
    if (l.basis === 'recruiter_bonus') expectWithinOneUnit(l.amount, f.premium_uplift * bonus * share, W * W)
  }
  // one standard line per recruiter share and one for the platform
  assert.equal(s.lines.filter((l) => l.basis === 'recruiter_pool').length, input.splits.length)
  assert.equal(s.lines.filter((l) => l.basis === 'standard_fee').length, 1)
}

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

/** 10,000 cases take a few seconds each on a shared core. */
describe('fee engine properties (10,000 cases each)', { timeout: 120_000 }, () => {
  it('fee by rate: exact half-even fee, lines sum to it, each within a unit, none negative', () => {
    fc.assert(
      fc.property(inputArb({ contract: 'none' }), (input) => expectSound(input, statementOf(input))),
      RUNS,
    )
  })

  it('percentage contract, with and without the volume discount: the same guarantees; the discount iff the commitment is met', () => {
    fc.assert(
      fc.property(inputArb({ contract: 'percentage' }), (input) => {
        const s = statementOf(input)
        expectSound(input, s)
        const c = input.contract!
        const met = c.placements_before_this_one >= (c.min_placements_per_year ?? 0)
        assert.equal(s.figures.volume_discount_applied, met && (c.discount_bps ?? 0) > 0)
        assert.equal(s.figures.base_fee_rate_bps, c.fee_rate_bps)
      }),
      RUNS,
    )
  })

  it('flat contract: the same guarantees, and the fee and every line are independent of salary and premium', () => {
    fc.assert(
      fc.property(
        inputArb({ contract: 'flat' }),
        salaryArb,
        premiumArb,
        (input, otherSalary, otherPremium) => {
          const s = statementOf(input)
          expectSound(input, s)
          const other = statementOf({
            ...input,
            base_salary: { ...input.base_salary, amount: otherSalary },
            premium: otherPremium,
          })
          assert.equal(other.fee, s.fee)
          assert.deepEqual(other.lines, s.lines)
        },
      ),
      RUNS,
    )
  })

  it('premium: never lowers the fee, the platform’s total, or any recruiter’s amount; standard lines are unchanged', () => {
    fc.assert(
      fc.property(inputArb(), (input) => {
        const s = statementOf(input)
        expectSound(input, s)
        const plain = statementOf({ ...input, premium: { designation: 'none' } })
        assert.ok(s.fee >= plain.fee)
        assert.equal(s.figures.standard_fee, plain.fee)
        assert.ok(s.figures.platform_total >= plain.figures.platform_total)
        const standard = (st: FeeStatement) =>
          st.lines.filter((l) => l.basis !== 'premium' && l.basis !== 'recruiter_bonus')
        assert.deepEqual(standard(s), standard(plain))
        const earned = (st: FeeStatement, role: string) =>
          st.lines.filter((l) => l.fee_role === role).reduce((t, l) => t + l.amount, 0n)
        for (const { fee_role } of input.splits) {
          assert.ok(earned(s, fee_role) >= earned(plain, fee_role))
        }
      }),
      RUNS,
    )
  })

  it('platform take: the platform’s line is its tier’s share of the standard fee within a unit; the rest is the pool', () => {
    fc.assert(
      fc.property(inputArb(), (input) => {
        const s = statementOf(input)
        const config = input.config ?? FEE_CONFIG
        const take = config.platform_take_bps[input.recruiter_plan_tier]
        assert.equal(s.figures.platform_take_bps, take)
        const line = s.lines.find((l) => l.basis === 'standard_fee')!
        assert.deepEqual(
          [line.party_type, line.party_id, line.fee_role, line.share_bps],
          ['platform', null, null, take],
        )
        expectWithinOneUnit(line.amount, s.figures.standard_fee * BigInt(take), W)
        assert.equal(s.figures.recruiter_pool, s.figures.standard_fee - line.amount)
      }),
      RUNS,
    )
  })

  it('allocation is deterministic: same input, same statement; any order of the splits, the same statement', () => {
    const withPermutation = inputArb().chain((input) =>
      fc
        .shuffledSubarray(input.splits as SplitShareInput[], {
          minLength: input.splits.length,
          maxLength: input.splits.length,
        })
        .map((permuted) => ({ input, permuted })),
    )
    fc.assert(
      fc.property(withPermutation, ({ input, permuted }) => {
        const s = statementOf(input)
        assert.deepEqual(statementOf(input), s)
        assert.deepEqual(statementOf({ ...input, splits: permuted }), s)
      }),
      RUNS,
    )
  })

  it('replay: the stored inputs, also through JSON, give the same statement', () => {
    fc.assert(
      fc.property(inputArb(), (input) => {
        const s = statementOf(input)
        assert.deepEqual(statementOf(s.inputs), s)
        const stored = JSON.parse(JSON.stringify(feeStatementToJson(s)))
        assert.deepEqual(statementOf(feeInputsFromJson(stored.inputs)), s)
      }),
      RUNS,
    )
  })

  it('monotonic: a higher salary never lowers a rate-based fee; more placements before never raise it', () => {
    fc.assert(
      fc.property(
        inputArb({ contract: 'percentage' }),
        fc.bigInt({ min: 0n, max: 10n ** 12n }),
        fc.integer({ min: 0, max: 20 }),
        (input, raise, more) => {
          const s = statementOf(input)
          const richer = statementOf({
            ...input,
            base_salary: { ...input.base_salary, amount: min(input.base_salary.amount + raise, MAX_AMOUNT) },
          })
          assert.ok(richer.fee >= s.fee)
          const later = statementOf({
            ...input,
            contract: {
              ...input.contract!,
              placements_before_this_one: input.contract!.placements_before_this_one + more,
            },
          })
          assert.ok(later.fee <= s.fee)
        },
      ),
      RUNS,
    )
  })

  it('bad input of any shape is answered with errors naming fields, never a throw', () => {
    const any = fc.anything({ maxDepth: 2, maxKeys: 4 })
    const anyInput = fc.record({
      base_salary: fc.oneof(any, fc.record({ amount: fc.oneof(fc.bigInt(), any), currency: fc.string() })),
      fee_rate_bps: fc.oneof(fc.integer(), fc.double(), any),
      premium: any,
      contract: fc.oneof(
        any,
        fc.record({
          fee_rate_bps: any,
          flat_fee: any,
          min_placements_per_year: any,
          discount_bps: any,
          placements_before_this_one: any,
        }),
      ),
      recruiter_plan_tier: any,
      splits: fc.oneof(any, fc.array(any)),
      config: fc.oneof(fc.constant(FEE_CONFIG), any),
    })
    fc.assert(
      fc.property(anyInput, (input) => {
        const result = computePlacementFee(input as unknown as PlacementFeeInput)
        if (!result.ok) {
          assert.ok(result.errors.length > 0)
          for (const e of result.errors) assert.match(e.field, /^[a-z_]+(\[\d+\])?(\.[a-z_]+)*$/)
        }
      }),
      RUNS,
    )
  })
})
