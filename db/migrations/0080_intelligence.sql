-- Explainable matching with human review, and the decision audit log (issue 14 §3–§6).
-- The seed names `platform.candidate_role_matches` and `platform.decision_audit_log`; our schemas
-- are per module, so they live in `intelligence`. The module keeps its own derived profiles of
-- roles and candidates (read through recruiting's services, refreshed from its events): matching
-- never reads another module's tables, and the profiles carry no protected attribute (no name,
-- gender, age, photo or nationality: the country is the place of work/residence only).
create schema intelligence;
grant usage on schema intelligence to app_runtime;

-- Versions of the scoring model: the weights of a printable linear model (points per factor,
-- summing to 100), how it was evaluated, and which one is active. Every score names its version.
create table intelligence.model_versions (
  version integer primary key,
  weights jsonb not null,
  status text not null check (status in ('active', 'retired', 'rejected')),
  metrics jsonb not null default '{}'::jsonb,
  trained_on integer not null default 0 check (trained_on >= 0),
  notes text,
  created_at timestamptz not null default now(),
  promoted_at timestamptz
);
create unique index model_versions_one_active on intelligence.model_versions ((true)) where status = 'active';
insert into intelligence.model_versions (version, weights, status, notes, promoted_at)
values (1, '{"skills": 40, "function": 10, "seniority": 12, "location": 15, "salary": 15, "history": 8}',
        'active', 'Hand-set starting weights: skills first, then location and pay, then level and function.', now());

-- A role as matching sees it: skills read from its description with the taxonomy, its function,
-- level, place, work mode, pay range, and who may see it (status, visibility, assignments).
create table intelligence.role_profiles (
  role_id uuid primary key,
  company_id uuid not null,
  company_org_id uuid not null,
  title text not null,
  function text not null,
  industry text,
  seniority text not null,
  country text,
  location text,
  work_mode text not null,
  salary_min bigint not null,
  salary_max bigint not null,
  salary_currency text not null,
  skill_ids text[] not null default '{}',
  status text not null,
  visibility text not null,
  assigned_recruiter_ids uuid[] not null default '{}',
  updated_at timestamptz not null default now()
);
-- candidate generation for a candidate: open roles sharing a skill (or, without skills, the function)
create index role_profiles_open_skills on intelligence.role_profiles using gin (skill_ids) where status = 'open';
create index role_profiles_open_function on intelligence.role_profiles (function) where status = 'open';

-- A candidate as matching sees it: no name, no contact, no protected attribute.
create table intelligence.candidate_profiles (
  candidate_id uuid primary key,
  recruiter_id uuid not null,
  recruiter_user_id uuid not null,
  title text,
  function text,
  seniority text,
  years_experience integer,
  country text,
  location text,
  skill_ids text[] not null default '{}',
  salary_min bigint,
  salary_max bigint,
  salary_currency text,
  updated_at timestamptz not null default now()
);
create index candidate_profiles_skills on intelligence.candidate_profiles using gin (skill_ids);
create index candidate_profiles_function on intelligence.candidate_profiles (function);

-- What was placed: per function, how many hires had each skill (the "history" factor).
create table intelligence.function_skill_stats (
  function text not null,
  skill_id text not null,
  hires integer not null check (hires >= 0),
  primary key (function, skill_id)
);

-- A suggestion: a candidate for a role, scored and explained, and the person's decision on it.
create table intelligence.candidate_role_matches (
  id uuid primary key default platform.uuid_v7(),
  candidate_id uuid not null,
  role_id uuid not null,
  company_id uuid not null,
  company_org_id uuid not null,
  recruiter_id uuid not null,
  recruiter_user_id uuid not null,
  score smallint not null check (score between 0 and 100),
  confidence smallint not null check (confidence between 0 and 100),
  reasons jsonb not null,
  model_version integer not null references intelligence.model_versions (version),
  status text not null default 'suggested'
    check (status in ('suggested', 'accepted', 'rejected', 'expired')),
  outcome text check (outcome in ('accepted', 'submitted', 'interviewed', 'hired', 'rejected')),
  decided_by uuid,
  decided_at timestamptz,
  decision_reason text,
  scored_at timestamptz not null default now(),
  created_at timestamptz not null default now(),
  version integer not null default 1,
  unique (candidate_id, role_id),
  check ((status in ('accepted', 'rejected')) = (decided_at is not null)),
  check (status <> 'rejected' or length(trim(decision_reason)) > 0)
);
create index matches_recruiter on intelligence.candidate_role_matches (recruiter_id, score desc, id);
create index matches_company on intelligence.candidate_role_matches (company_id, score desc, id);
create index matches_role on intelligence.candidate_role_matches (role_id, score desc, id);
create index matches_candidate on intelligence.candidate_role_matches (candidate_id, score desc, id);
create index matches_all on intelligence.candidate_role_matches (score desc, id);

grant select, insert, update, delete on intelligence.role_profiles, intelligence.candidate_profiles,
  intelligence.function_skill_stats, intelligence.candidate_role_matches to app_runtime;
grant select, insert, update on intelligence.model_versions to app_runtime;

-- Who sees a suggestion (in SQL as in code): the candidate's recruiter, the role's hiring team,
-- platform admins and the system.
alter table intelligence.candidate_role_matches enable row level security;
alter table intelligence.candidate_role_matches force row level security;
create policy matches_visible on intelligence.candidate_role_matches for all using (
  (select platform.is_system())
  or (select identity.is_platform_admin())
  or recruiter_user_id = (select platform.current_user_id())
  or company_org_id in (select m.organization_id from identity.my_memberships() m
                         where m.role in ('company_admin', 'hiring_manager'))
);
alter table intelligence.candidate_profiles enable row level security;
alter table intelligence.candidate_profiles force row level security;
-- A hiring team sees the profile (never a name: there is none here) of a candidate suggested for
-- one of its roles.
create policy candidate_profiles_visible on intelligence.candidate_profiles for select using (
  (select platform.is_system())
  or (select identity.is_platform_admin())
  or recruiter_user_id = (select platform.current_user_id())
  or exists (select 1 from intelligence.candidate_role_matches m
              where m.candidate_id = candidate_profiles.candidate_id
                and m.company_org_id in (select o.organization_id from identity.my_memberships() o
                                          where o.role in ('company_admin', 'hiring_manager')))
);
create policy candidate_profiles_write on intelligence.candidate_profiles for all using (
  (select platform.is_system()) or (select identity.is_platform_admin())
);

-- The decision audit log: every suggestion that reached people (its factors, model version and
-- confidence) and every human decision or override, append-only and hash-chained with the
-- kernel's chain hash (platform.audit_hash), like platform.audit_log.
create table intelligence.decision_audit_log (
  id uuid primary key default platform.uuid_v7(),
  seq bigint not null unique,
  occurred_at timestamptz not null default now(),
  kind text not null check (kind in ('suggestion', 'decision', 'override', 'model', 'flag')),
  source text not null default 'matching',
  subject_type text not null,
  subject_id text not null,
  match_id uuid,
  model_version integer,
  score smallint check (score between 0 and 100),
  confidence smallint check (confidence between 0 and 100),
  factors jsonb,
  ai_recommendation text,
  human_decision text,
  agrees boolean,
  reason text,
  actor_user_id uuid default platform.current_user_id(),
  actor_role text,
  request_id text default platform.current_request_id(),
  prev_hash text not null,
  hash text not null
);
create index decision_audit_occurred on intelligence.decision_audit_log (occurred_at desc, seq desc);
create index decision_audit_subject on intelligence.decision_audit_log (subject_type, subject_id, seq);
create index decision_audit_match on intelligence.decision_audit_log (match_id, seq) where match_id is not null;

create function intelligence.decision_content(r intelligence.decision_audit_log) returns text
  language sql immutable as $$
  select jsonb_build_object(
    'seq', r.seq, 'id', r.id, 'occurred_at_us', (extract(epoch from r.occurred_at) * 1000000)::bigint,
    'kind', r.kind, 'source', r.source, 'subject_type', r.subject_type, 'subject_id', r.subject_id,
    'match_id', r.match_id, 'model_version', r.model_version, 'score', r.score,
    'confidence', r.confidence, 'factors', r.factors, 'ai_recommendation', r.ai_recommendation,
    'human_decision', r.human_decision, 'agrees', r.agrees, 'reason', r.reason,
    'actor_user_id', r.actor_user_id, 'actor_role', r.actor_role, 'request_id', r.request_id
  )::text
$$;

-- One writer at a time extends the chain; the head is read once per transaction (dynamic SQL, so
-- the plan uses the unique index backwards) and kept in a transaction-local setting, as in 0065.
create function intelligence.decision_audit_chain() returns trigger language plpgsql as $$
declare
  head text;
  last_seq bigint;
  last_hash text;
begin
  perform pg_advisory_xact_lock(727080);
  head := nullif(current_setting('intelligence.decision_audit_head', true), '');
  if head is null then
    execute 'select seq, hash from intelligence.decision_audit_log order by seq desc limit 1' into last_seq, last_hash;
  else
    last_seq := split_part(head, ':', 1)::bigint;
    last_hash := split_part(head, ':', 2);
  end if;
  new.seq := coalesce(last_seq, 0) + 1;
  new.prev_hash := coalesce(last_hash, repeat('0', 64));
  new.hash := platform.audit_hash(new.prev_hash, intelligence.decision_content(new));
  perform set_config('intelligence.decision_audit_head', new.seq::text || ':' || new.hash, true);
  return new;
end $$;
create trigger decision_audit_chain before insert on intelligence.decision_audit_log
  for each row execute function intelligence.decision_audit_chain();
create trigger decision_audit_no_change before update or delete on intelligence.decision_audit_log
  for each row execute function platform.refuse_change();
create trigger decision_audit_no_truncate before truncate on intelligence.decision_audit_log
  for each statement execute function platform.refuse_change();
grant select, insert on intelligence.decision_audit_log to app_runtime;
