import type { Posting } from './finance-api'

/** What a posting moved: the sum of its debits per currency (equal to its credits when it balances). */
export function postingTotals(posting: Pick<Posting, 'entries'>) {
  const by = new Map<string, { debits: bigint; credits: bigint }>()
  for (const e of posting.entries) {
    const t = by.get(e.amount.currency) ?? { debits: 0n, credits: 0n }
    if (e.direction === 'debit') t.debits += BigInt(e.amount.amount)
    else t.credits += BigInt(e.amount.amount)
    by.set(e.amount.currency, t)
  }
  return [...by.entries()].map(([currency, t]) => ({
    currency,
    debits: t.debits,
    credits: t.credits,
    balanced: t.debits === t.credits,
  }))
}

/**
 * The amount a posting is "for", in one figure: its largest entry (a payment's posting moves the
 * payment in and out of several accounts, so the sum of its debits would count it twice).
 */
export function postingAmount(
  posting: Pick<Posting, 'entries'>,
): { amount: string; currency: string } | null {
  let best: { amount: bigint; currency: string } | null = null
  for (const e of posting.entries) {
    const a = BigInt(e.amount.amount)
    if (!best || a > best.amount) best = { amount: a, currency: e.amount.currency }
  }
  return best && { amount: best.amount.toString(), currency: best.currency }
}
