import { type Expression, type SqlBool, sql } from 'kysely'
import { AppError } from '../../kernel/errors.ts'
import { decodeCursor, encodeCursor } from '../../kernel/http/pagination.ts'
import { companyNames, visibleCandidateNames } from '../recruiting/index.ts'
import type { MatchingCaller } from './caller.ts'
import type { IntelligenceTx } from './database.ts'
import { recordDecision } from './decisions.ts'
import type { Reason } from './scoring/model.ts'

/**
 * Reviewing suggestions. A recruiter sees suggestions for the candidates they represent on open
 * roles they can see (shared with everyone or assigned to them); a hiring team sees suggestions for
 * its company's roles (a profile, not a name, until the recruiter submits); platform admins see all.
 * Only suggestions at or above the threshold reach anyone. Accepting pre-fills a submission the
 * recruiter still confirms; nothing is submitted here.
 */
export interface MatchFilters {
  role_id?: string | undefined
  candidate_id?: string | undefined
  status?: 'suggested' | 'accepted' | 'rejected' | 'all' | undefined
  min_score?: number | undefined
  starting_after?: string | undefined
  limit: number
}

/** Who may see which match (`m` = matches, `r` = role_profiles); the row-level policy says the same underneath. */
function visible(caller: MatchingCaller): Expression<SqlBool> | null {
  if (caller.isPlatformAdmin) return null
  const arms: Expression<SqlBool>[] = []
  if (caller.recruiterId) {
    arms.push(sql<SqlBool>`(m.recruiter_id = ${caller.recruiterId} and (m.status <> 'suggested' or (r.status = 'open'
      and (r.visibility = 'all' or ${caller.recruiterId}::uuid = any(r.assigned_recruiter_ids)))))`)
  }
  if (caller.teamCompanyIds.length)
    arms.push(sql<SqlBool>`m.company_id = any(${[...caller.teamCompanyIds]}::uuid[])`)
  return arms.length ? sql<SqlBool>`(${sql.join(arms, sql` or `)})` : sql<SqlBool>`false`
}

function base(tx: IntelligenceTx, caller: MatchingCaller, threshold: number) {
  let q = tx
    .selectFrom('intelligence.candidate_role_matches as m')
    .innerJoin('intelligence.role_profiles as r', 'r.role_id', 'm.role_id')
    .leftJoin('intelligence.candidate_profiles as c', 'c.candidate_id', 'm.candidate_id')
    .select([
      'm.id',
      'm.candidate_id',
      'm.role_id',
      'm.company_id',
      'm.recruiter_id',
      'm.recruiter_user_id',
      'm.score',
      'm.confidence',
      'm.reasons',
      'm.model_version',
      'm.status',
      'm.outcome',
      'm.decided_at',
      'm.decision_reason',
      'm.scored_at',
      'r.title as role_title',
      'r.function as role_function',
      'r.seniority as role_seniority',
      'r.location as role_location',
      'r.country as role_country',
      'r.work_mode as role_work_mode',
      'r.salary_min',
      'r.salary_max',
      'r.salary_currency',
      'r.status as role_status',
      'c.title as candidate_title',
      'c.seniority as candidate_seniority',
      'c.location as candidate_location',
      'c.country as candidate_country',
      'c.years_experience as candidate_years',
    ])
    .where('m.score', '>=', threshold)
  const rule = visible(caller)
  if (rule) q = q.where(rule)
  return q
}

type Row = Awaited<ReturnType<ReturnType<typeof base>['execute']>>[number]

export async function listMatches(
  tx: IntelligenceTx,
  caller: MatchingCaller,
  f: MatchFilters,
  threshold: number,
) {
  let q = base(tx, caller, Math.max(threshold, f.min_score ?? 0))
  const status = f.status ?? 'suggested'
  if (status !== 'all') q = q.where('m.status', '=', status)
  else q = q.where('m.status', '<>', 'expired')
  if (status === 'suggested') q = q.where('r.status', '=', 'open')
  if (f.role_id) q = q.where('m.role_id', '=', f.role_id)
  if (f.candidate_id) q = q.where('m.candidate_id', '=', f.candidate_id)
  if (f.starting_after) {
    const [score, id] = decodeCursor(f.starting_after, ['number', 'string'])
    q = q.where(sql<SqlBool>`(m.score, m.id) < (${score as number}, ${id as string}::uuid)`)
  }
  const rows = await q
    .orderBy('m.score', 'desc')
    .orderBy('m.id', 'desc')
    .limit(f.limit + 1)
    .execute()
  const page = rows.slice(0, f.limit)
  const last = page.at(-1)
  return {
    data: await present(tx, page),
    has_more: rows.length > f.limit,
    next_cursor: rows.length > f.limit && last ? encodeCursor([last.score, last.id]) : null,
  }
}

async function present(tx: IntelligenceTx, rows: Row[]) {
  const names = await visibleCandidateNames(
    tx,
    rows.map((r) => r.candidate_id),
  )
  const companies = await companyNames(
    tx,
    rows.map((r) => r.company_id),
  )
  return rows.map((r) => matchOut(r, names.get(r.candidate_id) ?? null, companies.get(r.company_id) ?? ''))
}

function matchOut(r: Row, candidateName: string | null, companyName: string) {
  return {
    id: r.id,
    score: r.score,
    confidence: r.confidence,
    status: r.status as 'suggested' | 'accepted' | 'rejected' | 'expired',
    outcome: r.outcome as 'accepted' | 'submitted' | 'interviewed' | 'hired' | 'rejected' | null,
    model_version: r.model_version,
    reasons: r.reasons as Reason[],
    decided_at: r.decided_at,
    decision_reason: r.decision_reason,
    scored_at: r.scored_at,
    role: {
      id: r.role_id,
      title: r.role_title,
      company_id: r.company_id,
      company_name: companyName,
      function: r.role_function,
      seniority: r.role_seniority,
      location: r.role_location,
      country: r.role_country,
      work_mode: r.role_work_mode,
      status: r.role_status,
      salary: { min: r.salary_min.toString(), max: r.salary_max.toString(), currency: r.salary_currency },
    },
    candidate: {
      id: r.candidate_id,
      name: candidateName,
      title: r.candidate_title,
      seniority: r.candidate_seniority,
      location: r.candidate_location,
      country: r.candidate_country,
      years_experience: r.candidate_years,
    },
    recruiter_id: r.recruiter_id,
  }
}

export type MatchOut = ReturnType<typeof matchOut>

/** One match the caller may see (404 otherwise). */
export async function getMatch(tx: IntelligenceTx, caller: MatchingCaller, id: string, threshold: number) {
  const row = await base(tx, caller, threshold).where('m.id', '=', id).executeTakeFirst()
  if (!row) throw new AppError('not_found', 'No such suggestion')
  return row
}

/**
 * A person decides on a suggestion. The candidate's recruiter, the role's hiring team, or a
 * platform admin (an override) may; anyone else gets 404. Deciding twice is a 409; concurrent
 * decisions are serialised by the conditional update (exactly one wins).
 */
export async function decideMatch(
  tx: IntelligenceTx,
  caller: MatchingCaller,
  id: string,
  decision: { kind: 'accepted' } | { kind: 'rejected'; reason: string },
  threshold: number,
  now: Date,
) {
  const seen = await getMatch(tx, caller, id, threshold)
  if (seen.status === 'accepted' || seen.status === 'rejected')
    throw new AppError('match_already_decided', `This suggestion was already ${seen.status}`)
  const reason = decision.kind === 'rejected' ? decision.reason.trim() : null
  const updated = await tx
    .updateTable('intelligence.candidate_role_matches')
    .set({
      status: decision.kind,
      outcome: decision.kind,
      decided_by: caller.userId,
      decided_at: now,
      decision_reason: reason,
      version: sql`version + 1`,
    })
    .where('id', '=', id)
    .where('status', '=', 'suggested')
    .where('score', '>=', threshold)
    .returning(['id', 'score', 'confidence', 'model_version', 'role_id', 'candidate_id'])
    .executeTakeFirst()
  if (!updated) {
    const now2 = await tx
      .selectFrom('intelligence.candidate_role_matches')
      .select('status')
      .where('id', '=', id)
      .executeTakeFirst()
    if (now2 && (now2.status === 'accepted' || now2.status === 'rejected'))
      throw new AppError('match_already_decided', `This suggestion was already ${now2.status}`)
    throw new AppError('match_not_suggested', 'This suggestion is no longer open')
  }
  const override =
    caller.isPlatformAdmin &&
    caller.recruiterId !== seen.recruiter_id &&
    !caller.teamCompanyIds.includes(seen.company_id)
  await recordDecision(tx, {
    kind: override ? 'override' : 'decision',
    subjectType: 'candidate_role_match',
    subjectId: id,
    matchId: id,
    modelVersion: updated.model_version,
    score: updated.score,
    confidence: updated.confidence,
    aiRecommendation: 'suggest',
    humanDecision: decision.kind,
    agrees: decision.kind === 'accepted',
    reason,
    actorRole: caller.role,
    at: now,
  })
  return seen
}

/** The submission an accepted suggestion pre-fills: the recruiter reviews it and submits it themselves. */
export function submissionPrefill(row: Row) {
  const reasons = (row.reasons as Reason[]).filter((r) => r.known && r.value >= 0.75).slice(0, 3)
  const why = reasons.map((r) => r.explanation).join('. ')
  return {
    role_id: row.role_id,
    candidate_id: row.candidate_id,
    note: `Suggested match (${row.score}/100).${why ? ` ${why}.` : ''}`.slice(0, 2000),
  }
}

export { matchOut as presentMatchRow }
export async function presentOne(tx: IntelligenceTx, row: Row) {
  return (await present(tx, [row]))[0]!
}
