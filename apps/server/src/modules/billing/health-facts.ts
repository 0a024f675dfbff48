import { sql } from 'kysely'
import type { AnyTx } from '../../kernel/db/database.ts'
import type { BillingTx } from './database.ts'

/**
 * Money of one UTC day for the marketplace-health module, per currency in minor units: fees booked
 * (the first fee statement of each placement, written that day; later statements only re-divide
 * the same fee) and payouts completed that day. Depends only on the day, not on when it runs.
 */
export async function moneyDayFacts(
  anyTx: AnyTx,
  day: string,
): Promise<{ currency: string; fees: bigint; payouts: bigint }[]> {
  const tx = anyTx as BillingTx
  const { rows } = await sql<{ currency: string; fees: bigint; payouts: bigint }>`
    with b as (select ${day}::date::timestamp at time zone 'UTC' as s, (${day}::date + 1)::timestamp at time zone 'UTC' as e),
    fees as (
      select f.currency, sum(f.fee) as amount from billing.fee_statements f, b
       where f.version = 1 and f.created_at >= b.s and f.created_at < b.e group by f.currency),
    paid as (
      select p.currency, sum(p.amount) as amount from billing.payouts p, b
       where p.status = 'completed' and p.completed_at >= b.s and p.completed_at < b.e group by p.currency)
    select coalesce(f.currency, p.currency)::text as currency, coalesce(f.amount, 0)::bigint as fees,
           coalesce(p.amount, 0)::bigint as payouts
      from fees f full join paid p on p.currency = f.currency
     order by 1`.execute(tx)
  return rows
}
