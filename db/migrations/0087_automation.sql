-- Automation rules with human approval (issue 15 §1). The issue names `platform.automation_rules`;
-- our schemas are per module, so the rules and their executions live in `automation`. Platform
-- admins write rules; the system (consumers and scheduled jobs) creates executions.
create schema automation;
grant usage on schema automation to app_runtime;

-- One row: the global circuit breaker and the rules' generation (bumped by every rule change, so
-- each process's compiled-rule cache knows when to reload).
create table automation.settings (
  id boolean primary key default true check (id),
  generation bigint not null default 1,
  paused boolean not null default false,
  paused_reason text,
  tripped_at timestamptz,
  reset_at timestamptz,
  reset_by uuid,
  -- the breaker trips when, within the window, executions or failures pass these limits
  breaker_window_minutes integer not null default 10 check (breaker_window_minutes > 0),
  breaker_max_executions integer not null default 300 check (breaker_max_executions > 0),
  breaker_max_failures integer not null default 20 check (breaker_max_failures > 0)
);
insert into automation.settings (id) values (true);

create table automation.automation_rules (
  id uuid primary key default platform.uuid_v7(),
  name text not null check (length(trim(name)) > 0),
  description text not null default '',
  template text,
  trigger_kind text not null check (trigger_kind in ('event', 'schedule')),
  -- an outbox event type, or a scheduled source (`applications_in_stage`, `guarantee_ended`)
  trigger_key text not null,
  schedule text check (schedule in ('hourly', 'daily')),
  conditions jsonb not null,
  summary text not null,
  action_type text not null,
  action_params jsonb not null default '{}'::jsonb,
  requires_approval boolean not null default true,
  active boolean not null default false,
  max_per_hour integer not null default 20 check (max_per_hour > 0),
  max_per_day integer not null default 200 check (max_per_day > 0),
  minutes_per_action integer not null default 5 check (minutes_per_action >= 0),
  throttled integer not null default 0 check (throttled >= 0),
  last_run_at timestamptz,
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  check ((trigger_kind = 'schedule') = (schedule is not null))
);
create index automation_rules_active_trigger on automation.automation_rules (trigger_kind, trigger_key) where active;

create table automation.automation_executions (
  id uuid primary key default platform.uuid_v7(),
  rule_id uuid not null references automation.automation_rules (id),
  rule_version integer not null,
  -- the outbox event id, or the scheduled occurrence (e.g. the application's stage entry)
  trigger_id text not null,
  trigger_type text not null,
  subject_type text not null,
  subject_id text not null,
  facts jsonb not null default '{}'::jsonb,
  state text not null default 'pending'
    check (state in ('pending', 'approved', 'executed', 'rejected', 'failed', 'undone')),
  reason text,
  error_code text,
  error text,
  attempts integer not null default 0 check (attempts >= 0),
  undo jsonb,
  result jsonb,
  decided_by uuid,
  decided_at timestamptz,
  executed_at timestamptz,
  undone_at timestamptz,
  undone_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  unique (rule_id, trigger_id, subject_id),
  check (state <> 'rejected' or length(trim(reason)) > 0)
);
create index automation_executions_rule_created on automation.automation_executions (rule_id, created_at desc);
create index automation_executions_created on automation.automation_executions (created_at desc, id desc);
create index automation_executions_state on automation.automation_executions (state, created_at desc, id desc);

-- the breaker's log: trips and resets
create table automation.breaker_events (
  id uuid primary key default platform.uuid_v7(),
  kind text not null check (kind in ('tripped', 'reset')),
  reason text not null,
  executions integer,
  failures integer,
  actor_user_id uuid default platform.current_user_id(),
  occurred_at timestamptz not null default now()
);

grant select, insert, update on automation.settings, automation.automation_rules,
  automation.automation_executions to app_runtime;
grant select, insert on automation.breaker_events to app_runtime;

-- Rules and executions are the platform's operations data: platform admins and the system only.
alter table automation.automation_rules enable row level security;
alter table automation.automation_rules force row level security;
create policy rules_admin on automation.automation_rules for all using (
  (select platform.is_system()) or (select identity.is_platform_admin())
);
alter table automation.automation_executions enable row level security;
alter table automation.automation_executions force row level security;
create policy executions_admin on automation.automation_executions for all using (
  (select platform.is_system()) or (select identity.is_platform_admin())
);
