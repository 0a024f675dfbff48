import type { Statement } from '../billing/billing-api'

/** The parts of a stored statement's `inputs` and `figures` the screens show, read defensively. */
export interface StatementView {
  baseSalary: { amount: string; currency: string } | null
  splits: { fee_role: string; recruiter_id: string; share_bps: number }[]
  planTier: string | null
  premium: { designation: string; recruiter_bonus_bps: number } | null
  contractId: string | null
  figures: {
    feeBasis: 'rate' | 'flat' | null
    roleRateBps: number | null
    contractRateBps: number | null
    /** The rate the company pays (premium included), possibly with decimals of a basis point. */
    rateBps: string | null
    grossFee: string | null
    volumeDiscount: string | null
    volumeDiscountBps: number | null
    standardFee: string | null
    premiumUplift: string | null
    platformTakeBps: number | null
  }
}

const obj = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {}
const str = (v: unknown): string | null =>
  typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null)

export function statementView(s: Statement): StatementView {
  const inputs = obj(s.inputs)
  const figures = obj(s.figures)
  const salary = obj(inputs.base_salary)
  const premium = obj(inputs.premium)
  const contract = inputs.contract ? obj(inputs.contract) : null
  const designation = str(premium.designation)
  return {
    baseSalary:
      str(salary.amount) && str(salary.currency)
        ? { amount: str(salary.amount)!, currency: str(salary.currency)! }
        : null,
    splits: Array.isArray(inputs.splits)
      ? inputs.splits.map(obj).map((x) => ({
          fee_role: str(x.fee_role) ?? '',
          recruiter_id: str(x.recruiter_id) ?? '',
          share_bps: num(x.share_bps) ?? 0,
        }))
      : [],
    planTier: str(inputs.recruiter_plan_tier),
    premium:
      designation && designation !== 'none'
        ? { designation, recruiter_bonus_bps: num(premium.recruiter_bonus_bps) ?? 0 }
        : null,
    contractId: contract ? str(contract.contract_id) : null,
    figures: {
      feeBasis: figures.fee_basis === 'flat' ? 'flat' : figures.fee_basis === 'rate' ? 'rate' : null,
      roleRateBps: num(figures.role_fee_rate_bps),
      contractRateBps: num(figures.contract_fee_rate_bps),
      rateBps: str(figures.premium_fee_rate_bps) ?? str(figures.base_fee_rate_bps),
      grossFee: str(figures.gross_fee),
      volumeDiscount: str(figures.volume_discount),
      volumeDiscountBps: num(figures.volume_discount_bps),
      standardFee: str(figures.standard_fee),
      premiumUplift: str(figures.premium_uplift),
      platformTakeBps: num(figures.platform_take_bps),
    },
  }
}

/** Whether the statement was computed for exactly this split (same roles, people and shares). */
export function statementMatchesSplits(
  view: StatementView,
  splits: readonly { fee_role: string; recruiter_id: string; share_bps: number }[],
): boolean {
  const key = (s: { fee_role: string; recruiter_id: string; share_bps: number }) =>
    `${s.fee_role}:${s.recruiter_id}:${s.share_bps}`
  return view.splits.map(key).sort().join() === splits.map(key).sort().join()
}
