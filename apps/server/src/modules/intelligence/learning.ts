import { sql } from 'kysely'
import { AppError } from '../../kernel/errors.ts'
import type { IntelligenceTx } from './database.ts'
import { recordDecision } from './decisions.ts'
import { activeModel } from './models.ts'
import { auc, type Example, fitLogistic, toPoints } from './scoring/logistic.ts'
import { FACTORS, type Reason, type Weights } from './scoring/model.ts'

/**
 * Learning from outcomes. Decided suggestions (accepted, submitted, interviewed, hired = 1;
 * rejected = 0) train a logistic regression on the factor values; its weights, clipped at zero and
 * scaled to points out of 100, are a candidate model. Every fifth outcome (by id) is held out; the
 * candidate replaces the active model only if its AUC there is higher. Every version is kept, with
 * its weights and metrics, and the refit is written to the decision log.
 */
export const MIN_OUTCOMES = 20

export async function refitModel(tx: IntelligenceTx, now: Date, actorRole: string) {
  // one refit at a time
  await sql`select pg_advisory_xact_lock(727081)`.execute(tx)
  const rows = await tx
    .selectFrom('intelligence.candidate_role_matches')
    .select(['id', 'reasons', 'outcome'])
    .where('outcome', 'is not', null)
    .orderBy('id')
    .execute()
  const examples = rows.map((r, i) => {
    const reasons = r.reasons as Reason[]
    const x = FACTORS.map((f) => reasons.find((x) => x.factor === f)?.value ?? 0.5)
    return { i, x, y: (r.outcome === 'rejected' ? 0 : 1) as 0 | 1 }
  })
  const positives = examples.filter((e) => e.y === 1).length
  if (examples.length < MIN_OUTCOMES || positives === 0 || positives === examples.length)
    throw new AppError(
      'not_enough_outcomes',
      `A refit needs at least ${MIN_OUTCOMES} decided suggestions with both accepted and rejected ones (have ${examples.length}, ${positives} positive)`,
    )
  const train: Example[] = examples.filter((e) => e.i % 5 !== 4)
  const held = examples.filter((e) => e.i % 5 === 4)
  const fit = fitLogistic(train)
  const points = toPoints(fit.weights)
  const current = await activeModel(tx)
  const linear = (w: Weights | Record<string, number>, x: readonly number[]) =>
    FACTORS.reduce((s, f, i) => s + (w[f] ?? 0) * x[i]!, 0)
  const proposed = points ? (Object.fromEntries(FACTORS.map((f, i) => [f, points[i]!])) as Weights) : null
  const currentAuc = auc(held.map((e) => ({ score: linear(current.weights, e.x), y: e.y })))
  const newAuc = proposed ? auc(held.map((e) => ({ score: linear(proposed, e.x), y: e.y }))) : null
  const promote = proposed !== null && newAuc !== null && (currentAuc === null || newAuc > currentAuc)
  const next =
    ((
      await tx
        .selectFrom('intelligence.model_versions')
        .select(sql<number>`max(version)`.as('v'))
        .executeTakeFirst()
    )?.v ?? 0) + 1
  if (promote) {
    await tx
      .updateTable('intelligence.model_versions')
      .set({ status: 'retired' })
      .where('status', '=', 'active')
      .execute()
  }
  const metrics = {
    held_out: held.length,
    auc: newAuc === null ? null : Math.round(newAuc * 1000) / 1000,
    previous_version: current.version,
    previous_auc: currentAuc === null ? null : Math.round(currentAuc * 1000) / 1000,
    logistic: {
      bias: round(fit.bias),
      coefficients: Object.fromEntries(FACTORS.map((f, i) => [f, round(fit.weights[i]!)])),
    },
  }
  const row = await tx
    .insertInto('intelligence.model_versions')
    .values({
      version: next,
      weights: JSON.stringify(proposed ?? current.weights),
      status: promote ? 'active' : 'rejected',
      metrics: JSON.stringify(metrics),
      trained_on: train.length,
      notes: promote
        ? `Promoted: held-out AUC ${metrics.auc} beats version ${current.version}'s ${metrics.previous_auc}`
        : `Kept version ${current.version}: held-out AUC ${metrics.auc} does not beat ${metrics.previous_auc}`,
      created_at: now,
      promoted_at: promote ? now : null,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  await recordDecision(tx, {
    kind: 'model',
    subjectType: 'model_version',
    subjectId: String(next),
    modelVersion: next,
    factors: { weights: proposed, metrics },
    aiRecommendation: promote ? 'promote' : 'keep',
    reason: row.notes,
    actorRole,
    at: now,
  })
  return row
}

const round = (x: number) => Math.round(x * 1000) / 1000

export async function listModels(tx: IntelligenceTx) {
  return tx.selectFrom('intelligence.model_versions').selectAll().orderBy('version', 'desc').execute()
}
