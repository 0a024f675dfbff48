-- Typed notes and feedback on applications, scorecards per role, and stage moves back with a
-- reason (issue 13 §2). Code: recruiting/notes/ and recruiting/applications/stage.ts.

-- ---------------------------------------------------------------------------------------------
-- Stages may move back (the hiring team, to an earlier open stage), never without a reason
-- ---------------------------------------------------------------------------------------------
create function ats.stage_rank(stage text) returns integer language sql immutable as $$
  select case stage when 'submitted' then 1 when 'screening' then 2 when 'interview' then 3
                    when 'offer' then 4 else 5 end
$$;

create or replace function ats.stage_transition_allowed(from_stage text, to_stage text) returns boolean language sql immutable as $$
  select (from_stage, to_stage) in (
    ('submitted', 'screening'), ('screening', 'interview'), ('interview', 'offer'), ('offer', 'hired'))
    or (from_stage in ('submitted', 'screening', 'interview', 'offer') and to_stage in ('rejected', 'withdrawn'))
    or (from_stage in ('screening', 'interview', 'offer') and to_stage in ('submitted', 'screening', 'interview')
        and ats.stage_rank(to_stage) < ats.stage_rank(from_stage))
$$;

-- A step back is kept in the history with its reason; the history refuses one without.
alter table ats.application_stage_history add constraint stage_back_needs_reason check (
  from_stage is null or ats.stage_rank(to_stage) >= ats.stage_rank(from_stage)
  or length(btrim(coalesce(reason, ''))) > 0);

-- ---------------------------------------------------------------------------------------------
-- Scorecards: the criteria a company rates candidates of a role on
-- ---------------------------------------------------------------------------------------------
create table ats.role_scorecards (
  role_id uuid primary key references ats.roles (id),
  criteria jsonb not null
    check (jsonb_typeof(criteria) = 'array' and jsonb_array_length(criteria) between 1 and 12),
  version integer not null default 1,
  updated_by uuid references identity.users (id),
  updated_at timestamptz not null default now()
);

-- ---------------------------------------------------------------------------------------------
-- Notes: append-only, each visible to one side or both
-- ---------------------------------------------------------------------------------------------
create table ats.application_notes (
  id uuid primary key default platform.uuid_v7(),
  application_id uuid not null references ats.applications (id),
  kind text not null check (kind in ('information_request', 'information_response', 'pitch',
                                     'interview_feedback', 'decision_note', 'internal_note')),
  author_user_id uuid not null references identity.users (id),
  author_side text not null check (author_side in ('recruiter', 'company')),
  visibility text not null check (visibility in ('both', 'recruiter', 'company')),
  body text not null check (length(body) between 1 and 10000),
  -- an information response names its request, on the same application (the foreign key below)
  request_note_id uuid,
  -- interview feedback may name its interview (the interviews table gets its foreign key later)
  interview_id uuid,
  recommendation text check (recommendation in ('strong_no', 'no', 'yes', 'strong_yes')),
  scorecard_version integer,
  created_at timestamptz not null default now(),
  unique (id, application_id),
  foreign key (request_note_id, application_id) references ats.application_notes (id, application_id),
  check (visibility = 'both' or visibility = author_side),
  check ((kind = 'information_response') = (request_note_id is not null)),
  check ((kind = 'interview_feedback') = (recommendation is not null)),
  check (kind = 'interview_feedback' or (interview_id is null and scorecard_version is null)),
  check (kind not in ('information_request', 'information_response', 'pitch') or visibility = 'both'),
  check (kind <> 'internal_note' or visibility = author_side),
  check (kind <> 'pitch' or author_side = 'recruiter'),
  check (kind not in ('interview_feedback', 'decision_note') or author_side = 'company')
);
create index application_notes_application_idx on ats.application_notes (application_id, created_at);
-- one answer per information request: of concurrent answers, one commits
create unique index application_notes_one_response on ats.application_notes (request_note_id)
  where kind = 'information_response';

-- A response answers an information request of the other side.
create function ats.check_note_response() returns trigger language plpgsql as $$
declare
  req record;
begin
  if new.request_note_id is null then return new; end if;
  select kind, author_side into req from ats.application_notes where id = new.request_note_id;
  if req.kind is distinct from 'information_request' then
    raise exception 'a response answers an information request' using errcode = 'check_violation';
  end if;
  if req.author_side = new.author_side then
    raise exception 'a request is answered by the other side' using errcode = 'check_violation';
  end if;
  return new;
end $$;
create trigger application_notes_response before insert on ats.application_notes
  for each row execute function ats.check_note_response();

create table ats.application_note_ratings (
  note_id uuid not null references ats.application_notes (id),
  criterion_key text not null check (length(criterion_key) between 1 and 40),
  criterion_name text not null check (length(criterion_name) between 1 and 80),
  weight smallint not null check (weight between 1 and 5),
  rating smallint not null check (rating between 1 and 4),
  primary key (note_id, criterion_key)
);

create trigger application_notes_append_only before update or delete on ats.application_notes
  for each row execute function platform.refuse_change();
create trigger application_note_ratings_append_only before update or delete on ats.application_note_ratings
  for each row execute function platform.refuse_change();

grant select, insert on ats.application_notes, ats.application_note_ratings to app_runtime;
grant select, insert, update on ats.role_scorecards to app_runtime;

-- ---------------------------------------------------------------------------------------------
-- Row-level security: the same rules as recruiting/notes/queries.ts
-- ---------------------------------------------------------------------------------------------
alter table ats.application_notes enable row level security;
alter table ats.application_notes force row level security;
-- The submitting recruiter reads what is for the recruiter side, the company's hiring team what
-- is for the company side; platform admins and the system all.
create policy application_notes_visible on ats.application_notes for select using (
  (select identity.is_platform_admin()) or (select platform.is_system())
  or (visibility in ('both', 'recruiter') and exists (select 1 from ats.applications a
        where a.id = application_id and a.recruiter_id = (select ats.current_recruiter_id())))
  or (visibility in ('both', 'company') and exists (select 1 from ats.applications a
        where a.id = application_id and a.company_id = any ((select ats.my_team_company_ids())::uuid[])))
);
-- One writes as oneself, for one's own side of the application.
create policy application_notes_insert on ats.application_notes for insert with check (
  (select platform.is_system())
  or (author_user_id = (select platform.current_user_id()) and (
        (author_side = 'recruiter' and exists (select 1 from ats.applications a
           where a.id = application_id and a.recruiter_id = (select ats.current_recruiter_id())))
        or (author_side = 'company' and exists (select 1 from ats.applications a
           where a.id = application_id and a.company_id = any ((select ats.my_team_company_ids())::uuid[])))))
);

alter table ats.application_note_ratings enable row level security;
alter table ats.application_note_ratings force row level security;
-- A rating is seen with its note, and written only on a note one may see (one's own, just written).
create policy note_ratings_visible on ats.application_note_ratings for select using (
  exists (select 1 from ats.application_notes n where n.id = note_id));
create policy note_ratings_insert on ats.application_note_ratings for insert with check (
  exists (select 1 from ats.application_notes n where n.id = note_id
           and (n.author_user_id = (select platform.current_user_id()) or (select platform.is_system()))));

alter table ats.role_scorecards enable row level security;
alter table ats.role_scorecards force row level security;
-- Whoever sees the role sees what candidates are rated on; its hiring team changes it.
create policy role_scorecards_visible on ats.role_scorecards for select using (
  exists (select 1 from ats.roles r where r.id = role_id));
create policy role_scorecards_insert on ats.role_scorecards for insert with check (
  (select identity.is_platform_admin()) or (select platform.is_system())
  or exists (select 1 from ats.roles r where r.id = role_id
              and r.company_id = any ((select ats.my_team_company_ids())::uuid[])));
create policy role_scorecards_update on ats.role_scorecards for update using (
  (select identity.is_platform_admin()) or (select platform.is_system())
  or exists (select 1 from ats.roles r where r.id = role_id
              and r.company_id = any ((select ats.my_team_company_ids())::uuid[])));
