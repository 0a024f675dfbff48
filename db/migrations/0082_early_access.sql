-- Early access to new roles (issue 13 §5: an entitlement of the Partner plan). A company may give
-- a role a first look: when it opens, recruiters whose plan includes early access see it (and may
-- submit) at once, everyone else once the window ends (`ats.roles.early_access_until`, cleared by
-- the release job, which also sends their saved-search alerts). Roles shared with chosen recruiters
-- ("assigned") are theirs from the start; the company's team and admins always see their roles.
alter table ats.roles
  add column early_access boolean not null default false,
  add column early_access_until timestamptz;
create index roles_early_access_release_idx on ats.roles (early_access_until) where early_access_until is not null;

-- Whether the recruiter's plan includes early access: billing keeps it in step with the plan
-- (as it does plan_tier); until a plan says otherwise, Partner has it.
alter table network.recruiters add column early_access boolean not null default false;
select set_config('app.actor_kind', 'system', true);
update network.recruiters set early_access = true where plan_tier = 'partner';

create function ats.current_recruiter_has_early_access() returns boolean language sql stable as
$$ select coalesce((select early_access from network.recruiters where user_id = platform.current_user_id()), false) $$;

-- The visibility policy of 0024, with the first look: an open role shared with everyone is hidden
-- from recruiters without early access while its window runs.
drop policy roles_visible on ats.roles;
create policy roles_visible on ats.roles for select using (
  (select identity.is_platform_admin())
  or (select platform.is_system())
  or company_id = any ((select ats.my_team_company_ids())::uuid[])
  or ((select ats.current_recruiter_id()) is not null and (
        (status = 'open' and ((visibility = 'all'
                               and (early_access_until is null or (select ats.current_recruiter_has_early_access())))
           or exists (select 1 from ats.role_assignments ra
                       where ra.role_id = ats.roles.id and ra.recruiter_id = (select ats.current_recruiter_id()))))
        or exists (select 1 from ats.applications a
                    where a.role_id = ats.roles.id and a.recruiter_id = (select ats.current_recruiter_id()))
        or exists (select 1 from ats.placements p join ats.placement_splits s on s.placement_id = p.id
                    where p.role_id = ats.roles.id and s.recruiter_id = (select ats.current_recruiter_id()))))
);
