/**
 * Plain logistic regression by gradient descent (no dependency), and the area under the ROC curve
 * to compare models on held-out outcomes. Features are factor values in [0, 1].
 */
export interface Example {
  x: readonly number[]
  y: 0 | 1
}

export function fitLogistic(
  examples: readonly Example[],
  opts: { iterations?: number; rate?: number; l2?: number } = {},
): { weights: number[]; bias: number } {
  const n = examples[0]?.x.length ?? 0
  const w = new Array<number>(n).fill(0)
  let b = 0
  const iterations = opts.iterations ?? 1500
  const rate = opts.rate ?? 0.5
  const l2 = opts.l2 ?? 0.001
  const m = examples.length || 1
  for (let it = 0; it < iterations; it++) {
    const gw = new Array<number>(n).fill(0)
    let gb = 0
    for (const e of examples) {
      let z = b
      for (let i = 0; i < n; i++) z += w[i]! * e.x[i]!
      const err = 1 / (1 + Math.exp(-z)) - e.y
      for (let i = 0; i < n; i++) gw[i]! += err * e.x[i]!
      gb += err
    }
    for (let i = 0; i < n; i++) w[i]! -= rate * (gw[i]! / m + l2 * w[i]!)
    b -= rate * (gb / m)
  }
  return { weights: w, bias: b }
}

/** AUC by ranks (ties count half): the chance a random positive scores above a random negative. */
export function auc(scored: readonly { score: number; y: 0 | 1 }[]): number | null {
  const pos = scored.filter((s) => s.y === 1).length
  const neg = scored.length - pos
  if (pos === 0 || neg === 0) return null
  const sorted = [...scored].sort((a, b) => a.score - b.score)
  let rankSum = 0
  for (let i = 0; i < sorted.length; ) {
    let j = i
    while (j < sorted.length && sorted[j]!.score === sorted[i]!.score) j++
    const avgRank = (i + 1 + j) / 2
    for (let k = i; k < j; k++) if (sorted[k]!.y === 1) rankSum += avgRank
    i = j
  }
  return (rankSum - (pos * (pos + 1)) / 2) / (pos * neg)
}

/** Non-negative weights as whole points summing to 100 (largest remainder; ties by position). */
export function toPoints(raw: readonly number[]): number[] | null {
  const clipped = raw.map((w) => Math.max(0, w))
  const total = clipped.reduce((s, w) => s + w, 0)
  if (total <= 0) return null
  const exact = clipped.map((w) => (w * 100) / total)
  const points = exact.map(Math.floor)
  let left = 100 - points.reduce((s, p) => s + p, 0)
  const order = exact
    .map((e, i) => ({ i, frac: e - Math.floor(e) }))
    .sort((a, b) => b.frac - a.frac || a.i - b.i)
  for (const { i } of order) {
    if (left <= 0) break
    points[i]! += 1
    left--
  }
  return points
}
