import { sql } from 'kysely'
import type { AnyTx } from '../../kernel/db/database.ts'
import type { BillingTx } from './database.ts'

/**
 * Money of each UTC day of a range for the marketplace-health module, per currency in minor units: fees booked
 * (the first fee statement of each placement, written on the day; later statements only re-divide
 * the same fee) and payouts completed on the day. Depends only on the day, not on when it runs.
 */
export async function moneyDayFacts(
  anyTx: AnyTx,
  from: string,
  to: string,
): Promise<{ day: string; currency: string; fees: bigint; payouts: bigint }[]> {
  const tx = anyTx as BillingTx
  const { rows } = await sql<{ day: string; currency: string; fees: bigint; payouts: bigint }>`
    with b as (select ${from}::date::timestamp at time zone 'UTC' as s, (${to}::date + 1)::timestamp at time zone 'UTC' as e),
    fees as (
      select (f.created_at at time zone 'UTC')::date as day, f.currency, sum(f.fee) as amount from billing.fee_statements f, b
       where f.version = 1 and f.created_at >= b.s and f.created_at < b.e group by 1, 2),
    paid as (
      select (p.completed_at at time zone 'UTC')::date as day, p.currency, sum(p.amount) as amount from billing.payouts p, b
       where p.status = 'completed' and p.completed_at >= b.s and p.completed_at < b.e group by 1, 2)
    select to_char(coalesce(f.day, p.day), 'YYYY-MM-DD') as day, coalesce(f.currency, p.currency)::text as currency,
           coalesce(f.amount, 0)::bigint as fees, coalesce(p.amount, 0)::bigint as payouts
      from fees f full join paid p on p.day = f.day and p.currency = f.currency
     order by 1, 2`.execute(tx)
  return rows
}
