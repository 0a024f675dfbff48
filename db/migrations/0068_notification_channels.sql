-- OFAIR III: channels per notice kind (SMS, WhatsApp, web push besides in-app and email), quiet
-- hours and marketing consent per person, browsers' push subscriptions, and a delivery log.

-- null: the kind's default (declared in code with the kind)
alter table notifications.preferences
  add column sms boolean,
  add column whatsapp boolean,
  add column push boolean;

create table notifications.settings (
  user_id uuid primary key references identity.users (id),
  -- minutes after midnight, wall-clock in Asia/Jerusalem; start > end spans midnight (22:00-07:00)
  quiet_hours_enabled boolean not null default true,
  quiet_start_minute smallint not null default 1320 check (quiet_start_minute between 0 and 1439),
  quiet_end_minute smallint not null default 420 check (quiet_end_minute between 0 and 1439),
  marketing_opt_in boolean not null default false,
  marketing_opt_in_at timestamptz,
  marketing_opt_out_at timestamptz,
  -- the opt-out link's secret (random, not time-ordered)
  unsubscribe_token uuid not null unique default gen_random_uuid(),
  updated_at timestamptz not null default now(),
  check (quiet_start_minute <> quiet_end_minute),
  check (not marketing_opt_in or marketing_opt_in_at is not null)
);

create table notifications.push_subscriptions (
  id uuid primary key default platform.uuid_v7(),
  user_id uuid not null references identity.users (id),
  endpoint text not null unique check (endpoint ~ '^https?://' and length(endpoint) <= 1000),
  p256dh text not null check (length(p256dh) between 20 and 200),
  auth text not null check (length(auth) between 8 and 100),
  user_agent text check (length(user_agent) <= 300),
  created_at timestamptz not null default now(),
  last_success_at timestamptz
);
create index push_subscriptions_user_idx on notifications.push_subscriptions (user_id);

-- one row per message to send on one channel: what happened to it
create table notifications.deliveries (
  id uuid primary key default platform.uuid_v7(),
  user_id uuid not null references identity.users (id),
  kind text not null,
  channel text not null check (channel in ('email', 'sms', 'whatsapp', 'push')),
  source_id uuid not null,
  title text not null check (length(title) between 1 and 300),
  status text not null default 'queued' check (status in ('queued', 'retrying', 'sent', 'failed', 'skipped')),
  attempts int not null default 0 check (attempts >= 0),
  last_error text check (length(last_error) <= 1000),
  send_after timestamptz not null default now(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  sent_at timestamptz,
  unique (user_id, source_id, channel)
);
create index deliveries_status_idx on notifications.deliveries (status, created_at desc, id desc);
create index deliveries_user_idx on notifications.deliveries (user_id, created_at desc);

grant select, insert, update on notifications.settings, notifications.deliveries to app_runtime;
grant select, insert, update, delete on notifications.push_subscriptions to app_runtime;

alter table notifications.settings enable row level security;
alter table notifications.settings force row level security;
create policy settings_own on notifications.settings for all
  using (user_id = platform.current_user_id() or platform.is_system())
  with check (user_id = platform.current_user_id() or platform.is_system());

alter table notifications.push_subscriptions enable row level security;
alter table notifications.push_subscriptions force row level security;
create policy push_subscriptions_own on notifications.push_subscriptions for all
  using (user_id = platform.current_user_id() or platform.is_system())
  with check (user_id = platform.current_user_id() or platform.is_system());

-- people see their own deliveries; admins (platform or OFAIR) see all, read-only
alter table notifications.deliveries enable row level security;
alter table notifications.deliveries force row level security;
create policy deliveries_own on notifications.deliveries for all
  using (user_id = platform.current_user_id() or platform.is_system())
  with check (user_id = platform.current_user_id() or platform.is_system());
create policy deliveries_admin_read on notifications.deliveries for select
  using (platform.has_role('platform_admin') or platform.has_role('ofair_admin'));
