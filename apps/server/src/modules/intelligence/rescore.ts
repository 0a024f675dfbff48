import { sql } from 'kysely'
import { submittedPairs } from '../recruiting/index.ts'
import type { IntelligenceTx } from './database.ts'
import { type DecisionRecord, recordDecision } from './decisions.ts'
import { type ActiveModel, activeModel } from './models.ts'
import { type MatchScore, type PlacedSkills, scoreMatch } from './scoring/model.ts'
import { SENIORITY_ORDER } from './scoring/profiles.ts'
import {
  loadPlacedSkills,
  type StoredCandidate,
  type StoredRole,
  storedCandidate,
  storedRole,
} from './store.ts'

/**
 * Incremental scoring. A change to one role re-scores that role against the candidates an index
 * proposes (sharing a skill or a related skill, by GIN on canonical skill ids; by function when
 * the role names no skill); a change to one candidate re-scores them against open roles the same
 * way. Never all pairs. The best few above a floor are kept per role and per candidate; only those
 * at or above the threshold reach people.
 */
export const CANDIDATE_POOL = 400
export const KEEP_PER_ROLE = 50
export const KEEP_PER_CANDIDATE = 20
export const FLOOR = 40

export interface RescoreOptions {
  threshold: number
  now: Date
  /** Loaded once by batch callers (the seed). */
  model?: ActiveModel
  placed?: PlacedSkills
}

export interface RescoreResult {
  scored: number
  kept: number
  suggested: number
  removed: number
}

const none: RescoreResult = { scored: 0, kept: 0, suggested: 0, removed: 0 }

/** Re-scores one role (after its profile was refreshed). A role that is not open keeps no open suggestion. */
export async function rescoreRole(
  tx: IntelligenceTx,
  roleId: string,
  opts: RescoreOptions,
): Promise<RescoreResult> {
  const row = await tx
    .selectFrom('intelligence.role_profiles')
    .selectAll()
    .where('role_id', '=', roleId)
    .executeTakeFirst()
  if (!row) return none
  const role = storedRole(row)
  if (role.status !== 'open') {
    const gone = await tx
      .updateTable('intelligence.candidate_role_matches')
      .set({ status: 'expired' })
      .where('role_id', '=', roleId)
      .where('status', '=', 'suggested')
      .executeTakeFirst()
    return { ...none, removed: Number(gone.numUpdatedRows) }
  }
  const pool = await candidatesFor(tx, role)
  const model = opts.model ?? (await activeModel(tx))
  const placed = opts.placed ?? (await loadPlacedSkills(tx))
  const scored = pool
    .map((cand) => ({ role, cand, result: scoreMatch(role, cand, placed, model.weights) }))
    .filter((s) => s.result.score >= FLOOR)
    .sort((a, b) => b.result.score - a.result.score || a.cand.candidateId.localeCompare(b.cand.candidateId))
  const kept = (await withoutSubmitted(tx, scored)).slice(0, KEEP_PER_ROLE)
  return { scored: pool.length, ...(await keep(tx, { roleId }, kept, model, opts)) }
}

/** Re-scores one candidate (after their profile was refreshed) against open roles. */
export async function rescoreCandidate(
  tx: IntelligenceTx,
  candidateId: string,
  opts: RescoreOptions,
): Promise<RescoreResult> {
  const row = await tx
    .selectFrom('intelligence.candidate_profiles')
    .selectAll()
    .where('candidate_id', '=', candidateId)
    .executeTakeFirst()
  if (!row) return none
  const cand = storedCandidate(row)
  const roles = await rolesFor(tx, cand)
  const model = opts.model ?? (await activeModel(tx))
  const placed = opts.placed ?? (await loadPlacedSkills(tx))
  const scored = roles
    .map((role) => ({ role, cand, result: scoreMatch(role, cand, placed, model.weights) }))
    .filter((s) => s.result.score >= FLOOR)
    .sort((a, b) => b.result.score - a.result.score || a.role.roleId.localeCompare(b.role.roleId))
  const kept = (await withoutSubmitted(tx, scored)).slice(0, KEEP_PER_CANDIDATE)
  return { scored: roles.length, ...(await keep(tx, { candidateId }, kept, model, opts)) }
}

/**
 * Index-driven candidate generation: for each pair of the given skills, up to PER_PROBE rows
 * holding both (a GIN containment probe), then for each single skill; rows found by a pair come
 * first. Never all pairs, never a scan of the table: the cost is a few GIN probes whatever its size.
 * Rows with only related skills are not proposed here (they score when their own side changes).
 */
const PER_PROBE = 80

function probes(ids: readonly string[], singles: boolean): { a: string[]; b: string[]; prio: number[] } {
  const skills = ids.slice(0, 6)
  const a: string[] = []
  const b: string[] = []
  const prio: number[] = []
  for (let i = 0; i < skills.length; i++)
    for (let j = i + 1; j < skills.length; j++) {
      a.push(skills[i]!)
      b.push(skills[j]!)
      prio.push(1)
    }
  // single skills read long posting lists (most of the cost at 1M rows); pairs rank first
  if (singles || skills.length === 1)
    for (const s of skills) {
      a.push(s)
      b.push(s)
      prio.push(2)
    }
  return { a, b, prio }
}

/**
 * A role's candidates are pre-ranked in SQL over the inverted skill table: for each of the role's
 * skills, each acceptable seniority (the role's, one level either side, unknown) and function (the
 * role's, unknown), the newest PER_SLICE candidates by a btree range (never a whole posting list),
 * counted by how many of the role's skills they hold; only the best ROLE_POOL by that overlap are
 * loaded and scored in JavaScript.
 */
export const PER_SLICE = 1000
export const ROLE_POOL = 3000

function senioritiesNear(level: string | null): string[] {
  const i = SENIORITY_ORDER.indexOf(level as (typeof SENIORITY_ORDER)[number])
  if (i < 0) return [...SENIORITY_ORDER, '']
  return [SENIORITY_ORDER[i - 1], SENIORITY_ORDER[i], SENIORITY_ORDER[i + 1], ''].filter(
    (x): x is string => x !== undefined,
  )
}

/** The candidates worth scoring for a role (most of its skills first, in its function and near its level). */
export async function candidatesFor(tx: IntelligenceTx, role: StoredRole): Promise<StoredCandidate[]> {
  if (role.skillIds.length === 0) {
    const rows = await tx
      .selectFrom('intelligence.candidate_profiles as c')
      .selectAll('c')
      .where('c.function', '=', role.function)
      .limit(CANDIDATE_POOL)
      .execute()
    return rows.map(storedCandidate)
  }
  const skills = role.skillIds.filter((s) => !s.startsWith('raw:')).slice(0, 12)
  const rows = (
    await sql<Parameters<typeof storedCandidate>[0]>`
    with pre as (
      select k.candidate_id, count(*) as overlap
        from unnest(${skills}::text[]) s(id)
       cross join unnest(${[role.function ?? '', '']}::text[]) f(fn)
       cross join unnest(${senioritiesNear(role.seniority)}::text[]) l(sen)
       cross join lateral (select i.candidate_id from intelligence.candidate_skill_index i
                            where i.skill_id = s.id and i.function = f.fn and i.seniority = l.sen
                            order by i.candidate_id desc limit ${PER_SLICE}) k
       group by k.candidate_id
       order by count(*) desc, k.candidate_id desc
       limit ${ROLE_POOL})
    select c.* from pre join intelligence.candidate_profiles c on c.candidate_id = pre.candidate_id
     order by pre.overlap desc, c.candidate_id desc`.execute(tx)
  ).rows
  return rows.map(storedCandidate)
}

/** The open roles worth scoring for a candidate (sharing two of their skills first, then one; else their function). */
export async function rolesFor(tx: IntelligenceTx, cand: StoredCandidate): Promise<StoredRole[]> {
  if (cand.skillIds.length === 0) {
    if (!cand.function) return []
    const rows = await tx
      .selectFrom('intelligence.role_profiles as r')
      .selectAll('r')
      .where('r.status', '=', 'open')
      .where('r.function', '=', cand.function)
      .limit(CANDIDATE_POOL)
      .execute()
    return rows.map(storedRole)
  }
  const run = async (singles: boolean) => {
    const p = probes(cand.skillIds, singles)
    return (
      await sql<Parameters<typeof storedRole>[0]>`
    select x.* from (
      select distinct on (r.role_id) r.*, q.prio
        from unnest(${p.a}::text[], ${p.b}::text[], ${p.prio}::int[]) as q(a, b, prio)
        cross join lateral (select * from intelligence.role_profiles r
                             where r.status = 'open' and r.skill_ids @> array[q.a, q.b] limit ${PER_PROBE}) r
       order by r.role_id, q.prio) x
     order by x.prio, x.role_id
     limit ${CANDIDATE_POOL}`.execute(tx)
    ).rows
  }
  const rows = await run(true)
  return rows.map(storedRole)
}

/**
 * A candidate already submitted to a role (any stage, by any recruiter) is never suggested for it:
 * dropped before the top-N cut, so the list still holds the best N that can be acted on.
 */
async function withoutSubmitted<T extends Scored>(tx: IntelligenceTx, scored: readonly T[]): Promise<T[]> {
  const done = await submittedPairs(
    tx,
    scored.map((s) => ({ candidateId: s.cand.candidateId, roleId: s.role.roleId })),
  )
  return done.size ? scored.filter((s) => !done.has(`${s.cand.candidateId}:${s.role.roleId}`)) : [...scored]
}

interface Scored {
  role: StoredRole
  cand: StoredCandidate
  result: MatchScore
}

/**
 * Writes the kept scores of one role's or candidate's list: new pairs inserted, open suggestions
 * updated (a decided one keeps the score it was decided on), open suggestions no longer kept
 * removed. A suggestion that newly reaches the threshold is written to the decision log with its
 * factors, model version and confidence.
 */
async function keep(
  tx: IntelligenceTx,
  scope: { roleId: string } | { candidateId: string },
  scored: readonly Scored[],
  model: ActiveModel,
  opts: RescoreOptions,
): Promise<Omit<RescoreResult, 'scored'>> {
  const mine = tx
    .selectFrom('intelligence.candidate_role_matches')
    .select(['candidate_id', 'role_id', 'score', 'status'])
    .where(
      'roleId' in scope ? 'role_id' : 'candidate_id',
      '=',
      'roleId' in scope ? scope.roleId : scope.candidateId,
    )
  const before = new Map((await mine.execute()).map((m) => [`${m.candidate_id}:${m.role_id}`, m]))
  let written: { id: string; candidate_id: string; role_id: string; score: number }[] = []
  if (scored.length) {
    written = await tx
      .insertInto('intelligence.candidate_role_matches')
      .values(
        scored.map((s) => ({
          candidate_id: s.cand.candidateId,
          role_id: s.role.roleId,
          company_id: s.role.companyId,
          company_org_id: s.role.companyOrgId,
          recruiter_id: s.cand.recruiterId,
          recruiter_user_id: s.cand.recruiterUserId,
          score: s.result.score,
          confidence: s.result.confidence,
          reasons: JSON.stringify(s.result.reasons),
          model_version: model.version,
          scored_at: opts.now,
          created_at: opts.now,
        })),
      )
      .onConflict((oc) =>
        oc
          .columns(['candidate_id', 'role_id'])
          .doUpdateSet((eb) => ({
            score: eb.ref('excluded.score'),
            confidence: eb.ref('excluded.confidence'),
            reasons: eb.ref('excluded.reasons'),
            model_version: eb.ref('excluded.model_version'),
            scored_at: eb.ref('excluded.scored_at'),
            company_id: eb.ref('excluded.company_id'),
            company_org_id: eb.ref('excluded.company_org_id'),
            recruiter_id: eb.ref('excluded.recruiter_id'),
            recruiter_user_id: eb.ref('excluded.recruiter_user_id'),
            // an expired suggestion whose role reopened is open again
            status: sql`'suggested'`,
          }))
          .where('intelligence.candidate_role_matches.status', 'in', ['suggested', 'expired']),
      )
      .returning(['id', 'candidate_id', 'role_id', 'score'])
      .execute()
  }
  const keptKeys = new Set(scored.map((s) => `${s.cand.candidateId}:${s.role.roleId}`))
  const stale = [...before.entries()]
    .filter(([key, m]) => m.status === 'suggested' && !keptKeys.has(key))
    .map(([, m]) => m)
  let removed = 0
  if (stale.length) {
    const del = await tx
      .deleteFrom('intelligence.candidate_role_matches')
      .where('status', '=', 'suggested')
      .where(
        sql<boolean>`(candidate_id, role_id) in (${sql.join(
          stale.map((m) => sql`(${m.candidate_id}::uuid, ${m.role_id}::uuid)`),
        )})`,
      )
      .executeTakeFirst()
    removed = Number(del.numDeletedRows)
  }
  const byKey = new Map(scored.map((s) => [`${s.cand.candidateId}:${s.role.roleId}`, s]))
  const logs: DecisionRecord[] = []
  for (const w of written) {
    if (w.score < opts.threshold) continue
    const key = `${w.candidate_id}:${w.role_id}`
    const was = before.get(key)
    if (was && was.status === 'suggested' && was.score >= opts.threshold) continue
    const s = byKey.get(key)!
    logs.push({
      kind: 'suggestion',
      subjectType: 'candidate_role_match',
      subjectId: w.id,
      matchId: w.id,
      modelVersion: model.version,
      score: w.score,
      confidence: s.result.confidence,
      factors: s.result.reasons.map((r) => ({
        factor: r.factor,
        value: r.value,
        points: r.points,
        known: r.known,
      })),
      aiRecommendation: 'suggest',
      at: opts.now,
    })
  }
  await recordDecision(tx, logs)
  return { kept: written.length, suggested: logs.length, removed }
}
