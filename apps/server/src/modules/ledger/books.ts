import { createHash } from 'node:crypto'

/**
 * A book is one economy (Splits Network, OFAIR). Each declares its kinds of account: which side
 * is normal, whether the balance may go negative, and how many shards a hot account is spread
 * over. An account is then (book, owner, kind, currency[, shard]), created on first use.
 */
export interface AccountKind {
  normalSide: 'debit' | 'credit'
  /** Only accounts that model debt may go below zero (e.g. a recruiter's clawback). */
  allowNegative: boolean
  /** Accounts that every posting of the book touches are spread over shards (summed on read). */
  shards: number
  description: string
}

const books = new Map<string, Map<string, AccountKind>>()

export function defineBook<const T extends Record<string, AccountKind>>(book: string, kinds: T): T {
  if (!/^[a-z0-9_-]+$/.test(book)) throw new Error(`book ${book} must be lowercase`)
  const known = books.get(book) ?? new Map<string, AccountKind>()
  for (const [kind, def] of Object.entries(kinds)) {
    if (!/^[a-z_]+$/.test(kind)) throw new Error(`account kind ${kind} must be snake_case`)
    if (def.shards < 1 || def.shards > 256) throw new Error(`account kind ${kind}: 1-256 shards`)
    known.set(kind, def)
  }
  books.set(book, known)
  return kinds
}

export function accountKind(book: string, kind: string): AccountKind {
  const def = books.get(book)?.get(kind)
  if (!def) throw new Error(`account kind ${kind} is not declared in book ${book}`)
  return def
}

export function bookKinds(book: string): ReadonlyMap<string, AccountKind> {
  return books.get(book) ?? new Map()
}

/** Which account of the ledger: its owner, kind and currency. */
export interface AccountRef {
  book: string
  ownerType: string
  /** Absent for the platform's own accounts. */
  ownerId?: string | null | undefined
  kind: string
  currency: string
  /**
   * Picks the shard of a sharded account (any stable string, e.g. the posting's reference):
   * postings of different deals then touch different rows.
   */
  shardKey?: string | undefined
}

/** The line an account takes in the SQL functions: its code and, for first use, its attributes. */
export interface AccountLine {
  code: string
  owner_type: string
  owner_id: string | null
  kind: string
  currency: string
  shard: number
  normal_side: 'debit' | 'credit'
  allow_negative: boolean
}

export function shardOf(key: string | undefined, shards: number): number {
  if (shards === 1 || key === undefined) return 0
  return createHash('sha1').update(key).digest().readUInt32BE(0) % shards
}

export function accountLine(ref: AccountRef, shard?: number): AccountLine {
  const def = accountKind(ref.book, ref.kind)
  if (!/^[A-Z]{3}$/.test(ref.currency)) throw new Error(`currency ${ref.currency} is not ISO 4217`)
  const s = shard ?? shardOf(ref.shardKey, def.shards)
  const owner = ref.ownerId ?? null
  if (owner !== null && !/^[a-z0-9-]+$/.test(owner)) throw new Error(`owner id ${owner} must be lowercase`)
  return {
    code: `${ref.book}:${ref.ownerType}:${owner ?? '-'}:${ref.kind}:${ref.currency}:${s}`,
    owner_type: ref.ownerType,
    owner_id: owner,
    kind: ref.kind,
    currency: ref.currency,
    shard: s,
    normal_side: def.normalSide,
    allow_negative: def.allowNegative,
  }
}
