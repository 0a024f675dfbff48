-- OFAIR III (issue 12 items 2 and 4): ratings and reviews of confirmed jobs, and projects.
--
-- Reviews: after a confirmed job (ofair.lead_payments status confirmed, paid or released) the lead's
-- owner rates the performer 1-5 with optional plain text (at most 1,000 characters, no control
-- characters). One review per job (unique lead_payment_id). The performer may reply once. An admin
-- hides an abusive review with a reason (audited) and may unhide it. The professional's aggregate
-- (rating_sum, review_count and the distribution rating_counts[1..5]) counts visible reviews only and
-- is changed in the transaction that changes a review; the CHECKs below keep the three consistent.
--
-- The table ofair.professional_reviews was created empty by 0060 ("collected by a later issue") and
-- nothing wrote to it, so its new columns are NOT NULL. The demo data of 0060 put invented
-- averages on professionals without reviews; they are reset here, so every aggregate is the sum of
-- real reviews.

alter table ofair.professional_reviews
  add column lead_payment_id uuid not null unique references ofair.lead_payments (id),
  add column lead_id uuid not null unique references ofair.leads (id),
  add column reviewer_user_id uuid not null references identity.users (id),
  add column hidden_at timestamptz,
  add column hidden_by uuid,
  add column hidden_reason text check (length(hidden_reason) between 1 and 500),
  add column reply_body text check (length(reply_body) between 1 and 1000),
  add column replied_at timestamptz,
  add column updated_at timestamptz not null default now(),
  add column version integer not null default 1,
  add constraint professional_reviews_body_length check (length(body) <= 1000),
  -- plain text: tab, line feed and carriage return are the only control characters allowed
  add constraint professional_reviews_body_plain check (body !~ '[\x01-\x08\x0B\x0C\x0E-\x1F\x7F]'),
  add constraint professional_reviews_reply_plain check (reply_body !~ '[\x01-\x08\x0B\x0C\x0E-\x1F\x7F]'),
  add constraint professional_reviews_hidden check ((hidden_at is null) = (hidden_reason is null)),
  add constraint professional_reviews_reply check ((reply_body is null) = (replied_at is null));
create index professional_reviews_visible_idx on ofair.professional_reviews (professional_id, created_at desc, id desc)
  where hidden_at is null;
create index professional_reviews_admin_idx on ofair.professional_reviews (created_at desc, id desc);

update ofair.professionals set rating_sum = 0, review_count = 0 where rating_sum <> 0 or review_count <> 0;
alter table ofair.professionals
  add column rating_counts integer[] not null default '{0,0,0,0,0}',
  add constraint professionals_rating_counts check (
    cardinality(rating_counts) = 5 and 0 <= all (rating_counts)
    and rating_counts[1] + rating_counts[2] + rating_counts[3] + rating_counts[4] + rating_counts[5] = review_count
    and rating_counts[1] + 2 * rating_counts[2] + 3 * rating_counts[3] + 4 * rating_counts[4]
        + 5 * rating_counts[5] = rating_sum);

-- One row: how a reviewer is shown on public pages.
create table ofair.review_settings (
  id boolean primary key default true check (id),
  -- 'first_name_city': "יעל · תל אביב־יפו"; 'anonymous': no name at all
  display_mode text not null default 'first_name_city' check (display_mode in ('first_name_city', 'anonymous')),
  updated_at timestamptz not null default now(),
  updated_by uuid,
  version integer not null default 1
);
insert into ofair.review_settings (id) values (true);

grant update on ofair.professional_reviews to app_runtime;
grant select, update on ofair.review_settings to app_runtime;

alter table ofair.professional_reviews enable row level security;
alter table ofair.professional_reviews force row level security;
create policy professional_reviews_read on ofair.professional_reviews for select using (
  hidden_at is null or platform.is_system() or ofair.is_admin()
  or reviewer_user_id = platform.current_user_id() or professional_id = ofair.current_professional_id());
create policy professional_reviews_insert on ofair.professional_reviews for insert with check (
  platform.is_system() or (reviewer_user_id = platform.current_user_id() and ofair.is_lead_owner(lead_id)));
-- the performer replies; admins hide and unhide
create policy professional_reviews_update on ofair.professional_reviews for update using (
  platform.is_system() or ofair.is_admin() or professional_id = ofair.current_professional_id());

alter table ofair.review_settings enable row level security;
alter table ofair.review_settings force row level security;
create policy review_settings_read on ofair.review_settings for select using (true);
create policy review_settings_update on ofair.review_settings for update
  using (ofair.is_admin() or platform.is_system());

-- ---------------------------------------------------------------------------------------------
-- Projects: an accepted proposal becomes a project (made by the acceptance, in its transaction),
-- with milestones (pending → in_progress → done) and the performer's status updates. Only the
-- lead's owner and the performer see it.
-- ---------------------------------------------------------------------------------------------
create table ofair.projects (
  id uuid primary key default platform.uuid_v7(),
  lead_id uuid not null unique references ofair.leads (id),
  proposal_id uuid not null unique references ofair.proposals (id),
  owner_user_id uuid not null references identity.users (id),
  performer_professional_id uuid not null references ofair.professionals (id),
  title text not null check (length(title) between 1 and 120),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1
);
create index projects_performer_idx on ofair.projects (performer_professional_id, created_at desc);
create index projects_owner_idx on ofair.projects (owner_user_id, created_at desc);

create table ofair.project_milestones (
  id uuid primary key default platform.uuid_v7(),
  project_id uuid not null references ofair.projects (id),
  title text not null check (length(title) between 1 and 120 and title !~ '[\x01-\x1F\x7F]'),
  due_date date,
  amount_minor bigint check (amount_minor >= 0),
  currency char(3) not null default 'ILS' check (currency = 'ILS'),
  status text not null default 'pending' check (status in ('pending', 'in_progress', 'done')),
  created_by_user_id uuid not null references identity.users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  done_at timestamptz,
  version integer not null default 1,
  check ((status = 'done') = (done_at is not null))
);
create index project_milestones_project_idx on ofair.project_milestones (project_id, created_at, id);

create table ofair.project_updates (
  id uuid primary key default platform.uuid_v7(),
  project_id uuid not null references ofair.projects (id),
  author_professional_id uuid not null references ofair.professionals (id),
  body text not null check (length(body) between 1 and 2000 and body !~ '[\x01-\x08\x0B\x0C\x0E-\x1F\x7F]'),
  created_at timestamptz not null default now()
);
create index project_updates_project_idx on ofair.project_updates (project_id, created_at desc, id desc);

-- a milestone moves one step forward: pending → in_progress → done
create function ofair.check_milestone_transition() returns trigger language plpgsql as $$
begin
  if new.status = old.status then return new; end if;
  if not ((old.status = 'pending' and new.status = 'in_progress')
          or (old.status = 'in_progress' and new.status = 'done')) then
    raise exception 'project_milestones: % → % is not allowed', old.status, new.status using errcode = 'check_violation';
  end if;
  return new;
end $$;
create trigger project_milestones_transition before update of status on ofair.project_milestones
  for each row execute function ofair.check_milestone_transition();

-- status updates are a record: never changed or removed
create function ofair.refuse_project_update_change() returns trigger language plpgsql as $$
begin
  raise exception 'ofair.project_updates is append-only' using errcode = 'insufficient_privilege';
end $$;
create trigger project_updates_append_only before update or delete on ofair.project_updates
  for each row execute function ofair.refuse_project_update_change();
create trigger project_updates_no_truncate before truncate on ofair.project_updates
  for each statement execute function ofair.refuse_project_update_change();

create function ofair.is_project_party(p_project uuid) returns boolean language sql stable security definer
set search_path = ofair, platform, pg_catalog as $$
  select exists (select 1 from ofair.projects
                  where id = p_project
                    and (owner_user_id = platform.current_user_id()
                         or performer_professional_id = ofair.current_professional_id()))
$$;

grant select, insert, update on ofair.projects, ofair.project_milestones to app_runtime;
grant select, insert on ofair.project_updates to app_runtime;

alter table ofair.projects enable row level security;
alter table ofair.projects force row level security;
create policy projects_read on ofair.projects for select using (
  platform.is_system() or owner_user_id = platform.current_user_id()
  or performer_professional_id = ofair.current_professional_id());
-- the acceptance (run as the lead's owner) makes it
create policy projects_insert on ofair.projects for insert with check (
  platform.is_system() or (owner_user_id = platform.current_user_id() and ofair.is_lead_owner(lead_id)));
create policy projects_update on ofair.projects for update using (
  platform.is_system() or ofair.is_project_party(id));

alter table ofair.project_milestones enable row level security;
alter table ofair.project_milestones force row level security;
create policy project_milestones_read on ofair.project_milestones for select using (
  platform.is_system() or ofair.is_project_party(project_id));
create policy project_milestones_insert on ofair.project_milestones for insert with check (
  platform.is_system() or ofair.is_project_party(project_id));
create policy project_milestones_update on ofair.project_milestones for update using (
  platform.is_system() or ofair.is_project_party(project_id));

alter table ofair.project_updates enable row level security;
alter table ofair.project_updates force row level security;
create policy project_updates_read on ofair.project_updates for select using (
  platform.is_system() or ofair.is_project_party(project_id));
create policy project_updates_insert on ofair.project_updates for insert with check (
  platform.is_system() or (author_professional_id = ofair.current_professional_id() and ofair.is_project_party(project_id)));

-- Accepted proposals from before this migration become projects too.
insert into ofair.projects (lead_id, proposal_id, owner_user_id, performer_professional_id, title, created_at, updated_at)
select l.id, p.id, l.created_by_user_id, p.professional_id, left(l.title, 120), coalesce(p.decided_at, p.updated_at), now()
  from ofair.proposals p join ofair.leads l on l.id = p.lead_id
 where p.status = 'accepted' and l.accepted_proposal_id = p.id
on conflict do nothing;
