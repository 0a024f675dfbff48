-- Recruiter plans (Starter free / Pro / Partner) sold as Stripe Billing subscriptions.
-- The catalogue (prices, trial days, entitlements) lives in code (billing/plans/catalog.ts);
-- these tables are each recruiter's Stripe customer, subscription, invoices, usage counters and
-- the plan history: which tier a recruiter held when, so a placement's fee uses the tier of the
-- moment it was made.

-- A recruiter's Stripe customer and the card saved for the subscription (brand and last 4 only).
create table billing.plan_customers (
  recruiter_id uuid primary key references network.recruiters (id),
  -- null while the customer is being created at Stripe (the row is written first)
  stripe_customer_id text unique check (stripe_customer_id ~ '^cus_[A-Za-z0-9]+$'),
  payment_method_id text,
  card_brand text,
  card_last4 text check (card_last4 ~ '^[0-9]{4}$'),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- One row per subscription; at most one that is not over per recruiter (a unique index below),
-- written before Stripe is called so that concurrent "subscribe" clicks make one subscription.
create table billing.plan_subscriptions (
  id uuid primary key default platform.uuid_v7(),
  recruiter_id uuid not null references network.recruiters (id),
  tier text not null check (tier in ('pro', 'partner')),
  billing_interval text not null check (billing_interval in ('month', 'year')),
  status text not null default 'creating'
    check (status in ('creating', 'incomplete', 'trialing', 'active', 'past_due', 'canceled', 'failed')),
  stripe_subscription_id text unique check (stripe_subscription_id ~ '^sub_[A-Za-z0-9]+$'),
  stripe_price_id text,
  current_period_start timestamptz,
  current_period_end timestamptz,
  trial_end timestamptz,
  cancel_at_period_end boolean not null default false,
  promo_code text,
  discount_percent numeric(5, 2),
  canceled_at timestamptz,
  ended_at timestamptz,
  -- the last Stripe event applied (events arrive out of order: older ones are ignored)
  synced_event_created bigint,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1
);
create unique index plan_subscriptions_one_current on billing.plan_subscriptions (recruiter_id)
  where status not in ('canceled', 'failed');

-- The plan history: each tier a recruiter held, from when to when (null: still held). Starter is
-- a row too, so the history has no gaps once a recruiter changed plan.
create table billing.plan_periods (
  id uuid primary key default platform.uuid_v7(),
  recruiter_id uuid not null references network.recruiters (id),
  tier text not null check (tier in ('starter', 'pro', 'partner')),
  valid_from timestamptz not null,
  valid_to timestamptz,
  reason text not null
    check (reason in ('subscribed', 'changed', 'canceled', 'payment_failed', 'seed', 'admin')),
  subscription_id uuid references billing.plan_subscriptions (id),
  created_at timestamptz not null default now(),
  check (valid_to is null or valid_to >= valid_from)
);
create unique index plan_periods_one_open on billing.plan_periods (recruiter_id) where valid_to is null;
create index plan_periods_at on billing.plan_periods (recruiter_id, valid_from);

-- The subscription's invoices at Stripe, as the webhooks last told us.
create table billing.plan_invoices (
  stripe_invoice_id text primary key check (stripe_invoice_id ~ '^in_[A-Za-z0-9]+$'),
  recruiter_id uuid not null references network.recruiters (id),
  subscription_id uuid references billing.plan_subscriptions (id),
  number text,
  status text not null check (status in ('draft', 'open', 'paid', 'uncollectible', 'void')),
  billing_reason text,
  currency char(3) not null check (currency ~ '^[A-Z]{3}$'),
  total bigint not null,
  amount_due bigint not null check (amount_due >= 0),
  amount_paid bigint not null check (amount_paid >= 0),
  attempt_count integer not null default 0,
  next_payment_attempt timestamptz,
  last_payment_error text,
  period_start timestamptz,
  period_end timestamptz,
  created_at timestamptz not null,
  updated_at timestamptz not null default now()
);
create index plan_invoices_recruiter on billing.plan_invoices (recruiter_id, created_at desc);

-- Metered entitlements: how many of a thing a recruiter used in a calendar month (UTC).
create table billing.plan_usage (
  recruiter_id uuid not null references network.recruiters (id),
  kind text not null check (kind in ('message_initiation')),
  month date not null check (extract(day from month) = 1),
  used integer not null default 0 check (used >= 0),
  primary key (recruiter_id, kind, month)
);

grant select, insert, update on billing.plan_customers, billing.plan_subscriptions, billing.plan_periods,
  billing.plan_invoices, billing.plan_usage to app_runtime;

alter table billing.plan_customers enable row level security;
alter table billing.plan_customers force row level security;
create policy plan_customers_visible on billing.plan_customers for all
  using ((select platform.is_system()) or (select identity.is_platform_admin())
         or recruiter_id = (select ats.current_recruiter_id()))
  with check ((select platform.is_system()) or (select identity.is_platform_admin()));

alter table billing.plan_subscriptions enable row level security;
alter table billing.plan_subscriptions force row level security;
create policy plan_subscriptions_visible on billing.plan_subscriptions for all
  using ((select platform.is_system()) or (select identity.is_platform_admin())
         or recruiter_id = (select ats.current_recruiter_id()))
  with check ((select platform.is_system()) or (select identity.is_platform_admin()));

alter table billing.plan_periods enable row level security;
alter table billing.plan_periods force row level security;
create policy plan_periods_visible on billing.plan_periods for all
  using ((select platform.is_system()) or (select identity.is_platform_admin())
         or recruiter_id = (select ats.current_recruiter_id()))
  with check ((select platform.is_system()) or (select identity.is_platform_admin()));

alter table billing.plan_invoices enable row level security;
alter table billing.plan_invoices force row level security;
create policy plan_invoices_visible on billing.plan_invoices for all
  using ((select platform.is_system()) or (select identity.is_platform_admin())
         or recruiter_id = (select ats.current_recruiter_id()))
  with check ((select platform.is_system()) or (select identity.is_platform_admin()));

alter table billing.plan_usage enable row level security;
alter table billing.plan_usage force row level security;
create policy plan_usage_visible on billing.plan_usage for all
  using ((select platform.is_system()) or (select identity.is_platform_admin())
         or recruiter_id = (select ats.current_recruiter_id()))
  with check ((select platform.is_system()) or (select identity.is_platform_admin()));
