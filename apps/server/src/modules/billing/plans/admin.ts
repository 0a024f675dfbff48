import { sql } from 'kysely'
import type { AnyTx } from '../../../kernel/db/database.ts'
import { kindTotal } from '../../ledger/index.ts'
import { recruiterNames } from '../../recruiting/index.ts'
import { SPLITS_BOOK } from '../book.ts'
import type { BillingTx } from '../database.ts'
import { type BillingInterval, mrrOf, type PaidTier, PLAN_CURRENCY, PLANS } from './catalog.ts'

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
  const [current, pastDue, recent, series, revenue, booked] = await Promise.all([
    view(tx)
      .selectFrom('billing.plan_subscriptions')
      .select([
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
        'created_at',
      ])
      .where('status', 'in', ['trialing', 'active', 'past_due'])
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
      select * from (
        select recruiter_id, tier, valid_from, reason,
               lag(tier) over (partition by recruiter_id order by valid_from) as previous
          from billing.plan_periods) p
       where valid_from > '-infinity'::timestamptz and valid_from <= ${now}
       order by valid_from desc
       limit 20`.execute(view(tx)),
    sql<{ month: string; tier: string; subscribers: number }>`
      with m as (
        select d as start, least(d + interval '1 month', ${now}::timestamptz) as at
          from generate_series(date_trunc('month', ${now}::timestamptz) - make_interval(months => ${months - 1}),
                               date_trunc('month', ${now}::timestamptz), interval '1 month') d
      )
      select to_char(m.start, 'YYYY-MM') as month, p.tier, count(p.id)::int as subscribers
        from m
        left join billing.plan_periods p
          on p.tier <> 'starter' and p.valid_from <= m.at and (p.valid_to is null or p.valid_to > m.at)
       group by m.start, p.tier
       order by m.start`.execute(view(tx)),
    sql<{ month: string; collected: string }>`
      select to_char(date_trunc('month', created_at), 'YYYY-MM') as month, sum(amount_paid)::text as collected
        from billing.plan_invoices
       where status = 'paid' and posting_id is not null
         and created_at >= date_trunc('month', ${now}::timestamptz) - make_interval(months => ${months - 1})
       group by 1`.execute(view(tx)),
    kindTotal(tx, { book: SPLITS_BOOK, kind: 'plan_revenue', currency: PLAN_CURRENCY }),
  ])
  const names = await recruiterNames(tx, [
    ...current.map((s) => s.recruiter_id),
    ...pastDue.map((s) => s.recruiter_id),
    ...recent.rows.map((r) => r.recruiter_id),
  ])
  const name = (id: string) => names.get(id) ?? ''
  const paying = current.filter((s) => (PAYING as readonly string[]).includes(s.status))
  const asPlan = (s: { tier: string; billing_interval: string }) => ({
    tier: s.tier as PaidTier,
    interval: s.billing_interval as BillingInterval,
  })
  const tiers = (['pro', 'partner'] as const).map((tier) => {
    const mine = current.filter((s) => s.tier === tier)
    const payingHere = paying.filter((s) => s.tier === tier)
    return {
      tier,
      name: PLANS[tier].name,
      subscribers: payingHere.length,
      trialing: mine.filter((s) => s.status === 'trialing').length,
      monthly: payingHere.filter((s) => s.billing_interval === 'month').length,
      yearly: payingHere.filter((s) => s.billing_interval === 'year').length,
      mrr: m(mrrOf(payingHere.map(asPlan))),
    }
  })
  const monthsList = [...new Set(series.rows.map((r) => r.month))].sort()
  return {
    currency: PLAN_CURRENCY,
    as_of: now,
    totals: {
      subscribers: paying.length,
      trialing: current.filter((s) => s.status === 'trialing').length,
      past_due: current.filter((s) => s.status === 'past_due').length,
      mrr: m(mrrOf(paying.map(asPlan))),
      arr: m(mrrOf(paying.map(asPlan)) * 12n),
      plan_revenue_booked: m(booked.posted),
    },
    tiers,
    trials: current
      .filter((s) => s.status === 'trialing')
      .sort((a, b) => (a.trial_end?.getTime() ?? 0) - (b.trial_end?.getTime() ?? 0))
      .map((s) => ({
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
    scheduled: current
      .filter((s) => s.scheduled_tier !== null || s.cancel_at_period_end)
      .sort((a, b) => (a.current_period_end?.getTime() ?? 0) - (b.current_period_end?.getTime() ?? 0))
      .map((s) => ({
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
      return {
        month,
        pro: of('pro'),
        partner: of('partner'),
        collected: m(revenue.rows.find((r) => r.month === month)?.collected ?? '0'),
      }
    }),
  }
}
