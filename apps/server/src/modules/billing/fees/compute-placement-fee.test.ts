import { describe, expect, it } from 'vitest'
import {
  DEFAULT_FEE_RATE_BPS,
  FEE_ROLES as RECRUITING_FEE_ROLES,
  PLAN_TIERS as RECRUITING_PLAN_TIERS,
} from '../../recruiting/index.ts'
import { computePlacementFee } from './compute-placement-fee.ts'
import { FEE_CONFIG, FEE_ROLES, type FeeConfig, PLAN_TIERS } from './fee-config.ts'
import { feeInputsFromJson, feeStatementToJson } from './fee-statement-json.ts'
import type { CustomContractInput, FeeStatement, PlacementFeeInput } from './fee-types.ts'

const ALICE = '0190a000-0000-7000-8000-00000000000a'
const BOB = '0190a000-0000-7000-8000-00000000000b'
const CAROL = '0190a000-0000-7000-8000-00000000000c'

/** $150,000, the role at the default rate, a pro recruiter, 50/50 with the job owner. */
const base: PlacementFeeInput = {
  base_salary: { amount: 15_000_000n, currency: 'USD' },
  recruiter_plan_tier: 'pro',
  splits: [
    { fee_role: 'candidate_recruiter', recruiter_id: ALICE, share_bps: 5_000 },
    { fee_role: 'job_owner', recruiter_id: BOB, share_bps: 5_000 },
  ],
}

const noContract = {
  fee_rate_bps: null,
  flat_fee: null,
  min_placements_per_year: null,
  discount_bps: null,
  placements_before_this_one: 0,
} satisfies CustomContractInput

function statementOf(input: PlacementFeeInput): FeeStatement {
  const result = computePlacementFee(input)
  if (!result.ok) throw new Error(`expected a statement, got ${JSON.stringify(result.errors)}`)
  return result.statement
}
function errorsOf(input: unknown) {
  const result = computePlacementFee(input as PlacementFeeInput)
  if (result.ok) throw new Error('expected errors, got a statement')
  return result.errors.map((e) => [e.code, e.field])
}
/** The lines as [who, basis, share, amount] for compact expectations. */
const linesOf = (s: FeeStatement) =>
  s.lines.map((l) => [l.fee_role ?? 'platform', l.basis, l.share_bps, l.amount] as const)

describe('computePlacementFee: the documented cases', () => {
  it('$150,000 at 20%, pro tier, 50/50: fee $30,000; platform $7,500; $11,250 each', () => {
    const s = statementOf(base)
    expect(s.rule_version).toBe('splits-fee-2026-12')
    expect(s.config_version).toBe(FEE_CONFIG.version)
    expect(s.currency).toBe('USD')
    expect(s.fee).toBe(3_000_000n)
    expect(s.lines).toEqual([
      {
        party_type: 'platform',
        party_id: null,
        fee_role: null,
        basis: 'standard_fee',
        share_bps: 2_500,
        amount: 750_000n,
      },
      {
        party_type: 'recruiter',
        party_id: ALICE,
        fee_role: 'candidate_recruiter',
        basis: 'recruiter_pool',
        share_bps: 5_000,
        amount: 1_125_000n,
      },
      {
        party_type: 'recruiter',
        party_id: BOB,
        fee_role: 'job_owner',
        basis: 'recruiter_pool',
        share_bps: 5_000,
        amount: 1_125_000n,
      },
    ])
    expect(s.figures).toEqual({
      fee_basis: 'rate',
      role_fee_rate_bps: 2_000,
      contract_fee_rate_bps: null,
      base_fee_rate_bps: 2_000,
      flat_fee: null,
      premium_designation: 'none',
      premium_rule: null,
      premium_fee_rate_bps: '2000',
      gross_fee: 3_000_000n,
      volume_discount_applied: false,
      volume_discount_bps: 0,
      volume_discount: 0n,
      fee: 3_000_000n,
      standard_fee: 3_000_000n,
      premium_uplift: 0n,
      platform_take_bps: 2_500,
      platform_take: 750_000n,
      recruiter_pool: 2_250_000n,
      recruiter_bonus_bps: 0,
      recruiter_bonus: 0n,
      platform_premium: 0n,
      platform_total: 750_000n,
      recruiters_total: 2_250_000n,
    })
    expect(s.inputs).toEqual({
      base_salary: { amount: 15_000_000n, currency: 'USD' },
      fee_rate_bps: 2_000,
      premium: { designation: 'none', recruiter_bonus_bps: 0 },
      contract: null,
      recruiter_plan_tier: 'pro',
      splits: base.splits,
      config: FEE_CONFIG,
    })
  })

  it('takes 30% from a starter and 20% from a partner', () => {
    expect(linesOf(statementOf({ ...base, recruiter_plan_tier: 'starter' }))).toEqual([
      ['platform', 'standard_fee', 3_000, 900_000n],
      ['candidate_recruiter', 'recruiter_pool', 5_000, 1_050_000n],
      ['job_owner', 'recruiter_pool', 5_000, 1_050_000n],
    ])
    expect(statementOf({ ...base, recruiter_plan_tier: 'partner' }).figures.platform_take).toBe(600_000n)
  })

  it('uses the role’s own rate; the default only when the role has none', () => {
    expect(statementOf({ ...base, fee_rate_bps: 2_500 }).fee).toBe(3_750_000n)
    expect(statementOf({ ...base, fee_rate_bps: null }).fee).toBe(3_000_000n)
    expect(statementOf({ ...base, fee_rate_bps: 0 }).lines.every((l) => l.amount === 0n)).toBe(true)
  })

  it('rounds the fee once, half to even (not half up)', () => {
    const tenPercent = { ...base, fee_rate_bps: 1_000 }
    // 25 cents × 10% = 2.5 → 2; 35 cents × 10% = 3.5 → 4; 36 × 10% = 3.6 → 4
    expect(statementOf({ ...tenPercent, base_salary: { amount: 25n, currency: 'USD' } }).fee).toBe(2n)
    expect(statementOf({ ...tenPercent, base_salary: { amount: 35n, currency: 'USD' } }).fee).toBe(4n)
    expect(statementOf({ ...tenPercent, base_salary: { amount: 36n, currency: 'USD' } }).fee).toBe(4n)
  })

  it('prices zero-decimal currencies in their own minor unit', () => {
    const s = statementOf({ ...base, base_salary: { amount: 12_345_679n, currency: 'JPY' } })
    expect(s.currency).toBe('JPY')
    expect(s.fee).toBe(2_469_136n) // 2,469,135.8 → 2,469,136
    expect(s.lines.reduce((sum, l) => sum + l.amount, 0n)).toBe(s.fee)
  })
})

describe('premium roles', () => {
  it('urgent: the company pays 22% instead of 20%; the recruiters get what they would have; the platform keeps the rest', () => {
    const s = statementOf({ ...base, premium: { designation: 'urgent' } })
    expect(s.fee).toBe(3_300_000n)
    expect(s.figures).toMatchObject({
      premium_fee_rate_bps: '2200',
      standard_fee: 3_000_000n,
      premium_uplift: 300_000n,
      platform_premium: 300_000n,
      recruiter_bonus: 0n,
      platform_total: 1_050_000n,
      recruiters_total: 2_250_000n,
    })
    expect(linesOf(s)).toEqual([
      ['platform', 'standard_fee', 2_500, 750_000n],
      ['candidate_recruiter', 'recruiter_pool', 5_000, 1_125_000n],
      ['job_owner', 'recruiter_pool', 5_000, 1_125_000n],
      ['platform', 'premium', 10_000, 300_000n],
    ])
  })

  it('niche: +15% of the rate (23%); executive: at least 25%, never lower than the role’s rate', () => {
    expect(statementOf({ ...base, premium: { designation: 'niche' } }).fee).toBe(3_450_000n)
    expect(statementOf({ ...base, premium: { designation: 'executive' } }).fee).toBe(3_750_000n)
    const high = statementOf({ ...base, fee_rate_bps: 3_000, premium: { designation: 'executive' } })
    expect(high.fee).toBe(4_500_000n)
    expect(high.figures.premium_uplift).toBe(0n)
  })

  it('a configured recruiter bonus shares the increase by the split, the platform keeps the rest', () => {
    const s = statementOf({ ...base, premium: { designation: 'urgent', recruiter_bonus_bps: 4_000 } })
    expect(linesOf(s)).toEqual([
      ['platform', 'standard_fee', 2_500, 750_000n],
      ['candidate_recruiter', 'recruiter_pool', 5_000, 1_125_000n],
      ['job_owner', 'recruiter_pool', 5_000, 1_125_000n],
      ['platform', 'premium', 6_000, 180_000n],
      ['candidate_recruiter', 'recruiter_bonus', 5_000, 60_000n],
      ['job_owner', 'recruiter_bonus', 5_000, 60_000n],
    ])
    expect(s.figures.recruiter_bonus).toBe(120_000n)
    expect(s.figures.premium_rule).toEqual({
      kind: 'relative',
      uplift_bps: 1_000,
      recruiter_bonus_bps: 4_000,
    })
  })

  it('other premium rules are configuration: additive points', () => {
    const config: FeeConfig = {
      ...FEE_CONFIG,
      version: 'test-additive',
      premiums: {
        ...FEE_CONFIG.premiums,
        urgent: { kind: 'additive', uplift_bps: 1_000, recruiter_bonus_bps: 0 },
      },
    }
    const s = statementOf({ ...base, config, premium: { designation: 'urgent' } })
    expect(s.fee).toBe(4_500_000n) // 30%
    expect(s.config_version).toBe('test-additive')
    expect(s.inputs.config.premiums.urgent).toEqual({
      kind: 'additive',
      uplift_bps: 1_000,
      recruiter_bonus_bps: 0,
    })
  })
})

describe('custom contracts', () => {
  it('a percentage replaces the role’s rate', () => {
    const s = statementOf({ ...base, contract: { ...noContract, contract_id: 'k1', fee_rate_bps: 1_800 } })
    expect(s.fee).toBe(2_700_000n)
    expect(s.figures).toMatchObject({
      role_fee_rate_bps: 2_000,
      contract_fee_rate_bps: 1_800,
      base_fee_rate_bps: 1_800,
    })
    expect(s.inputs.contract?.contract_id).toBe('k1')
  })

  it('a percentage contract still takes the premium, on its own rate', () => {
    const s = statementOf({
      ...base,
      premium: { designation: 'urgent' },
      contract: { ...noContract, fee_rate_bps: 1_800 },
    })
    expect(s.figures.premium_fee_rate_bps).toBe('1980')
    expect(s.fee).toBe(2_970_000n)
  })

  it('a flat fee is the fee, whatever the salary, and takes no premium', () => {
    const flat = { ...noContract, flat_fee: { amount: 2_500_000n, currency: 'USD' as const } }
    for (const amount of [5_000_000n, 15_000_000n, 90_000_000n]) {
      const s = statementOf({
        ...base,
        base_salary: { amount, currency: 'USD' },
        premium: { designation: 'niche' },
        contract: flat,
      })
      expect(s.fee).toBe(2_500_000n)
      expect(s.figures).toMatchObject({
        fee_basis: 'flat',
        flat_fee: 2_500_000n,
        premium_fee_rate_bps: null,
        premium_rule: null,
      })
      expect(linesOf(s)).toEqual([
        ['platform', 'standard_fee', 2_500, 625_000n],
        ['candidate_recruiter', 'recruiter_pool', 5_000, 937_500n],
        ['job_owner', 'recruiter_pool', 5_000, 937_500n],
      ])
    }
  })

  it('the volume discount starts once the year’s commitment is met (placements before this one ≥ commitment)', () => {
    const contract = { ...noContract, fee_rate_bps: 2_000, min_placements_per_year: 10, discount_bps: 1_000 }
    const ninth = statementOf({ ...base, contract: { ...contract, placements_before_this_one: 9 } })
    expect(ninth.fee).toBe(3_000_000n)
    expect(ninth.figures.volume_discount_applied).toBe(false)
    const eleventh = statementOf({ ...base, contract: { ...contract, placements_before_this_one: 10 } })
    expect(eleventh.fee).toBe(2_700_000n)
    expect(eleventh.figures).toMatchObject({
      gross_fee: 3_000_000n,
      volume_discount_applied: true,
      volume_discount_bps: 1_000,
      volume_discount: 300_000n,
    })
  })

  it('the discount is off the whole fee, premium included; without a commitment it always applies', () => {
    const s = statementOf({
      ...base,
      premium: { designation: 'urgent' },
      contract: { ...noContract, fee_rate_bps: 2_000, discount_bps: 1_000 },
    })
    expect(s.figures).toMatchObject({
      gross_fee: 3_300_000n,
      fee: 2_970_000n,
      standard_fee: 2_700_000n,
      premium_uplift: 270_000n,
    })
  })

  it('a flat fee takes the discount too, rounded half-even', () => {
    const s = statementOf({
      ...base,
      contract: { ...noContract, flat_fee: { amount: 2_500_005n, currency: 'USD' }, discount_bps: 1_000 },
    })
    expect(s.fee).toBe(2_250_004n) // 2,250,004.5 → even
  })
})

describe('allocation: exact parts, ties by a stated order', () => {
  it('leftover units go to the largest remainders; ties to recruiters in fee-role order, then the platform', () => {
    // fee 1 cent at starter: platform 0.3, each recruiter 0.35 → the candidate recruiter
    const tiny = {
      ...base,
      recruiter_plan_tier: 'starter' as const,
      base_salary: { amount: 5n, currency: 'USD' as const },
    }
    expect(linesOf(statementOf(tiny)).map((l) => l[3])).toEqual([0n, 1n, 0n])
    // the same whatever order the splits come in
    const reversed = { ...tiny, splits: [...tiny.splits].reverse() }
    expect(statementOf(reversed).lines).toEqual(statementOf(tiny).lines)
    // a tie between a recruiter and the platform goes to the recruiter
    const config: FeeConfig = {
      ...FEE_CONFIG,
      platform_take_bps: { ...FEE_CONFIG.platform_take_bps, pro: 5_000 },
    }
    const lone = {
      ...tiny,
      config,
      recruiter_plan_tier: 'pro' as const,
      splits: [{ fee_role: 'candidate_recruiter' as const, recruiter_id: ALICE, share_bps: 10_000 }],
    }
    expect(linesOf(statementOf(lone))).toEqual([
      ['platform', 'standard_fee', 5_000, 0n],
      ['candidate_recruiter', 'recruiter_pool', 10_000, 1n],
    ])
  })

  it('three ways: each part within a cent of its exact share and the parts sum to the fee', () => {
    const s = statementOf({
      ...base,
      base_salary: { amount: 10_000_001n, currency: 'USD' },
      splits: [
        { fee_role: 'hiring_facilitator', recruiter_id: CAROL, share_bps: 3_333 },
        { fee_role: 'candidate_recruiter', recruiter_id: ALICE, share_bps: 3_334 },
        { fee_role: 'job_owner', recruiter_id: BOB, share_bps: 3_333 },
      ],
    })
    // fee 2,000,000.2 → 2,000,000; platform 500,000; pool 1,500,000 → 500,100 / 499,950 / 499,950
    expect(linesOf(s)).toEqual([
      ['platform', 'standard_fee', 2_500, 500_000n],
      ['candidate_recruiter', 'recruiter_pool', 3_334, 500_100n],
      ['job_owner', 'recruiter_pool', 3_333, 499_950n],
      ['hiring_facilitator', 'recruiter_pool', 3_333, 499_950n],
    ])
  })
})

describe('history never changes', () => {
  it('the stored inputs give the same statement again, also through JSON', () => {
    const input: PlacementFeeInput = {
      ...base,
      premium: { designation: 'urgent', recruiter_bonus_bps: 2_500 },
      contract: {
        ...noContract,
        contract_id: 'k9',
        fee_rate_bps: 1_750,
        min_placements_per_year: 3,
        discount_bps: 500,
        placements_before_this_one: 4,
      },
    }
    const s = statementOf(input)
    expect(statementOf(s.inputs)).toEqual(s)
    const stored = JSON.parse(JSON.stringify(feeStatementToJson(s)))
    expect(stored.fee).toBe(s.fee.toString())
    expect(statementOf(feeInputsFromJson(stored.inputs))).toEqual(s)
  })

  it('the statement shares nothing with the caller’s objects', () => {
    const splits = base.splits.map((x) => ({ ...x }))
    const config = structuredClone(FEE_CONFIG) as FeeConfig
    const s = statementOf({ ...base, splits, config })
    ;(splits[0] as { share_bps: number }).share_bps = 1
    ;(config.platform_take_bps as Record<string, number>).pro = 9_000
    expect(s.inputs.splits[0]?.share_bps).toBe(5_000)
    expect(s.inputs.config.platform_take_bps.pro).toBe(2_500)
  })

  it('the default configuration cannot be changed at run time', () => {
    expect(() => {
      ;(FEE_CONFIG.platform_take_bps as Record<string, number>).pro = 1
    }).toThrow(TypeError)
  })

  it('the vocabularies are the marketplace’s', () => {
    expect(FEE_ROLES).toEqual(RECRUITING_FEE_ROLES)
    expect(PLAN_TIERS).toEqual(RECRUITING_PLAN_TIERS)
    expect(FEE_CONFIG.default_fee_rate_bps).toBe(DEFAULT_FEE_RATE_BPS)
  })
})

describe('bad input: typed errors naming the field, never a throw', () => {
  it('a salary that is zero, negative, not a bigint, too large, or in an unknown currency', () => {
    expect(errorsOf({ ...base, base_salary: { amount: 0n, currency: 'USD' } })).toEqual([
      ['amount_not_positive', 'base_salary.amount'],
    ])
    expect(errorsOf({ ...base, base_salary: { amount: -5n, currency: 'USD' } })).toEqual([
      ['amount_not_positive', 'base_salary.amount'],
    ])
    expect(errorsOf({ ...base, base_salary: { amount: 150000.5, currency: 'USD' } })).toEqual([
      ['amount_not_integer', 'base_salary.amount'],
    ])
    expect(errorsOf({ ...base, base_salary: { amount: 2n ** 63n, currency: 'USD' } })).toEqual([
      ['amount_too_large', 'base_salary.amount'],
    ])
    expect(errorsOf({ ...base, base_salary: { amount: 1n, currency: 'XXX' } })).toEqual([
      ['currency_unsupported', 'base_salary.currency'],
    ])
    expect(errorsOf({ ...base, base_salary: undefined })).toEqual([
      ['amount_not_integer', 'base_salary.amount'],
      ['currency_unsupported', 'base_salary.currency'],
    ])
  })

  it('a contract with both a flat fee and a percentage, or neither, or a flat fee in another currency', () => {
    expect(
      errorsOf({
        ...base,
        contract: { ...noContract, fee_rate_bps: 1_500, flat_fee: { amount: 100n, currency: 'USD' } },
      }),
    ).toEqual([['contract_flat_and_percentage', 'contract']])
    expect(errorsOf({ ...base, contract: noContract })).toEqual([['contract_fee_missing', 'contract']])
    expect(
      errorsOf({ ...base, contract: { ...noContract, flat_fee: { amount: 100n, currency: 'EUR' } } }),
    ).toEqual([['currency_mismatch', 'contract.flat_fee.currency']])
    expect(
      errorsOf({ ...base, contract: { ...noContract, flat_fee: { amount: 0n, currency: 'USD' } } }),
    ).toEqual([['amount_not_positive', 'contract.flat_fee.amount']])
    expect(
      errorsOf({
        ...base,
        contract: {
          contract_id: 7,
          fee_rate_bps: 10_001,
          flat_fee: null,
          min_placements_per_year: -1,
          discount_bps: 1.5,
          placements_before_this_one: undefined,
        },
      }),
    ).toEqual([
      ['bps_out_of_range', 'contract.fee_rate_bps'],
      ['count_out_of_range', 'contract.min_placements_per_year'],
      ['bps_out_of_range', 'contract.discount_bps'],
      ['count_out_of_range', 'contract.placements_before_this_one'],
      ['contract_id_invalid', 'contract.contract_id'],
    ])
  })

  it('splits that do not sum to 100%, repeat or invent a fee role, lack a recruiter or are empty', () => {
    const [a, b] = base.splits as [PlacementFeeInput['splits'][0], PlacementFeeInput['splits'][0]]
    expect(errorsOf({ ...base, splits: [a, { ...b, share_bps: 4_999 }] })).toEqual([
      ['splits_not_whole', 'splits'],
    ])
    expect(errorsOf({ ...base, splits: [a, { ...b, fee_role: 'candidate_recruiter' }] })).toEqual([
      ['fee_role_repeated', 'splits[1].fee_role'],
    ])
    expect(errorsOf({ ...base, splits: [a, { ...b, fee_role: 'closer' }] })).toEqual([
      ['unknown_fee_role', 'splits[1].fee_role'],
    ])
    expect(errorsOf({ ...base, splits: [a, { ...b, recruiter_id: ' ' }] })).toEqual([
      ['recruiter_id_missing', 'splits[1].recruiter_id'],
    ])
    expect(
      errorsOf({
        ...base,
        splits: [
          { ...a, share_bps: 0 },
          { ...b, share_bps: 10_000 },
        ],
      }),
    ).toEqual([['bps_out_of_range', 'splits[0].share_bps']])
    expect(errorsOf({ ...base, splits: [] })).toEqual([['splits_empty', 'splits']])
  })

  it('an unknown plan, premium or rate, and every problem at once', () => {
    expect(
      errorsOf({
        ...base,
        fee_rate_bps: -1,
        recruiter_plan_tier: 'gold',
        premium: { designation: 'vip', recruiter_bonus_bps: 20_000 },
        splits: [],
      }),
    ).toEqual([
      ['bps_out_of_range', 'fee_rate_bps'],
      ['unknown_premium', 'premium.designation'],
      ['bps_out_of_range', 'premium.recruiter_bonus_bps'],
      ['unknown_plan_tier', 'recruiter_plan_tier'],
      ['splits_empty', 'splits'],
    ])
  })

  it('a premium that would charge more than the salary', () => {
    const result = computePlacementFee({ ...base, fee_rate_bps: 9_500, premium: { designation: 'niche' } })
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          code: 'premium_rate_above_whole',
          field: 'premium.designation',
          message: 'premium.designation: niche raises 9500 bps to 10925 bps, above 10000',
        },
      ],
    })
  })

  it('a malformed configuration', () => {
    const config = {
      version: '',
      default_fee_rate_bps: 2_000,
      platform_take_bps: { starter: 3_000, pro: 12_000 },
      premiums: { urgent: { kind: 'double', recruiter_bonus_bps: 0 }, niche: FEE_CONFIG.premiums.niche },
    }
    expect(errorsOf({ ...base, config })).toEqual([
      ['config_invalid', 'config.version'],
      ['config_invalid', 'config.platform_take_bps.pro'],
      ['config_invalid', 'config.platform_take_bps.partner'],
      ['config_invalid', 'config.premiums.urgent.kind'],
      ['config_invalid', 'config.premiums.executive'],
    ])
  })
})
