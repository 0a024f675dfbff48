-- The persona homes at 1,000,000 applications (issue 13 §4, bench/homes.ts): daily summaries kept
-- in the same transaction as the rows they summarise, and the company-team arm of two row-level-
-- security policies evaluated once per query instead of once per row.

-- ---------------------------------------------------------------------------------------------
-- Row-level security: the same rules, cheaper shapes
-- ---------------------------------------------------------------------------------------------
-- ats.is_company_member(company_id) ran a membership query for every application a hiring team
-- read (a company's 12-month submissions: 20 ms for 1,000 rows). The caller's team companies are
-- now read once per query (an init plan), as the roles and representations policies already do;
-- ats.my_team_company_ids() is the same rule: companies of organisations where the caller is a
-- company admin or hiring manager.
drop policy applications_visible on ats.applications;
create policy applications_visible on ats.applications for all
  using (recruiter_id = (select ats.current_recruiter_id()) or (select identity.is_platform_admin())
         or (select platform.is_system()) or company_id = any ((select ats.my_team_company_ids())::uuid[]))
  with check (recruiter_id = (select ats.current_recruiter_id()) or (select identity.is_platform_admin())
         or (select platform.is_system()) or company_id = any ((select ats.my_team_company_ids())::uuid[]));

drop policy invoices_visible on billing.invoices;
create policy invoices_visible on billing.invoices for all
  using ((select identity.is_platform_admin()) or (select platform.is_system())
         or company_id = any ((select ats.my_team_company_ids())::uuid[]))
  with check ((select identity.is_platform_admin()) or (select platform.is_system()));

-- ---------------------------------------------------------------------------------------------
-- Placements made per day (UTC), platform-wide: the admin home's placements and their series
-- ---------------------------------------------------------------------------------------------
-- Kept by a trigger in the transaction that inserts (or, never in the product, moves or deletes)
-- a placement, so it is never behind. A period is read as its whole days from here plus its two
-- partial days from ats.placements itself (recruiting/home-facts.ts), so every figure equals the
-- count over the raw rows (home-summaries.int.test.ts compares them).
create table ats.placement_days (
  day date primary key,
  placements integer not null check (placements >= 0)
);
alter table ats.placement_days enable row level security;
create policy placement_days_admin on ats.placement_days for select
  using ((select identity.is_platform_admin()) or (select platform.is_system()));
grant select on ats.placement_days to app_runtime;

create function ats.count_placement_days() returns trigger
  language plpgsql security definer set search_path = pg_catalog, ats as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then
    update ats.placement_days d set placements = d.placements - o.n
      from (select (created_at at time zone 'UTC')::date as day, count(*)::int as n from old_rows group by 1) o
     where d.day = o.day;
  end if;
  if tg_op in ('UPDATE', 'INSERT') then
    insert into ats.placement_days (day, placements)
    select (created_at at time zone 'UTC')::date, count(*)::int from new_rows group by 1
        on conflict (day) do update set placements = ats.placement_days.placements + excluded.placements;
  end if;
  return null;
end $$;
create trigger placements_count_days_insert after insert on ats.placements
  referencing new table as new_rows for each statement execute function ats.count_placement_days();
create trigger placements_count_days_update after update on ats.placements
  referencing old table as old_rows new table as new_rows for each statement execute function ats.count_placement_days();
create trigger placements_count_days_delete after delete on ats.placements
  referencing old table as old_rows for each statement execute function ats.count_placement_days();

-- From the rows (this migration; bench/homes.ts after its bulk load, which runs without triggers).
create function ats.rebuild_placement_days() returns void
  language sql security definer set search_path = pg_catalog, ats as $$
  delete from ats.placement_days;
  insert into ats.placement_days (day, placements)
  select (created_at at time zone 'UTC')::date, count(*)::int from ats.placements group by 1;
$$;
revoke all on function ats.rebuild_placement_days() from public;
select ats.rebuild_placement_days();

-- ---------------------------------------------------------------------------------------------
-- The platform's takings per day (UTC) and currency: GMV and platform fees
-- ---------------------------------------------------------------------------------------------
-- The admin home's GMV is the fee of each placement's first statement, by the statement's date,
-- fallen-off placements left out (billing/home-facts.ts). Statements and fall-offs are append-
-- only (the application role may only insert them), so a first statement adds its fee and
-- platform share to its day, unless the placement has already fallen off, and a fall-off takes
-- its placement's first statement back out.
create table billing.takings_days (
  day date not null,
  currency char(3) not null,
  placements integer not null check (placements >= 0),
  gmv bigint not null check (gmv >= 0),
  platform_fees bigint not null,
  primary key (day, currency)
);
alter table billing.takings_days enable row level security;
create policy takings_days_admin on billing.takings_days for select
  using ((select identity.is_platform_admin()) or (select platform.is_system()));
grant select on billing.takings_days to app_runtime;

-- The trigger functions run as the migration's owner; fee statements force row-level security
-- even on their owner, so the owner may read them all (as 0076 lets it update roles' counters).
do $$ begin
  execute format('create policy statements_takings_summary on billing.fee_statements for select to %I using (true)',
                 current_user);
end $$;

create function billing.count_statement_takings() returns trigger
  language plpgsql security definer set search_path = pg_catalog, billing as $$
begin
  insert into billing.takings_days as d (day, currency, placements, gmv, platform_fees)
  select (s.created_at at time zone 'UTC')::date, s.currency, count(*)::int, sum(s.fee), sum(s.platform_fee)
    from new_rows s
   where s.version = 1 and not exists (select 1 from billing.fall_offs f where f.placement_id = s.placement_id)
   group by 1, 2
      on conflict (day, currency) do update
     set placements = d.placements + excluded.placements, gmv = d.gmv + excluded.gmv,
         platform_fees = d.platform_fees + excluded.platform_fees;
  return null;
end $$;
create trigger fee_statements_count_takings after insert on billing.fee_statements
  referencing new table as new_rows for each statement execute function billing.count_statement_takings();

create function billing.uncount_fall_off_takings() returns trigger
  language plpgsql security definer set search_path = pg_catalog, billing as $$
begin
  update billing.takings_days d
     set placements = d.placements - t.n, gmv = d.gmv - t.gmv, platform_fees = d.platform_fees - t.fees
    from (select (s.created_at at time zone 'UTC')::date as day, s.currency, count(*)::int as n, sum(s.fee) as gmv,
                 sum(s.platform_fee) as fees
            from (select distinct placement_id from new_rows) f
            join billing.fee_statements s on s.placement_id = f.placement_id and s.version = 1
           group by 1, 2) t
   where d.day = t.day and d.currency = t.currency;
  return null;
end $$;
create trigger fall_offs_uncount_takings after insert on billing.fall_offs
  referencing new table as new_rows for each statement execute function billing.uncount_fall_off_takings();

create function billing.rebuild_takings_days() returns void
  language sql security definer set search_path = pg_catalog, billing as $$
  delete from billing.takings_days;
  insert into billing.takings_days (day, currency, placements, gmv, platform_fees)
  select (s.created_at at time zone 'UTC')::date, s.currency, count(*)::int, sum(s.fee), sum(s.platform_fee)
    from billing.fee_statements s
   where s.version = 1 and not exists (select 1 from billing.fall_offs f where f.placement_id = s.placement_id)
   group by 1, 2;
$$;
revoke all on function billing.rebuild_takings_days() from public;
select billing.rebuild_takings_days();

-- ---------------------------------------------------------------------------------------------
-- Days on which each recruiter submitted and each company received a submission
-- ---------------------------------------------------------------------------------------------
-- "Active recruiters in the period" is a count of distinct members, which no sum of daily counts
-- gives. Each (member, day) row also holds the member's previous active day, so a member active
-- on or after day d0 has exactly one row whose range (prev_day, day] contains d0: its first active
-- day from d0 on. The members active in whole days [d0, d1) are the rows whose range contains d0
-- and whose day is before d1 — one GiST stab returning at most one row per member, instead of one
-- index probe per member into the applications. The partial days at a period's ends are read
-- from the applications (recruiting/home-facts.ts). Applications are never deleted, and their
-- member and submission time never change, so an insert trigger keeps this exact.
create table ats.activity_days (
  member_kind text not null check (member_kind in ('recruiter', 'company')),
  member_id uuid not null,
  day date not null,
  prev_day date check (prev_day < day),
  primary key (member_kind, member_id, day)
);
-- Read only through ats.active_members_on() below: under row-level security the range operator
-- (not leakproof) could not use the index, so the table is the owner's alone.
alter table ats.activity_days enable row level security;

-- The owner may read every application (the policy is forced on it too).
do $$ begin
  execute format('create policy applications_activity_summary on ats.applications for select to %I using (true)',
                 current_user);
end $$;

create function ats.record_activity_days() returns trigger
  language plpgsql security definer set search_path = pg_catalog, ats as $$
begin
  -- Set-based, once per statement (a bulk insert of the demo's 1,500 applications is three
  -- statements, not three per member). First a lock per member, in one order for everyone: two
  -- submissions on either side of midnight in concurrent transactions would otherwise each miss
  -- the other's day as their previous one.
  perform pg_advisory_xact_lock(hashtextextended('ats.activity_days:' || kind || ':' || member_id, 0))
     from (select distinct kind, member_id from (
             select 'recruiter' as kind, recruiter_id as member_id from new_rows
             union all select 'company', company_id from new_rows) x
            order by kind, member_id) members;
  insert into ats.activity_days (member_kind, member_id, day)
  select distinct kind, member_id, day from (
    select 'recruiter' as kind, recruiter_id as member_id, (submitted_at at time zone 'UTC')::date as day from new_rows
    union all select 'company', company_id, (submitted_at at time zone 'UTC')::date from new_rows) x
      on conflict do nothing;
  -- each touched member's days from the earliest one this statement added (usually today's, the
  -- member's last: one row) get their previous active day again
  with added as (
    select kind, member_id, min(day) as from_day from (
      select 'recruiter' as kind, recruiter_id as member_id, (submitted_at at time zone 'UTC')::date as day from new_rows
      union all select 'company', company_id, (submitted_at at time zone 'UTC')::date from new_rows) x
     group by kind, member_id),
  days as (
    select d.member_kind, d.member_id, d.day, a.from_day,
           lag(d.day) over (partition by d.member_kind, d.member_id order by d.day) as prev_day
      from ats.activity_days d join added a on a.kind = d.member_kind and a.member_id = d.member_id)
  update ats.activity_days d set prev_day = p.prev_day
    from days p
   where d.member_kind = p.member_kind and d.member_id = p.member_id and d.day = p.day
     and p.day >= p.from_day and d.prev_day is distinct from p.prev_day;
  return null;
end $$;
create trigger applications_record_activity_days after insert on ats.applications
  referencing new table as new_rows for each statement execute function ats.record_activity_days();

create function ats.rebuild_activity_days() returns void
  language sql security definer set search_path = pg_catalog, ats as $$
  delete from ats.activity_days;
  insert into ats.activity_days (member_kind, member_id, day, prev_day)
  select kind, member_id, day, lag(day) over (partition by kind, member_id order by day)
    from (select distinct 'recruiter' as kind, recruiter_id as member_id, (submitted_at at time zone 'UTC')::date as day
            from ats.applications
          union
          select distinct 'company', company_id, (submitted_at at time zone 'UTC')::date from ats.applications) x;
$$;
revoke all on function ats.rebuild_activity_days() from public;
select ats.rebuild_activity_days();
-- the stab index, built once over the backfilled rows (faster than row by row); one stab returns
-- at most one row per member of each kind, from the index alone (every column included)
create index activity_days_stab_idx on ats.activity_days using gist (daterange(prev_day, day, '(]'))
  include (member_kind, member_id, day, prev_day);

-- Members of a kind active on some whole day in [d0, d1), for platform admins and the system only.
create function ats.active_members_on(kind text, d0 date, d1 date) returns setof uuid
  language sql stable security definer set search_path = pg_catalog, ats as $$
  select member_id from ats.activity_days
   where daterange(prev_day, day, '(]') @> d0 and day < d1 and member_kind = kind
     and (identity.is_platform_admin() or platform.is_system())
$$;
revoke all on function ats.active_members_on(text, date, date) from public;
grant execute on function ats.active_members_on(text, date, date) to app_runtime;
