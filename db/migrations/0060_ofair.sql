-- OFAIR (seed 004): professionals, consumers, Hebrew categories and Israeli localities, leads with
-- their consumer and professional details, referrals, proposals, and the protected reveal of a
-- lead's client details (name, phone, address) to the accepted winner only.
--
-- Personal data of clients lives in ofair.consumer_leads and ofair.professional_leads under FORCE
-- row-level security: the lead's owner, the professional it was revealed to, OFAIR admins and the
-- system. Reads go through ofair.read_client_details (which logs each one); the reveal goes through
-- ofair.accept_proposal (SECURITY DEFINER): the one place that grants it. The lead board reads the
-- view ofair.public_leads, which has no client columns at all. Money is BIGINT agorot; shares and
-- commissions are basis points (2000 = 20%).

create extension if not exists cube;
create extension if not exists earthdistance;

create schema ofair;
grant usage on schema ofair to app_runtime;

-- ---------------------------------------------------------------------------------------------
-- Reference data (kept in step with data/*.json by the module at start-up)
-- ---------------------------------------------------------------------------------------------
create table ofair.categories (
  id text primary key check (id ~ '^[a-z][a-z0-9_]{1,60}$'),
  parent_id text references ofair.categories (id),
  name_he text not null check (length(name_he) between 1 and 80),
  name_en text not null check (length(name_en) between 1 and 80),
  sort_order integer not null default 0,
  check (parent_id is distinct from id)
);

-- GeoNames (CC BY 4.0) coordinates, Hebrew names written for this project.
create table ofair.localities (
  id integer primary key,
  name_he text not null unique check (length(name_he) between 1 and 80),
  name_en text not null check (length(name_en) between 1 and 80),
  district_he text not null,
  lat double precision not null check (lat between 29 and 34),
  lng double precision not null check (lng between 34 and 36.5),
  -- spelling-insensitive search key (no punctuation, yy/vv folded), written by the module
  search_key text not null,
  rank smallint not null default 2 check (rank between 1 and 3),
  active boolean not null default true
);
create index localities_earth_idx on ofair.localities using gist (ll_to_earth(lat, lng));

grant select on ofair.categories, ofair.localities to app_runtime;

-- ---------------------------------------------------------------------------------------------
-- Files: certificates, lead attachments and proposal media. Bytes are kept apart from metadata;
-- only the system reads them (after checking a signed, short-lived URL).
-- ---------------------------------------------------------------------------------------------
create table ofair.files (
  id uuid primary key default platform.uuid_v7(),
  owner_user_id uuid not null,
  purpose text not null check (purpose in ('certificate', 'lead_attachment', 'proposal_media')),
  mime text not null check (mime in ('image/jpeg', 'image/png', 'image/webp', 'application/pdf')),
  size_bytes integer not null check (size_bytes between 1 and 10485760),
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  original_name text not null check (length(original_name) between 1 and 200),
  created_at timestamptz not null default now()
);
create index files_owner_idx on ofair.files (owner_user_id, created_at desc);

create table ofair.file_blobs (
  file_id uuid primary key references ofair.files (id),
  bytes bytea not null
);

-- ---------------------------------------------------------------------------------------------
-- Professionals and consumers
-- ---------------------------------------------------------------------------------------------
create table ofair.professionals (
  id uuid primary key default platform.uuid_v7(),
  user_id uuid not null unique references identity.users (id),
  display_name text not null check (length(display_name) between 2 and 80),
  profession_category_id text not null references ofair.categories (id),
  company_name text check (length(company_name) between 1 and 120),
  -- ח.פ. / עוסק: nine digits with a valid check digit (checked in code too)
  business_number text not null check (business_number ~ '^[0-9]{9}$'),
  business_type text not null check (business_type in ('osek_murshe', 'osek_patur', 'company')),
  about text not null default '' check (length(about) <= 2000),
  base_locality_id integer not null references ofair.localities (id),
  service_radius_km integer not null check (service_radius_km between 1 and 150),
  -- {"sun":[["08:00","17:00"]], ...} in Asia/Jerusalem
  working_hours jsonb not null default '{}'::jsonb,
  status text not null default 'pending' check (status in ('pending', 'verified', 'rejected', 'suspended')),
  verification_note text check (length(verification_note) <= 1000),
  verified_at timestamptz,
  verified_by uuid,
  -- shown on the public profile until reviews (a later issue) are collected here
  rating_sum integer not null default 0 check (rating_sum >= 0),
  review_count integer not null default 0 check (review_count >= 0),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  check ((status = 'verified') = (verified_at is not null))
);
create index professionals_category_idx on ofair.professionals (profession_category_id, status);
create index professionals_status_idx on ofair.professionals (status, created_at desc, id desc);
create index professionals_list_idx on ofair.professionals (display_name, id) where status = 'verified';

create table ofair.professional_specialties (
  professional_id uuid not null references ofair.professionals (id),
  category_id text not null references ofair.categories (id),
  primary key (professional_id, category_id)
);
create index professional_specialties_category_idx on ofair.professional_specialties (category_id);

create table ofair.professional_service_areas (
  professional_id uuid not null references ofair.professionals (id),
  locality_id integer not null references ofair.localities (id),
  primary key (professional_id, locality_id)
);
create index professional_service_areas_locality_idx on ofair.professional_service_areas (locality_id);

create table ofair.professional_certificates (
  id uuid primary key default platform.uuid_v7(),
  professional_id uuid not null references ofair.professionals (id),
  file_id uuid not null unique references ofair.files (id),
  title text not null check (length(title) between 1 and 120),
  created_at timestamptz not null default now()
);
create index professional_certificates_pro_idx on ofair.professional_certificates (professional_id, created_at);

-- The optional monthly subscription (seed: ~100 ILS/month). Subscribers' leads are pinned on the
-- board and they hear first about matching new leads. Paying for it is a later issue.
create table ofair.subscriptions (
  id uuid primary key default platform.uuid_v7(),
  professional_id uuid not null references ofair.professionals (id),
  monthly_price_minor bigint not null check (monthly_price_minor >= 0),
  currency char(3) not null default 'ILS' check (currency = 'ILS'),
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  created_at timestamptz not null default now(),
  check (ends_at > starts_at)
);
create index subscriptions_pro_idx on ofair.subscriptions (professional_id, ends_at desc);

-- Reviews are collected by a later issue; the public profile already reads them.
create table ofair.professional_reviews (
  id uuid primary key default platform.uuid_v7(),
  professional_id uuid not null references ofair.professionals (id),
  rating smallint not null check (rating between 1 and 5),
  body text not null default '' check (length(body) <= 2000),
  reviewer_display text not null check (length(reviewer_display) between 1 and 80),
  created_at timestamptz not null default now()
);
create index professional_reviews_pro_idx on ofair.professional_reviews (professional_id, created_at desc);

-- A consumer's own address and preferences (personal data: the person, admins, the system).
create table ofair.consumer_profiles (
  user_id uuid primary key references identity.users (id),
  locality_id integer references ofair.localities (id),
  street text check (length(street) between 1 and 200),
  preferences jsonb not null default '{}'::jsonb,
  updated_at timestamptz not null default now(),
  version integer not null default 1
);

-- ---------------------------------------------------------------------------------------------
-- Leads. The abstract lead holds everything that may be shown to professionals; the client's
-- details live in the subtype tables under row-level security.
-- ---------------------------------------------------------------------------------------------
create table ofair.leads (
  id uuid primary key default platform.uuid_v7(),
  type text not null check (type in ('consumer', 'professional_referral')),
  title text not null check (length(title) between 3 and 120),
  short_description text not null check (length(short_description) between 1 and 500),
  category_id text not null references ofair.categories (id),
  subcategory_id text references ofair.categories (id),
  locality_id integer not null references ofair.localities (id),
  -- the locality's point when the lead was published (the board measures distance from it)
  lat double precision not null,
  lng double precision not null,
  budget_min_minor bigint check (budget_min_minor >= 0),
  budget_max_minor bigint check (budget_max_minor >= 0),
  currency char(3) not null default 'ILS' check (currency = 'ILS'),
  preferred_schedule text check (length(preferred_schedule) <= 200),
  status text not null default 'active' check (status in ('active', 'pending', 'closed')),
  close_reason text check (close_reason in ('completed', 'cancelled', 'removed')),
  created_by_user_id uuid not null references identity.users (id),
  created_by_professional_id uuid references ofair.professionals (id),
  -- the share of the final amount the uploader earns (professional leads; 0-90%), and the
  -- platform's commission rate, both fixed when the lead is published (seed: 5% / 10%)
  referrer_share_bps integer check (referrer_share_bps between 0 and 9000),
  platform_commission_bps integer not null check (platform_commission_bps between 0 and 10000),
  minimum_job_amount_minor bigint not null default 0 check (minimum_job_amount_minor >= 0),
  final_amount_minor bigint check (final_amount_minor > 0),
  accepted_proposal_id uuid,
  -- 1: published by a subscriber, pinned on the board
  priority smallint not null default 0 check (priority in (0, 1)),
  proposals_count integer not null default 0 check (proposals_count >= 0),
  moderation_note text check (length(moderation_note) <= 1000),
  published_at timestamptz not null default now(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  closed_at timestamptz,
  version integer not null default 1,
  check ((type = 'professional_referral') = (created_by_professional_id is not null)),
  check ((type = 'professional_referral') = (referrer_share_bps is not null)),
  check (budget_max_minor is null or budget_min_minor is null or budget_max_minor >= budget_min_minor),
  check ((status = 'closed') = (close_reason is not null and closed_at is not null)),
  check ((close_reason = 'completed') = (final_amount_minor is not null)),
  check (status = 'active' or close_reason in ('cancelled', 'removed') or accepted_proposal_id is not null)
);
-- The board: newest first within the pinned/unpinned groups, per locality (and category); the
-- columns the filters read are included so a page is read from the index alone.
create index leads_board_idx on ofair.leads (locality_id, category_id, priority desc, published_at desc, id desc)
  include (budget_min_minor, budget_max_minor, type, subcategory_id, created_by_professional_id)
  where status = 'active';
create index leads_board_any_category_idx on ofair.leads (locality_id, priority desc, published_at desc, id desc)
  include (budget_min_minor, budget_max_minor, type, category_id, subcategory_id, created_by_professional_id)
  where status = 'active';
create index leads_owner_idx on ofair.leads (created_by_user_id, created_at desc, id desc);
create index leads_admin_idx on ofair.leads (created_at desc, id desc);

create table ofair.consumer_leads (
  lead_id uuid primary key references ofair.leads (id),
  client_name text not null check (length(client_name) between 1 and 120),
  client_phone text not null check (client_phone ~ '^\+972[0-9]{8,9}$'),
  client_address text not null check (length(client_address) between 1 and 300),
  full_description text not null default '' check (length(full_description) <= 5000)
);

create table ofair.professional_leads (
  lead_id uuid primary key references ofair.leads (id),
  client_name text not null check (length(client_name) between 1 and 120),
  client_phone text not null check (client_phone ~ '^\+972[0-9]{8,9}$'),
  client_address text not null check (length(client_address) between 1 and 300),
  estimated_budget_minor bigint not null check (estimated_budget_minor > 0),
  referrer_share_bps integer not null check (referrer_share_bps between 0 and 9000),
  client_notes text not null default '' check (length(client_notes) <= 2000)
);

create table ofair.lead_attachments (
  lead_id uuid not null references ofair.leads (id),
  file_id uuid not null unique references ofair.files (id),
  position smallint not null check (position between 0 and 9),
  primary key (lead_id, file_id)
);

-- ---------------------------------------------------------------------------------------------
-- Referrals: a chain of at most four offers; each level records its referrer's share; the chain's
-- total never exceeds 90%.
-- ---------------------------------------------------------------------------------------------
create table ofair.referrals (
  id uuid primary key default platform.uuid_v7(),
  lead_id uuid not null references ofair.leads (id),
  parent_referral_id uuid references ofair.referrals (id),
  referrer_professional_id uuid not null references ofair.professionals (id),
  receiver_professional_id uuid not null references ofair.professionals (id),
  level smallint not null check (level between 1 and 4),
  commission_bps integer not null check (commission_bps between 0 and 9000),
  chain_total_bps integer not null check (chain_total_bps between 0 and 9000),
  status text not null default 'pending' check (status in ('pending', 'accepted', 'rejected', 'completed')),
  closed_reason text check (closed_reason in ('declined', 'claimed_by_other', 'lead_closed')),
  note text check (length(note) <= 500),
  created_at timestamptz not null default now(),
  accepted_at timestamptz,
  rejected_at timestamptz,
  completed_at timestamptz,
  version integer not null default 1,
  check (referrer_professional_id <> receiver_professional_id),
  check ((level = 1) = (parent_referral_id is null)),
  check ((status = 'rejected') = (closed_reason is not null and rejected_at is not null)),
  check (status not in ('accepted', 'completed') or accepted_at is not null),
  check ((status = 'completed') = (completed_at is not null))
);
-- one claim per level of a lead's chain; one live offer per receiver and lead
create unique index referrals_one_claim_per_level on ofair.referrals (lead_id, level)
  where status in ('accepted', 'completed');
create unique index referrals_one_live_offer on ofair.referrals (lead_id, receiver_professional_id)
  where status in ('pending', 'accepted', 'completed');
create index referrals_receiver_idx on ofair.referrals (receiver_professional_id, created_at desc, id desc);
create index referrals_referrer_idx on ofair.referrals (referrer_professional_id, created_at desc, id desc);
create index referrals_lead_idx on ofair.referrals (lead_id, level);

-- The chain rules, in SQL as well as in code: a level-1 offer comes from the lead's uploader at
-- the lead's share; an onward offer comes from the receiver of an accepted parent, one level
-- down; the running total is the parent's plus this share; nobody already in the chain receives.
-- (A definer: the inserting professional's own policies hide the levels above them.)
create function ofair.check_referral_chain() returns trigger language plpgsql security definer
set search_path = ofair, pg_catalog as $$
declare
  parent ofair.referrals;
  lead ofair.leads;
begin
  select * into lead from ofair.leads where id = new.lead_id;
  if new.level = 1 then
    if new.referrer_professional_id is distinct from lead.created_by_professional_id then
      raise exception 'a first-level referral comes from the lead''s uploader' using errcode = 'check_violation';
    end if;
    if new.commission_bps <> lead.referrer_share_bps or new.chain_total_bps <> new.commission_bps then
      raise exception 'a first-level referral carries the lead''s share' using errcode = 'check_violation';
    end if;
    if new.receiver_professional_id = lead.created_by_professional_id then
      raise exception 'a referral cannot go back to the uploader' using errcode = 'check_violation';
    end if;
  else
    select * into parent from ofair.referrals where id = new.parent_referral_id;
    if parent.lead_id <> new.lead_id or parent.status <> 'accepted'
       or parent.receiver_professional_id <> new.referrer_professional_id or new.level <> parent.level + 1 then
      raise exception 'an onward referral comes from the receiver of an accepted referral, one level down'
        using errcode = 'check_violation';
    end if;
    if new.chain_total_bps <> parent.chain_total_bps + new.commission_bps then
      raise exception 'the chain total must add this level''s share' using errcode = 'check_violation';
    end if;
    if new.receiver_professional_id = lead.created_by_professional_id or exists (
      with recursive chain as (
        select r.id, r.parent_referral_id, r.referrer_professional_id, r.receiver_professional_id
          from ofair.referrals r where r.id = new.parent_referral_id
        union all
        select r.id, r.parent_referral_id, r.referrer_professional_id, r.receiver_professional_id
          from ofair.referrals r join chain c on r.id = c.parent_referral_id)
      select 1 from chain
       where new.receiver_professional_id in (chain.referrer_professional_id, chain.receiver_professional_id)) then
      raise exception 'a referral may not loop back into its chain' using errcode = 'check_violation';
    end if;
  end if;
  return new;
end $$;
create trigger referrals_chain before insert on ofair.referrals
  for each row execute function ofair.check_referral_chain();

-- ---------------------------------------------------------------------------------------------
-- Proposals
-- ---------------------------------------------------------------------------------------------
create table ofair.proposals (
  id uuid primary key default platform.uuid_v7(),
  lead_id uuid not null references ofair.leads (id),
  professional_id uuid not null references ofair.professionals (id),
  price_minor bigint not null check (price_minor > 0),
  currency char(3) not null default 'ILS' check (currency = 'ILS'),
  description text not null check (length(description) between 1 and 2000),
  scheduled_date date,
  status text not null default 'pending' check (status in ('pending', 'accepted', 'rejected', 'cancelled')),
  rejected_reason text check (rejected_reason in ('another_accepted', 'lead_closed')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  decided_at timestamptz,
  version integer not null default 1,
  check ((status = 'rejected') = (rejected_reason is not null)),
  check (status = 'pending' or decided_at is not null)
);
-- one live proposal per professional and lead
create unique index proposals_one_live on ofair.proposals (lead_id, professional_id)
  where status in ('pending', 'accepted');
create index proposals_lead_idx on ofair.proposals (lead_id, created_at, id);
create index proposals_pro_idx on ofair.proposals (professional_id, created_at desc, id desc);
alter table ofair.leads add constraint leads_accepted_proposal_fk
  foreign key (accepted_proposal_id) references ofair.proposals (id);

create table ofair.proposal_media (
  proposal_id uuid not null references ofair.proposals (id),
  file_id uuid not null unique references ofair.files (id),
  position smallint not null check (position between 0 and 9),
  primary key (proposal_id, file_id)
);

-- ---------------------------------------------------------------------------------------------
-- Consent, reveals and the access log (append-only)
-- ---------------------------------------------------------------------------------------------
create table ofair.phone_revelations (
  id uuid primary key default platform.uuid_v7(),
  lead_id uuid not null references ofair.leads (id),
  proposal_id uuid not null unique references ofair.proposals (id),
  revealed_to_user_id uuid not null references identity.users (id),
  revealed_to_professional_id uuid not null references ofair.professionals (id),
  revealed_by_user_id uuid not null references identity.users (id),
  -- the owner's consent to share the client's details with this professional, as shown to them
  consent_text text not null check (length(consent_text) between 1 and 1000),
  ip inet,
  user_agent text check (length(user_agent) <= 1000),
  revealed_at timestamptz not null default now(),
  request_id text default platform.current_request_id()
);
create unique index phone_revelations_one_per_lead on ofair.phone_revelations (lead_id);
create index phone_revelations_to_idx on ofair.phone_revelations (revealed_to_user_id, lead_id);

create table ofair.contact_access_logs (
  id uuid primary key default platform.uuid_v7(),
  lead_id uuid not null references ofair.leads (id),
  accessor_user_id uuid not null,
  accessor_role text not null check (accessor_role in ('owner', 'winner', 'admin')),
  action text not null check (action in ('revealed', 'viewed')),
  fields text[] not null,
  ip inet,
  user_agent text check (length(user_agent) <= 1000),
  occurred_at timestamptz not null default now(),
  request_id text default platform.current_request_id()
);
create index contact_access_logs_lead_idx on ofair.contact_access_logs (lead_id, occurred_at desc, id desc);

create trigger phone_revelations_append_only before update or delete on ofair.phone_revelations
  for each row execute function platform.refuse_change();
create trigger contact_access_logs_append_only before update or delete on ofair.contact_access_logs
  for each row execute function platform.refuse_change();
create trigger phone_revelations_no_truncate before truncate on ofair.phone_revelations
  for each statement execute function platform.refuse_change();
create trigger contact_access_logs_no_truncate before truncate on ofair.contact_access_logs
  for each statement execute function platform.refuse_change();

-- ---------------------------------------------------------------------------------------------
-- State machines, refused again in SQL
-- ---------------------------------------------------------------------------------------------
create function ofair.check_transition() returns trigger language plpgsql as $$
declare
  allowed text[];
begin
  if new.status = old.status then return new; end if;
  allowed := case tg_table_name
    when 'leads' then case old.status
      when 'active' then array['pending', 'closed'] when 'pending' then array['closed'] else array[]::text[] end
    when 'proposals' then case old.status
      when 'pending' then array['accepted', 'rejected', 'cancelled'] else array[]::text[] end
    when 'referrals' then case old.status
      when 'pending' then array['accepted', 'rejected'] when 'accepted' then array['completed'] else array[]::text[] end
  end;
  if not new.status = any (allowed) then
    raise exception '%: % → % is not allowed', tg_table_name, old.status, new.status using errcode = 'check_violation';
  end if;
  return new;
end $$;
create trigger leads_transition before update of status on ofair.leads
  for each row execute function ofair.check_transition();
create trigger proposals_transition before update of status on ofair.proposals
  for each row execute function ofair.check_transition();
create trigger referrals_transition before update of status on ofair.referrals
  for each row execute function ofair.check_transition();

-- The number of live proposals on each lead, kept by the database (the board shows it).
create function ofair.count_proposals() returns trigger language plpgsql security definer
set search_path = ofair, pg_catalog as $$
declare
  was_live boolean := tg_op = 'UPDATE' and old.status in ('pending', 'accepted');
  is_live boolean := new.status in ('pending', 'accepted');
begin
  if is_live and not was_live then
    update ofair.leads set proposals_count = proposals_count + 1 where id = new.lead_id;
  elsif was_live and not is_live then
    update ofair.leads set proposals_count = proposals_count - 1 where id = new.lead_id;
  end if;
  return null;
end $$;
create trigger proposals_count after insert or update of status on ofair.proposals
  for each row execute function ofair.count_proposals();

-- ---------------------------------------------------------------------------------------------
-- Who is who, for the policies (definer functions: they read past the tables' own policies)
-- ---------------------------------------------------------------------------------------------
create function ofair.is_admin() returns boolean language sql stable as
$$ select platform.has_role('ofair_admin') $$;

create function ofair.current_professional_id() returns uuid language sql stable security definer
set search_path = ofair, platform, pg_catalog as
$$ select id from ofair.professionals where user_id = platform.current_user_id() $$;

create function ofair.is_lead_owner(p_lead uuid) returns boolean language sql stable security definer
set search_path = ofair, platform, pg_catalog as
$$ select exists (select 1 from ofair.leads where id = p_lead and created_by_user_id = platform.current_user_id()) $$;

create function ofair.is_revealed_to_me(p_lead uuid) returns boolean language sql stable security definer
set search_path = ofair, platform, pg_catalog as $$
  select exists (select 1 from ofair.phone_revelations
                  where lead_id = p_lead and revealed_to_user_id = platform.current_user_id())
$$;

-- Someone who takes part in a lead beyond the board: a proposer or a professional in its chain.
create function ofair.takes_part_in(p_lead uuid) returns boolean language sql stable security definer
set search_path = ofair, platform, pg_catalog as $$
  select exists (select 1 from ofair.proposals where lead_id = p_lead and professional_id = ofair.current_professional_id())
      or exists (select 1 from ofair.referrals where lead_id = p_lead
                  and ofair.current_professional_id() in (referrer_professional_id, receiver_professional_id))
$$;

-- ---------------------------------------------------------------------------------------------
-- Privileges and row-level security
-- ---------------------------------------------------------------------------------------------
grant select, insert on ofair.files to app_runtime;
grant select, insert on ofair.file_blobs to app_runtime;
grant select, insert, update on ofair.professionals, ofair.consumer_profiles, ofair.leads,
  ofair.consumer_leads, ofair.professional_leads, ofair.referrals, ofair.proposals to app_runtime;
grant select, insert, delete on ofair.professional_specialties, ofair.professional_service_areas,
  ofair.lead_attachments, ofair.proposal_media to app_runtime;
grant select, insert on ofair.professional_certificates, ofair.subscriptions, ofair.professional_reviews,
  ofair.phone_revelations, ofair.contact_access_logs to app_runtime;
grant delete on ofair.professional_certificates to app_runtime;

-- bytes: the system only (the signed-URL route, after checking the signature)
alter table ofair.file_blobs enable row level security;
alter table ofair.file_blobs force row level security;
create policy file_blobs_system on ofair.file_blobs for all
  using (platform.is_system()) with check (platform.is_system() or exists (
    select 1 from ofair.files f where f.id = file_id and f.owner_user_id = platform.current_user_id()));

alter table ofair.files enable row level security;
alter table ofair.files force row level security;
create policy files_read on ofair.files for select
  using (owner_user_id = platform.current_user_id() or ofair.is_admin() or platform.is_system());
create policy files_insert on ofair.files for insert
  with check (owner_user_id = platform.current_user_id() or platform.is_system());

alter table ofair.consumer_profiles enable row level security;
alter table ofair.consumer_profiles force row level security;
create policy consumer_profiles_own on ofair.consumer_profiles for all
  using (user_id = platform.current_user_id() or ofair.is_admin() or platform.is_system())
  with check (user_id = platform.current_user_id() or platform.is_system());

alter table ofair.professionals enable row level security;
alter table ofair.professionals force row level security;
-- profiles are public (the business number is shown only to its owner and admins, by the API)
create policy professionals_read on ofair.professionals for select using (true);
create policy professionals_write on ofair.professionals for insert
  with check (user_id = platform.current_user_id() or platform.is_system());
create policy professionals_update on ofair.professionals for update
  using (user_id = platform.current_user_id() or ofair.is_admin() or platform.is_system());

-- The lead itself holds no client details: active leads are on the board for professionals;
-- others only for their owner, the professionals taking part, admins and the system. (Not FORCEd:
-- the view ofair.public_leads reads it as its owner.)
alter table ofair.leads enable row level security;
create policy leads_read on ofair.leads for select using (
  (status = 'active' and platform.has_role('professional')) or created_by_user_id = platform.current_user_id()
  or ofair.is_admin() or platform.is_system() or ofair.takes_part_in(id));
create policy leads_insert on ofair.leads for insert
  with check (created_by_user_id = platform.current_user_id() or platform.is_system());
create policy leads_update on ofair.leads for update
  using (created_by_user_id = platform.current_user_id() or ofair.is_admin() or platform.is_system());

-- The client's details: the owner, the professional they were revealed to, admins, the system.
alter table ofair.consumer_leads enable row level security;
alter table ofair.consumer_leads force row level security;
create policy consumer_leads_read on ofair.consumer_leads for select using (
  platform.is_system() or ofair.is_admin() or ofair.is_lead_owner(lead_id) or ofair.is_revealed_to_me(lead_id));
create policy consumer_leads_write on ofair.consumer_leads for insert
  with check (ofair.is_lead_owner(lead_id) or platform.is_system());
create policy consumer_leads_update on ofair.consumer_leads for update
  using (ofair.is_lead_owner(lead_id) or platform.is_system());

alter table ofair.professional_leads enable row level security;
alter table ofair.professional_leads force row level security;
create policy professional_leads_read on ofair.professional_leads for select using (
  platform.is_system() or ofair.is_admin() or ofair.is_lead_owner(lead_id) or ofair.is_revealed_to_me(lead_id));
create policy professional_leads_write on ofair.professional_leads for insert
  with check (ofair.is_lead_owner(lead_id) or platform.is_system());
create policy professional_leads_update on ofair.professional_leads for update
  using (ofair.is_lead_owner(lead_id) or platform.is_system());

alter table ofair.referrals enable row level security;
alter table ofair.referrals force row level security;
create policy referrals_read on ofair.referrals for select using (
  platform.is_system() or ofair.is_admin() or ofair.is_lead_owner(lead_id)
  or ofair.current_professional_id() in (referrer_professional_id, receiver_professional_id));
create policy referrals_insert on ofair.referrals for insert
  with check (referrer_professional_id = ofair.current_professional_id() or platform.is_system());
create policy referrals_update on ofair.referrals for update using (
  platform.is_system() or ofair.current_professional_id() in (referrer_professional_id, receiver_professional_id)
  or ofair.is_lead_owner(lead_id));

alter table ofair.proposals enable row level security;
alter table ofair.proposals force row level security;
create policy proposals_read on ofair.proposals for select using (
  platform.is_system() or ofair.is_admin() or professional_id = ofair.current_professional_id()
  or ofair.is_lead_owner(lead_id));
create policy proposals_insert on ofair.proposals for insert
  with check (professional_id = ofair.current_professional_id() or platform.is_system());
create policy proposals_update on ofair.proposals for update using (
  platform.is_system() or professional_id = ofair.current_professional_id() or ofair.is_lead_owner(lead_id));

alter table ofair.phone_revelations enable row level security;
alter table ofair.phone_revelations force row level security;
create policy phone_revelations_read on ofair.phone_revelations for select using (
  platform.is_system() or ofair.is_admin() or revealed_to_user_id = platform.current_user_id()
  or revealed_by_user_id = platform.current_user_id());
-- written only by ofair.accept_proposal (as its owner)
create policy phone_revelations_insert on ofair.phone_revelations for insert with check (platform.is_system());

alter table ofair.contact_access_logs enable row level security;
alter table ofair.contact_access_logs force row level security;
create policy contact_access_logs_read on ofair.contact_access_logs for select using (
  platform.is_system() or ofair.is_admin());
create policy contact_access_logs_insert on ofair.contact_access_logs for insert with check (
  accessor_user_id = platform.current_user_id() or platform.is_system());

-- ---------------------------------------------------------------------------------------------
-- The board's view: active leads and nothing of their clients
-- ---------------------------------------------------------------------------------------------
create view ofair.public_leads as
  select l.id, l.type, l.title, l.short_description, l.category_id, l.subcategory_id, l.locality_id,
         l.lat, l.lng, l.budget_min_minor, l.budget_max_minor, l.currency, l.preferred_schedule,
         l.referrer_share_bps, l.priority, l.proposals_count, l.published_at,
         l.created_by_professional_id as owner_professional_id
    from ofair.leads l
   where l.status = 'active';
grant select on ofair.public_leads to app_runtime;

-- ---------------------------------------------------------------------------------------------
-- Reading a lead's client details: as the caller (row-level security decides), logging each read
-- ---------------------------------------------------------------------------------------------
create function ofair.read_client_details(p_lead uuid, p_ip inet, p_user_agent text)
returns table (client_name text, client_phone text, client_address text, accessor_role text)
language plpgsql volatile security invoker set search_path = ofair, platform, pg_catalog as $$
declare
  found_name text;
  found_phone text;
  found_address text;
  role text;
begin
  select c.client_name, c.client_phone, c.client_address into found_name, found_phone, found_address
    from (select cl.client_name, cl.client_phone, cl.client_address from ofair.consumer_leads cl where cl.lead_id = p_lead
          union all
          select pl.client_name, pl.client_phone, pl.client_address from ofair.professional_leads pl where pl.lead_id = p_lead) c;
  if not found then
    return; -- not visible to this caller: nothing read, nothing logged
  end if;
  role := case when ofair.is_lead_owner(p_lead) then 'owner'
               when ofair.is_revealed_to_me(p_lead) then 'winner'
               when ofair.is_admin() then 'admin' end;
  if role is null then
    raise exception 'client details read outside the access rule' using errcode = 'insufficient_privilege';
  end if;
  insert into ofair.contact_access_logs (lead_id, accessor_user_id, accessor_role, action, fields, ip, user_agent)
    values (p_lead, platform.current_user_id(), role, 'viewed', array['client_name', 'client_phone', 'client_address'],
            p_ip, left(p_user_agent, 1000));
  return query select found_name, found_phone, found_address, role;
end $$;

-- ---------------------------------------------------------------------------------------------
-- Acceptance and the protected reveal: the one controlled function. As the lead's owner: the
-- proposal is accepted and the others declined, the lead moves to pending, the owner's consent is
-- recorded and the client's details are revealed to the winner (phone_revelations), with the
-- access logged (contact_access_logs), IP, user agent and time. Errors carry SQLSTATEs the module
-- maps: OF403 not the owner, OF404 no such proposal, OF409 the lead or proposal is not open.
-- ---------------------------------------------------------------------------------------------
create function ofair.accept_proposal(p_proposal uuid, p_consent_text text, p_ip inet, p_user_agent text)
returns table (lead_id uuid, proposal_id uuid, winner_professional_id uuid, winner_user_id uuid,
               declined_proposal_ids uuid[], revelation_id uuid)
language plpgsql volatile security definer set search_path = ofair, platform, pg_catalog as $$
declare
  me uuid := platform.current_user_id();
  p ofair.proposals;
  l ofair.leads;
  winner uuid;
  declined uuid[];
  revelation uuid;
begin
  if me is null then
    raise exception 'accepting a proposal needs a signed-in person' using errcode = 'OF403';
  end if;
  select * into p from ofair.proposals where id = p_proposal;
  if not found then
    raise exception 'no such proposal' using errcode = 'OF404';
  end if;
  -- every change of a lead's proposals and chain takes the lead's lock (the module's lockLead)
  perform pg_advisory_xact_lock(hashtextextended('ofair.lead:' || p.lead_id::text, 0));
  select * into l from ofair.leads where id = p.lead_id for update;
  if l.created_by_user_id <> me then
    -- someone else's lead: as if the proposal did not exist for them
    if ofair.is_admin() or p.professional_id = ofair.current_professional_id() then
      raise exception 'only the lead''s owner accepts proposals' using errcode = 'OF403';
    end if;
    raise exception 'no such proposal' using errcode = 'OF404';
  end if;
  if l.status <> 'active' then
    raise exception 'the lead is % and takes no acceptance', l.status using errcode = 'OF409', detail = 'lead_not_open';
  end if;
  if p.status <> 'pending' then
    raise exception 'the proposal is %', p.status using errcode = 'OF409', detail = 'proposal_not_pending';
  end if;
  select user_id into winner from ofair.professionals where id = p.professional_id;

  update ofair.proposals set status = 'accepted', decided_at = now(), updated_at = now(), version = version + 1
   where id = p.id;
  with d as (
    update ofair.proposals set status = 'rejected', rejected_reason = 'another_accepted', decided_at = now(),
           updated_at = now(), version = version + 1
     where ofair.proposals.lead_id = l.id and id <> p.id and status = 'pending'
    returning id)
  select coalesce(array_agg(id), '{}') into declined from d;
  update ofair.leads set status = 'pending', accepted_proposal_id = p.id, updated_at = now(), version = version + 1
   where id = l.id;
  insert into ofair.phone_revelations (lead_id, proposal_id, revealed_to_user_id, revealed_to_professional_id,
                                       revealed_by_user_id, consent_text, ip, user_agent)
    values (l.id, p.id, winner, p.professional_id, me, p_consent_text, p_ip, left(p_user_agent, 1000))
    returning id into revelation;
  insert into ofair.contact_access_logs (lead_id, accessor_user_id, accessor_role, action, fields, ip, user_agent)
    values (l.id, me, 'owner', 'revealed', array['client_name', 'client_phone', 'client_address'],
            p_ip, left(p_user_agent, 1000));
  return query select l.id, p.id, p.professional_id, winner, declined, revelation;
end $$;
revoke all on function ofair.accept_proposal(uuid, text, inet, text) from public;
grant execute on function ofair.accept_proposal(uuid, text, inet, text) to app_runtime;
