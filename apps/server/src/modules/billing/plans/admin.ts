import { sql } from 'kysely'
import type { AnyTx } from '../../../kernel/db/database.ts'
import { kindTotal } from '../../ledger/index.ts'
import { recruiterNames } from '../../recruiting/index.ts'
import { SPLITS_BOOK } from '../book.ts'
import type { BillingTx } from '../database.ts'
import {
  type BillingInterval,
  mrrOf,
  type PaidTier,
  PLAN_CURRENCY,
  PLANS,
  type PlanDiscount,
} from './catalog.ts'
import { latestPaidPlanInvoices, latestPlanRefunds } from './refunds.ts'

/**
 * The admin plans screen: who pays for which plan now and what that is worth a month (MRR, from
 * the subscription rows at list price), trials, subscriptions in dunning, changes scheduled for the
 * end of a period, recent changes of the plan history, and by month the paying subscribers per
 * tier (from the history) and the plan revenue collected (the invoices booked on the ledger).
 */
const view = (tx: AnyTx) => tx as BillingTx

const PAYING = ['active', 'past_due'] as const

export async function plansOverview(tx: AnyTx, now: Date, months = 12) {
  const m = (amount: bigint | string) => ({ amount: BigInt(amount), currency: PLAN_CURRENCY })
  const subscriptionColumns = [
    'id',
    'recruiter_id',
    'tier',
    'billing_interval',
    'status',
    'trial_end',
    'current_period_end',
    'cancel_at_period_end',
    'scheduled_tier',
    'scheduled_interval',
    'scheduled_at',
  ] as const
  const [counts, trialRows, scheduledRows, pastDue, recent, series, revenue, booked, refunds, paidInvoices] =
    await Promise.all([
      // grouped by plan, status and the discount still running now (a promo code's, while it lasts)
      sql<{
        tier: string
        billing_interval: string
        status: string
        percent_off: string | null
        amount_off: string | null
        n: number
      }>`
      select tier, billing_interval, status, d.percent_off, d.amount_off, count(*)::int as n
        from billing.plan_subscriptions s
        cross join lateral (
          select case when s.discount_ends_at is null or s.discount_ends_at > ${now} then s.discount_percent end as percent_off,
                 case when s.discount_ends_at is null or s.discount_ends_at > ${now} then s.discount_amount_off end as amount_off
        ) d
       where status in ('trialing', 'active', 'past_due')
       group by 1, 2, 3, 4, 5`
        .execute(view(tx))
        .then((r) => r.rows),
      view(tx)
        .selectFrom('billing.plan_subscriptions')
        .select(subscriptionColumns)
        .where('status', '=', 'trialing')
        .orderBy('trial_end', 'asc')
        .limit(50)
        .execute(),
      view(tx)
        .selectFrom('billing.plan_subscriptions')
        .select(subscriptionColumns)
        .where('status', 'in', ['trialing', 'active', 'past_due'])
        .where((eb) => eb.or([eb('scheduled_tier', 'is not', null), eb('cancel_at_period_end', '=', true)]))
        .orderBy('current_period_end', 'asc')
        .limit(50)
        .execute(),
      view(tx)
        .selectFrom('billing.plan_subscriptions as s')
        .innerJoin('billing.plan_invoices as i', (j) =>
          j.onRef('i.subscription_id', '=', 's.id').on('i.status', '=', 'open'),
        )
        .select([
          's.id',
          's.recruiter_id',
          's.tier',
          'i.stripe_invoice_id',
          'i.amount_due',
          'i.attempt_count',
          'i.next_payment_attempt',
          'i.last_payment_error',
          'i.created_at',
        ])
        .where('s.status', 'in', ['past_due', 'incomplete'])
        .orderBy('i.created_at', 'asc')
        .limit(100)
        .execute(),
      sql<{
        recruiter_id: string
        tier: string
        previous: string | null
        valid_from: Date
        reason: string
      }>`
      select p.recruiter_id, p.tier, p.valid_from, p.reason,
             (select q.tier from billing.plan_periods q
               where q.recruiter_id = p.recruiter_id and q.valid_from < p.valid_from
               order by q.valid_from desc limit 1) as previous
        from billing.plan_periods p
       where p.valid_from > '-infinity'::timestamptz and p.valid_from <= ${now}
       order by p.valid_from desc
       limit 20`.execute(view(tx)),
      // recruiters on each paid tier at each month's end (today for this month): the history's
      // starts (+1) and ends (-1) summed per month in one pass, then added up month by month
      sql<{ month: string; tier: string; subscribers: number }>`
      with m as (
        select d as start
          from generate_series(date_trunc('month', ${now}::timestamptz) - make_interval(months => ${months - 1}),
                               date_trunc('month', ${now}::timestamptz), interval '1 month') d
      ), b as materialized (
        -- one pass over the paid tiers' periods: each start (+1) and end (-1) counts from the first
        -- month end at or after it (a month's end is the next one's start)
        select p.tier,
               greatest(date_trunc('month', e.t - interval '1 microsecond'),
                        date_trunc('month', ${now}::timestamptz) - make_interval(months => ${months - 1})) as bucket,
               sum(e.d) as d
          from billing.plan_periods p
          cross join lateral (values (p.valid_from, 1), (p.valid_to, -1)) e (t, d)
         where p.tier <> 'starter' and p.valid_from <= ${now} and e.t is not null and e.t <= ${now}
         group by 1, 2
      )
      select to_char(m.start, 'YYYY-MM') as month, tr.tier,
             (select coalesce(sum(b.d), 0) from b where b.tier = tr.tier and b.bucket <= m.start)::int as subscribers
        from m cross join (values ('pro'), ('partner')) tr (tier)
       order by m.start`.execute(view(tx)),
      // kept current with each posting (paid at Stripe's paid-at, refunded at the refund's time)
      sql<{ month: string; collected: string; refunded: string }>`
      select to_char(month, 'YYYY-MM') as month, collected::text, refunded::text
        from billing.plan_revenue_months
       where currency = ${PLAN_CURRENCY}
         and month >= (date_trunc('month', ${now}::timestamptz at time zone 'UTC') - make_interval(months => ${months - 1}))::date`.execute(
        view(tx),
      ),
      kindTotal(tx, { book: SPLITS_BOOK, kind: 'plan_revenue', currency: PLAN_CURRENCY }),
      latestPlanRefunds(tx, 20),
      latestPaidPlanInvoices(tx, 20),
    ])
  const names = await recruiterNames(tx, [
    ...trialRows.map((s) => s.recruiter_id),
    ...scheduledRows.map((s) => s.recruiter_id),
    ...pastDue.map((s) => s.recruiter_id),
    ...recent.rows.map((r) => r.recruiter_id),
  ])
  const name = (id: string) => names.get(id) ?? ''
  const asPlan = (s: { tier: string; billing_interval: string }) => ({
    tier: s.tier as PaidTier,
    interval: s.billing_interval as BillingInterval,
  })
  const discountOf = (r: (typeof counts)[number]): PlanDiscount | null =>
    r.percent_off !== null || r.amount_off !== null
      ? { percent_off: r.percent_off, amount_off: r.amount_off === null ? null : BigInt(r.amount_off) }
      : null
  // each group counted once per subscription in it: MRR is summed over the subscriptions, divided once
  const expand = (rows: typeof counts, atListPrice = false) =>
    rows.map((r) => ({ ...asPlan(r), discount: atListPrice ? null : discountOf(r), count: Number(r.n) }))
  const paying = counts.filter((c) => (PAYING as readonly string[]).includes(c.status))
  const sum = (rows: typeof counts) => rows.reduce((a, r) => a + Number(r.n), 0)
  const tiers = (['pro', 'partner'] as const).map((tier) => {
    const payingHere = paying.filter((c) => c.tier === tier)
    return {
      tier,
      name: PLANS[tier].name,
      subscribers: sum(payingHere),
      trialing: sum(counts.filter((c) => c.tier === tier && c.status === 'trialing')),
      monthly: sum(payingHere.filter((c) => c.billing_interval === 'month')),
      yearly: sum(payingHere.filter((c) => c.billing_interval === 'year')),
      mrr: m(mrrOf(expand(payingHere))),
    }
  })
  const mrr = mrrOf(expand(paying))
  const listMrr = mrrOf(expand(paying, true))
  const monthsList = [...new Set(series.rows.map((r) => r.month))].sort()
  return {
    currency: PLAN_CURRENCY,
    as_of: now,
    totals: {
      subscribers: sum(paying),
      trialing: sum(counts.filter((c) => c.status === 'trialing')),
      past_due: sum(counts.filter((c) => c.status === 'past_due')),
      mrr: m(mrr),
      arr: m(mrr * 12n),
      mrr_at_list_price: m(listMrr),
      discounted_subscribers: sum(paying.filter((c) => discountOf(c) !== null)),
      plan_revenue_booked: m(booked.posted),
    },
    tiers,
    trials: trialRows.map((s) => ({
      subscription_id: s.id,
      recruiter_id: s.recruiter_id,
      recruiter_name: name(s.recruiter_id),
      tier: s.tier as PaidTier,
      trial_end: s.trial_end,
    })),
    past_due: pastDue.map((s) => ({
      subscription_id: s.id,
      recruiter_id: s.recruiter_id,
      recruiter_name: name(s.recruiter_id),
      tier: s.tier as PaidTier,
      invoice_id: s.stripe_invoice_id,
      amount_due: m(s.amount_due),
      attempt_count: s.attempt_count,
      next_payment_attempt: s.next_payment_attempt,
      last_payment_error: s.last_payment_error,
    })),
    scheduled: scheduledRows.map((s) => ({
      subscription_id: s.id,
      recruiter_id: s.recruiter_id,
      recruiter_name: name(s.recruiter_id),
      from: asPlan(s),
      to: s.scheduled_tier
        ? {
            tier: s.scheduled_tier as PaidTier | 'starter',
            interval: s.scheduled_interval as BillingInterval,
          }
        : { tier: 'starter' as const, interval: null },
      at: s.scheduled_at ?? s.current_period_end,
    })),
    refunds,
    paid_invoices: paidInvoices,
    recent_changes: recent.rows.map((r) => ({
      recruiter_id: r.recruiter_id,
      recruiter_name: name(r.recruiter_id),
      from_tier: r.previous as 'starter' | PaidTier | null,
      to_tier: r.tier as 'starter' | PaidTier,
      at: r.valid_from,
      reason: r.reason,
    })),
    months: monthsList.map((month) => {
      const of = (tier: string) =>
        series.rows.find((r) => r.month === month && r.tier === tier)?.subscribers ?? 0
      const rev = revenue.rows.find((r) => r.month === month)
      const collected = BigInt(rev?.collected ?? '0')
      const refunded = BigInt(rev?.refunded ?? '0')
      return {
        month,
        pro: of('pro'),
        partner: of('partner'),
        collected: m(collected),
        refunded: m(refunded),
        net: m(collected - refunded),
      }
    }),
  }
}
