import { allocateBps, WHOLE_BPS } from '@app/money'

/**
 * The commission engine (seed 004, Business Rules & Commission Model), pure: from a completed
 * job's final amount and the terms fixed on its lead, the platform's commission, each referral
 * level's fee and the performer's net. A consumer lead: the platform takes its rate (10%), the
 * performer the rest. A professional referral lead: the platform takes its rate (5%), every level
 * of the referral chain its recorded share of the final amount, the performer the rest. A
 * performer with an active subscription pays the configured reduced rate (never more than the
 * lead's). The parts are one allocation of the final amount (largest remainder), so they add up
 * to it exactly and each is its exact share rounded down or up by at most one agora.
 */
export const COMMISSION_RULE_VERSION = 'ofair-commission-2026-12'

export interface ChainLevel {
  level: number
  referrerProfessionalId: string
  /** null when the uploader earns the lead's share without a referral row (the performer came from the board). */
  referralId: string | null
  shareBps: number
}

export interface CommissionInput {
  leadType: 'consumer' | 'professional_referral'
  finalAmount: bigint
  /** The platform's rate fixed on the lead when it was published. */
  leadCommissionBps: number
  minimumJobAmount: bigint
  /** The chain from the uploader (level 1) down to the level that brought the job to the performer. */
  chain: readonly ChainLevel[]
  /** The reduced rate when the performer has an active subscription; null otherwise. */
  subscriberCommissionBps: number | null
  ruleVersion?: string
}

export interface ReferrerFee extends ChainLevel {
  fee: bigint
}

export interface Commission {
  finalAmount: bigint
  platformCommissionBps: number
  platformCommission: bigint
  referrerShareBps: number
  referrerFees: ReferrerFee[]
  referrerFee: bigint
  performerNet: bigint
  subscriberRate: boolean
  ruleVersion: string
}

export type CommissionRefusal = 'final_amount_below_minimum' | 'performer_part_negative' | 'invalid_terms'

export class CommissionError extends Error {
  readonly code: CommissionRefusal
  constructor(code: CommissionRefusal, message: string) {
    super(message)
    this.code = code
    this.name = 'CommissionError'
  }
}

const isBps = (n: number) => Number.isInteger(n) && n >= 0 && n <= WHOLE_BPS

export function computeCommission(input: CommissionInput): Commission {
  const { finalAmount, chain } = input
  if (typeof finalAmount !== 'bigint' || finalAmount <= 0n) {
    throw new CommissionError('invalid_terms', 'The final amount must be a positive number of agorot')
  }
  if (finalAmount < input.minimumJobAmount) {
    throw new CommissionError(
      'final_amount_below_minimum',
      `The final amount ${finalAmount} is below the minimum job amount ${input.minimumJobAmount}`,
    )
  }
  if (!isBps(input.leadCommissionBps)) throw new CommissionError('invalid_terms', 'Bad commission rate')
  if (input.subscriberCommissionBps !== null && !isBps(input.subscriberCommissionBps)) {
    throw new CommissionError('invalid_terms', 'Bad subscriber rate')
  }
  if (input.leadType === 'consumer' && chain.length > 0) {
    throw new CommissionError('invalid_terms', 'A consumer lead has no referral chain')
  }
  chain.forEach((c, i) => {
    if (!isBps(c.shareBps)) throw new CommissionError('invalid_terms', `Bad share at level ${c.level}`)
    if (c.level !== i + 1) throw new CommissionError('invalid_terms', 'The chain levels must be 1, 2, …')
  })
  const subscriberRate =
    input.subscriberCommissionBps !== null && input.subscriberCommissionBps < input.leadCommissionBps
  const platformBps = subscriberRate ? (input.subscriberCommissionBps as number) : input.leadCommissionBps
  const chainBps = chain.reduce((s, c) => s + c.shareBps, 0)
  const performerBps = WHOLE_BPS - platformBps - chainBps
  if (performerBps < 0) {
    throw new CommissionError(
      'performer_part_negative',
      `The commission (${platformBps / 100}%) and the referral shares (${chainBps / 100}%) exceed the whole job`,
    )
  }
  const [platform, ...rest] = allocateBps(finalAmount, [
    platformBps,
    ...chain.map((c) => c.shareBps),
    performerBps,
  ])
  const performerNet = rest.pop() as bigint
  const referrerFees = chain.map((c, i) => ({ ...c, fee: rest[i] as bigint }))
  return {
    finalAmount,
    platformCommissionBps: platformBps,
    platformCommission: platform as bigint,
    referrerShareBps: chainBps,
    referrerFees,
    referrerFee: referrerFees.reduce((s, f) => s + f.fee, 0n),
    performerNet,
    subscriberRate,
    ruleVersion: input.ruleVersion ?? COMMISSION_RULE_VERSION,
  }
}
