import { createHash } from 'node:crypto'
import { sql, type Transaction } from 'kysely'
import type { AnyTx } from '../../kernel/db/database.ts'
import { AppError } from '../../kernel/errors.ts'
import { canonicalJson } from '../../kernel/http/idempotency.ts'
import { type AccountRef, accountLine } from './books.ts'
import type { LedgerDatabase } from './database.ts'

export interface PostingLine {
  account: AccountRef
  direction: 'debit' | 'credit'
  amount: bigint
  currency: string
}

export interface PostingCommand {
  book: string
  /**
   * Derived from the business event (`invoice:<id>:issued`), so that doing the same thing twice
   * (a redelivered webhook, a retried job) posts once. A different posting under the same key is
   * refused.
   */
  idempotencyKey: string
  /** What kind of movement (`invoice.issued`, `payment.received`, `payout.sent`). */
  kind: string
  /** The business object it belongs to: the ledger explorer links back to it. */
  reference: { type: string; id: string }
  description: string
  effectiveAt: Date
  lines: readonly PostingLine[]
  metadata?: Record<string, unknown>
}

export interface PostingResult {
  postingId: string
  replayed: boolean
}

const view = (tx: AnyTx) => tx as Transaction<LedgerDatabase>

/** The digest that decides whether a replay asks for the same posting. */
export function commandHash(
  command: Omit<PostingCommand, 'idempotencyKey'> & { idempotencyKey?: string },
): string {
  const { idempotencyKey: _key, ...rest } = command
  return createHash('sha256').update(canonicalJson(rest)).digest('hex')
}

/** Checks in TypeScript what the database checks again: two or more lines, balanced per currency. */
export function validateLines(lines: readonly PostingLine[]): void {
  if (lines.length < 2) throw new AppError('unbalanced_posting', 'A posting needs at least two entries')
  const sums = new Map<string, bigint>()
  for (const [i, l] of lines.entries()) {
    if (typeof l.amount !== 'bigint' || l.amount <= 0n) {
      throw new AppError(
        'validation_failed',
        `lines.${i}.amount: must be a positive whole number of minor units`,
        {
          errors: [{ field: `lines.${i}.amount`, message: 'must be a positive whole number of minor units' }],
        },
      )
    }
    if (l.account.currency !== l.currency) {
      throw new AppError(
        'currency_mismatch',
        `lines.${i}: an ${l.account.currency} account cannot take ${l.currency}`,
      )
    }
    sums.set(l.currency, (sums.get(l.currency) ?? 0n) + (l.direction === 'debit' ? l.amount : -l.amount))
  }
  const off = [...sums].filter(([, s]) => s !== 0n).map(([c]) => c)
  if (off.length) throw new AppError('unbalanced_posting', `The entries do not balance in ${off.join(', ')}`)
}

/** Database errors of the ledger's functions as the platform's error codes. */
export function translateLedgerError(err: unknown): unknown {
  const e = err as { code?: string; constraint?: string; message?: string }
  switch (e.code) {
    case 'LD001':
      return new AppError('unbalanced_posting', e.message ?? 'The posting does not balance', { cause: err })
    case 'LD003':
      return new AppError('idempotency_key_reused', e.message ?? 'Idempotency key reused', { cause: err })
    case 'LD004':
      return new AppError('currency_mismatch', e.message ?? 'Currency mismatch', { cause: err })
    case 'LD005':
      return new AppError('invalid_state_transition', e.message ?? 'The hold is no longer pending', {
        cause: err,
      })
    case 'LD006':
      return new AppError('validation_failed', `amount: ${e.message ?? 'outside the hold'}`, {
        errors: [{ field: 'amount', message: e.message ?? 'outside the hold' }],
        cause: err,
      })
    case '23514':
      if (e.constraint === 'no_forbidden_negative') {
        return new AppError('insufficient_funds', 'The account does not hold enough for this', { cause: err })
      }
      return err
    default:
      return err
  }
}

export async function withLedgerErrors<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn()
  } catch (err) {
    throw translateLedgerError(err)
  }
}

/**
 * Writes one balanced posting in the caller's transaction, in one round trip: accounts are made
 * on first use, locked in a fixed order, their counters updated, each entry recording the
 * balance after it. A replay of the same command returns the first posting.
 */
export async function post(tx: AnyTx, command: PostingCommand): Promise<PostingResult> {
  validateLines(command.lines)
  const lines = command.lines.map((l) => ({
    ...accountLine(l.account),
    direction: l.direction,
    amount: l.amount.toString(),
  }))
  const codes = new Set(lines.map((l) => l.code))
  if (codes.size !== lines.length) {
    throw new AppError('unbalanced_posting', 'An account may appear once in a posting (combine its lines)')
  }
  const hash = commandHash(command)
  return withLedgerErrors(async () => {
    const row = (
      await sql<{ posting_id: string; replayed: boolean }>`select * from ledger.post(
        ${command.book}, ${command.idempotencyKey}, ${hash}, ${command.kind}, ${command.reference.type},
        ${command.reference.id}, ${command.description}, ${JSON.stringify(command.metadata ?? {})}::jsonb,
        ${command.effectiveAt}, ${JSON.stringify(lines)}::jsonb)`.execute(view(tx))
    ).rows[0]!
    return { postingId: row.posting_id, replayed: row.replayed }
  })
}

/**
 * Writes many postings in one round trip (demo data, batch jobs): each is validated and hashed as
 * `post` does and written by the same SQL function, in the order given, in the caller's
 * transaction. Returns one result per command, in order.
 */
export async function postMany(tx: AnyTx, commands: readonly PostingCommand[]): Promise<PostingResult[]> {
  if (commands.length === 0) return []
  const rows = commands.map((command) => {
    validateLines(command.lines)
    const lines = command.lines.map((l) => ({
      ...accountLine(l.account),
      direction: l.direction,
      amount: l.amount.toString(),
    }))
    if (new Set(lines.map((l) => l.code)).size !== lines.length) {
      throw new AppError('unbalanced_posting', 'An account may appear once in a posting (combine its lines)')
    }
    return {
      book: command.book,
      key: command.idempotencyKey,
      hash: commandHash(command),
      kind: command.kind,
      ref_type: command.reference.type,
      ref_id: command.reference.id,
      description: command.description,
      metadata: command.metadata ?? {},
      effective_at: command.effectiveAt.toISOString(),
      lines,
    }
  })
  return withLedgerErrors(async () => {
    const result = await sql<{ posting_id: string; replayed: boolean }>`
      select p.posting_id, p.replayed
        from jsonb_array_elements(${JSON.stringify(rows)}::jsonb) with ordinality as c(cmd, n),
             lateral ledger.post(c.cmd->>'book', c.cmd->>'key', c.cmd->>'hash', c.cmd->>'kind', c.cmd->>'ref_type',
               c.cmd->>'ref_id', c.cmd->>'description', c.cmd->'metadata', (c.cmd->>'effective_at')::timestamptz,
               c.cmd->'lines') as p
       order by c.n`.execute(view(tx))
    return result.rows.map((r) => ({ postingId: r.posting_id, replayed: r.replayed }))
  })
}

/**
 * Reverses a posting: the same entries in the other direction, naming what it reverses. A posting
 * is reversed at most once; corrections never edit.
 */
export async function reverse(
  anyTx: AnyTx,
  postingId: string,
  options: { idempotencyKey: string; reason: string; effectiveAt: Date; kind?: string },
): Promise<PostingResult> {
  const tx = view(anyTx)
  const original = await tx
    .selectFrom('ledger.postings')
    .selectAll()
    .where('id', '=', postingId)
    .executeTakeFirst()
  if (!original) throw new AppError('not_found', 'No such posting')
  const already = await tx
    .selectFrom('ledger.postings')
    .select('id')
    .where('reverses', '=', postingId)
    .executeTakeFirst()
  if (already) {
    const replay = await tx
      .selectFrom('ledger.postings')
      .select('id')
      .where('idempotency_key', '=', options.idempotencyKey)
      .executeTakeFirst()
    if (replay?.id === already.id) return { postingId: already.id, replayed: true }
    throw new AppError('invalid_state_transition', 'This posting was already reversed')
  }
  const entries = await tx
    .selectFrom('ledger.entries as e')
    .innerJoin('ledger.accounts as a', 'a.id', 'e.account_id')
    .select(['a.code', 'e.direction', 'e.amount', 'e.currency'])
    .where('e.posting_id', '=', postingId)
    .orderBy('e.id')
    .execute()
  const lines = entries.map((e) => ({
    code: e.code,
    direction: e.direction === 'debit' ? 'credit' : 'debit',
    amount: e.amount.toString(),
    currency: e.currency,
  }))
  const hash = createHash('sha256')
    .update(canonicalJson({ reverses: postingId, reason: options.reason }))
    .digest('hex')
  return withLedgerErrors(async () => {
    const row = (
      await sql<{ posting_id: string; replayed: boolean }>`select * from ledger.post(
        ${original.book}, ${options.idempotencyKey}, ${hash}, ${options.kind ?? `${original.kind}.reversed`},
        ${original.reference_type}, ${original.reference_id}, ${`Reversal: ${options.reason}`.slice(0, 500)},
        ${JSON.stringify({ reason: options.reason })}::jsonb, ${options.effectiveAt}, ${JSON.stringify(lines)}::jsonb,
        ${postingId}::uuid)`.execute(tx)
    ).rows[0]!
    return { postingId: row.posting_id, replayed: row.replayed }
  })
}
