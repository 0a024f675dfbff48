import { newId } from '../protocol/ids.ts'
import type { Sim } from './sim.ts'
import type { State } from './state.ts'
import type { BalanceTransaction, BalanceTransactionType } from './types.ts'

const REPORTING_CATEGORY: Record<BalanceTransactionType, string> = {
  charge: 'charge',
  payment: 'charge',
  refund: 'refund',
  payment_refund: 'refund',
  transfer: 'transfer',
  transfer_refund: 'transfer_reversal',
  payout: 'payout',
  payout_cancel: 'payout_reversal',
  payout_failure: 'payout_reversal',
  adjustment: 'other_adjustment',
}

export interface NewBalanceTransaction {
  owner: string
  type: BalanceTransactionType
  amount: number
  currency: string
  source: string | null
  fee?: number
  /** Unix seconds; defaults to now (available at once). */
  availableOn?: number
  description?: string | null
}

/** Books one movement on an account's balance; the balance is always the sum of these rows. */
export function addBalanceTransaction(sim: Sim, input: NewBalanceTransaction): BalanceTransaction {
  const now = sim.nowSec()
  const fee = input.fee ?? 0
  const availableOn = input.availableOn ?? now
  const txn: BalanceTransaction = {
    id: newId('txn'),
    object: 'balance_transaction',
    amount: input.amount,
    available_on: availableOn,
    balance_type: 'payments',
    created: now,
    currency: input.currency,
    description: input.description ?? null,
    exchange_rate: null,
    fee,
    fee_details:
      fee > 0
        ? [
            {
              amount: fee,
              application: null,
              currency: input.currency,
              description: 'Stripe processing fees',
              type: 'stripe_fee',
            },
          ]
        : [],
    livemode: false,
    net: input.amount - fee,
    reporting_category: REPORTING_CATEGORY[input.type],
    source: input.source,
    status: availableOn <= now ? 'available' : 'pending',
    type: input.type,
  }
  const book = books.get(sim.state)
  sim.put(txn, input.owner)
  if (book) enter(book, txn, input.owner)
  return txn
}

/**
 * Running sums per account and currency, kept beside the rows (which stay the truth): reading a
 * balance on every transfer used to add up every row — quadratic over a payout run of thousands.
 * Built from the rows on first use and again whenever the state is replaced.
 */
interface BalanceBook {
  sums: Map<string, Map<string, { available: number; pending: number }>>
  pending: Set<{ txn: BalanceTransaction; owner: string }>
}
const books = new WeakMap<State, BalanceBook>()

function bookOf(sim: Sim): BalanceBook {
  let book = books.get(sim.state)
  if (!book) {
    book = { sums: new Map(), pending: new Set() }
    for (const txn of sim.all('balance_transaction')) enter(book, txn, sim.ownerOf(txn.id) ?? '')
    books.set(sim.state, book)
  }
  return book
}

function sumsOf(book: BalanceBook, owner: string, currency: string) {
  let byCurrency = book.sums.get(owner)
  if (!byCurrency) {
    byCurrency = new Map()
    book.sums.set(owner, byCurrency)
  }
  let sums = byCurrency.get(currency)
  if (!sums) {
    sums = { available: 0, pending: 0 }
    byCurrency.set(currency, sums)
  }
  return sums
}

function enter(book: BalanceBook, txn: BalanceTransaction, owner: string) {
  const sums = sumsOf(book, owner, txn.currency)
  if (txn.status === 'available') sums.available += txn.net
  else {
    sums.pending += txn.net
    book.pending.add({ txn, owner })
  }
}

/** Flips pending rows whose `available_on` has passed; run before anything reads balances. */
export function refreshBalanceStatuses(sim: Sim): void {
  const now = sim.nowSec()
  const book = bookOf(sim)
  for (const entry of book.pending) {
    const { txn, owner } = entry
    if (txn.status === 'pending' && txn.available_on > now) continue
    book.pending.delete(entry)
    if (txn.status !== 'pending') continue
    txn.status = 'available'
    const sums = sumsOf(book, owner, txn.currency)
    sums.pending -= txn.net
    sums.available += txn.net
  }
}

export interface BalanceAmount {
  amount: number
  currency: string
  source_types: { card: number }
}

export interface BalanceSummary {
  available: BalanceAmount[]
  pending: BalanceAmount[]
}

export function balanceOf(sim: Sim, owner: string): BalanceSummary {
  refreshBalanceStatuses(sim)
  // each currency the account has rows in shows in both lists, as Stripe's balance object does
  const currencies = [
    ...(bookOf(sim).sums.get(owner) ?? new Map<string, { available: number; pending: number }>()),
  ].sort(([a], [b]) => a.localeCompare(b))
  const list = (side: 'available' | 'pending'): BalanceAmount[] =>
    currencies.map(([currency, sums]) => ({
      amount: sums[side],
      currency,
      source_types: { card: sums[side] },
    }))
  return { available: list('available'), pending: list('pending') }
}

export function availableAmount(sim: Sim, owner: string, currency: string): number {
  return balanceOf(sim, owner).available.find((b) => b.currency === currency)?.amount ?? 0
}

/** Fee Stripe would keep from a successful charge, with the configured rate. */
export function chargeFee(sim: Sim, amount: number): number {
  const { percentBps, fixed } = sim.config.fees
  if (percentBps === 0 && fixed === 0) return 0
  return Math.round((amount * percentBps) / 10_000) + fixed
}
