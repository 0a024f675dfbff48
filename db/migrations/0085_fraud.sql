-- Fraud signals and throttling (issue 15 §3). The issue names `platform.fraud_signals`; our schemas
-- are per module, so it is `fraud.fraud_signals`. Detectors run as outbox consumers on recruiting's
-- events and keep their own small working set (recruiter actions, who-passed-whom edges, fee
-- observations); they never read another module's tables.
create schema fraud;
grant usage on schema fraud to app_runtime;

create table fraud.fraud_signals (
  id uuid primary key default platform.uuid_v7(),
  type text not null check (type in ('duplicate_submission', 'velocity', 'circular_sharing',
    'automated_behaviour', 'profile_manipulation', 'fee_anomaly', 'split_anomaly')),
  severity text not null check (severity in ('low', 'medium', 'high', 'critical')),
  -- for ordering: critical first
  severity_rank smallint generated always as (
    case severity when 'critical' then 4 when 'high' then 3 when 'medium' then 2 else 1 end) stored,
  confidence smallint not null check (confidence between 0 and 100),
  -- the recruiter the signal is about (the one a hold would apply to), if any
  subject_recruiter_id uuid,
  -- every entity involved: {recruiter_ids, candidate_ids, application_ids, company_ids, placement_ids}
  entities jsonb not null default '{}'::jsonb,
  evidence jsonb not null default '{}'::jsonb,
  explanation text not null check (length(explanation) between 1 and 2000),
  detector_version text not null,
  status text not null default 'active'
    check (status in ('active', 'reviewed', 'resolved', 'false_positive')),
  resolution_notes text,
  -- the same pattern is flagged once, however many detector runs see it
  dedupe_key text not null unique,
  detected_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  check ((status in ('resolved', 'false_positive')) = (resolution_notes is not null))
);
create index fraud_signals_queue on fraud.fraud_signals (severity_rank desc, detected_at desc, id desc);
create index fraud_signals_recruiter on fraud.fraud_signals (subject_recruiter_id, status);

-- Every change of a signal's status, append-only.
create table fraud.signal_history (
  id uuid primary key default platform.uuid_v7(),
  signal_id uuid not null references fraud.fraud_signals (id),
  from_status text,
  to_status text not null,
  notes text,
  actor_id uuid,
  at timestamptz not null default now()
);
create index signal_history_signal on fraud.signal_history (signal_id, at);
create function fraud.history_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'fraud.signal_history is append-only' using errcode = 'P0001';
end $$;
create trigger signal_history_no_change before update or delete on fraud.signal_history
  for each row execute function fraud.history_append_only();

-- Holds: a recruiter with an open high/critical signal may not submit (or only N a day) until an
-- admin lifts the hold. One row per recruiter; a new serious signal after a lift re-applies it.
create table fraud.holds (
  recruiter_id uuid primary key,
  status text not null check (status in ('active', 'lifted')),
  signal_id uuid not null references fraud.fraud_signals (id),
  -- null: no submissions at all; n: at most n submissions a day
  daily_limit integer check (daily_limit is null or daily_limit >= 0),
  reason text not null,
  placed_at timestamptz not null default now(),
  lifted_at timestamptz,
  lifted_by uuid,
  lift_reason text,
  check ((status = 'lifted') = (lifted_at is not null and lift_reason is not null))
);

-- The detectors' working set, fed by the consumers.
create table fraud.recruiter_actions (
  id bigint generated always as identity primary key,
  recruiter_id uuid not null,
  kind text not null,
  subject_id uuid,
  at timestamptz not null,
  event_id uuid not null unique
);
create index recruiter_actions_by_recruiter on fraud.recruiter_actions (recruiter_id, kind, at desc);
create index recruiter_actions_at on fraud.recruiter_actions (kind, at);

-- Who passed a person to whom: B submitted someone A had submitted (or held) first.
create table fraud.sharing_edges (
  from_recruiter_id uuid not null,
  to_recruiter_id uuid not null,
  person_key text not null,
  at timestamptz not null,
  primary key (from_recruiter_id, to_recruiter_id, person_key)
);
create index sharing_edges_to on fraud.sharing_edges (to_recruiter_id);

-- Fee rates of placements, for the company's and the network's norm.
create table fraud.fee_observations (
  placement_id uuid primary key,
  company_id uuid not null,
  role_id uuid not null,
  fee_rate_bps integer not null,
  at timestamptz not null
);
create index fee_observations_company on fraud.fee_observations (company_id);

grant select, insert, update on fraud.fraud_signals, fraud.holds to app_runtime;
grant select, insert on fraud.signal_history, fraud.recruiter_actions, fraud.sharing_edges,
  fraud.fee_observations to app_runtime;
grant delete on fraud.recruiter_actions to app_runtime;

-- Only platform admins and the system (detectors, the submission check) see or change any of it.
do $$
declare t text;
begin
  foreach t in array array['fraud_signals', 'signal_history', 'holds', 'recruiter_actions',
                           'sharing_edges', 'fee_observations'] loop
    execute format('alter table fraud.%I enable row level security', t);
    execute format('alter table fraud.%I force row level security', t);
    execute format('create policy admin_or_system on fraud.%I for all using (
      (select platform.is_system()) or (select identity.is_platform_admin()))', t);
  end loop;
end $$;

-- The submission check runs in the recruiter's own transaction: it may learn whether *they* are on
-- hold (and its daily limit), nothing else.
create function fraud.hold_of(p_recruiter_id uuid)
returns table (signal_id uuid, daily_limit integer, reason text)
language sql stable security definer set search_path = pg_catalog, pg_temp as $$
  select h.signal_id, h.daily_limit, h.reason from fraud.holds h
   where h.recruiter_id = p_recruiter_id and h.status = 'active'
$$;
revoke all on function fraud.hold_of(uuid) from public;
grant execute on function fraud.hold_of(uuid) to app_runtime;
