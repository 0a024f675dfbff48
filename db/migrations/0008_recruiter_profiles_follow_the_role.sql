-- Whoever holds the recruiter role is a recruiter of the network: their profile exists from the
-- moment the role is granted (not on their first visit), so they can be found, assigned to roles
-- and named on split agreements. A recruiter membership in an agency records the agency.
create function network.ensure_recruiter_profile() returns trigger language plpgsql as $$
declare
  org_kind text;
  recruiter uuid;
begin
  if new.role <> 'recruiter' then
    return new;
  end if;
  select kind into org_kind from identity.organizations where id = new.organization_id;
  insert into network.recruiters (user_id, agency_organization_id)
    values (new.user_id, case when org_kind = 'agency' then new.organization_id end)
    on conflict (user_id) do update
      set agency_organization_id = coalesce(network.recruiters.agency_organization_id, excluded.agency_organization_id)
    returning id into recruiter;
  insert into network.recruiter_specializations (recruiter_id) values (recruiter) on conflict (recruiter_id) do nothing;
  return new;
end $$;

create trigger memberships_recruiter_profile after insert on identity.memberships
  for each row execute function network.ensure_recruiter_profile();

-- the recruiters who hold the role already
insert into network.recruiters (user_id)
  select distinct m.user_id from identity.memberships m where m.role = 'recruiter'
  on conflict (user_id) do nothing;
update network.recruiters r set agency_organization_id = m.organization_id
  from identity.memberships m join identity.organizations o on o.id = m.organization_id
 where m.user_id = r.user_id and m.role = 'recruiter' and o.kind = 'agency' and r.agency_organization_id is null;
insert into network.recruiter_specializations (recruiter_id)
  select id from network.recruiters on conflict (recruiter_id) do nothing;
