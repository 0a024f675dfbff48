/** Pure calculations of marketplace health: days, rates, z-scores, period changes, deal risk. */

const DAY_MS = 86_400_000

/** 'YYYY-MM-DD' of a UTC instant. */
export const dayOf = (d: Date): string => d.toISOString().slice(0, 10)

/** The day `n` days after `day` (negative: before). */
export const addDays = (day: string, n: number): string =>
  dayOf(new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS))

/** Days from `from` to `to` inclusive, in order. */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = []
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d)
  return out
}

/** Whole-day count of [from, to] inclusive. */
export const dayCount = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1

/** part/whole in basis points (0–10000), null when there is no whole. */
export function bps(part: number, whole: number): number | null {
  if (whole <= 0) return null
  return Math.round((Math.min(part, whole) * 10_000) / whole)
}

/** Change from `previous` to `current` as a fraction (null when the previous is 0). */
export function change(current: number, previous: number): number | null {
  if (previous === 0) return current === 0 ? 0 : null
  return (current - previous) / previous
}

/** Mean and (population) standard deviation. */
export function meanStd(xs: readonly number[]): { mean: number; std: number } {
  if (xs.length === 0) return { mean: 0, std: 0 }
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length
  const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length
  return { mean, std: Math.sqrt(variance) }
}

/**
 * The z-score of `value` against a trailing window (at least 14 points, else null); a flat window
 * gives 0 for the same value and null otherwise (no scale to measure by).
 */
export function zScore(value: number, window: readonly number[]): number | null {
  if (window.length < 14) return null
  const { mean, std } = meanStd(window)
  if (std === 0) return value === mean ? 0 : null
  return (value - mean) / std
}

/** What the risk score weighs for one deal. */
export interface RiskInput {
  kind: 'placement' | 'application'
  stage: string
  days_in_stage: number
  stage_norm_days: number
  company_responded: boolean
  interviews_without_feedback: number
  guarantee_days_left: number | null
  recruiter_placements: number
  recruiter_fall_offs: number
}

export interface RiskFactor {
  factor:
    | 'stalled_stage'
    | 'no_company_response'
    | 'interview_without_feedback'
    | 'guarantee_ending'
    | 'recruiter_fall_offs'
  points: number
  /** What the points are for, with the numbers (the UI phrases it). */
  detail: Record<string, number>
}

/** Maximum points per factor (they add up to 100). */
export const RISK_WEIGHTS = {
  stalled_stage: 35,
  no_company_response: 20,
  interview_without_feedback: 15,
  guarantee_ending: 15,
  recruiter_fall_offs: 15,
} as const

/**
 * A deal's risk, 0–100, factor by factor:
 *  - stalled_stage: days in the stage beyond its norm, 0 at the norm, full at three times it;
 *  - no_company_response: an application the company never moved out of `submitted` after the norm;
 *  - interview_without_feedback: completed interviews with no feedback (full at two);
 *  - guarantee_ending: a placement within 30 days of the guarantee's end, weighed by the other
 *    signals (a quiet placement ending its guarantee is not at risk);
 *  - recruiter_fall_offs: the recruiter's share of placements that fell off (needs 2+ placements).
 */
export function riskScore(input: RiskInput): { score: number; factors: RiskFactor[] } {
  const factors: RiskFactor[] = []
  const norm = Math.max(1, input.stage_norm_days)
  const over = Math.max(0, input.days_in_stage - norm)
  if (input.kind === 'application' && over > 0) {
    const points = Math.round(RISK_WEIGHTS.stalled_stage * Math.min(1, over / (2 * norm)))
    if (points > 0)
      factors.push({ factor: 'stalled_stage', points, detail: { days: input.days_in_stage, norm } })
  }
  if (
    input.kind === 'application' &&
    input.stage === 'submitted' &&
    !input.company_responded &&
    input.days_in_stage > norm
  )
    factors.push({
      factor: 'no_company_response',
      points: RISK_WEIGHTS.no_company_response,
      detail: { days: input.days_in_stage },
    })
  if (input.interviews_without_feedback > 0) {
    const points = Math.round(
      RISK_WEIGHTS.interview_without_feedback * Math.min(1, input.interviews_without_feedback / 2),
    )
    factors.push({
      factor: 'interview_without_feedback',
      points,
      detail: { interviews: input.interviews_without_feedback },
    })
  }
  const feeRisk =
    input.recruiter_placements >= 2 ? Math.min(1, input.recruiter_fall_offs / input.recruiter_placements) : 0
  if (feeRisk > 0) {
    const points = Math.round(RISK_WEIGHTS.recruiter_fall_offs * feeRisk)
    if (points > 0)
      factors.push({
        factor: 'recruiter_fall_offs',
        points,
        detail: { fall_offs: input.recruiter_fall_offs, placements: input.recruiter_placements },
      })
  }
  if (input.kind === 'placement' && input.guarantee_days_left !== null && input.guarantee_days_left <= 30) {
    const signals = factors.length > 0 ? 1 : 0.4
    const points = Math.round(
      RISK_WEIGHTS.guarantee_ending * signals * (1 - Math.max(0, input.guarantee_days_left) / 31),
    )
    if (points > 0)
      factors.push({ factor: 'guarantee_ending', points, detail: { days_left: input.guarantee_days_left } })
  }
  const score = Math.max(
    0,
    Math.min(
      100,
      factors.reduce((s, f) => s + f.points, 0),
    ),
  )
  return { score, factors: factors.sort((a, b) => b.points - a.points) }
}
