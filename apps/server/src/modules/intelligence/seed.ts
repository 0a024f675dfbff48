import { createHash } from 'node:crypto'
import { sql } from 'kysely'
import { inTransaction, systemActor } from '../../kernel/db/transaction.ts'
import type { SeedStep } from '../../kernel/module.ts'
import { submittedPairs } from '../recruiting/index.ts'
import type { IntelligenceDatabase, IntelligenceTx } from './database.ts'
import { type DecisionRecord, recordDecision } from './decisions.ts'
import { activeModel } from './models.ts'
import { type MatchScore, scoreMatch } from './scoring/model.ts'
import {
  loadPlacedSkills,
  refreshCandidates,
  refreshPlacedSkills,
  refreshRoles,
  type StoredRole,
} from './store.ts'

const PER_RECRUITER = 2
/** Suggestions kept per demo candidate (the live path keeps KEEP_PER_CANDIDATE). */
const KEEP = 8
const DAY = 86_400_000
const REJECT_REASONS = [
  'Candidate is not looking to move right now',
  'Salary expectations too far apart',
  'Wants remote only',
  'Already talked to this company last year',
  'Skills are adjacent, not the core stack',
]

/** A stable number in [0, 1) from a key: the demo's decisions are the same on every start. */
const unit = (key: string) => createHash('sha256').update(key).digest().readUInt32BE(0) / 2 ** 32

/**
 * Suggestions on first start: the demo's open roles against each recruiter's newest few
 * candidates, scored in memory and written in a few statements. Older suggestions get a decision
 * history (accepted or rejected over the last 60 days) so the decision log and its agreement chart
 * have something to show; each candidate's two best stay open for the personas to review.
 */
export const demoMatchesSeed: SeedStep = {
  name: 'intelligence.demo_matches',
  version: 1,
  description: 'Suggested candidate ↔ role matches with a decision history',
  after: ['recruiting.demo_marketplace'],
  async run(ctx) {
    const threshold = ctx.config.matching.threshold
    const now = ctx.clock.now()
    return inTransaction<Record<string, unknown>, IntelligenceDatabase>(
      ctx.db,
      systemActor('seed'),
      async (tx) => {
        const existing = await tx
          .selectFrom('intelligence.candidate_role_matches')
          .select('id')
          .limit(1)
          .execute()
        if (existing.length) return { matches: 'already seeded' }
        const roles = await refreshRoles(tx, 'open')
        const cands = await refreshCandidates(tx, { perRecruiter: PER_RECRUITER })
        await refreshPlacedSkills(tx)
        const placed = await loadPlacedSkills(tx)
        const model = await activeModel(tx)
        const bySkill = new Map<string, StoredRole[]>()
        for (const r of roles) for (const s of r.skillIds) bySkill.set(s, [...(bySkill.get(s) ?? []), r])
        const rows: { role: StoredRole; cand: (typeof cands)[number]; result: MatchScore; rank: number }[] =
          []
        const ranked: { role: StoredRole; cand: (typeof cands)[number]; result: MatchScore }[][] = []
        for (const cand of cands) {
          // roles in the candidate's function, and others sharing at least two of their skills
          const shared = new Map<StoredRole, number>()
          for (const s of cand.skillIds)
            for (const r of bySkill.get(s) ?? []) shared.set(r, (shared.get(r) ?? 0) + 1)
          const scored = [...shared]
            .filter(([r, n]) => n >= 2 || r.function === cand.function)
            .map(([role]) => role)
            .map((role) => ({ role, cand, result: scoreMatch(role, cand, placed, model.weights) }))
            // the demo keeps only what reaches people (the live path also keeps a few below, down to FLOOR)
            .filter((s) => s.result.score >= threshold)
            .sort((a, b) => b.result.score - a.result.score || a.role.roleId.localeCompare(b.role.roleId))
          ranked.push(scored)
        }
        // a candidate already submitted to a role is never suggested for it
        const done = await submittedPairs(
          tx,
          ranked.flat().map((s) => ({ candidateId: s.cand.candidateId, roleId: s.role.roleId })),
        )
        for (const scored of ranked) {
          const open = scored
            .filter((s) => !done.has(`${s.cand.candidateId}:${s.role.roleId}`))
            .slice(0, KEEP)
          for (const [rank, s] of open.entries()) rows.push({ ...s, rank })
        }
        const ids = await insertMatches(tx, rows, model.version, now)
        const logs: DecisionRecord[] = []
        const decisions: (DecisionRecord & { at: Date })[] = []
        rows.forEach((r, i) => {
          const id = ids[i]!
          if (r.result.score < threshold) return
          const d = decisionOf(id, r.rank, r.result.score, now)
          logs.push({
            kind: 'suggestion',
            subjectType: 'candidate_role_match',
            subjectId: id,
            matchId: id,
            modelVersion: model.version,
            score: r.result.score,
            confidence: r.result.confidence,
            factors: r.result.reasons.map((x) => ({
              factor: x.factor,
              value: x.value,
              points: x.points,
              known: x.known,
            })),
            aiRecommendation: 'suggest',
            // a decided suggestion was made a few hours before its decision
            at: d ? new Date(d.at.getTime() - 3 * 3_600_000) : now,
          })
          if (d)
            decisions.push({
              kind: 'decision',
              subjectType: 'candidate_role_match',
              subjectId: id,
              matchId: id,
              modelVersion: model.version,
              score: r.result.score,
              confidence: r.result.confidence,
              aiRecommendation: 'suggest',
              humanDecision: d.status,
              agrees: d.status === 'accepted',
              reason: d.reason,
              actorRole: 'recruiter',
              at: d.at,
            })
        })
        await recordDecision(tx, logs)
        await applyDecisions(tx, decisions)
        return {
          roles: roles.length,
          candidates: cands.length,
          matches: rows.length,
          suggested: logs.length,
          decided: decisions.length,
        }
      },
    )
  },
}

function decisionOf(id: string, rank: number, score: number, now: Date) {
  if (rank < 2 || unit(`${id}:decide`) > 0.6) return null
  const acceptChance = score >= 80 ? 0.8 : score >= 70 ? 0.6 : 0.35
  const accepted = unit(`${id}:accept`) < acceptChance
  const at = new Date(now.getTime() - Math.floor(unit(`${id}:when`) * 60) * DAY - 3_600_000)
  return accepted
    ? { status: 'accepted' as const, reason: null, at }
    : {
        status: 'rejected' as const,
        reason: REJECT_REASONS[Math.floor(unit(`${id}:why`) * REJECT_REASONS.length)]!,
        at,
      }
}

async function insertMatches(
  tx: IntelligenceTx,
  rows: {
    role: StoredRole
    cand: { candidateId: string; recruiterId: string; recruiterUserId: string }
    result: MatchScore
  }[],
  version: number,
  now: Date,
): Promise<string[]> {
  const ids: string[] = []
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = rows.slice(i, i + 1000)
    const out = await tx
      .insertInto('intelligence.candidate_role_matches')
      .values(
        chunk.map((s) => ({
          candidate_id: s.cand.candidateId,
          role_id: s.role.roleId,
          company_id: s.role.companyId,
          company_org_id: s.role.companyOrgId,
          recruiter_id: s.cand.recruiterId,
          recruiter_user_id: s.cand.recruiterUserId,
          score: s.result.score,
          confidence: s.result.confidence,
          reasons: JSON.stringify(s.result.reasons),
          model_version: version,
          scored_at: now,
          created_at: now,
        })),
      )
      .returning('id')
      .execute()
    ids.push(...out.map((o) => o.id))
  }
  return ids
}

/** The demo's past decisions: the matches' states and the log rows, dated when they were made. */
async function applyDecisions(tx: IntelligenceTx, decisions: (DecisionRecord & { at: Date })[]) {
  if (decisions.length === 0) return
  const sorted = [...decisions].sort((a, b) => a.at.getTime() - b.at.getTime())
  await sql`
    update intelligence.candidate_role_matches m
       set status = d.status, outcome = d.status, decided_at = d.at::timestamptz, decision_reason = d.reason
      from jsonb_to_recordset(${JSON.stringify(
        sorted.map((d) => ({
          id: d.matchId,
          status: d.humanDecision,
          at: d.at.toISOString(),
          reason: d.reason,
        })),
      )}::jsonb) as d(id uuid, status text, at text, reason text)
     where m.id = d.id`.execute(tx)
  await tx
    .insertInto('intelligence.decision_audit_log')
    .values(
      sorted.map((d) => ({
        occurred_at: d.at,
        kind: d.kind,
        source: 'matching',
        subject_type: d.subjectType,
        subject_id: d.subjectId,
        match_id: d.matchId ?? null,
        model_version: d.modelVersion ?? null,
        score: d.score ?? null,
        confidence: d.confidence ?? null,
        ai_recommendation: d.aiRecommendation ?? null,
        human_decision: d.humanDecision ?? null,
        agrees: d.agrees ?? null,
        reason: d.reason ?? null,
        actor_role: d.actorRole ?? null,
        seq: 0,
        prev_hash: '',
        hash: '',
      })),
    )
    .execute()
}
