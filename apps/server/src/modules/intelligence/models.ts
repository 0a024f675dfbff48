import type { IntelligenceTx } from './database.ts'
import { DEFAULT_WEIGHTS, FACTORS, type Weights } from './scoring/model.ts'

export interface ActiveModel {
  version: number
  weights: Weights
}

/** The model every new score uses (migration 0080 installs version 1). */
export async function activeModel(tx: IntelligenceTx): Promise<ActiveModel> {
  const row = await tx
    .selectFrom('intelligence.model_versions')
    .select(['version', 'weights'])
    .where('status', '=', 'active')
    .executeTakeFirst()
  if (!row) return { version: 1, weights: DEFAULT_WEIGHTS }
  const raw = row.weights as Partial<Record<string, number>>
  const weights = Object.fromEntries(FACTORS.map((f) => [f, Number(raw[f] ?? 0)])) as Weights
  return { version: row.version, weights }
}
