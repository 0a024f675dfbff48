import fc from 'fast-check'
import { describe, it } from 'vitest'
import { computeCommission } from './commission.ts'
import { b2bLines } from './service.ts'

/**
 * Netting, as a model: random B2B jobs among a few professionals, each booked as its posting's
 * lines. Every posting balances; a professional's balance is what they earned as a referrer less
 * what they owe as a performer (commission and fees), so debts and credits across professionals
 * net into one figure each; all balances together are exactly minus the platform's commission.
 */
const PROS = ['p0', 'p1', 'p2', 'p3', 'p4']

const jobArb = fc.record({
  performer: fc.integer({ min: 0, max: 4 }),
  referrers: fc.uniqueArray(fc.integer({ min: 0, max: 4 }), { maxLength: 3 }),
  shares: fc.array(fc.integer({ min: 0, max: 3000 }), { minLength: 3, maxLength: 3 }),
  finalAmount: fc.bigInt({ min: 10_000n, max: 100_000_000n }),
  consumer: fc.boolean(),
})

describe('B2B netting', () => {
  it('property: postings balance; each balance = fees earned − commission and fees owed; all balances = −commission', () => {
    fc.assert(
      fc.property(fc.array(jobArb, { minLength: 1, maxLength: 12 }), (jobs) => {
        const balance = new Map<string, bigint>(PROS.map((p) => [p, 0n]))
        const expected = new Map<string, bigint>(PROS.map((p) => [p, 0n]))
        let revenue = 0n
        for (const [n, j] of jobs.entries()) {
          const performer = PROS[j.performer]!
          const referrers = j.consumer
            ? []
            : j.referrers.filter((r) => r !== j.performer).map((r) => PROS[r]!)
          const c = computeCommission({
            leadType: j.consumer ? 'consumer' : 'professional_referral',
            finalAmount: j.finalAmount,
            leadCommissionBps: j.consumer ? 1000 : 500,
            minimumJobAmount: 0n,
            chain: referrers.map((r, i) => ({
              level: i + 1,
              referrerProfessionalId: r,
              referralId: null,
              shareBps: j.shares[i]!,
            })),
            subscriberCommissionBps: null,
          })
          const p = {
            id: `00000000-0000-7000-8000-${String(n).padStart(12, '0')}`,
            lead_id: 'lead',
            performer_professional_id: performer,
            platform_commission_minor: c.platformCommission,
            referrer_fee_minor: c.referrerFee,
          } as Parameters<typeof b2bLines>[0]
          const lines = b2bLines(
            p,
            c.referrerFees.map((f) => ({
              referrer_professional_id: f.referrerProfessionalId,
              fee_minor: f.fee,
            })),
          )
          let sum = 0n
          for (const l of lines) {
            const signed = l.direction === 'credit' ? l.amount : -l.amount
            sum += signed
            if (l.account.kind === 'pro_balance') {
              const owner = l.account.ownerId!
              balance.set(owner, balance.get(owner)! + signed)
            } else revenue += signed
          }
          if (sum !== 0n) return false
          expected.set(performer, expected.get(performer)! - c.platformCommission - c.referrerFee)
          for (const f of c.referrerFees) {
            expected.set(f.referrerProfessionalId, expected.get(f.referrerProfessionalId)! + f.fee)
          }
        }
        const total = [...balance.values()].reduce((s, b) => s + b, 0n)
        return PROS.every((p) => balance.get(p) === expected.get(p)) && total === -revenue
      }),
      { numRuns: 10_000 },
    )
  })
})
