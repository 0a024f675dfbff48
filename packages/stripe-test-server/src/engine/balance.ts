import { newId } from '../protocol/ids.ts'
import type { Sim } from './sim.ts'
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
  return sim.put(txn, input.owner)
}

/** Flips pending rows whose `available_on` has passed; run before anything reads balances. */
export function refreshBalanceStatuses(sim: Sim): void {
  const now = sim.nowSec()
  for (const txn of sim.all('balance_transaction')) {
    if (txn.status === 'pending' && txn.available_on <= now) txn.status = 'available'
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
  const available = new Map<string, number>()
  const pending = new Map<string, number>()
  for (const txn of sim.all('balance_transaction', owner)) {
    const bucket = txn.status === 'available' ? available : pending
    bucket.set(txn.currency, (bucket.get(txn.currency) ?? 0) + txn.net)
    // Make sure each currency shows in both lists, as Stripe's balance object does.
    const other = txn.status === 'available' ? pending : available
    if (!other.has(txn.currency)) other.set(txn.currency, 0)
  }
  const toList = (m: Map<string, number>): BalanceAmount[] =>
    [...m]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([currency, amount]) => ({ amount, currency, source_types: { card: amount } }))
  return { available: toList(available), pending: toList(pending) }
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
