-- Invitations to an organisation. A company admin invites a person by email to the hiring team;
-- nothing is granted until that person, signed in with that address, accepts. Replaces adding an
-- existing person to a team at once (issue 7: membership without consent).

create table identity.invitations (
  id uuid primary key default platform.uuid_v7(),
  organization_id uuid not null references identity.organizations (id),
  role text not null,
  email text not null check (email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' and email = lower(email)),
  display_name text not null check (length(display_name) between 1 and 120),
  invited_by uuid not null references identity.users (id),
  status text not null default 'pending' check (status in ('pending', 'accepted', 'declined', 'revoked')),
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  responded_at timestamptz,
  -- who accepted, and the membership it made
  user_id uuid references identity.users (id),
  membership_id uuid references identity.memberships (id),
  check (expires_at > created_at),
  check ((status = 'pending') = (responded_at is null)),
  check ((status = 'accepted') = (membership_id is not null))
);
-- one open invitation per person, role and organisation: a second invite is a conflict, not a duplicate
create unique index invitations_one_pending on identity.invitations (organization_id, role, email)
  where status = 'pending';
create index invitations_email_idx on identity.invitations (email, status);
create index invitations_org_idx on identity.invitations (organization_id, created_at desc);

create function identity.check_invitation_fits() returns trigger language plpgsql as $$
declare
  k text;
  m text;
begin
  select kind, marketplace into k, m from identity.organizations where id = new.organization_id;
  if not identity.role_fits_organization(new.role, k, m) then
    raise exception 'role % does not fit a % organisation of %', new.role, k, m using errcode = 'check_violation';
  end if;
  return new;
end $$;
create trigger invitations_fit before insert or update of role, organization_id on identity.invitations
  for each row execute function identity.check_invitation_fits();

-- The organisations the caller belongs to, and with which roles. SECURITY DEFINER so that policies
-- on memberships can use it without recursing into their own policy.
create function identity.my_memberships() returns table (organization_id uuid, role text)
language sql stable security definer set search_path = pg_catalog, identity as $$
  select m.organization_id, m.role from identity.memberships m where m.user_id = platform.current_user_id()
$$;
revoke all on function identity.my_memberships() from public;
grant execute on function identity.my_memberships() to app_runtime;

-- The caller's own email address (for "invitations to me"), without reading others' contacts.
create function identity.my_email() returns text
language sql stable security definer set search_path = pg_catalog, identity as $$
  select c.email from identity.user_contacts c where c.user_id = platform.current_user_id()
$$;
revoke all on function identity.my_email() from public;
grant execute on function identity.my_email() to app_runtime;

-- A company's admins invite to its team; platform admins and the system anywhere.
create function identity.may_manage_people_of(org uuid) returns boolean language sql stable as $$
  select identity.is_platform_admin() or platform.is_system()
      or exists (select 1 from identity.my_memberships() m where m.organization_id = org and m.role = 'company_admin')
$$;

grant select, insert, update on identity.invitations to app_runtime;
alter table identity.invitations enable row level security;
alter table identity.invitations force row level security;
-- the organisation's members see its invitations (the team screen); the invitee sees their own
create policy invitations_read on identity.invitations for select
  using (identity.is_platform_admin() or platform.is_system()
         or organization_id in (select organization_id from identity.my_memberships())
         or email = identity.my_email());
create policy invitations_create on identity.invitations for insert
  with check (identity.may_manage_people_of(organization_id) and invited_by = platform.current_user_id()
              or platform.is_system());
-- revoking is the organisation's admins'; accepting or declining is the invitee's
create policy invitations_respond on identity.invitations for update
  using (identity.may_manage_people_of(organization_id) or email = identity.my_email());

-- Members of an organisation see each other's memberships (the team list), besides their own.
create policy memberships_colleagues on identity.memberships for select
  using (organization_id in (select organization_id from identity.my_memberships()));
