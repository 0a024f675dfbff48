-- Platform kernel: the application role, actor helpers for row-level security, ids, the
-- hash-chained audit log, the transactional outbox and seed bookkeeping.

create schema if not exists platform;

-- The non-owner role every application transaction switches to (SET LOCAL ROLE), so row-level
-- security applies even when the connection itself is the owner or a superuser.
do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'app_runtime') then
    create role app_runtime nologin;
  end if;
end $$;
grant app_runtime to current_user;
grant usage on schema platform to app_runtime;

-- Who is acting, as set by the application at the start of each transaction.
create function platform.actor_kind() returns text language sql stable as
$$ select coalesce(nullif(current_setting('app.actor_kind', true), ''), 'none') $$;

create function platform.current_user_id() returns uuid language sql stable as
$$ select nullif(current_setting('app.user_id', true), '')::uuid $$;

create function platform.has_role(role_name text) returns boolean language sql stable as
$$ select role_name = any (string_to_array(coalesce(current_setting('app.roles', true), ''), ',')) $$;

create function platform.is_system() returns boolean language sql stable as
$$ select platform.actor_kind() = 'system' $$;

create function platform.current_request_id() returns text language sql stable as
$$ select nullif(current_setting('app.request_id', true), '') $$;

-- Time-ordered UUIDs (RFC 9562 version 7): 48-bit millisecond timestamp, then random bits.
create function platform.uuid_v7() returns uuid language plpgsql volatile as $$
declare
  ms bigint := floor(extract(epoch from clock_timestamp()) * 1000);
  b bytea := uuid_send(gen_random_uuid());
begin
  for i in 0..5 loop
    b := set_byte(b, i, ((ms >> ((5 - i) * 8)) & 255)::int);
  end loop;
  -- version 7 in the high nibble of byte 6; gen_random_uuid already set the RFC variant bits
  b := set_byte(b, 6, (get_byte(b, 6) & 15) | 112);
  return encode(b, 'hex')::uuid;
end $$;

-- ---------------------------------------------------------------------------------------------
-- Audit log: append-only and hash-chained. Each row's hash covers its content and the previous
-- row's hash, so any edit, insertion or deletion in the middle breaks the chain at that point.
-- ---------------------------------------------------------------------------------------------
create table platform.audit_log (
  seq bigint primary key,
  id uuid not null unique default platform.uuid_v7(),
  occurred_at timestamptz not null default now(),
  actor_user_id uuid default platform.current_user_id(),
  actor_role text,
  action text not null check (action ~ '^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$'),
  entity_type text not null,
  entity_id text,
  before jsonb,
  after jsonb,
  request_id text default platform.current_request_id(),
  prev_hash text not null,
  hash text not null
);
create index audit_log_entity_idx on platform.audit_log (entity_type, entity_id, seq);
create index audit_log_actor_idx on platform.audit_log (actor_user_id, seq);

-- The canonical text that a row's hash covers. jsonb renders keys in a fixed order; the time is
-- rendered as epoch microseconds so the session time zone cannot change it.
create function platform.audit_content(r platform.audit_log) returns text language sql immutable as $$
  select jsonb_build_object(
    'seq', r.seq,
    'id', r.id,
    'occurred_at_us', (extract(epoch from r.occurred_at) * 1000000)::bigint,
    'actor_user_id', r.actor_user_id,
    'actor_role', r.actor_role,
    'action', r.action,
    'entity_type', r.entity_type,
    'entity_id', r.entity_id,
    'before', r.before,
    'after', r.after,
    'request_id', r.request_id
  )::text
$$;

create function platform.audit_hash(prev_hash text, content text) returns text language sql immutable as
$$ select encode(sha256(convert_to(prev_hash || '|' || content, 'UTF8')), 'hex') $$;

-- Assigns the sequence number and the hashes under a transaction-level lock, so the chain order
-- is the commit order and two writers never chain to the same predecessor.
create function platform.audit_log_chain() returns trigger language plpgsql
set search_path = platform, pg_catalog as $$
declare
  last_seq bigint;
  last_hash text;
begin
  perform pg_advisory_xact_lock(727002);
  select seq, hash into last_seq, last_hash from platform.audit_log order by seq desc limit 1;
  new.seq := coalesce(last_seq, 0) + 1;
  new.prev_hash := coalesce(last_hash, repeat('0', 64));
  new.hash := platform.audit_hash(new.prev_hash, platform.audit_content(new));
  return new;
end $$;

create trigger audit_log_chain before insert on platform.audit_log
  for each row execute function platform.audit_log_chain();

create function platform.refuse_change() returns trigger language plpgsql as $$
begin
  raise exception '% is append-only: % refused', tg_table_schema || '.' || tg_table_name, tg_op
    using errcode = 'insufficient_privilege';
end $$;

create trigger audit_log_no_update before update or delete on platform.audit_log
  for each row execute function platform.refuse_change();
create trigger audit_log_no_truncate before truncate on platform.audit_log
  for each statement execute function platform.refuse_change();

grant select, insert on platform.audit_log to app_runtime;

-- Walks the chain from `from_seq` (expecting `expected_prev` as that row's predecessor hash) and
-- returns the first row that does not verify, or nothing. Called in batches by the CLI.
create function platform.verify_audit_chain(from_seq bigint default 1, max_rows integer default 1000000,
  expected_prev text default null)
returns table (broken_seq bigint, reason text, last_seq bigint, last_hash text)
language plpgsql stable as $$
declare
  r platform.audit_log;
  prev text := coalesce(expected_prev, repeat('0', 64));
  want_seq bigint := from_seq;
  n integer := 0;
begin
  if from_seq > 1 and expected_prev is null then
    select a.hash into prev from platform.audit_log a where a.seq = from_seq - 1;
    if prev is null then
      broken_seq := from_seq - 1; reason := 'row missing'; return next; return;
    end if;
  end if;
  for r in select * from platform.audit_log a where a.seq >= from_seq order by a.seq limit max_rows loop
    if r.seq <> want_seq then
      broken_seq := want_seq; reason := 'row missing (sequence gap)'; return next; return;
    end if;
    if r.prev_hash <> prev then
      broken_seq := r.seq; reason := 'previous-hash link does not match'; return next; return;
    end if;
    if r.hash <> platform.audit_hash(r.prev_hash, platform.audit_content(r)) then
      broken_seq := r.seq; reason := 'content does not match its hash'; return next; return;
    end if;
    prev := r.hash;
    want_seq := r.seq + 1;
    n := n + 1;
  end loop;
  broken_seq := null; reason := null; last_seq := want_seq - 1; last_hash := prev;
  return next;
end $$;

-- ---------------------------------------------------------------------------------------------
-- Transactional outbox: domain events written in the same transaction as the change they
-- describe; the relay moves them to the job queue once per consumer.
-- ---------------------------------------------------------------------------------------------
create table platform.outbox (
  seq bigserial primary key,
  event_id uuid not null unique default platform.uuid_v7(),
  event_type text not null check (event_type ~ '^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$'),
  aggregate_type text not null,
  aggregate_id text not null,
  payload jsonb not null,
  occurred_at timestamptz not null default now(),
  request_id text default platform.current_request_id(),
  actor_user_id uuid default platform.current_user_id(),
  relayed_at timestamptz
);
create index outbox_pending_idx on platform.outbox (seq) where relayed_at is null;
create index outbox_aggregate_idx on platform.outbox (aggregate_type, aggregate_id, seq);

-- Wakes the relay at commit time instead of waiting for its next poll.
create function platform.outbox_notify() returns trigger language plpgsql as $$
begin
  perform pg_notify('platform_outbox', '');
  return null;
end $$;
create trigger outbox_notify after insert on platform.outbox
  for each statement execute function platform.outbox_notify();

grant insert, select on platform.outbox to app_runtime;
grant usage on sequence platform.outbox_seq_seq to app_runtime;

-- Consumers record the events they have handled, in the transaction that handles them, so a job
-- retried after a crash does its work once.
create table platform.processed_events (
  consumer text not null,
  event_id uuid not null,
  processed_at timestamptz not null default now(),
  primary key (consumer, event_id)
);
grant select, insert on platform.processed_events to app_runtime;

-- Demo and reference data loaded by `seed`, one row per seed step, so reseeding is a no-op.
create table platform.seed_runs (
  name text primary key,
  version integer not null,
  applied_at timestamptz not null default now(),
  detail jsonb
);
