-- Marketplace health (issue 15 §4): daily metrics, liquidity by function × location, back-fill
-- runs and alerts. The seed names `platform.marketplace_metrics_daily`; our schemas are per module,
-- so the tables live in `health`. Every figure is computed "as of" its day from recruiting's and
-- billing's services (never from their tables here): recomputing a day writes identical rows.
create schema health;
grant usage on schema health to app_runtime;

-- One row per UTC day: activity, performance, quality and health of the marketplace.
create table health.marketplace_metrics_daily (
  day date primary key,
  -- activity: recruiters who submitted in the 30 days up to the day; companies with an open role; open roles
  active_recruiters integer not null check (active_recruiters >= 0),
  active_companies integer not null check (active_companies >= 0),
  open_roles integer not null check (open_roles >= 0),
  -- performance: submissions and placements made that day; median days from submission to placement
  applications integer not null check (applications >= 0),
  placements integer not null check (placements >= 0),
  median_days_to_hire numeric(10, 2),
  -- quality: hires / applications closed that day (basis points); placements whose guarantee ended in
  -- the 90 days up to the day without falling off (basis points); median hours from submission to the
  -- company's first move, over first moves made that day
  hire_rate_bps integer check (hire_rate_bps between 0 and 10000),
  completion_rate_bps integer check (completion_rate_bps between 0 and 10000),
  median_first_response_hours numeric(10, 2),
  closed_applications integer not null default 0 check (closed_applications >= 0),
  roles_without_submission integer not null default 0 check (roles_without_submission >= 0),
  -- health: fraud signals opened (the fraud module's provider) and ownership disputes opened that day
  fraud_signals_opened integer not null check (fraud_signals_opened >= 0),
  disputes_opened integer not null check (disputes_opened >= 0)
);

-- Money per day and currency, in minor units: fees booked on placements made that day, payouts completed.
create table health.marketplace_money_daily (
  day date not null,
  currency char(3) not null check (currency ~ '^[A-Z]{3}$'),
  fees bigint not null check (fees >= 0),
  payouts bigint not null check (payouts >= 0),
  primary key (day, currency)
);

-- Liquidity per day × function × location (the role's country, '—' when none).
create table health.marketplace_liquidity_daily (
  day date not null,
  function text not null,
  location text not null,
  open_roles integer not null check (open_roles >= 0),
  submissions integer not null check (submissions >= 0),
  submissions_per_role numeric(10, 2) not null,
  -- open for 7 days or more and no submission yet
  roles_without_submission integer not null check (roles_without_submission >= 0),
  -- 50 or more submissions
  overcrowded_roles integer not null check (overcrowded_roles >= 0),
  -- recruiters who submitted to a role of this function and location in the 30 days up to the day
  active_recruiters integer not null check (active_recruiters >= 0),
  primary key (day, function, location)
);

-- A back-fill of a date range: enqueued by an admin (or run by the CLI), with its progress.
create table health.backfill_runs (
  id uuid primary key default platform.uuid_v7(),
  from_day date not null,
  to_day date not null,
  total integer not null check (total > 0),
  done integer not null default 0 check (done >= 0 and done <= total),
  status text not null default 'queued' check (status in ('queued', 'running', 'completed', 'failed')),
  error text,
  requested_by uuid,
  created_at timestamptz not null default now(),
  finished_at timestamptz,
  check (from_day <= to_day)
);
-- one run per range at a time: 20 identical requests get the same run
create unique index backfill_runs_one_active on health.backfill_runs (from_day, to_day)
  where status in ('queued', 'running');

-- Alerts raised by thresholds and anomalies, once per day × rule × metric.
create table health.alerts (
  id uuid primary key default platform.uuid_v7(),
  day date not null,
  rule text not null check (rule in ('threshold', 'anomaly')),
  metric text not null,
  severity text not null check (severity in ('info', 'warning', 'critical')),
  value numeric not null,
  baseline numeric,
  z_score numeric(8, 2),
  message text not null,
  created_at timestamptz not null default now(),
  unique (day, rule, metric)
);
create index alerts_recent on health.alerts (day desc, created_at desc);

grant select, insert, update, delete on health.marketplace_metrics_daily, health.marketplace_money_daily,
  health.marketplace_liquidity_daily to app_runtime;
grant select, insert, update on health.backfill_runs, health.alerts to app_runtime;
