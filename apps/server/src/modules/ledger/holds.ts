import { createHash } from 'node:crypto'
import { sql, type Transaction } from 'kysely'
import type { AnyTx } from '../../kernel/db/database.ts'
import { canonicalJson } from '../../kernel/http/idempotency.ts'
import { type AccountRef, accountLine } from './books.ts'
import type { LedgerDatabase } from './database.ts'
import { withLedgerErrors } from './post.ts'

/**
 * Two-phase transfers between two accounts. A hold reserves the amount (it counts against what
 * the debited account has available) and is then resolved exactly once: posted (all or part of
 * it), voided, or expired when its time runs out.
 */
export interface HoldCommand {
  book: string
  idempotencyKey: string
  from: AccountRef
  to: AccountRef
  amount: bigint
  currency: string
  reference: { type: string; id: string }
  description: string
  expiresAt?: Date | null
  metadata?: Record<string, unknown>
}

const view = (tx: AnyTx) => tx as Transaction<LedgerDatabase>
const hashOf = (value: unknown) => createHash('sha256').update(canonicalJson(value)).digest('hex')

export async function createHold(
  tx: AnyTx,
  command: HoldCommand,
): Promise<{ holdId: string; replayed: boolean }> {
  const { idempotencyKey: _k, ...request } = command
  return withLedgerErrors(async () => {
    const row = (
      await sql<{ hold_id: string; replayed: boolean }>`select * from ledger.create_hold(
        ${command.book}, ${command.idempotencyKey}, ${hashOf(request)},
        ${JSON.stringify(accountLine(command.from))}::jsonb, ${JSON.stringify(accountLine(command.to))}::jsonb,
        ${command.currency}, ${command.amount.toString()}::bigint, ${command.reference.type}, ${command.reference.id},
        ${command.description}, ${JSON.stringify(command.metadata ?? {})}::jsonb, ${command.expiresAt ?? null})`.execute(
        view(tx),
      )
    ).rows[0]!
    return { holdId: row.hold_id, replayed: row.replayed }
  })
}

export type HoldResolution =
  | { action: 'post'; amount: bigint; idempotencyKey: string; description: string }
  | { action: 'void' | 'expire' }

/** Resolves a pending hold once; resolving it again is a 409 (`invalid_state_transition`). */
export async function resolveHold(
  tx: AnyTx,
  holdId: string,
  resolution: HoldResolution,
  at: Date,
): Promise<{ status: 'posted' | 'voided' | 'expired'; postingId: string | null }> {
  const post = resolution.action === 'post' ? resolution : undefined
  return withLedgerErrors(async () => {
    const row = (
      await sql<{ hold_status: 'posted' | 'voided' | 'expired'; posting_id: string | null }>`select * from
        ledger.resolve_hold(${holdId}::uuid, ${resolution.action}, ${post ? post.amount.toString() : null}::bigint,
          ${post?.idempotencyKey ?? `hold:${holdId}:${resolution.action}`}, ${hashOf({ holdId, ...resolution, amount: post?.amount })},
          ${post?.description ?? ''}, ${at})`.execute(view(tx))
    ).rows[0]!
    return { status: row.hold_status, postingId: row.posting_id }
  })
}

/** Expires every pending hold whose time has come (a job runs it; each expiry is its own resolution). */
export async function expireDueHolds(tx: AnyTx, now: Date, limit = 500): Promise<number> {
  const due = await view(tx)
    .selectFrom('ledger.holds')
    .select('id')
    .where('status', '=', 'pending')
    .where('expires_at', '<=', now)
    .orderBy('expires_at')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute()
  for (const h of due) await resolveHold(tx, h.id, { action: 'expire' }, now)
  return due.length
}

export async function getHold(tx: AnyTx, holdId: string) {
  return view(tx).selectFrom('ledger.holds').selectAll().where('id', '=', holdId).executeTakeFirst()
}
