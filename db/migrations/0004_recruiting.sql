-- Splits Network core marketplace: companies, roles, recruiters, candidates, representation
-- (right to represent), applications, placements and their split agreements.
-- Money is BIGINT minor units; rates are basis points (1% = 100 bps).

create extension if not exists pg_trgm;

create schema ats;
create schema network;
grant usage on schema ats, network to app_runtime;

-- ---------------------------------------------------------------------------------------------
-- Companies (each is an identity organisation of kind 'company'; its hiring team is memberships)
-- ---------------------------------------------------------------------------------------------
create table ats.companies (
  id uuid primary key default platform.uuid_v7(),
  organization_id uuid not null unique references identity.organizations (id),
  name text not null check (length(name) between 1 and 200),
  website text,
  industry text,
  size_band text check (size_band in ('1-10', '11-50', '51-200', '201-1000', '1001-5000', '5000+')),
  headquarters text,
  description text check (length(description) <= 5000),
  payment_terms text not null default 'net_30' check (payment_terms in ('net_30', 'net_60', 'net_90')),
  default_currency char(3) not null default 'USD' check (default_currency ~ '^[A-Z]{3}$'),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- Billing details: only the company's own team, platform admins and the system.
create table ats.company_billing (
  company_id uuid primary key references ats.companies (id),
  billing_email text check (billing_email is null or billing_email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
  billing_contact_name text,
  billing_address text,
  tax_id text,
  updated_at timestamptz not null default now()
);

-- The company members of the caller: company_admin / hiring_manager memberships in its organisation.
create function ats.is_company_member(company uuid) returns boolean language sql stable as $$
  select exists (
    select 1 from identity.memberships m join ats.companies c on c.organization_id = m.organization_id
     where c.id = company and m.user_id = platform.current_user_id() and m.role in ('company_admin', 'hiring_manager'))
$$;

create function ats.is_company_admin(company uuid) returns boolean language sql stable as $$
  select exists (
    select 1 from identity.memberships m join ats.companies c on c.organization_id = m.organization_id
     where c.id = company and m.user_id = platform.current_user_id() and m.role = 'company_admin')
$$;

-- ---------------------------------------------------------------------------------------------
-- Recruiters
-- ---------------------------------------------------------------------------------------------
create table network.recruiters (
  id uuid primary key default platform.uuid_v7(),
  user_id uuid not null unique references identity.users (id),
  headline text check (length(headline) <= 200),
  bio text check (length(bio) <= 5000),
  plan_tier text not null default 'starter' check (plan_tier in ('starter', 'pro', 'partner')),
  agency_organization_id uuid references identity.organizations (id),
  years_experience integer check (years_experience between 0 and 60),
  linkedin_url text,
  location text,
  status text not null default 'active' check (status in ('active', 'paused')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- The seed's table: one row per recruiter, arrays of what they specialise in.
create table network.recruiter_specializations (
  id uuid primary key default platform.uuid_v7(),
  recruiter_id uuid not null unique references network.recruiters (id),
  industry text[] not null default '{}',
  function text[] not null default '{}',
  seniority text[] not null default '{}',
  locations text[] not null default '{}',
  updated_at timestamptz not null default now()
);
create index recruiter_specializations_function_idx on network.recruiter_specializations using gin (function);
create index recruiter_specializations_industry_idx on network.recruiter_specializations using gin (industry);

create function ats.current_recruiter_id() returns uuid language sql stable as
$$ select id from network.recruiters where user_id = platform.current_user_id() $$;

-- ---------------------------------------------------------------------------------------------
-- Roles (the seeds also say "jobs")
-- ---------------------------------------------------------------------------------------------
create table ats.roles (
  id uuid primary key default platform.uuid_v7(),
  company_id uuid not null references ats.companies (id),
  title text not null check (length(title) between 2 and 200),
  description text not null default '' check (length(description) <= 20000),
  function text not null,
  industry text,
  seniority text not null check (seniority in ('intern', 'junior', 'mid', 'senior', 'lead', 'executive')),
  location text,
  country char(2) check (country ~ '^[A-Z]{2}$'),
  work_mode text not null default 'onsite' check (work_mode in ('onsite', 'hybrid', 'remote')),
  employment_type text not null default 'full_time' check (employment_type in ('full_time', 'part_time', 'contract')),
  salary_min bigint not null check (salary_min >= 0),
  salary_max bigint not null,
  salary_currency char(3) not null check (salary_currency ~ '^[A-Z]{3}$'),
  fee_rate_bps integer not null default 2000 check (fee_rate_bps between 0 and 10000),
  guarantee_days integer not null default 90 check (guarantee_days between 0 and 365),
  status text not null default 'draft' check (status in ('draft', 'open', 'paused', 'filled', 'closed')),
  visibility text not null default 'all' check (visibility in ('all', 'assigned')),
  -- the recruiter who owns the role on the company side (a fee role on placements)
  job_owner_recruiter_id uuid references network.recruiters (id),
  hiring_manager_user_id uuid references identity.users (id),
  openings integer not null default 1 check (openings between 1 and 100),
  created_by uuid references identity.users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  opened_at timestamptz,
  closed_at timestamptz,
  version integer not null default 1,
  check (salary_max >= salary_min),
  search tsvector generated always as (
    setweight(to_tsvector('simple', title), 'A')
    || setweight(to_tsvector('simple', function || ' ' || coalesce(industry, '') || ' ' || coalesce(location, '')), 'B')
    || setweight(to_tsvector('simple', left(description, 4000)), 'C')
  ) stored
);
create index roles_status_created_idx on ats.roles (status, created_at desc, id desc);
create index roles_company_idx on ats.roles (company_id, created_at desc);
create index roles_function_idx on ats.roles (function, status);
create index roles_search_idx on ats.roles using gin (search);
create index roles_title_trgm_idx on ats.roles using gin (title gin_trgm_ops);
create index roles_location_trgm_idx on ats.roles using gin (location gin_trgm_ops);
create index roles_salary_idx on ats.roles (salary_currency, salary_max, salary_min);

create function ats.role_transition_allowed(from_status text, to_status text) returns boolean language sql immutable as $$
  select (from_status, to_status) in (
    ('draft', 'open'), ('draft', 'closed'),
    ('open', 'paused'), ('paused', 'open'),
    ('open', 'filled'), ('paused', 'filled'),
    ('open', 'closed'), ('paused', 'closed'))
$$;

create function ats.check_role_transition() returns trigger language plpgsql as $$
begin
  if new.status <> old.status and not ats.role_transition_allowed(old.status, new.status) then
    raise exception 'a role cannot go from % to %', old.status, new.status using errcode = 'check_violation';
  end if;
  return new;
end $$;
create trigger roles_transition before update of status on ats.roles
  for each row execute function ats.check_role_transition();

-- Every change to a role: who, when, what it was and what it became.
create table ats.role_history (
  id uuid primary key default platform.uuid_v7(),
  role_id uuid not null references ats.roles (id),
  changed_at timestamptz not null default now(),
  changed_by uuid references identity.users (id),
  change text not null check (change in ('created', 'updated', 'status_changed', 'assignments_changed')),
  before jsonb,
  after jsonb,
  reason text
);
create index role_history_role_idx on ats.role_history (role_id, changed_at);

-- Recruiters invited to a role that is visible only to them (visibility = 'assigned').
create table ats.role_assignments (
  role_id uuid not null references ats.roles (id),
  recruiter_id uuid not null references network.recruiters (id),
  assigned_by uuid references identity.users (id),
  created_at timestamptz not null default now(),
  primary key (role_id, recruiter_id)
);
create index role_assignments_recruiter_idx on ats.role_assignments (recruiter_id);

-- ---------------------------------------------------------------------------------------------
-- Candidates: the profile, and (apart) the contact details. Both are personal data.
-- ---------------------------------------------------------------------------------------------
-- array_to_string is only STABLE in general (output functions); for text[] it cannot change.
create function ats.join_words(words text[]) returns text language sql immutable parallel safe as
$$ select coalesce(array_to_string(words, ' '), '') $$;

create table ats.candidates (
  id uuid primary key default platform.uuid_v7(),
  -- the recruiter who created the record and represents the person
  recruiter_id uuid not null references network.recruiters (id),
  full_name text not null check (length(full_name) between 1 and 200),
  current_title text,
  location text,
  country char(2) check (country ~ '^[A-Z]{2}$'),
  skills text[] not null default '{}',
  years_experience integer check (years_experience between 0 and 70),
  salary_expectation_min bigint check (salary_expectation_min >= 0),
  salary_expectation_max bigint,
  salary_currency char(3) check (salary_currency ~ '^[A-Z]{3}$'),
  notes text check (length(notes) <= 10000),
  -- the person's consent to being represented and having their data shared with companies
  consent_given_at timestamptz,
  consent_method text check (consent_method in ('email', 'written', 'verbal', 'portal')),
  consent_text_version text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (salary_expectation_max is null or salary_expectation_min is null or salary_expectation_max >= salary_expectation_min),
  check ((consent_given_at is null) = (consent_method is null)),
  search_text text generated always as (
    lower(full_name || ' ' || coalesce(current_title, '') || ' ' || coalesce(location, '') || ' '
      || ats.join_words(skills))
  ) stored
);
create index candidates_recruiter_idx on ats.candidates (recruiter_id, created_at desc, id desc);
create index candidates_search_trgm_idx on ats.candidates using gin (search_text gin_trgm_ops);
create index candidates_skills_idx on ats.candidates using gin (skills);

create table ats.candidate_contacts (
  candidate_id uuid primary key references ats.candidates (id),
  email text check (email is null or email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
  phone text,
  linkedin_url text,
  github_url text,
  website_url text,
  updated_at timestamptz not null default now()
);

-- Normalised identity keys for duplicate detection, stored as HMAC-SHA-256 digests (keyed with the
-- server secret) so that checking across recruiters reveals no one's contact details.
create table ats.candidate_identity_keys (
  candidate_id uuid not null references ats.candidates (id),
  recruiter_id uuid not null references network.recruiters (id),
  kind text not null check (kind in ('email', 'phone', 'linkedin', 'github')),
  key_hash text not null check (key_hash ~ '^[0-9a-f]{64}$'),
  primary key (candidate_id, kind, key_hash)
);
create index candidate_identity_keys_lookup_idx on ats.candidate_identity_keys (kind, key_hash);

-- ---------------------------------------------------------------------------------------------
-- Right to represent (RTR): a recruiter's exclusive right to represent a person to one company,
-- for 12 months by default, from their first submission there.
-- ---------------------------------------------------------------------------------------------
create table ats.representations (
  id uuid primary key default platform.uuid_v7(),
  candidate_id uuid not null references ats.candidates (id),
  recruiter_id uuid not null references network.recruiters (id),
  company_id uuid not null references ats.companies (id),
  starts_at timestamptz not null,
  expires_at timestamptz not null,
  status text not null default 'active' check (status in ('active', 'expired', 'revoked')),
  ownership text not null default 'pending' check (ownership in ('verified', 'pending', 'disputed')),
  revoked_reason text,
  created_at timestamptz not null default now(),
  check (expires_at > starts_at)
);
create unique index representations_one_active on ats.representations (candidate_id, company_id) where status = 'active';
create index representations_company_idx on ats.representations (company_id, status);

-- A submission refused because someone else represents the person to that company. The claimant
-- may dispute it; a platform admin resolves it with a reason.
create table ats.ownership_disputes (
  id uuid primary key default platform.uuid_v7(),
  representation_id uuid not null references ats.representations (id),
  company_id uuid not null references ats.companies (id),
  role_id uuid references ats.roles (id),
  holder_recruiter_id uuid not null references network.recruiters (id),
  claimant_recruiter_id uuid not null references network.recruiters (id),
  claimant_candidate_id uuid not null references ats.candidates (id),
  matched_on text[] not null,
  status text not null default 'recorded' check (status in ('recorded', 'disputed', 'upheld', 'overturned')),
  claimant_reason text,
  resolution_reason text,
  resolved_by uuid references identity.users (id),
  created_at timestamptz not null default now(),
  disputed_at timestamptz,
  resolved_at timestamptz,
  check (status not in ('upheld', 'overturned') or (resolution_reason is not null and resolved_at is not null))
);
create index ownership_disputes_status_idx on ats.ownership_disputes (status, created_at desc);

-- ---------------------------------------------------------------------------------------------
-- Applications (submissions) and their stage history
-- ---------------------------------------------------------------------------------------------
create table ats.applications (
  id uuid primary key default platform.uuid_v7(),
  role_id uuid not null references ats.roles (id),
  company_id uuid not null references ats.companies (id),
  candidate_id uuid not null references ats.candidates (id),
  recruiter_id uuid not null references network.recruiters (id),
  representation_id uuid not null references ats.representations (id),
  stage text not null default 'submitted'
    check (stage in ('submitted', 'screening', 'interview', 'offer', 'hired', 'rejected', 'withdrawn')),
  note text check (length(note) <= 5000),
  closed_reason text,
  submitted_at timestamptz not null default now(),
  stage_changed_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  unique (role_id, candidate_id),
  check (stage <> 'rejected' or closed_reason is not null)
);
create index applications_role_stage_idx on ats.applications (role_id, stage);
create index applications_recruiter_idx on ats.applications (recruiter_id, stage_changed_at desc);
create index applications_company_idx on ats.applications (company_id, stage, stage_changed_at desc);
create index applications_candidate_idx on ats.applications (candidate_id);

create function ats.stage_transition_allowed(from_stage text, to_stage text) returns boolean language sql immutable as $$
  select (from_stage, to_stage) in (
    ('submitted', 'screening'), ('screening', 'interview'), ('interview', 'offer'), ('offer', 'hired'))
    or (from_stage in ('submitted', 'screening', 'interview', 'offer') and to_stage in ('rejected', 'withdrawn'))
$$;

create function ats.check_stage_transition() returns trigger language plpgsql as $$
begin
  if new.stage <> old.stage and not ats.stage_transition_allowed(old.stage, new.stage) then
    raise exception 'an application cannot go from % to %', old.stage, new.stage using errcode = 'check_violation';
  end if;
  return new;
end $$;
create trigger applications_transition before update of stage on ats.applications
  for each row execute function ats.check_stage_transition();

create table ats.application_stage_history (
  id uuid primary key default platform.uuid_v7(),
  application_id uuid not null references ats.applications (id),
  from_stage text,
  to_stage text not null,
  changed_by uuid references identity.users (id),
  changed_at timestamptz not null default now(),
  reason text
);
create index application_stage_history_idx on ats.application_stage_history (application_id, changed_at);

-- ---------------------------------------------------------------------------------------------
-- Placements and split agreements
-- ---------------------------------------------------------------------------------------------
create table ats.placements (
  id uuid primary key default platform.uuid_v7(),
  application_id uuid not null unique references ats.applications (id),
  role_id uuid not null references ats.roles (id),
  company_id uuid not null references ats.companies (id),
  candidate_id uuid not null references ats.candidates (id),
  base_salary bigint not null check (base_salary > 0),
  currency char(3) not null check (currency ~ '^[A-Z]{3}$'),
  start_date date not null,
  guarantee_days integer not null check (guarantee_days between 0 and 365),
  guarantee_ends_on date not null,
  -- what the money issue needs to compute the fee, as agreed when the placement was made
  fee_rate_bps integer not null check (fee_rate_bps between 0 and 10000),
  fee_basis text not null default 'first_year_base_salary',
  fee_rule_version text not null,
  payment_terms text not null check (payment_terms in ('net_30', 'net_60', 'net_90')),
  status text not null default 'active' check (status in ('active', 'fell_off')),
  split_status text not null default 'pending' check (split_status in ('pending', 'agreed')),
  fell_off_on date,
  fall_off_reason text,
  created_by uuid references identity.users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (guarantee_ends_on = start_date + guarantee_days),
  check ((status = 'fell_off') = (fell_off_on is not null and fall_off_reason is not null))
);
create index placements_company_idx on ats.placements (company_id, created_at desc);

create table ats.placement_splits (
  id uuid primary key default platform.uuid_v7(),
  placement_id uuid not null references ats.placements (id),
  fee_role text not null
    check (fee_role in ('candidate_recruiter', 'candidate_sourcer', 'company_sourcer', 'job_owner', 'hiring_facilitator')),
  recruiter_id uuid not null references network.recruiters (id),
  share_bps integer not null check (share_bps between 1 and 10000),
  agreed_at timestamptz,
  unique (placement_id, fee_role)
);
create index placement_splits_recruiter_idx on ats.placement_splits (recruiter_id);

-- At commit, every placement's shares of the recruiter pool sum to exactly 100%.
create function ats.check_split_total() returns trigger language plpgsql as $$
declare
  p uuid := coalesce(new.placement_id, old.placement_id);
  total integer;
begin
  select coalesce(sum(share_bps), 0) into total from ats.placement_splits where placement_id = p;
  if total <> 10000 then
    raise exception 'the split agreement of placement % sums to % bps, not 10000', p, total using errcode = 'check_violation';
  end if;
  return null;
end $$;
create constraint trigger placement_splits_total after insert or update or delete on ats.placement_splits
  deferrable initially deferred for each row execute function ats.check_split_total();

-- ---------------------------------------------------------------------------------------------
-- Privileges and row-level security
-- ---------------------------------------------------------------------------------------------
grant select, insert, update on all tables in schema ats to app_runtime;
grant select, insert, update on all tables in schema network to app_runtime;
grant delete on ats.role_assignments, ats.candidate_identity_keys, ats.placement_splits to app_runtime;

alter table ats.company_billing enable row level security;
alter table ats.company_billing force row level security;
create policy billing_team on ats.company_billing for all
  using (ats.is_company_member(company_id) or identity.is_platform_admin() or platform.is_system())
  with check (ats.is_company_admin(company_id) or identity.is_platform_admin() or platform.is_system());

-- Applications: the submitting recruiter, the company's team, platform admins, the system.
alter table ats.applications enable row level security;
alter table ats.applications force row level security;
create policy applications_visible on ats.applications for all
  using (recruiter_id = (select ats.current_recruiter_id()) or ats.is_company_member(company_id)
         or identity.is_platform_admin() or platform.is_system())
  with check (recruiter_id = (select ats.current_recruiter_id()) or ats.is_company_member(company_id)
         or identity.is_platform_admin() or platform.is_system());

-- Candidates and their contacts: the representing recruiter, companies they were submitted to,
-- platform admins, the system. A forgotten WHERE clause cannot list anyone else's candidates.
create function ats.candidate_visible(candidate uuid, owner uuid) returns boolean language sql stable as $$
  select owner = (select ats.current_recruiter_id())
      or identity.is_platform_admin()
      or platform.is_system()
      or exists (select 1 from ats.applications a where a.candidate_id = candidate and ats.is_company_member(a.company_id))
$$;

alter table ats.candidates enable row level security;
alter table ats.candidates force row level security;
create policy candidates_visible on ats.candidates for select using (ats.candidate_visible(id, recruiter_id));
create policy candidates_insert on ats.candidates for insert
  with check (recruiter_id = (select ats.current_recruiter_id()) or identity.is_platform_admin() or platform.is_system());
create policy candidates_update on ats.candidates for update
  using (recruiter_id = (select ats.current_recruiter_id()) or identity.is_platform_admin() or platform.is_system());

alter table ats.candidate_contacts enable row level security;
alter table ats.candidate_contacts force row level security;
create policy contacts_visible on ats.candidate_contacts for select
  using (exists (select 1 from ats.candidates c where c.id = candidate_id));
create policy contacts_write on ats.candidate_contacts for insert
  with check (exists (select 1 from ats.candidates c where c.id = candidate_id
    and (c.recruiter_id = (select ats.current_recruiter_id()) or identity.is_platform_admin() or platform.is_system())));
create policy contacts_update on ats.candidate_contacts for update
  using (exists (select 1 from ats.candidates c where c.id = candidate_id
    and (c.recruiter_id = (select ats.current_recruiter_id()) or identity.is_platform_admin() or platform.is_system())));
