import type { Transaction } from 'kysely'
import type { AnyTx } from '../../kernel/db/database.ts'
import { AppError } from '../../kernel/errors.ts'
import { beforeIdCursor, decodeCursor, pageOf } from '../../kernel/http/pagination.ts'
import { balanceOf } from './balances.ts'
import type { LedgerDatabase } from './database.ts'

/** Read side of the ledger for the admin explorer: account → entries → posting → business object. */
const view = (tx: AnyTx) => tx as Transaction<LedgerDatabase>

export interface AccountFilters {
  book?: string | undefined
  ownerType?: string | undefined
  ownerId?: string | undefined
  kind?: string | undefined
  currency?: string | undefined
  limit: number
  startingAfter?: string | undefined
}

export async function listAccounts(tx: AnyTx, f: AccountFilters) {
  let q = view(tx)
    .selectFrom('ledger.accounts')
    .selectAll()
    .orderBy('id', 'desc')
    .limit(f.limit + 1)
  if (f.book) q = q.where('book', '=', f.book)
  if (f.ownerType) q = q.where('owner_type', '=', f.ownerType)
  if (f.ownerId) q = q.where('owner_id', '=', f.ownerId)
  if (f.kind) q = q.where('kind', '=', f.kind)
  if (f.currency) q = q.where('currency', '=', f.currency)
  if (f.startingAfter) q = q.where('id', '<', beforeIdCursor(f.startingAfter))
  const page = pageOf(await q.execute(), f.limit, (r) => [r.id])
  return { ...page, data: page.data.map(presentAccount) }
}

export function presentAccount(a: {
  id: string
  code: string
  book: string
  owner_type: string
  owner_id: string | null
  kind: string
  currency: string
  shard: number
  normal_side: string
  allow_negative: boolean
  debits_posted: bigint
  credits_posted: bigint
  debits_pending: bigint
  credits_pending: bigint
  version: bigint
  created_at: Date
}) {
  const b = balanceOf(a)
  return {
    id: a.id,
    code: a.code,
    book: a.book,
    owner_type: a.owner_type,
    owner_id: a.owner_id,
    kind: a.kind,
    currency: a.currency,
    shard: a.shard,
    normal_side: a.normal_side,
    allow_negative: a.allow_negative,
    balance: {
      posted: { amount: b.posted, currency: a.currency },
      pending_in: { amount: b.pendingIn, currency: a.currency },
      pending_out: { amount: b.pendingOut, currency: a.currency },
      available: { amount: b.available, currency: a.currency },
    },
    version: a.version,
    created_at: a.created_at,
  }
}

export async function getAccount(tx: AnyTx, id: string) {
  const a = await view(tx).selectFrom('ledger.accounts').selectAll().where('id', '=', id).executeTakeFirst()
  if (!a) throw new AppError('not_found', 'No such account')
  return presentAccount(a)
}

/** An account's entries, newest first, each with its posting's kind and business reference. */
export async function accountEntries(
  tx: AnyTx,
  accountId: string,
  f: { limit: number; startingAfter?: string },
) {
  await getAccount(tx, accountId)
  let q = view(tx)
    .selectFrom('ledger.entries as e')
    .innerJoin('ledger.postings as p', 'p.id', 'e.posting_id')
    .select([
      'e.id',
      'e.posting_id',
      'e.direction',
      'e.amount',
      'e.currency',
      'e.balance_after',
      'e.account_version',
      'p.kind',
      'p.description',
      'p.reference_type',
      'p.reference_id',
      'p.effective_at',
      'p.created_at',
    ])
    .where('e.account_id', '=', accountId)
    .orderBy('e.account_version', 'desc')
    .limit(f.limit + 1)
  if (f.startingAfter) {
    const [version] = decodeCursor(f.startingAfter, ['string'])
    if (!/^\d{1,19}$/.test(String(version))) {
      throw new AppError('invalid_cursor', 'starting_after is not a cursor returned by this endpoint')
    }
    q = q.where('e.account_version', '<', BigInt(String(version)))
  }
  const page = pageOf(await q.execute(), f.limit, (r) => [r.account_version.toString()])
  return {
    ...page,
    data: page.data.map((e) => ({
      id: e.id.toString(),
      posting_id: e.posting_id,
      direction: e.direction,
      amount: { amount: e.amount, currency: e.currency },
      balance_after: { amount: e.balance_after, currency: e.currency },
      account_version: e.account_version,
      kind: e.kind,
      description: e.description,
      reference: { type: e.reference_type, id: e.reference_id },
      effective_at: e.effective_at,
      created_at: e.created_at,
    })),
  }
}

export async function getPosting(tx: AnyTx, id: string) {
  const p = await view(tx).selectFrom('ledger.postings').selectAll().where('id', '=', id).executeTakeFirst()
  if (!p) throw new AppError('not_found', 'No such posting')
  const entries = await view(tx)
    .selectFrom('ledger.entries as e')
    .innerJoin('ledger.accounts as a', 'a.id', 'e.account_id')
    .select([
      'e.id',
      'e.account_id',
      'a.code as account_code',
      'a.owner_type',
      'a.owner_id',
      'a.kind as account_kind',
      'e.direction',
      'e.amount',
      'e.currency',
      'e.balance_after',
    ])
    .where('e.posting_id', '=', id)
    .orderBy('e.id')
    .execute()
  const reversedBy = await view(tx)
    .selectFrom('ledger.postings')
    .select('id')
    .where('reverses', '=', id)
    .executeTakeFirst()
  return {
    id: p.id,
    book: p.book,
    kind: p.kind,
    description: p.description,
    reference: { type: p.reference_type, id: p.reference_id },
    idempotency_key: p.idempotency_key,
    metadata: p.metadata,
    reverses: p.reverses,
    reversed_by: reversedBy?.id ?? null,
    effective_at: p.effective_at,
    created_at: p.created_at,
    entries: entries.map((e) => ({
      id: e.id.toString(),
      account_id: e.account_id,
      account_code: e.account_code,
      owner: { type: e.owner_type, id: e.owner_id },
      account_kind: e.account_kind,
      direction: e.direction,
      amount: { amount: e.amount, currency: e.currency },
      balance_after: { amount: e.balance_after, currency: e.currency },
    })),
  }
}

/** Postings about one business object (an invoice, a payment, a placement). */
export async function postingsAbout(tx: AnyTx, reference: { type: string; id: string }) {
  const rows = await view(tx)
    .selectFrom('ledger.postings')
    .select('id')
    .where('reference_type', '=', reference.type)
    .where('reference_id', '=', reference.id)
    .orderBy('created_at')
    .orderBy('id')
    .execute()
  return Promise.all(rows.map((r) => getPosting(tx, r.id)))
}

/**
 * Every entry of one owner's accounts in a book (e.g. a professional's balance and pending
 * accounts), newest first, each with its account kind and its posting's kind and business
 * reference: what a module shows as "every underlying entry" of a balance.
 */
export async function ownerEntries(
  tx: AnyTx,
  owner: { book: string; ownerType: string; ownerId: string },
  limit = 500,
) {
  const rows = await view(tx)
    .selectFrom('ledger.entries as e')
    .innerJoin('ledger.accounts as a', 'a.id', 'e.account_id')
    .innerJoin('ledger.postings as p', 'p.id', 'e.posting_id')
    .select([
      'e.id',
      'e.posting_id',
      'a.kind as account_kind',
      'e.direction',
      'e.amount',
      'e.currency',
      'e.balance_after',
      'p.kind',
      'p.description',
      'p.reference_type',
      'p.reference_id',
      'p.effective_at',
      'p.created_at',
    ])
    .where('a.book', '=', owner.book)
    .where('a.owner_type', '=', owner.ownerType)
    .where('a.owner_id', '=', owner.ownerId)
    .orderBy('e.id', 'desc')
    .limit(limit)
    .execute()
  return rows.map((e) => ({
    id: e.id.toString(),
    posting_id: e.posting_id,
    account_kind: e.account_kind,
    direction: e.direction,
    amount: e.amount,
    currency: e.currency,
    balance_after: e.balance_after,
    kind: e.kind,
    description: e.description,
    reference: { type: e.reference_type, id: e.reference_id },
    effective_at: e.effective_at,
    created_at: e.created_at,
  }))
}
