-- Recruiter plans: MRR net of promo-code discounts, refunds of plan invoices on the ledger,
-- invoices booked at Stripe's paid-at time, and monthly plan revenue kept current.

-- The discount a promo code gave the subscription (percent or amount off each invoice) and until
-- when (null: forever; `once`: the end of the first paid period; `repeating`: Stripe's start + N
-- months). MRR counts it while it lasts.
alter table billing.plan_subscriptions
  add column discount_amount_off bigint check (discount_amount_off > 0),
  add column discount_duration text check (discount_duration in ('once', 'repeating', 'forever')),
  add column discount_ends_at timestamptz;

-- When Stripe took the money (`status_transitions.paid_at`): the posting's effective time and the
-- month the revenue counts in, whenever the webhook arrives. What was refunded of it so far.
alter table billing.plan_invoices
  add column paid_at timestamptz,
  add column amount_refunded bigint not null default 0 check (amount_refunded >= 0),
  add constraint plan_invoices_refund_le_paid check (amount_refunded <= amount_paid);
update billing.plan_invoices set paid_at = created_at where status = 'paid' and paid_at is null;

-- A refund of a plan invoice, asked by an admin: the row first (one per idempotency key), then
-- Stripe (a refund on the invoice's payment), booked when Stripe says it succeeded (once per
-- Stripe refund id: `posting_id`).
create table billing.plan_refunds (
  id uuid primary key default platform.uuid_v7(),
  stripe_invoice_id text not null references billing.plan_invoices (stripe_invoice_id),
  recruiter_id uuid not null references network.recruiters (id),
  amount bigint not null check (amount > 0),
  currency char(3) not null check (currency ~ '^[A-Z]{3}$'),
  reason text not null check (length(reason) between 3 and 500),
  status text not null default 'requested' check (status in ('requested', 'pending', 'succeeded', 'failed')),
  stripe_refund_id text unique check (stripe_refund_id ~ '^re_[A-Za-z0-9]+$'),
  idempotency_key text not null unique,
  requested_by uuid,
  posting_id uuid,
  failure_reason text,
  refunded_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index plan_refunds_invoice on billing.plan_refunds (stripe_invoice_id);
create index plan_refunds_recent on billing.plan_refunds (created_at desc);

-- Plan revenue by calendar month (UTC) of Stripe's paid-at: collected and refunded, kept in the
-- same transaction as each posting, so the admin overview reads twelve rows, not a year of invoices.
create table billing.plan_revenue_months (
  month date not null check (extract(day from month) = 1),
  currency char(3) not null check (currency ~ '^[A-Z]{3}$'),
  collected bigint not null default 0,
  refunded bigint not null default 0,
  primary key (month, currency)
);
insert into billing.plan_revenue_months (month, currency, collected)
select date_trunc('month', paid_at at time zone 'UTC')::date, currency, sum(amount_paid)
  from billing.plan_invoices where status = 'paid' and posting_id is not null
 group by 1, 2;

grant select, insert, update on billing.plan_refunds, billing.plan_revenue_months to app_runtime;

alter table billing.plan_refunds enable row level security;
alter table billing.plan_refunds force row level security;
create policy plan_refunds_visible on billing.plan_refunds for all
  using ((select platform.is_system()) or (select identity.is_platform_admin())
         or recruiter_id = (select ats.current_recruiter_id()))
  with check ((select platform.is_system()) or (select identity.is_platform_admin()));

alter table billing.plan_revenue_months enable row level security;
alter table billing.plan_revenue_months force row level security;
create policy plan_revenue_months_visible on billing.plan_revenue_months for all
  using ((select platform.is_system()) or (select identity.is_platform_admin()))
  with check ((select platform.is_system()) or (select identity.is_platform_admin()));

-- the overview: paying subscriptions grouped by plan and discount; the history's paid-tier starts/ends
create index plan_subscriptions_paying on billing.plan_subscriptions (tier, billing_interval, status)
  include (discount_percent, discount_amount_off, discount_ends_at)
  where status in ('trialing', 'active', 'past_due');
create index plan_periods_paid_from on billing.plan_periods (valid_from) include (tier, valid_to)
  where tier <> 'starter';
-- the overview's latest paid (booked) invoices, newest first
create index plan_invoices_booked_recent on billing.plan_invoices (created_at desc)
  where status = 'paid' and posting_id is not null;
