import { sql } from 'kysely'
import type { AnyTx } from '../../kernel/db/database.ts'
import { decodeCursor, encodeCursor } from '../../kernel/http/pagination.ts'
import type { IntelligenceTx } from './database.ts'

/**
 * The decision audit log (`intelligence.decision_audit_log`): every suggestion that reached people
 * (its factors, model version and confidence) and every human decision or override, append-only
 * and hash-chained in SQL. Fraud detection writes its flags here too (`kind: 'flag'`).
 */
export interface DecisionRecord {
  kind: 'suggestion' | 'decision' | 'override' | 'model' | 'flag'
  /** Who produced it: `matching`, `fraud`… */
  source?: string
  subjectType: string
  subjectId: string
  matchId?: string | null
  modelVersion?: number | null
  score?: number | null
  confidence?: number | null
  factors?: unknown
  /** What the machine recommended (`suggest`, `flag`…). */
  aiRecommendation?: string | null
  /** What the person decided (`accepted`, `rejected`, `dismissed`…). */
  humanDecision?: string | null
  /** Whether the person agreed with the machine; null for a suggestion not yet decided. */
  agrees?: boolean | null
  reason?: string | null
  actorRole?: string | null
  /** When it happened (the injectable clock's now); the database's time if left out. */
  at?: Date
}

/** Appends entries in the caller's transaction (the chain trigger assigns seq and hashes). */
export async function recordDecision(
  anyTx: AnyTx,
  records: DecisionRecord | readonly DecisionRecord[],
): Promise<void> {
  const list = Array.isArray(records) ? records : [records as DecisionRecord]
  if (list.length === 0) return
  const tx = anyTx as IntelligenceTx
  await tx
    .insertInto('intelligence.decision_audit_log')
    .values(
      list.map((r) => ({
        ...(r.at ? { occurred_at: r.at } : {}),
        kind: r.kind,
        source: r.source ?? 'matching',
        subject_type: r.subjectType,
        subject_id: r.subjectId,
        match_id: r.matchId ?? null,
        model_version: r.modelVersion ?? null,
        score: r.score ?? null,
        confidence: r.confidence ?? null,
        factors: r.factors === undefined || r.factors === null ? null : JSON.stringify(r.factors),
        ai_recommendation: r.aiRecommendation ?? null,
        human_decision: r.humanDecision ?? null,
        agrees: r.agrees ?? null,
        reason: r.reason ?? null,
        actor_role: r.actorRole ?? null,
        seq: 0,
        prev_hash: '',
        hash: '',
      })),
    )
    .execute()
}

export interface DecisionFilters {
  kind?: DecisionRecord['kind'] | undefined
  source?: string | undefined
  match_id?: string | undefined
  subject_id?: string | undefined
  agrees?: boolean | undefined
  from?: string | undefined
  to?: string | undefined
  cursor?: string | undefined
  limit: number
}

/** Newest first, keyset-paged by sequence number. */
export async function listDecisions(tx: IntelligenceTx, f: DecisionFilters) {
  let q = tx.selectFrom('intelligence.decision_audit_log as d').selectAll('d')
  if (f.kind) q = q.where('d.kind', '=', f.kind)
  if (f.source) q = q.where('d.source', '=', f.source)
  if (f.match_id) q = q.where('d.match_id', '=', f.match_id)
  if (f.subject_id) q = q.where('d.subject_id', '=', f.subject_id)
  if (f.agrees !== undefined) q = q.where('d.agrees', '=', f.agrees)
  if (f.from) q = q.where('d.occurred_at', '>=', new Date(f.from))
  if (f.to) q = q.where('d.occurred_at', '<', new Date(f.to))
  if (f.cursor) {
    const [seq] = decodeCursor(f.cursor, ['string'])
    q = q.where('d.seq', '<', BigInt(seq as string))
  }
  const rows = await q
    .orderBy('d.seq', 'desc')
    .limit(f.limit + 1)
    .execute()
  const page = rows.slice(0, f.limit)
  const last = page.at(-1)
  return {
    data: page,
    has_more: rows.length > f.limit,
    next_cursor: rows.length > f.limit && last ? encodeCursor([last.seq.toString()]) : null,
  }
}

/** Per day: human decisions on suggestions, and the share that agreed with the machine. */
export async function agreementSeries(tx: IntelligenceTx, from: Date, to: Date) {
  const rows = await sql<{ day: string; decisions: number; agreed: number }>`
    select to_char(date_trunc('day', occurred_at at time zone 'UTC'), 'YYYY-MM-DD') as day,
           count(*)::int as decisions, count(*) filter (where agrees)::int as agreed
      from intelligence.decision_audit_log
     where agrees is not null and occurred_at >= ${from} and occurred_at < ${to}
     group by 1 order by 1`.execute(tx)
  return rows.rows.map((r) => ({
    day: r.day,
    decisions: r.decisions,
    agreed: r.agreed,
    rate: r.decisions ? Math.round((r.agreed * 1000) / r.decisions) / 1000 : null,
  }))
}

/** Recomputes every hash and link; names the first row that does not verify. */
export async function verifyDecisionChain(tx: IntelligenceTx) {
  const row = (
    await sql<{ rows: number; broken: string | null }>`
      select count(*)::int as rows,
             min(seq) filter (where not ok)::text as broken
        from (select seq,
                     hash = platform.audit_hash(prev_hash, intelligence.decision_content(d))
                     and prev_hash = coalesce(lag(hash) over (order by seq), repeat('0', 64)) as ok
                from intelligence.decision_audit_log d) c`.execute(tx)
  ).rows[0]!
  return {
    ok: row.broken === null,
    rows: row.rows,
    broken_seq: row.broken === null ? null : Number(row.broken),
  }
}
