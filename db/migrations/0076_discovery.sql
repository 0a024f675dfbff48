-- Discovery (issue 13 §6): the role marketplace's sorts and counts, saved searches with alerts,
-- public company and recruiter profiles.

-- A fee at a rate as the fee engine computes it (billing/fees): salary × rate, rounded once, half
-- to even, to the minor unit. A company's custom contract or a premium is billing's and private to
-- it: the marketplace shows the role's own rate.
create function ats.fee_at_rate(salary bigint, rate_bps integer) returns bigint
  language sql immutable parallel safe as $$
  select (salary * rate_bps) / 10000
       + case when (salary * rate_bps) % 10000 > 5000
                or ((salary * rate_bps) % 10000 = 5000 and ((salary * rate_bps) / 10000) % 2 = 1)
              then 1 else 0 end
$$;

-- The fee on the role's salary range (cards show it; "fee" sorts by fee_max), and how many
-- submissions the role has had (kept by a trigger: "fewest submissions" sorts by it).
alter table ats.roles
  add column fee_min bigint generated always as (ats.fee_at_rate(salary_min, fee_rate_bps)) stored,
  add column fee_max bigint generated always as (ats.fee_at_rate(salary_max, fee_rate_bps)) stored,
  add column submissions_count integer not null default 0 check (submissions_count >= 0);

select set_config('app.actor_kind', 'system', true);
update ats.roles r set submissions_count = s.n
  from (select role_id, count(*)::int as n from ats.applications group by role_id) s
 where s.role_id = r.id;

-- The counter is the database's: every submission adds one, whoever submits. The function runs
-- as its owner, whom this policy lets update roles (the caller, a recruiter, may not).
create function ats.count_role_submission() returns trigger
  language plpgsql security definer set search_path = pg_catalog, ats as $$
begin
  -- once per statement: a bulk insert (the demo data) updates each role once
  update ats.roles r set submissions_count = r.submissions_count + a.n
    from (select role_id, count(*)::int as n from added group by role_id) a
   where r.id = a.role_id;
  return null;
end $$;
create trigger applications_count_submission after insert on ats.applications
  referencing new table as added for each statement execute function ats.count_role_submission();
do $$ begin
  execute format('create policy roles_submission_counter on ats.roles for all to %I using (true) with check (true)',
                 current_user);
end $$;

-- Keyset orders of the marketplace (open roles), each ending in the id so ties never skip or repeat.
create index roles_open_fee_idx on ats.roles (status, fee_max desc, id desc);
create index roles_open_salary_idx on ats.roles (status, salary_max desc, id desc);
create index roles_open_submissions_idx on ats.roles (status, submissions_count, id);
-- The total count reads only what visibility needs (the policy and the list's rule): an
-- index-only scan instead of the wide rows (descriptions, search vectors).
create index roles_marketplace_count_idx on ats.roles (status, visibility, company_id, id);

-- ---------------------------------------------------------------------------------------------
-- Saved searches: a recruiter's named filters and sort, with alerts for new matching roles
-- ---------------------------------------------------------------------------------------------
create table network.saved_searches (
  id uuid primary key default platform.uuid_v7(),
  recruiter_id uuid not null references network.recruiters (id),
  name text not null check (length(name) between 1 and 100),
  filters jsonb not null default '{}'::jsonb check (jsonb_typeof(filters) = 'object'),
  sort text not null default 'newest' check (sort in ('newest', 'fee', 'salary', 'fewest_submissions')),
  alert_frequency text not null default 'instant' check (alert_frequency in ('instant', 'daily', 'off')),
  channel text not null default 'email' check (channel in ('email', 'in_app')),
  last_digest_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1
);
create unique index saved_searches_name_idx on network.saved_searches (recruiter_id, lower(name));
create index saved_searches_alerting_idx on network.saved_searches (alert_frequency) where alert_frequency <> 'off';

-- One row per (search, role): a role alerts a search at most once, however often it reopens or
-- its event is handled. notified_at is null until the alert (instant) or the digest (daily) goes.
create table network.saved_search_matches (
  saved_search_id uuid not null references network.saved_searches (id) on delete cascade,
  role_id uuid not null references ats.roles (id),
  matched_at timestamptz not null default now(),
  notified_at timestamptz,
  primary key (saved_search_id, role_id)
);
create index saved_search_matches_pending_idx on network.saved_search_matches (saved_search_id)
  where notified_at is null;

grant select, insert, update, delete on network.saved_searches, network.saved_search_matches to app_runtime;

-- A recruiter's searches are their own; the system matches and alerts.
alter table network.saved_searches enable row level security;
alter table network.saved_searches force row level security;
create policy saved_searches_own on network.saved_searches for all using (
  (select platform.is_system()) or recruiter_id = (select ats.current_recruiter_id())
) with check (
  (select platform.is_system()) or recruiter_id = (select ats.current_recruiter_id())
);
alter table network.saved_search_matches enable row level security;
alter table network.saved_search_matches force row level security;
create policy saved_search_matches_own on network.saved_search_matches for all using (
  (select platform.is_system())
  or exists (select 1 from network.saved_searches s
              where s.id = saved_search_id and s.recruiter_id = (select ats.current_recruiter_id()))
);
