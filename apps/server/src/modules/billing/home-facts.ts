import { sql } from 'kysely'
import type { AnyTx } from '../../kernel/db/database.ts'
import { splitDays } from '../../kernel/db/day-split.ts'
import { ownerBalances } from '../ledger/index.ts'
import { SPLITS_BOOK } from './book.ts'
import type { BillingTx } from './database.ts'

/**
 * What the persona homes (insights module) need from the money: a recruiter's earnings, a
 * company's spend, the platform's GMV and fees. Read in the caller's transaction (row-level
 * security applies); each query is bounded by an index (migration 0073).
 */
export interface MoneyWindow {
  from: Date
  to: Date
  prevFrom: Date
  prevTo: Date
  bucket: 'week' | 'month'
}

const view = (tx: AnyTx) => tx as BillingTx

export interface CurrencyAmount {
  currency: string
  amount: bigint
}
export interface BucketAmount {
  bucket: string
  currency: string
  amount: bigint
}

/**
 * A recruiter's money, per currency: pending (their share of fees not collected yet, placements
 * still running), held (collected, kept until the guarantee ends), available (ready to pay out),
 * paid; and what was paid out in the period, by bucket. `placementIds` are the placements they share.
 */
export async function recruiterEarningsFacts(
  anyTx: AnyTx,
  recruiterId: string,
  placementIds: readonly string[],
  w: MoneyWindow,
) {
  const tx = view(anyTx)
  const ids = [...placementIds]
  const pending = ids.length
    ? await sql<{ currency: string; amount: string }>`
        with due as (
          select s.placement_id, s.currency, coalesce(sum((l->>'amount')::bigint), 0) as amount
            from (select distinct on (placement_id) placement_id, currency, statement
                    from billing.fee_statements where placement_id = any(${ids}::uuid[])
                   order by placement_id, version desc) s
            cross join lateral jsonb_array_elements(s.statement->'lines') l
           where l->>'party_id' = ${recruiterId}
             and not exists (select 1 from billing.fall_offs f where f.placement_id = s.placement_id)
           group by s.placement_id, s.currency),
        got as (
          select placement_id, sum(amount) as amount from billing.payment_allocations
           where placement_id = any(${ids}::uuid[]) and party_type = 'recruiter' and party_id = ${recruiterId}
           group by placement_id)
        select due.currency, sum(greatest(due.amount - coalesce(got.amount, 0), 0))::text as amount
          from due left join got on got.placement_id = due.placement_id
         group by due.currency`.execute(tx)
    : { rows: [] }
  const held = await sql<{ currency: string; amount: string }>`
    select currency, sum(hold_amount)::text as amount from billing.escrow_holds
     where recruiter_id = ${recruiterId} and status = 'active' group by currency`.execute(tx)
  const balances = await ownerBalances(anyTx, {
    book: SPLITS_BOOK,
    ownerType: 'recruiter',
    ownerId: recruiterId,
  })
  const paidSeries = await sql<{ bucket: string; currency: string; amount: string }>`
    select to_char(date_trunc(${w.bucket}, completed_at at time zone 'UTC'), 'YYYY-MM-DD') as bucket, currency,
           sum(amount)::text as amount
      from billing.payouts
     where recruiter_id = ${recruiterId} and status = 'completed' and completed_at >= ${w.from} and completed_at < ${w.to}
     group by 1, 2`.execute(tx)
  const paidInPeriod = await sql<{ currency: string; current: string; previous: string }>`
    select currency,
           coalesce(sum(amount) filter (where completed_at >= ${w.from} and completed_at < ${w.to}), 0)::text as current,
           coalesce(sum(amount) filter (where completed_at >= ${w.prevFrom} and completed_at < ${w.prevTo}), 0)::text as previous
      from billing.payouts
     where recruiter_id = ${recruiterId} and status = 'completed'
       and completed_at >= least(${w.from}::timestamptz, ${w.prevFrom}::timestamptz)
     group by currency`.execute(tx)
  const currencies = new Set<string>([
    ...pending.rows.map((r) => r.currency),
    ...held.rows.map((r) => r.currency),
    ...balances.map((b) => b.balance.currency),
  ])
  const bal = (kind: string, currency: string) =>
    balances.find((b) => b.kind === kind && b.balance.currency === currency)?.balance.posted ?? 0n
  return {
    balances: [...currencies].sort().map((currency) => ({
      currency,
      pending: BigInt(pending.rows.find((r) => r.currency === currency)?.amount ?? '0'),
      held: BigInt(held.rows.find((r) => r.currency === currency)?.amount ?? '0'),
      available: bal('recruiter_available', currency),
      paid: bal('recruiter_paid', currency),
    })),
    paidInPeriod: paidInPeriod.rows.map((r) => ({
      currency: r.currency,
      current: BigInt(r.current),
      previous: BigInt(r.previous),
    })),
    paidSeries: paidSeries.rows.map((r) => ({
      bucket: r.bucket,
      currency: r.currency,
      amount: BigInt(r.amount),
    })),
  }
}

/**
 * A company's spend: invoices issued in the period and the one before (void ones left out), by
 * bucket, and what is still owed on open invoices.
 */
export async function companySpendFacts(anyTx: AnyTx, companyIds: readonly string[], w: MoneyWindow) {
  const tx = view(anyTx)
  const ids = [...companyIds]
  const from = w.from.toISOString().slice(0, 10)
  const to = w.to.toISOString().slice(0, 10)
  const prevFrom = w.prevFrom.toISOString().slice(0, 10)
  const prevTo = w.prevTo.toISOString().slice(0, 10)
  const totals = await sql<{ currency: string; current: string; previous: string; invoices: number }>`
    select currency,
           coalesce(sum(total) filter (where issued_on >= ${from}::date and issued_on < ${to}::date), 0)::text as current,
           coalesce(sum(total) filter (where issued_on >= ${prevFrom}::date and issued_on < ${prevTo}::date), 0)::text as previous,
           (count(*) filter (where issued_on >= ${from}::date and issued_on < ${to}::date))::int as invoices
      from billing.invoices
     where company_id = any(${ids}::uuid[]) and status <> 'void' and issued_on is not null
       and issued_on >= least(${from}::date, ${prevFrom}::date)
     group by currency`.execute(tx)
  const series = await sql<{ bucket: string; currency: string; amount: string }>`
    select to_char(date_trunc(${w.bucket}, issued_on), 'YYYY-MM-DD') as bucket, currency, sum(total)::text as amount
      from billing.invoices
     where company_id = any(${ids}::uuid[]) and status <> 'void' and issued_on >= ${from}::date and issued_on < ${to}::date
     group by 1, 2`.execute(tx)
  const owed = await sql<{ currency: string; amount: string; invoices: number }>`
    select currency, sum(total - amount_paid - amount_credited)::text as amount, count(*)::int as invoices
      from billing.invoices
     where company_id = any(${ids}::uuid[]) and status in ('open', 'partially_paid')
     group by currency`.execute(tx)
  return {
    totals: totals.rows.map((r) => ({
      currency: r.currency,
      current: BigInt(r.current),
      previous: BigInt(r.previous),
      invoices: r.invoices,
    })),
    series: series.rows.map((r) => ({ bucket: r.bucket, currency: r.currency, amount: BigInt(r.amount) })),
    owed: owed.rows.map((r) => ({ currency: r.currency, amount: BigInt(r.amount), invoices: r.invoices })),
  }
}

/**
 * The platform's takings from the fee statements of placements made in a period (fallen-off
 * placements left out), per bucket and currency: the whole days from the daily summary
 * (`billing.takings_days`, kept by triggers on statements and fall-offs), the partial days at the
 * period's ends from the statements themselves.
 */
async function takingsIn(tx: BillingTx, from: Date, to: Date, bucket: MoneyWindow['bucket']) {
  const d = splitDays(from, to)
  return (
    await sql<{ bucket: string; currency: string; gmv: string; fees: string }>`
      select to_char(b, 'YYYY-MM-DD') as bucket, currency, sum(gmv)::text as gmv, sum(fees)::text as fees
        from (select date_trunc(${bucket}, day::timestamp) as b, currency, placements as n, gmv, platform_fees as fees
                from billing.takings_days where day >= ${d.dayFrom}::date and day < ${d.dayTo}::date
              union all
              -- each partial day on its own: an index-only range scan (an OR of the two reads the rows)
              select date_trunc(${bucket}, s.created_at at time zone 'UTC'), s.currency, 1, s.fee, s.platform_fee
                from billing.fee_statements s
               where s.version = 1 and s.created_at >= ${d.headFrom} and s.created_at < ${d.headTo}
                 and not exists (select 1 from billing.fall_offs f where f.placement_id = s.placement_id)
              union all
              select date_trunc(${bucket}, s.created_at at time zone 'UTC'), s.currency, 1, s.fee, s.platform_fee
                from billing.fee_statements s
               where s.version = 1 and s.created_at >= ${d.tailFrom} and s.created_at < ${d.tailTo}
                 and not exists (select 1 from billing.fall_offs f where f.placement_id = s.placement_id)) x
       group by b, currency having sum(n) > 0`.execute(tx)
  ).rows
}

/**
 * The platform's takings from the fee statements of placements made in each period (fallen-off
 * placements left out): GMV (the fees companies are charged) and the platform's own lines.
 */
export async function platformTakingsFacts(anyTx: AnyTx, w: MoneyWindow) {
  const tx = view(anyTx)
  const current = await takingsIn(tx, w.from, w.to, w.bucket)
  const previous = await takingsIn(tx, w.prevFrom, w.prevTo, w.bucket)
  const sum = (rows: readonly { currency: string; gmv: string; fees: string }[], key: 'gmv' | 'fees') => {
    const out = new Map<string, bigint>()
    for (const r of rows) out.set(r.currency, (out.get(r.currency) ?? 0n) + BigInt(r[key]))
    return out
  }
  const gmv = sum(current, 'gmv')
  const fees = sum(current, 'fees')
  const prevGmv = sum(previous, 'gmv')
  const prevFees = sum(previous, 'fees')
  const currencies = [...new Set([...gmv.keys(), ...prevGmv.keys()])].sort()
  return {
    totals: currencies.map((currency) => ({
      currency,
      gmv: gmv.get(currency) ?? 0n,
      fees: fees.get(currency) ?? 0n,
      previousGmv: prevGmv.get(currency) ?? 0n,
      previousFees: prevFees.get(currency) ?? 0n,
    })),
    series: current.map((r) => ({
      bucket: r.bucket,
      currency: r.currency,
      gmv: BigInt(r.gmv),
      fees: BigInt(r.fees),
    })),
  }
}
