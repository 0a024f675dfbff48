import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type ChainLevel, CommissionError, computeCommission } from './commission.ts'

const RUNS = { numRuns: 10_000 }
const uploader = '00000000-0000-7000-8000-000000000001'

function refusal(fn: () => unknown): string | undefined {
  try {
    fn()
  } catch (err) {
    if (err instanceof CommissionError) return err.code
    throw err
  }
  return undefined
}

describe('computeCommission', () => {
  it('the seed’s acceptance example: a referral lead, share 20%, final ₪1,000 → platform ₪50, referrer ₪200, performer ₪750', () => {
    const c = computeCommission({
      leadType: 'professional_referral',
      finalAmount: 100_000n,
      leadCommissionBps: 500,
      minimumJobAmount: 10_000n,
      chain: [{ level: 1, referrerProfessionalId: uploader, referralId: null, shareBps: 2000 }],
      subscriberCommissionBps: null,
    })
    expect(c.platformCommission).toBe(5_000n)
    expect(c.referrerFee).toBe(20_000n)
    expect(c.referrerFees).toEqual([
      { level: 1, referrerProfessionalId: uploader, referralId: null, shareBps: 2000, fee: 20_000n },
    ])
    expect(c.performerNet).toBe(75_000n)
    expect(c.platformCommissionBps).toBe(500)
    expect(c.ruleVersion).toBe('ofair-commission-2026-12')
  })

  it('a consumer lead: the platform 10%, the performer the rest', () => {
    const c = computeCommission({
      leadType: 'consumer',
      finalAmount: 123_456n,
      leadCommissionBps: 1000,
      minimumJobAmount: 0n,
      chain: [],
      subscriberCommissionBps: null,
    })
    expect([c.platformCommission, c.referrerFee, c.performerNet]).toEqual([12_346n, 0n, 111_110n])
  })

  it('a subscriber pays the reduced rate, never more than the lead’s', () => {
    const base = {
      leadType: 'consumer' as const,
      finalAmount: 100_000n,
      leadCommissionBps: 1000,
      minimumJobAmount: 0n,
      chain: [],
    }
    const sub = computeCommission({ ...base, subscriberCommissionBps: 800 })
    expect([sub.platformCommission, sub.subscriberRate, sub.platformCommissionBps]).toEqual([
      8_000n,
      true,
      800,
    ])
    const higher = computeCommission({ ...base, subscriberCommissionBps: 1200 })
    expect([higher.platformCommission, higher.subscriberRate]).toEqual([10_000n, false])
  })

  it('a chain of levels: each gets its recorded share', () => {
    const chain: ChainLevel[] = [
      { level: 1, referrerProfessionalId: 'a', referralId: 'r1', shareBps: 2000 },
      { level: 2, referrerProfessionalId: 'b', referralId: 'r2', shareBps: 1000 },
      { level: 3, referrerProfessionalId: 'c', referralId: 'r3', shareBps: 500 },
    ]
    const c = computeCommission({
      leadType: 'professional_referral',
      finalAmount: 200_000n,
      leadCommissionBps: 500,
      minimumJobAmount: 10_000n,
      chain,
      subscriberCommissionBps: null,
    })
    expect(c.referrerFees.map((f) => f.fee)).toEqual([40_000n, 20_000n, 10_000n])
    expect(c.performerNet).toBe(120_000n)
  })

  it('refuses a final amount below the minimum and a performer’s part below zero', () => {
    const base = {
      leadType: 'professional_referral' as const,
      leadCommissionBps: 500,
      minimumJobAmount: 10_000n,
      subscriberCommissionBps: null,
    }
    expect(
      refusal(() =>
        computeCommission({
          ...base,
          finalAmount: 9_999n,
          chain: [{ level: 1, referrerProfessionalId: 'a', referralId: null, shareBps: 2000 }],
        }),
      ),
    ).toBe('final_amount_below_minimum')
    expect(
      refusal(() =>
        computeCommission({
          ...base,
          leadCommissionBps: 2000,
          finalAmount: 100_000n,
          chain: [{ level: 1, referrerProfessionalId: 'a', referralId: null, shareBps: 9000 }],
        }),
      ),
    ).toBe('performer_part_negative')
  })

  const chainArb = fc.array(fc.integer({ min: 0, max: 9000 }), { maxLength: 4 }).map((shares) =>
    shares.map((shareBps, i) => ({
      level: i + 1,
      referrerProfessionalId: `p${i}`,
      referralId: null,
      shareBps,
    })),
  )
  const inputArb = fc.record({
    leadType: fc.constantFrom('consumer' as const, 'professional_referral' as const),
    finalAmount: fc.bigInt({ min: 1n, max: 10_000_000_000n }),
    leadCommissionBps: fc.integer({ min: 0, max: 10_000 }),
    minimumJobAmount: fc.bigInt({ min: 0n, max: 50_000n }),
    chain: chainArb,
    subscriberCommissionBps: fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: null }),
  })

  it('property: parts sum exactly to the final amount, each share within one agora, the performer never negative', () => {
    fc.assert(
      fc.property(inputArb, (raw) => {
        const input = raw.leadType === 'consumer' ? { ...raw, chain: [] } : raw
        const chainBps = input.chain.reduce((s, c) => s + c.shareBps, 0)
        const rate =
          input.subscriberCommissionBps !== null && input.subscriberCommissionBps < input.leadCommissionBps
            ? input.subscriberCommissionBps
            : input.leadCommissionBps
        const code = refusal(() => computeCommission(input))
        if (input.finalAmount < input.minimumJobAmount) return code === 'final_amount_below_minimum'
        if (rate + chainBps > 10_000) return code === 'performer_part_negative'
        const c = computeCommission(input)
        const within = (part: bigint, bps: number) => {
          const exact = input.finalAmount * BigInt(bps)
          return part * 10_000n >= exact - 10_000n && part * 10_000n <= exact + 10_000n
        }
        return (
          c.platformCommission + c.referrerFee + c.performerNet === input.finalAmount &&
          c.referrerFees.reduce((s, f) => s + f.fee, 0n) === c.referrerFee &&
          c.performerNet >= 0n &&
          c.platformCommission >= 0n &&
          c.platformCommissionBps === rate &&
          within(c.platformCommission, rate) &&
          c.referrerFees.length === input.chain.length &&
          c.referrerFees.every(
            (f, i) => f.shareBps === input.chain[i]!.shareBps && f.fee >= 0n && within(f.fee, f.shareBps),
          ) &&
          within(c.performerNet, 10_000 - rate - chainBps)
        )
      }),
      RUNS,
    )
  })

  it('property: a subscriber never pays more than a non-subscriber for the same job', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 10_000n, max: 1_000_000_000n }),
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 0, max: 1000 }),
        (finalAmount, leadBps, subBps) => {
          const base = {
            leadType: 'consumer' as const,
            finalAmount,
            leadCommissionBps: leadBps,
            minimumJobAmount: 0n,
            chain: [],
          }
          const plain = computeCommission({ ...base, subscriberCommissionBps: null })
          const sub = computeCommission({ ...base, subscriberCommissionBps: subBps })
          return sub.platformCommission <= plain.platformCommission && sub.performerNet >= plain.performerNet
        },
      ),
      RUNS,
    )
  })
})
