-- Feature flags (issue 15 §2): named switches with targeting rules and a percentage rollout,
-- evaluated in memory through our OpenFeature provider. Every change is kept append-only in
-- flags.flag_changes (who, when, before, after, why) besides the kernel's audit log.
create schema flags;
grant usage on schema flags to app_runtime;

create table flags.flags (
  key text primary key
    check (key ~ '^[a-z][a-z0-9_-]*(\.[a-z][a-z0-9_-]*)*$' and length(key) <= 100),
  description text not null default '' check (length(description) <= 500),
  kind text not null check (kind in ('boolean', 'variant')),
  -- variant name → JSON value; a boolean flag has exactly {"on": true, "off": false}
  variants jsonb not null check (jsonb_typeof(variants) = 'object'),
  -- served when the flag is off (kill switch) or nobody's rule or rollout matched
  default_variant text not null check (variants ? default_variant),
  -- served to the rollout's percentage
  rollout_variant text not null check (variants ? rollout_variant),
  -- the kill switch: false serves default_variant to everyone (reason DISABLED)
  enabled boolean not null default true,
  -- [{attribute, values, variant, percentage?}], first match wins; attributes checked in code
  rules jsonb not null default '[]'::jsonb check (jsonb_typeof(rules) = 'array'),
  -- 0..10000 basis points of everyone else, bucketed by a hash of the key and the subject
  rollout_bp integer not null default 0 check (rollout_bp between 0 and 10000),
  -- whether GET /api/flags tells the web app its value
  client_visible boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by uuid,
  version integer not null default 1 check (version >= 1)
);

create table flags.flag_changes (
  id bigint generated always as identity primary key,
  flag_key text not null,
  action text not null check (action in ('created', 'updated', 'deleted')),
  actor_user_id uuid,
  changed_at timestamptz not null default now(),
  before jsonb,
  after jsonb,
  reason text check (reason is null or length(reason) <= 500)
);
create index flag_changes_key on flags.flag_changes (flag_key, id desc);

create function flags.refuse_change() returns trigger language plpgsql as $$
begin
  raise exception 'flags.flag_changes is append-only'
    using errcode = 'insufficient_privilege';
end $$;
create trigger flag_changes_append_only before update or delete on flags.flag_changes
  for each statement execute function flags.refuse_change();
create trigger flag_changes_no_truncate before truncate on flags.flag_changes
  for each statement execute function flags.refuse_change();

-- Other processes drop their cached flags when one changes.
create function flags.notify_change() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    perform pg_notify('flags_changed', old.key);
  else
    perform pg_notify('flags_changed', new.key);
  end if;
  return null;
end $$;
create trigger flags_notify after insert or update or delete on flags.flags
  for each row execute function flags.notify_change();

grant select, insert, update, delete on flags.flags to app_runtime;
grant select, insert on flags.flag_changes to app_runtime;
