import { allocateProportionally } from '@app/money'
import type { AnyTx } from '../../kernel/db/database.ts'
import type { PostingLine } from '../ledger/index.ts'
import { account } from './book.ts'
import type { BillingTx } from './database.ts'
import { currentStatement } from './statements.ts'

/**
 * Dividing money that arrives for (or leaves) an invoice among the people it belongs to. Each
 * invoice line is one placement; its statement says what the platform and each recruiter get of
 * its fee. A payment divides first among the lines, then within each line among its parties, each
 * time in proportion to what is still owed, so partial payments never overpay anyone and the
 * payment that settles the invoice gives each party exactly the rest.
 */
export interface Party {
  type: 'platform' | 'recruiter'
  id: string | null
}

export interface LineParty extends Party {
  /** What the statement gives this party of the line's fee. */
  due: bigint
  /** What it has collected so far (payments less refunds, credits and reallocations). */
  collected: bigint
}

export interface LineShares {
  lineId: string
  placementId: string
  amount: bigint
  parties: LineParty[]
}

const view = (tx: AnyTx) => tx as BillingTx
const partyKey = (p: Party) => `${p.type}:${p.id ?? ''}`

/** The parties of each line of an invoice with what each is due and has collected. */
export async function lineShares(tx: AnyTx, invoiceId: string): Promise<LineShares[]> {
  const lines = await view(tx)
    .selectFrom('billing.invoice_lines')
    .select(['id', 'placement_id', 'amount'])
    .where('invoice_id', '=', invoiceId)
    .orderBy('created_at')
    .orderBy('id')
    .execute()
  const out: LineShares[] = []
  for (const line of lines) {
    const stored = await currentStatement(tx, line.placement_id)
    if (!stored) throw new Error(`placement ${line.placement_id} has no fee statement`)
    const due = new Map<string, LineParty>()
    for (const l of stored.statement.lines) {
      const party: Party = { type: l.party_type, id: l.party_type === 'platform' ? null : l.party_id }
      const k = partyKey(party)
      const cur = due.get(k) ?? { ...party, due: 0n, collected: 0n }
      cur.due += l.amount
      due.set(k, cur)
    }
    const collected = await view(tx)
      .selectFrom('billing.payment_allocations')
      .select(['party_type', 'party_id', (eb) => eb.fn.sum<string>('amount').as('sum')])
      .where('invoice_line_id', '=', line.id)
      .groupBy(['party_type', 'party_id'])
      .execute()
    for (const c of collected) {
      const k = partyKey({ type: c.party_type as Party['type'], id: c.party_id })
      const cur = due.get(k) ?? {
        type: c.party_type as Party['type'],
        id: c.party_id,
        due: 0n,
        collected: 0n,
      }
      cur.collected = BigInt(c.sum)
      due.set(k, cur)
    }
    // a stable order: the platform first, then recruiters by id (the tie-break of the allocation)
    const parties = [...due.values()].sort((a, b) =>
      a.type !== b.type ? (a.type === 'platform' ? -1 : 1) : (a.id ?? '').localeCompare(b.id ?? ''),
    )
    out.push({ lineId: line.id, placementId: line.placement_id, amount: line.amount, parties })
  }
  return out
}

export interface Allocation {
  lineId: string
  placementId: string
  party: Party
  amount: bigint
}

/** Divides money arriving for the invoice among its lines and parties, by what each is still owed. */
export function divideIncoming(amount: bigint, lines: readonly LineShares[]): Allocation[] {
  const owed = (p: LineParty) => (p.due > p.collected ? p.due - p.collected : 0n)
  const perLine = allocateProportionally(
    amount,
    lines.map((l) => l.parties.reduce((s, p) => s + owed(p), 0n)),
  )
  return lines.flatMap((line, i) => {
    const parts = allocateProportionally(perLine[i]!, line.parties.map(owed))
    return line.parties
      .map((p, j) => ({
        lineId: line.lineId,
        placementId: line.placementId,
        party: { type: p.type, id: p.id },
        amount: parts[j]!,
      }))
      .filter((a) => a.amount > 0n)
  })
}

/** Takes back `amount` of one line's collected money, from each party in proportion to what it collected. */
export function divideOutgoing(amount: bigint, line: LineShares): Allocation[] {
  const held = line.parties.map((p) => (p.collected > 0n ? p.collected : 0n))
  const parts = allocateProportionally(amount, held)
  return line.parties
    .map((p, j) => ({
      lineId: line.lineId,
      placementId: line.placementId,
      party: { type: p.type, id: p.id },
      amount: parts[j]!,
    }))
    .filter((a) => a.amount > 0n)
}

/**
 * The ledger lines that credit (or, with `direction: 'debit'`, take back) each party's share. The
 * platform's revenue shard follows the invoice, so that whatever later takes money back from an
 * invoice finds it in the shard that received it.
 */
export function partyLines(
  allocations: readonly Allocation[],
  currency: string,
  direction: 'credit' | 'debit',
  invoiceId: string,
): PostingLine[] {
  const shardKey = invoiceId
  const byAccount = new Map<string, { party: Party; amount: bigint }>()
  for (const a of allocations) {
    const k = partyKey(a.party)
    const cur = byAccount.get(k) ?? { party: a.party, amount: 0n }
    cur.amount += a.amount
    byAccount.set(k, cur)
  }
  return [...byAccount.values()]
    .filter((x) => x.amount > 0n)
    .map(({ party, amount }) => ({
      account:
        party.type === 'platform'
          ? account.revenue(currency, shardKey)
          : account.recruiterHeld(party.id!, currency),
      direction,
      amount,
      currency,
    }))
}

export async function recordAllocations(
  tx: AnyTx,
  kind: 'payment' | 'refund' | 'credit' | 'reallocation',
  allocations: readonly Allocation[],
  options: { paymentId: string | null; postingId: string; sign: 1n | -1n; now: Date },
): Promise<void> {
  if (allocations.length === 0) return
  await view(tx)
    .insertInto('billing.payment_allocations')
    .values(
      allocations.map((a) => ({
        kind,
        payment_id: options.paymentId,
        invoice_line_id: a.lineId,
        placement_id: a.placementId,
        party_type: a.party.type,
        party_id: a.party.id,
        amount: a.amount * options.sign,
        posting_id: options.postingId,
        created_at: options.now,
      })),
    )
    .execute()
}
