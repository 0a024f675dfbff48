-- Recruiter plans: downgrades at the end of the paid period (a Stripe subscription schedule), and
-- each paid plan invoice booked on the ledger (book `splits`, once per Stripe invoice).

-- The change the recruiter asked for at the end of the period (ours: claimed before Stripe is
-- called, so twenty identical clicks make one schedule) and the schedule attached at Stripe.
alter table billing.plan_subscriptions
  add column scheduled_tier text check (scheduled_tier in ('pro', 'partner')),
  add column scheduled_interval text check (scheduled_interval in ('month', 'year')),
  add column scheduled_at timestamptz,
  add column stripe_schedule_id text check (stripe_schedule_id ~ '^sub_sched_[A-Za-z0-9]+$'),
  add constraint plan_subscriptions_scheduled_whole check (
    (scheduled_tier is null) = (scheduled_interval is null) and (scheduled_tier is null) = (scheduled_at is null)
  );

-- The ledger posting of a paid invoice (null: not paid, or nothing collected: a trial, a credit).
alter table billing.plan_invoices add column posting_id uuid;

-- The admin plans screen: subscriptions by status, the latest changes of the history, plan
-- revenue by month.
create index plan_subscriptions_status on billing.plan_subscriptions (status);
create index plan_periods_latest on billing.plan_periods (valid_from desc);
create index plan_invoices_paid_at on billing.plan_invoices (created_at) where status = 'paid';
create index plan_invoices_open on billing.plan_invoices (subscription_id) where status = 'open';
