-- A company sees only what concerns its own roles (issue 7 §1): a candidate's representations at
-- other companies (who represents them there, since when, with what standing) are not its business.
-- Representations were readable by anyone; now row-level security lets in the representing
-- recruiter, the company's hiring team, the claimant of an ownership record about it, platform
-- admins and the system. Deciding the right to represent reads everyone's (the service does that
-- as the system, for one person and company at a time).

-- The companies whose hiring team the caller is on, once per query (an initplan in policies).
create function ats.my_team_company_ids() returns uuid[] language sql stable as $$
  select coalesce(array_agg(c.id), '{}') from ats.companies c
   where c.organization_id in (select m.organization_id from identity.my_memberships() m
                                where m.role in ('company_admin', 'hiring_manager'))
$$;
grant execute on function ats.my_team_company_ids() to app_runtime;


alter table ats.representations enable row level security;
alter table ats.representations force row level security;
create policy representations_visible on ats.representations for select using (
  recruiter_id = (select ats.current_recruiter_id())
  or (select identity.is_platform_admin())
  or (select platform.is_system())
  or company_id = any ((select ats.my_team_company_ids())::uuid[])
  or exists (select 1 from ats.ownership_disputes d
              where d.representation_id = ats.representations.id
                and d.claimant_recruiter_id = (select ats.current_recruiter_id()))
);
create policy representations_insert on ats.representations for insert with check (
  recruiter_id = (select ats.current_recruiter_id()) or (select identity.is_platform_admin()) or (select platform.is_system())
);
create policy representations_update on ats.representations for update using (
  recruiter_id = (select ats.current_recruiter_id()) or (select identity.is_platform_admin()) or (select platform.is_system())
);
