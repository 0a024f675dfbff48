/**
 * Recruiter plans: the admin overview (`plansOverview`, what `GET /api/admin/plans` runs) at
 * 20,000 subscriptions (`--subscriptions`), three plan periods and twelve invoices each, and
 * booking paid plan invoices on the ledger (`bookPaidInvoice`: one balanced posting per invoice,
 * idempotent), then the same invoices again (a redelivered `invoice.paid`: nothing posted).
 * `node bench/plans.ts [--subscriptions 20000] [--runs 50] [--book 2000] [--profile]` (`--profile`: some
 * of the overview's queries alone, outside the app role's row-level security)
 */
import { sql } from 'kysely'
import { FixedClock } from '../apps/server/src/kernel/clock.ts'
import type { AppContext } from '../apps/server/src/kernel/context.ts'
import { connectDatabase } from '../apps/server/src/kernel/db/database.ts'
import { inTransaction, systemActor } from '../apps/server/src/kernel/db/transaction.ts'
import { createLogger } from '../apps/server/src/kernel/logger.ts'
import { plansOverview } from '../apps/server/src/modules/billing/plans/admin.ts'
import { bookPaidInvoice } from '../apps/server/src/modules/billing/plans/subscriptions.ts'
import { createMigratedDatabase, startThrowawayPostgres } from '../packages/testing/src/postgres.ts'

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? Number(process.argv[i + 1]) : fallback
}
const SUBS = arg('subscriptions', 20_000)
const RUNS = arg('runs', 50)
const BOOK = arg('book', 2_000)
const NOW = '2026-12-02T10:00:00Z'

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!
}

async function main() {
  const server = await startThrowawayPostgres()
  const url = await createMigratedDatabase(server.url, 'bench_plans')
  const database = connectDatabase(url, { poolMax: 4, applicationName: 'bench' })
  const ctx = {
    db: database.db,
    clock: new FixedClock(NOW),
    log: createLogger({ level: 'silent', pretty: false }),
  } as unknown as AppContext
  const actor = systemActor('bench')
  try {
    const t0 = performance.now()
    await database.db.transaction().execute(async (tx) => {
      // generated rows are consistent by construction: skip the foreign keys to recruiters (as the
      // database's owner, a superuser here: the app's role may not)
      await sql`set local session_replication_role = replica`.execute(tx)
      await sql`select setseed(0.42)`.execute(tx)
      await sql`
        insert into billing.plan_subscriptions (id, recruiter_id, tier, billing_interval, status,
          stripe_subscription_id, current_period_start, current_period_end, trial_end,
          cancel_at_period_end, scheduled_tier, scheduled_interval, scheduled_at, created_at, updated_at)
        select gen_random_uuid(), gen_random_uuid(),
               case when i % 3 = 0 then 'partner' else 'pro' end,
               case when i % 4 = 0 then 'year' else 'month' end,
               case when i % 50 = 0 then 'past_due' when i % 20 = 0 then 'trialing'
                    when i % 10 = 0 then 'canceled' else 'active' end,
               'sub_bench' || i,
               ${NOW}::timestamptz - interval '10 days', ${NOW}::timestamptz + interval '20 days',
               case when i % 20 = 0 then ${NOW}::timestamptz + interval '4 days' end,
               i % 97 = 0,
               case when i % 3 = 0 and i % 41 = 0 then 'pro' end,
               case when i % 3 = 0 and i % 41 = 0 then 'month' end,
               case when i % 3 = 0 and i % 41 = 0 then ${NOW}::timestamptz + interval '20 days' end,
               ${NOW}::timestamptz - (random() * interval '700 days'), ${NOW}::timestamptz
          from generate_series(1, ${SUBS}) i`.execute(tx)
      await sql`
        insert into billing.plan_periods (recruiter_id, tier, valid_from, valid_to, reason, subscription_id)
        select s.recruiter_id, 'starter', '-infinity', s.created_at, 'seed', null from billing.plan_subscriptions s
        union all
        select s.recruiter_id, s.tier, s.created_at,
               case when s.status = 'canceled' then s.created_at + interval '90 days' end, 'subscribed', s.id
          from billing.plan_subscriptions s
        union all
        select s.recruiter_id, 'starter', s.created_at + interval '90 days', null, 'canceled', s.id
          from billing.plan_subscriptions s where s.status = 'canceled'`.execute(tx)
      await sql`
        insert into billing.plan_invoices (stripe_invoice_id, recruiter_id, subscription_id, number, status,
          billing_reason, currency, total, amount_due, amount_paid, attempt_count, period_start, period_end,
          created_at, next_payment_attempt, last_payment_error)
        select 'in_b' || replace(s.stripe_subscription_id, '_', '') || 'x' || k, s.recruiter_id, s.id, 'B-' || k,
               case when k = 1 and s.status = 'past_due' then 'open' else 'paid' end,
               'subscription_cycle', 'USD', p.price, p.price,
               case when k = 1 and s.status = 'past_due' then 0 else p.price end,
               1, ${NOW}::timestamptz - k * interval '1 month', ${NOW}::timestamptz - (k - 1) * interval '1 month',
               ${NOW}::timestamptz - k * interval '1 month',
               case when k = 1 and s.status = 'past_due' then ${NOW}::timestamptz + interval '3 days' end,
               case when k = 1 and s.status = 'past_due' then 'Your card was declined.' end
          from billing.plan_subscriptions s
          cross join generate_series(1, 12) k
          cross join lateral (select case s.tier when 'pro' then 9900 else 24900 end::bigint as price) p`.execute(
        tx,
      )
    })
    // as autovacuum leaves a table after a load: statistics and the visibility map
    await sql`vacuum analyze`.execute(database.db)
    const counts = await sql<{ subs: number; periods: number; invoices: number }>`
      select (select count(*) from billing.plan_subscriptions)::int as subs,
             (select count(*) from billing.plan_periods)::int as periods,
             (select count(*) from billing.plan_invoices)::int as invoices`.execute(database.db)
    console.log(`loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s:`, counts.rows[0])

    // 1. booking paid invoices on the ledger, then the same again (redelivered webhooks)
    const toBook = await sql<{ id: string; recruiter_id: string }>`
      select stripe_invoice_id as id, recruiter_id from billing.plan_invoices
       where status = 'paid' order by created_at desc limit ${BOOK}`.execute(database.db)
    const book = async () => {
      const ms: number[] = []
      const t = performance.now()
      for (const inv of toBook.rows) {
        const s = performance.now()
        await inTransaction(database.db, actor, (tx) => bookPaidInvoice(ctx, tx, inv.id, inv.recruiter_id))
        ms.push(performance.now() - s)
      }
      return { ms, perSecond: toBook.rows.length / ((performance.now() - t) / 1000) }
    }
    const first = await book()
    const again = await book()
    const posted = await sql<{ n: number }>`
      select count(*)::int as n from ledger.postings where kind = 'plan.invoice_paid'`.execute(database.db)

    if (process.argv.includes('--profile')) {
      const queries: Record<string, ReturnType<typeof sql>> = {
        counts: sql`select tier, billing_interval, status, case when discount_ends_at is null or discount_ends_at > ${NOW} then discount_percent end, case when discount_ends_at is null or discount_ends_at > ${NOW} then discount_amount_off end, count(*) from billing.plan_subscriptions where status in ('trialing','active','past_due') group by 1,2,3,4,5`,
        series: sql`select tier, date_trunc('month', valid_from), count(*) from billing.plan_periods where tier <> 'starter' and valid_from <= ${NOW} group by 1, 2`,
        revenue: sql`select month, collected, refunded from billing.plan_revenue_months where month >= (${NOW}::timestamptz - interval '11 months')::date`,
        pastDue: sql`select s.id from billing.plan_subscriptions s join billing.plan_invoices i on i.subscription_id = s.id and i.status = 'open' where s.status in ('past_due','incomplete') order by i.created_at limit 100`,
        recent: sql`select p.recruiter_id, (select q.tier from billing.plan_periods q where q.recruiter_id = p.recruiter_id and q.valid_from < p.valid_from order by q.valid_from desc limit 1) from billing.plan_periods p where p.valid_from > '-infinity'::timestamptz and p.valid_from <= ${NOW} order by p.valid_from desc limit 20`,
        paidInvoices: sql`select stripe_invoice_id from billing.plan_invoices where status = 'paid' and posting_id is not null order by created_at desc limit 20`,
        kindTotal: sql`select sum(credits_posted) from ledger.accounts where kind = 'plan_revenue'`,
      }
      for (const [name, q] of Object.entries(queries)) {
        const ms: number[] = []
        for (let i = 0; i < 10; i++) {
          const t = performance.now()
          await q.execute(database.db)
          ms.push(performance.now() - t)
        }
        console.log(`  ${name}: p50 ${pct(ms, 50).toFixed(1)} ms`)
      }
    }
    // 2. the admin overview
    const overview: number[] = []
    let last: Awaited<ReturnType<typeof plansOverview>> | null = null
    for (let i = 0; i < RUNS + 5; i++) {
      const s = performance.now()
      last = await inTransaction(database.db, actor, (tx) => plansOverview(tx, new Date(NOW), 12))
      if (i >= 5) overview.push(performance.now() - s)
    }
    console.log(
      `plans: ${counts.rows[0]!.subs} subscriptions; MRR ${last!.totals.mrr.amount} cents, ${last!.totals.subscribers} paying, ${last!.totals.trialing} trialing, ${last!.totals.past_due} past due`,
    )
    console.table([
      {
        case: `GET /api/admin/plans service, 12 months (${RUNS} runs)`,
        'p50 ms': pct(overview, 50).toFixed(1),
        'p95 ms': pct(overview, 95).toFixed(1),
        'p99 ms': pct(overview, 99).toFixed(1),
        'per s': '',
      },
      {
        case: `book a paid plan invoice (${toBook.rows.length}, one transaction each)`,
        'p50 ms': pct(first.ms, 50).toFixed(2),
        'p95 ms': pct(first.ms, 95).toFixed(2),
        'p99 ms': pct(first.ms, 99).toFixed(2),
        'per s': first.perSecond.toFixed(0),
      },
      {
        case: 'the same invoices again (redelivered: nothing posted)',
        'p50 ms': pct(again.ms, 50).toFixed(2),
        'p95 ms': pct(again.ms, 95).toFixed(2),
        'p99 ms': pct(again.ms, 99).toFixed(2),
        'per s': again.perSecond.toFixed(0),
      },
    ])
    console.log(`postings written: ${posted.rows[0]!.n} for ${toBook.rows.length} invoices booked twice`)
  } finally {
    await database.db.destroy()
    await server.stop()
  }
}

await main()
