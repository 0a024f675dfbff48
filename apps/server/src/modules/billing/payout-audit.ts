import { sql } from 'kysely'
import type { AnyTx, Db } from '../../kernel/db/database.ts'
import { asSystem } from '../../kernel/db/transaction.ts'
import { bigintToString } from '../../kernel/outbox/events.ts'
import type { BillingTx } from './database.ts'

/**
 * The payout audit log of seed 003 (`action`, `changed_by`, `changed_by_role`, old and new values):
 * every change of money documents — invoices, payments, refunds, credits, contracts, later
 * payouts, schedules and escrow holds — in the same transaction as the change. Append-only and
 * hash-chained by the database (billing.payout_audit_chain).
 */
export interface PayoutAuditEntry {
  entityType:
    | 'invoice'
    | 'payment'
    | 'refund'
    | 'credit_note'
    | 'contract'
    | 'company'
    | 'placement'
    | 'payout'
    | 'payout_schedule'
    | 'escrow_hold'
  entityId: string
  action: string
  changedByRole: string
  oldValue?: unknown
  newValue?: unknown
  reason?: string | null
}

/**
 * Writes one audit row in the caller's transaction. The chaining trigger reads the newest row, which
 * row-level security hides from everyone but platform admins and the system; so the insert runs as
 * the system (the change it records is already authorised), while `changed_by` and `request_id`
 * still name the person and request from the transaction's settings.
 */
export async function writePayoutAudit(tx: AnyTx, entry: PayoutAuditEntry): Promise<void> {
  const json = (v: unknown) =>
    v === undefined || v === null ? null : sql`${JSON.stringify(v, bigintToString)}::jsonb`
  await asSystem(tx as BillingTx, 'billing.payout_audit', () => insertAuditRow(tx, entry, json))
}

async function insertAuditRow(
  tx: AnyTx,
  entry: PayoutAuditEntry,
  json: (v: unknown) => ReturnType<typeof sql> | null,
): Promise<void> {
  await (tx as BillingTx)
    .insertInto('billing.payout_audit_log')
    .values({
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      action: entry.action,
      changed_by_role: entry.changedByRole,
      old_value: json(entry.oldValue),
      new_value: json(entry.newValue),
      reason: entry.reason ?? null,
      // assigned by the chaining trigger
      seq: 0n,
      prev_hash: '',
      hash: '',
    })
    .execute()
}

export type PayoutAuditVerification =
  | { ok: true; rows: number; lastHash: string }
  | { ok: false; rows: number; brokenSeq: number; reason: string }

/** Recomputes the chain row by row in batches; names the first row that does not verify. */
// biome-ignore lint/suspicious/noExplicitAny: the process's handle; raw SQL
export async function verifyPayoutAuditChain(db: Db<any>, batch = 20_000): Promise<PayoutAuditVerification> {
  let prev = '0'.repeat(64)
  let expectedSeq = 1
  let rows = 0
  for (;;) {
    const page = await sql<{ seq: string; prev_hash: string; hash: string; computed: string }>`
      select seq::text, prev_hash, hash,
             encode(sha256(convert_to(prev_hash || billing.payout_audit_content(l), 'UTF8')), 'hex') as computed
        from billing.payout_audit_log l where l.seq >= ${expectedSeq} order by l.seq limit ${batch}`.execute(
      db,
    )
    if (page.rows.length === 0) return { ok: true, rows, lastHash: prev }
    for (const r of page.rows) {
      const seq = Number(r.seq)
      if (seq !== expectedSeq) return { ok: false, rows, brokenSeq: expectedSeq, reason: 'a row is missing' }
      if (r.prev_hash !== prev)
        return { ok: false, rows, brokenSeq: seq, reason: 'it does not chain to the row before' }
      if (r.computed !== r.hash) return { ok: false, rows, brokenSeq: seq, reason: 'its content was changed' }
      prev = r.hash
      expectedSeq++
      rows++
    }
  }
}
