-- Which roles a recruiter sees (issue 7 §11), in SQL as in code (recruiting/roles/queries.ts,
-- visibleRoles) and the API reference: open roles shared with everyone or assigned to them; a role
-- they have an application on, or share a placement of, whatever its status; never a draft. A
-- hiring team sees its company's roles, platform admins and the system all. Until now ats.roles had
-- no policy, and paused, filled and closed roles opened by id for any recruiter.
alter table ats.roles enable row level security;
alter table ats.roles force row level security;

-- Cheapest arms first: the caller-only ones are initplans, evaluated once per query.
create policy roles_visible on ats.roles for select using (
  (select identity.is_platform_admin())
  or (select platform.is_system())
  or company_id = any ((select ats.my_team_company_ids())::uuid[])
  or ((select ats.current_recruiter_id()) is not null and (
        (status = 'open' and (visibility = 'all'
           or exists (select 1 from ats.role_assignments ra
                       where ra.role_id = ats.roles.id and ra.recruiter_id = (select ats.current_recruiter_id()))))
        or exists (select 1 from ats.applications a
                    where a.role_id = ats.roles.id and a.recruiter_id = (select ats.current_recruiter_id()))
        or exists (select 1 from ats.placements p join ats.placement_splits s on s.placement_id = p.id
                    where p.role_id = ats.roles.id and s.recruiter_id = (select ats.current_recruiter_id()))))
);
-- Only the company's hiring team (and admins, the system) post and change its roles.
create policy roles_insert on ats.roles for insert with check (
  (select identity.is_platform_admin()) or (select platform.is_system())
  or company_id = any ((select ats.my_team_company_ids())::uuid[])
);
create policy roles_update on ats.roles for update using (
  (select identity.is_platform_admin()) or (select platform.is_system())
  or company_id = any ((select ats.my_team_company_ids())::uuid[])
);
