-- The recruiters sharing a placement (a job owner, a sourcer) may see the placed person's profile,
-- but not their contact details: those stay with the representing recruiter, the company the
-- person was submitted to, platform admins and the system.
create or replace function ats.candidate_contacts_visible(candidate uuid, owner uuid) returns boolean
language sql stable as $$
  select owner = (select ats.current_recruiter_id())
      or identity.is_platform_admin()
      or platform.is_system()
      or exists (select 1 from ats.applications a where a.candidate_id = candidate and ats.is_company_member(a.company_id))
$$;

create or replace function ats.candidate_visible(candidate uuid, owner uuid) returns boolean
language sql stable as $$
  select ats.candidate_contacts_visible(candidate, owner)
      or exists (select 1 from ats.placements pl join ats.placement_splits ps on ps.placement_id = pl.id
                  where pl.candidate_id = candidate and ps.recruiter_id = (select ats.current_recruiter_id()))
$$;

drop policy contacts_visible on ats.candidate_contacts;
create policy contacts_visible on ats.candidate_contacts for select
  using (exists (select 1 from ats.candidates c where c.id = candidate_id
    and ats.candidate_contacts_visible(c.id, c.recruiter_id)));
