import type { Transaction } from 'kysely'
import type { AnyTx } from '../../kernel/db/database.ts'
import { type AccountRef, accountKind } from './books.ts'
import type { LedgerDatabase } from './database.ts'

/** An account's money on its normal side: posted, what is pending in and out, and what is available. */
export interface Balance {
  currency: string
  posted: bigint
  pendingIn: bigint
  pendingOut: bigint
  /** Posted minus pending outflows: what may be spent now. */
  available: bigint
}

export interface AccountCounters {
  currency: string
  normal_side: string
  debits_posted: bigint
  credits_posted: bigint
  debits_pending: bigint
  credits_pending: bigint
}

export function balanceOf(a: AccountCounters): Balance {
  const credit = a.normal_side === 'credit'
  const posted = credit ? a.credits_posted - a.debits_posted : a.debits_posted - a.credits_posted
  const pendingIn = credit ? a.credits_pending : a.debits_pending
  const pendingOut = credit ? a.debits_pending : a.credits_pending
  return { currency: a.currency, posted, pendingIn, pendingOut, available: posted - pendingOut }
}

export function sumBalances(currency: string, parts: readonly Balance[]): Balance {
  return parts.reduce(
    (s, b) => ({
      currency,
      posted: s.posted + b.posted,
      pendingIn: s.pendingIn + b.pendingIn,
      pendingOut: s.pendingOut + b.pendingOut,
      available: s.available + b.available,
    }),
    { currency, posted: 0n, pendingIn: 0n, pendingOut: 0n, available: 0n },
  )
}

const view = (tx: AnyTx) => tx as Transaction<LedgerDatabase>

/** The balance of one logical account (all its shards); zero when it was never used. */
export async function accountBalance(tx: AnyTx, ref: Omit<AccountRef, 'shardKey'>): Promise<Balance> {
  accountKind(ref.book, ref.kind)
  const rows = await view(tx)
    .selectFrom('ledger.accounts')
    .select([
      'currency',
      'normal_side',
      'debits_posted',
      'credits_posted',
      'debits_pending',
      'credits_pending',
    ])
    .where('book', '=', ref.book)
    .where('owner_type', '=', ref.ownerType)
    .where((eb) => (ref.ownerId ? eb('owner_id', '=', ref.ownerId) : eb('owner_id', 'is', null)))
    .where('kind', '=', ref.kind)
    .where('currency', '=', ref.currency)
    .execute()
  return sumBalances(ref.currency, rows.map(balanceOf))
}

/** Every balance of an owner in a book, by kind and currency (shards summed). */
export async function ownerBalances(
  tx: AnyTx,
  owner: { book: string; ownerType: string; ownerId?: string | null },
): Promise<{ kind: string; balance: Balance }[]> {
  const rows = await view(tx)
    .selectFrom('ledger.accounts')
    .select([
      'kind',
      'currency',
      'normal_side',
      'debits_posted',
      'credits_posted',
      'debits_pending',
      'credits_pending',
    ])
    .where('book', '=', owner.book)
    .where('owner_type', '=', owner.ownerType)
    .where((eb) => (owner.ownerId ? eb('owner_id', '=', owner.ownerId) : eb('owner_id', 'is', null)))
    .orderBy('kind')
    .orderBy('currency')
    .execute()
  const byKey = new Map<string, { kind: string; currency: string; parts: Balance[] }>()
  for (const r of rows) {
    const key = `${r.kind}:${r.currency}`
    const entry = byKey.get(key) ?? { kind: r.kind, currency: r.currency, parts: [] }
    entry.parts.push(balanceOf(r))
    byKey.set(key, entry)
  }
  return [...byKey.values()].map((e) => ({ kind: e.kind, balance: sumBalances(e.currency, e.parts) }))
}

/** The sum of every account of one kind in a book (e.g. all recruiters' held balances), in one currency. */
export async function kindTotal(
  tx: AnyTx,
  ref: { book: string; kind: string; currency: string },
): Promise<Balance> {
  accountKind(ref.book, ref.kind)
  const rows = await view(tx)
    .selectFrom('ledger.accounts')
    .select([
      'currency',
      'normal_side',
      'debits_posted',
      'credits_posted',
      'debits_pending',
      'credits_pending',
    ])
    .where('book', '=', ref.book)
    .where('kind', '=', ref.kind)
    .where('currency', '=', ref.currency)
    .execute()
  return sumBalances(ref.currency, rows.map(balanceOf))
}

/**
 * Balances of every account of one kind in a book, by owner (shards summed): e.g. every recruiter's
 * available balance at once, for a module's own reconciliation against its documents.
 */
export async function kindBalancesByOwner(
  tx: AnyTx,
  ref: { book: string; ownerType: string; kind: string; currency?: string },
): Promise<Map<string, Balance>> {
  accountKind(ref.book, ref.kind)
  let q = view(tx)
    .selectFrom('ledger.accounts')
    .select([
      'owner_id',
      'currency',
      'normal_side',
      'debits_posted',
      'credits_posted',
      'debits_pending',
      'credits_pending',
    ])
    .where('book', '=', ref.book)
    .where('owner_type', '=', ref.ownerType)
    .where('kind', '=', ref.kind)
  if (ref.currency) q = q.where('currency', '=', ref.currency)
  const out = new Map<string, Balance>()
  for (const r of await q.execute()) {
    const key = `${r.owner_id ?? ''}:${r.currency}`
    const b = balanceOf(r)
    const cur = out.get(key)
    out.set(key, cur ? sumBalances(r.currency, [cur, b]) : b)
  }
  return out
}
