import type { Transaction } from 'kysely'
import { sql } from 'kysely'
import type { AnyTx, Db } from '../db/database.ts'
import type { PlatformSchema } from '../db/schema/platform.ts'
import { AppError } from '../errors.ts'
import { decodeCursor, pageOf } from '../http/pagination.ts'
import { bigintToString } from '../outbox/events.ts'

/**
 * One entry of the append-only, hash-chained audit log: who (user and role), did what (`action`,
 * dotted: `payout.released`), to which entity, with the state before and after. The request id
 * and the acting user default to the transaction's actor settings.
 */
export interface AuditEntry {
  action: string
  entityType: string
  entityId?: string | null
  before?: unknown
  after?: unknown
  actorUserId?: string | null
  actorRole?: string | null
}

export async function appendAudit(anyTx: AnyTx, entry: AuditEntry): Promise<void> {
  const tx = anyTx as Transaction<PlatformSchema>
  const json = (v: unknown) =>
    v === undefined || v === null ? null : sql`${JSON.stringify(v, bigintToString)}::jsonb`
  await tx
    .insertInto('platform.audit_log')
    .values({
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId ?? null,
      before: json(entry.before),
      after: json(entry.after),
      ...(entry.actorUserId !== undefined ? { actor_user_id: entry.actorUserId } : {}),
      actor_role: entry.actorRole ?? null,
      // seq, prev_hash and hash are assigned by the chaining trigger
      seq: sql<bigint>`0`,
      prev_hash: '',
      hash: '',
    })
    .execute()
}

export type AuditVerification =
  | { ok: true; rows: number; lastHash: string }
  | { ok: false; rows: number; brokenSeq: number; reason: string }

/** Walks the whole chain in batches; reports the first row that does not verify. */
export async function verifyAuditChain(
  db: Db | AnyTx,
  onProgress?: (checked: number, total: number) => void,
  batchSize = 20_000,
): Promise<AuditVerification> {
  const total = Number(
    (await sql<{ n: bigint | null }>`select max(seq) as n from platform.audit_log`.execute(db)).rows[0]?.n ??
      0,
  )
  let from = 1
  let prev: string | null = null
  onProgress?.(0, total)
  while (from <= total) {
    type Row = {
      broken_seq: bigint | null
      reason: string | null
      last_seq: bigint | null
      last_hash: string | null
    }
    const result: { rows: Row[] } = await sql<Row>`
      select * from platform.verify_audit_chain(${from}, ${batchSize}, ${prev})`.execute(db)
    const r: Row = result.rows[0]!
    if (r.broken_seq !== null) {
      return {
        ok: false,
        rows: Number(r.broken_seq) - 1,
        brokenSeq: Number(r.broken_seq),
        reason: r.reason ?? 'broken',
      }
    }
    const last = Number(r.last_seq ?? 0)
    if (last < from) break
    onProgress?.(last, total)
    prev = r.last_hash
    from = last + 1
  }
  return { ok: true, rows: total, lastHash: prev ?? '0'.repeat(64) }
}

/**
 * Records that personal data was shown to someone (who, whose, which fields, why), in the
 * transaction that reads it. Every reveal of contact details goes through here.
 */
export async function logPiiReveal(
  anyTx: AnyTx,
  reveal: { subjectType: string; subjectId: string; fields: readonly string[]; purpose: string },
): Promise<void> {
  if (reveal.fields.length === 0) return
  await (anyTx as Transaction<PlatformSchema>)
    .insertInto('platform.pii_access_log')
    .values({
      subject_type: reveal.subjectType,
      subject_id: reveal.subjectId,
      fields: [...reveal.fields],
      purpose: reveal.purpose,
    })
    .execute()
}

/** One recorded change, as a reader of an entity's history sees it. */
export interface AuditTrailEntry {
  seq: bigint
  occurredAt: Date
  action: string
  entityType: string
  entityId: string | null
  actorUserId: string | null
  actorRole: string | null
  before: unknown
  after: unknown
}

/**
 * The audit entries about one entity, newest first, a page at a time. The cursor is the last
 * entry's sequence number: unique and assigned in commit order, so walking page by page returns
 * exactly the rows of one big page. Who may read an entity's trail is the calling module's rule.
 */
export async function auditTrail(
  anyTx: AnyTx,
  query: { entityType: string; entityId: string; limit: number; startingAfter?: string | undefined },
): Promise<{ data: AuditTrailEntry[]; has_more: boolean; next_cursor: string | null }> {
  const tx = anyTx as Transaction<PlatformSchema>
  let q = tx
    .selectFrom('platform.audit_log')
    .select([
      'seq',
      'occurred_at',
      'action',
      'entity_type',
      'entity_id',
      'actor_user_id',
      'actor_role',
      'before',
      'after',
    ])
    .where('entity_type', '=', query.entityType)
    .where('entity_id', '=', query.entityId)
    .orderBy('seq', 'desc')
    .limit(query.limit + 1)
  if (query.startingAfter) {
    const [seq] = decodeCursor(query.startingAfter, ['string'])
    if (!/^[1-9]\d{0,18}$/.test(String(seq))) {
      throw new AppError('invalid_cursor', 'starting_after is not a cursor returned by this endpoint', {
        errors: [{ field: 'querystring.starting_after', message: 'is not a valid cursor' }],
      })
    }
    q = q.where('seq', '<', BigInt(String(seq)))
  }
  const rows = await q.execute()
  const page = pageOf(rows, query.limit, (r) => [r.seq.toString()])
  return {
    ...page,
    data: page.data.map((r) => ({
      seq: r.seq,
      occurredAt: r.occurred_at,
      action: r.action,
      entityType: r.entity_type,
      entityId: r.entity_id,
      actorUserId: r.actor_user_id,
      actorRole: r.actor_role,
      before: r.before,
      after: r.after,
    })),
  }
}

/** One recorded read of personal data, as a log viewer shows it. */
export interface PiiAccessEntry {
  id: string
  occurredAt: Date
  actorUserId: string | null
  subjectType: string
  subjectId: string
  fields: string[]
  purpose: string
  requestId: string | null
}

/**
 * The log of personal-data reads (`logPiiReveal`), newest first by id (UUIDv7), for the subject
 * types a module owns (`subjectTypes`, exact names). Who may read it is the calling module's rule.
 */
export async function piiAccessLog(
  anyTx: AnyTx,
  query: {
    subjectTypes: readonly string[]
    actorUserId?: string | undefined
    subjectId?: string | undefined
    from?: Date | undefined
    to?: Date | undefined
    limit: number
    startingAfter?: string | undefined
  },
): Promise<{ data: PiiAccessEntry[]; has_more: boolean; next_cursor: string | null }> {
  const tx = anyTx as Transaction<PlatformSchema>
  let q = tx
    .selectFrom('platform.pii_access_log')
    .select([
      'id',
      'occurred_at',
      'actor_user_id',
      'subject_type',
      'subject_id',
      'fields',
      'purpose',
      'request_id',
    ])
    .where('subject_type', 'in', [...query.subjectTypes])
    .orderBy('id', 'desc')
    .limit(query.limit + 1)
  if (query.actorUserId) q = q.where('actor_user_id', '=', query.actorUserId)
  if (query.subjectId) q = q.where('subject_id', '=', query.subjectId)
  if (query.from) q = q.where('occurred_at', '>=', query.from)
  if (query.to) q = q.where('occurred_at', '<', query.to)
  if (query.startingAfter) {
    const [id] = decodeCursor(query.startingAfter, ['string'])
    if (!/^[0-9a-f-]{36}$/i.test(String(id))) {
      throw new AppError('invalid_cursor', 'starting_after is not a cursor returned by this endpoint', {
        errors: [{ field: 'querystring.starting_after', message: 'is not a valid cursor' }],
      })
    }
    q = q.where('id', '<', String(id))
  }
  const page = pageOf(await q.execute(), query.limit, (r) => [r.id])
  return {
    ...page,
    data: page.data.map((r) => ({
      id: r.id,
      occurredAt: r.occurred_at,
      actorUserId: r.actor_user_id,
      subjectType: r.subject_type,
      subjectId: r.subject_id,
      fields: r.fields,
      purpose: r.purpose,
      requestId: r.request_id,
    })),
  }
}
