-- Identity and access: people, organisations, memberships (roles), sessions, sign-in challenges.
-- Personal contact data (email, phone) is kept apart from the profile in identity.user_contacts,
-- under FORCE row-level security: only the person, a platform admin or the system see it.

create schema identity;
grant usage on schema identity to app_runtime;

create table identity.users (
  id uuid primary key default platform.uuid_v7(),
  display_name text not null check (length(display_name) between 1 and 120),
  status text not null default 'active' check (status in ('active', 'suspended')),
  suspended_reason text,
  locale text not null default 'en' check (locale in ('en', 'he')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  last_sign_in_at timestamptz,
  check ((status = 'suspended') = (suspended_reason is not null))
);

create table identity.user_contacts (
  user_id uuid primary key references identity.users (id),
  email text check (email = lower(email) and email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
  -- E.164, e.g. +972502345678
  phone text check (phone ~ '^\+[1-9][0-9]{7,14}$'),
  email_verified_at timestamptz,
  phone_verified_at timestamptz,
  updated_at timestamptz not null default now(),
  check (email is not null or phone is not null)
);
create unique index user_contacts_email_key on identity.user_contacts (email) where email is not null;
create unique index user_contacts_phone_key on identity.user_contacts (phone) where phone is not null;

-- A person as another signed-in user may see them: no contact details.
create view identity.user_directory as
  select id, display_name, status, locale from identity.users;

create table identity.organizations (
  id uuid primary key default platform.uuid_v7(),
  kind text not null check (kind in ('platform', 'company', 'agency')),
  marketplace text not null check (marketplace in ('splits', 'ofair')),
  name text not null check (length(name) between 1 and 200),
  slug text not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
  created_at timestamptz not null default now()
);
-- one platform organisation per marketplace: its members hold marketplace-wide roles
create unique index organizations_one_platform on identity.organizations (marketplace) where kind = 'platform';

create table identity.memberships (
  id uuid primary key default platform.uuid_v7(),
  user_id uuid not null references identity.users (id),
  organization_id uuid not null references identity.organizations (id),
  role text not null check (role in ('platform_admin', 'company_admin', 'hiring_manager', 'recruiter', 'candidate',
    'consumer', 'professional', 'ofair_admin')),
  created_at timestamptz not null default now(),
  granted_by uuid references identity.users (id),
  unique (user_id, organization_id, role)
);
create index memberships_org_idx on identity.memberships (organization_id, role);

-- Which roles fit which organisation, so a grant cannot put a recruiter role on a company.
create function identity.role_fits_organization(role_name text, org_kind text, org_marketplace text)
returns boolean language sql immutable as $$
  select case org_kind
    when 'platform' then
      (org_marketplace = 'splits' and role_name in ('platform_admin', 'recruiter', 'candidate'))
      or (org_marketplace = 'ofair' and role_name in ('consumer', 'professional', 'ofair_admin'))
    when 'company' then role_name in ('company_admin', 'hiring_manager')
    when 'agency' then role_name = 'recruiter'
    else false
  end
$$;

create function identity.check_membership_fits() returns trigger language plpgsql as $$
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
create trigger memberships_fit before insert or update on identity.memberships
  for each row execute function identity.check_membership_fits();

create table identity.sessions (
  id uuid primary key default platform.uuid_v7(),
  user_id uuid not null references identity.users (id),
  -- SHA-256 of the random token the client holds; the token itself is never stored
  token_hash text not null unique,
  marketplace text not null check (marketplace in ('splits', 'ofair')),
  via text not null check (via in ('email_code', 'magic_link', 'phone_code', 'demo')),
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  idle_expires_at timestamptz not null,
  absolute_expires_at timestamptz not null,
  revoked_at timestamptz,
  revoked_reason text,
  ip inet,
  user_agent text
);
create index sessions_user_idx on identity.sessions (user_id, created_at desc);

-- One-time codes and magic links. Codes are stored as HMACs with a server secret, links as SHA-256.
create table identity.sign_in_challenges (
  id uuid primary key default platform.uuid_v7(),
  channel text not null check (channel in ('email', 'sms')),
  destination text not null,
  marketplace text not null check (marketplace in ('splits', 'ofair')),
  -- null when no account matches: the challenge still exists so answers look the same
  user_id uuid references identity.users (id),
  code_hash text not null,
  link_token_hash text unique,
  attempts integer not null default 0,
  max_attempts integer not null default 5,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  consumed_at timestamptz,
  ip inet
);
create index challenges_destination_idx on identity.sign_in_challenges (destination, created_at);
create index challenges_ip_idx on identity.sign_in_challenges (ip, created_at);

-- Identities from an external OpenID Connect issuer (Clerk or any OIDC provider) mapped to users.
create table identity.external_identities (
  issuer text not null,
  subject text not null,
  user_id uuid not null references identity.users (id),
  created_at timestamptz not null default now(),
  primary key (issuer, subject)
);

-- Every reveal of personal data: who saw which fields of whom, and why.
create table platform.pii_access_log (
  id uuid primary key default platform.uuid_v7(),
  occurred_at timestamptz not null default now(),
  actor_user_id uuid default platform.current_user_id(),
  subject_type text not null,
  subject_id text not null,
  fields text[] not null,
  purpose text not null,
  request_id text default platform.current_request_id()
);
create index pii_access_subject_idx on platform.pii_access_log (subject_type, subject_id, occurred_at);
grant select, insert on platform.pii_access_log to app_runtime;

-- Messages captured in demo mode so a newcomer can sign in without a mailbox. Never written
-- outside demo mode (the configuration refuses demo mode in production).
create table platform.dev_outbox (
  id uuid primary key default platform.uuid_v7(),
  channel text not null check (channel in ('email', 'sms', 'whatsapp')),
  recipient text not null,
  subject text,
  body text not null,
  created_at timestamptz not null default now()
);
grant select, insert on platform.dev_outbox to app_runtime;

-- ---------------------------------------------------------------------------------------------
-- Privileges and row-level security
-- ---------------------------------------------------------------------------------------------
grant select, insert, update on identity.users, identity.user_contacts, identity.memberships,
  identity.sessions, identity.sign_in_challenges, identity.external_identities to app_runtime;
grant delete on identity.memberships to app_runtime;
grant select, insert on identity.organizations to app_runtime;
grant select on identity.user_directory to app_runtime;

create function identity.is_platform_admin() returns boolean language sql stable as
$$ select platform.has_role('platform_admin') $$;

alter table identity.user_contacts enable row level security;
alter table identity.user_contacts force row level security;
create policy contacts_read on identity.user_contacts for select
  using (user_id = platform.current_user_id() or identity.is_platform_admin() or platform.is_system());
create policy contacts_write on identity.user_contacts for insert
  with check (identity.is_platform_admin() or platform.is_system());
create policy contacts_update on identity.user_contacts for update
  using (user_id = platform.current_user_id() or identity.is_platform_admin() or platform.is_system());

alter table identity.sessions enable row level security;
alter table identity.sessions force row level security;
create policy sessions_own on identity.sessions for select
  using (user_id = platform.current_user_id() or platform.is_system());
create policy sessions_create on identity.sessions for insert with check (platform.is_system());
create policy sessions_revoke on identity.sessions for update
  using (user_id = platform.current_user_id() or identity.is_platform_admin() or platform.is_system());

alter table identity.sign_in_challenges enable row level security;
alter table identity.sign_in_challenges force row level security;
create policy challenges_system on identity.sign_in_challenges for all
  using (platform.is_system()) with check (platform.is_system());

alter table identity.external_identities enable row level security;
alter table identity.external_identities force row level security;
create policy external_system on identity.external_identities for all
  using (platform.is_system()) with check (platform.is_system());

alter table identity.memberships enable row level security;
alter table identity.memberships force row level security;
create policy memberships_read on identity.memberships for select
  using (user_id = platform.current_user_id() or identity.is_platform_admin() or platform.is_system());
create policy memberships_write on identity.memberships for all
  using (identity.is_platform_admin() or platform.is_system())
  with check (identity.is_platform_admin() or platform.is_system());

-- Profiles (no contact data) are readable by any signed-in actor; changes by the person or admins.
alter table identity.users enable row level security;
alter table identity.users force row level security;
create policy users_read on identity.users for select using (platform.actor_kind() in ('user', 'system'));
create policy users_insert on identity.users for insert with check (identity.is_platform_admin() or platform.is_system());
create policy users_update on identity.users for update
  using (id = platform.current_user_id() or identity.is_platform_admin() or platform.is_system());

-- The two marketplaces' platform organisations: marketplace-wide roles are memberships in them.
insert into identity.organizations (kind, marketplace, name, slug) values
  ('platform', 'splits', 'Splits Network', 'splits-network'),
  ('platform', 'ofair', 'OFAIR', 'ofair');
