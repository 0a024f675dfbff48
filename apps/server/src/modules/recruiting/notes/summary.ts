import { RECOMMENDATIONS, type Recommendation } from './kinds.ts'

export interface FeedbackForSummary {
  recommendation: Recommendation
  ratings: readonly { criterion_key: string; criterion_name: string; weight: number; rating: number }[]
}

export interface CriterionSummary {
  key: string
  name: string
  weight: number
  /** How many feedbacks rated it. */
  count: number
  /** Mean rating (1–4), to two decimals; null when nobody rated it. */
  average: number | null
}

export interface ScorecardSummary {
  feedback_count: number
  recommendations: Record<Recommendation, number>
  criteria: CriterionSummary[]
  /** Every rating weighted by its criterion's weight (as rated), to two decimals. */
  weighted_average: number | null
}

const twoDecimals = (numerator: number, denominator: number) =>
  Math.round((numerator * 100) / denominator) / 100

/**
 * The summary of an application's interview feedback: per criterion the mean rating, the count of
 * each recommendation, and the weighted mean over every rating. Sums are integers (ratings 1–4,
 * weights 1–5), divided once at the end. Criteria come in the scorecard's order, then any no longer
 * on it (rated under an older version) in the order first seen.
 */
export function summarizeFeedback(
  feedback: readonly FeedbackForSummary[],
  scorecard: readonly { key: string; name: string; weight: number }[] = [],
): ScorecardSummary {
  const recommendations = Object.fromEntries(RECOMMENDATIONS.map((r) => [r, 0])) as Record<
    Recommendation,
    number
  >
  const byKey = new Map<string, { name: string; weight: number; sum: number; count: number }>()
  for (const c of scorecard) byKey.set(c.key, { name: c.name, weight: c.weight, sum: 0, count: 0 })
  let weightedSum = 0
  let weights = 0
  for (const f of feedback) {
    recommendations[f.recommendation] += 1
    for (const r of f.ratings) {
      const entry = byKey.get(r.criterion_key) ?? {
        name: r.criterion_name,
        weight: r.weight,
        sum: 0,
        count: 0,
      }
      entry.sum += r.rating
      entry.count += 1
      byKey.set(r.criterion_key, entry)
      weightedSum += r.rating * r.weight
      weights += r.weight
    }
  }
  return {
    feedback_count: feedback.length,
    recommendations,
    criteria: [...byKey].map(([key, c]) => ({
      key,
      name: c.name,
      weight: c.weight,
      count: c.count,
      average: c.count ? twoDecimals(c.sum, c.count) : null,
    })),
    weighted_average: weights ? twoDecimals(weightedSum, weights) : null,
  }
}
