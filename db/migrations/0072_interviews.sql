-- Interviews on applications (issue 13 §3): the hiring team proposes time slots, the submitting
-- recruiter confirms one for the candidate (or asks for other times); reschedule and cancel keep
-- the history; reminders 24 h and 1 h before and the request for feedback afterwards are sent
-- once each (the *_at columns are claimed by an UPDATE … WHERE … IS NULL).
--
-- proposed ──► confirmed ──► completed
--    │  ▲          │
--    │  └──────────┘ (rescheduled: new slots, the calendar SEQUENCE goes up)
--    └──────────────┴──► cancelled

create table ats.interviews (
  id uuid primary key default platform.uuid_v7(),
  application_id uuid not null references ats.applications (id),
  role_id uuid not null references ats.roles (id),
  company_id uuid not null references ats.companies (id),
  candidate_id uuid not null references ats.candidates (id),
  recruiter_id uuid not null references network.recruiters (id),
  status text not null default 'proposed'
    check (status in ('proposed', 'confirmed', 'completed', 'cancelled')),
  -- who must act next while proposed: the recruiter (choose a slot) or the team (new times asked)
  awaiting text check (awaiting in ('recruiter', 'team')),
  kind text not null check (kind in ('phone', 'video', 'onsite')),
  duration_minutes integer not null check (duration_minutes between 15 and 480),
  time_zone text not null check (length(time_zone) between 1 and 64),
  meeting_link text check (length(meeting_link) <= 2000),
  location text check (length(location) <= 500),
  agenda text check (length(agenda) <= 2000),
  -- the confirmed time (null until a slot is chosen)
  starts_at timestamptz,
  ends_at timestamptz,
  -- RFC 5545 SEQUENCE of the calendar invitation: up with every change attendees must see
  sequence integer not null default 0 check (sequence >= 0),
  round integer not null default 1,
  recruiter_note text check (length(recruiter_note) <= 2000),
  cancel_reason text check (length(cancel_reason) <= 2000),
  proposed_by uuid not null references identity.users (id),
  confirmed_by uuid references identity.users (id),
  cancelled_by uuid references identity.users (id),
  completed_by uuid references identity.users (id),
  completed_at timestamptz,
  reminder_24h_at timestamptz,
  reminder_1h_at timestamptz,
  feedback_requested_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  check (status not in ('confirmed', 'completed') or (starts_at is not null and ends_at > starts_at)),
  check (status <> 'cancelled' or cancel_reason is not null),
  check ((status = 'proposed') = (awaiting is not null))
);
create index interviews_application_idx on ats.interviews (application_id, created_at desc);
create index interviews_company_idx on ats.interviews (company_id, status, starts_at);
create index interviews_recruiter_idx on ats.interviews (recruiter_id, status, starts_at);
-- the reminder job walks confirmed interviews by start time
create index interviews_confirmed_start_idx on ats.interviews (starts_at) where status = 'confirmed';

create function ats.interview_transition_allowed(from_status text, to_status text) returns boolean
language sql immutable as $$
  select (from_status, to_status) in (('proposed', 'confirmed'), ('confirmed', 'proposed'),
        ('confirmed', 'completed'), ('proposed', 'cancelled'), ('confirmed', 'cancelled'))
$$;

create function ats.check_interview_transition() returns trigger language plpgsql as $$
begin
  if new.status <> old.status and not ats.interview_transition_allowed(old.status, new.status) then
    raise exception 'an interview cannot go from % to %', old.status, new.status using errcode = 'check_violation';
  end if;
  return new;
end $$;
create trigger interviews_transition before update on ats.interviews
  for each row execute function ats.check_interview_transition();

-- Proposed times. Open and chosen slots hold the candidate's time: two interviews of one candidate
-- never overlap, whichever companies propose them, also when proposals race (the constraint waits
-- for the other transaction and refuses the loser).
create table ats.interview_slots (
  id uuid primary key default platform.uuid_v7(),
  interview_id uuid not null references ats.interviews (id),
  candidate_id uuid not null references ats.candidates (id),
  round integer not null,
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  status text not null default 'open' check (status in ('open', 'chosen', 'declined', 'withdrawn')),
  check (ends_at > starts_at),
  constraint interview_slots_do_not_overlap exclude using gist (
    candidate_id with =, tstzrange(starts_at, ends_at, '[)') with &&
  ) where (status in ('open', 'chosen'))
);
create index interview_slots_interview_idx on ats.interview_slots (interview_id, round, starts_at);

create table ats.interview_interviewers (
  interview_id uuid not null references ats.interviews (id),
  user_id uuid not null references identity.users (id),
  primary key (interview_id, user_id)
);
create index interview_interviewers_user_idx on ats.interview_interviewers (user_id);

-- Every step, with who, when and the note given.
create table ats.interview_history (
  id uuid primary key default platform.uuid_v7(),
  interview_id uuid not null references ats.interviews (id),
  action text not null
    check (action in ('proposed', 'confirmed', 'declined', 'rescheduled', 'cancelled', 'completed')),
  from_status text,
  to_status text not null,
  sequence integer not null,
  starts_at timestamptz,
  note text,
  changed_by uuid references identity.users (id),
  changed_at timestamptz not null default now()
);
create index interview_history_idx on ats.interview_history (interview_id, changed_at);

grant select, insert, update on ats.interviews, ats.interview_slots, ats.interview_history to app_runtime;
grant select, insert, delete on ats.interview_interviewers to app_runtime;

-- Who sees an interview: the application's recruiter, the company's team, platform admins, the system.
alter table ats.interviews enable row level security;
alter table ats.interviews force row level security;
create policy interviews_visible on ats.interviews for all
  using (recruiter_id = (select ats.current_recruiter_id()) or (select identity.is_platform_admin())
         or (select platform.is_system()) or ats.is_company_member(company_id))
  with check (recruiter_id = (select ats.current_recruiter_id()) or (select identity.is_platform_admin())
         or (select platform.is_system()) or ats.is_company_member(company_id));

alter table ats.interview_slots enable row level security;
alter table ats.interview_slots force row level security;
create policy interview_slots_visible on ats.interview_slots for all
  using (exists (select 1 from ats.interviews i where i.id = interview_id))
  with check (exists (select 1 from ats.interviews i where i.id = interview_id));

alter table ats.interview_interviewers enable row level security;
alter table ats.interview_interviewers force row level security;
create policy interview_interviewers_visible on ats.interview_interviewers for all
  using (exists (select 1 from ats.interviews i where i.id = interview_id))
  with check (exists (select 1 from ats.interviews i where i.id = interview_id));

alter table ats.interview_history enable row level security;
alter table ats.interview_history force row level security;
create policy interview_history_visible on ats.interview_history for all
  using (exists (select 1 from ats.interviews i where i.id = interview_id))
  with check (exists (select 1 from ats.interviews i where i.id = interview_id));
