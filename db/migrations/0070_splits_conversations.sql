-- Splits Network conversations (issue 13 §1): the role-question threads (one per role and
-- recruiter: the subject of a 'role_question' conversation), reports of messages for moderation,
-- and the e-mail digest's cursor per participant (each unread message is e-mailed at most once).

-- One thread per role and recruiter working it; its id is the conversation's subject id.
create table ats.role_question_threads (
  id uuid primary key default platform.uuid_v7(),
  role_id uuid not null references ats.roles (id),
  company_id uuid not null references ats.companies (id),
  recruiter_id uuid not null references network.recruiters (id),
  opened_by uuid not null references identity.users (id),
  created_at timestamptz not null default now(),
  unique (role_id, recruiter_id)
);
create index role_question_threads_recruiter_idx on ats.role_question_threads (recruiter_id);

grant select, insert on ats.role_question_threads to app_runtime;
alter table ats.role_question_threads enable row level security;
alter table ats.role_question_threads force row level security;
-- the recruiter of the thread, the company's hiring team, platform admins (and the system)
create policy role_question_threads_read on ats.role_question_threads for select
  using (recruiter_id = (select ats.current_recruiter_id()) or ats.is_company_member(company_id)
         or identity.is_platform_admin() or platform.is_system());
create policy role_question_threads_insert on ats.role_question_threads for insert
  with check (platform.is_system());

-- The digest: the newest message already e-mailed to this participant (never e-mailed twice).
alter table conversations.participants add column digested_message_id uuid;

-- Reports of messages (moderation): by a participant, once per message and reporter; reviewed by an admin.
create table conversations.reports (
  id uuid primary key default platform.uuid_v7(),
  conversation_id uuid not null references conversations.conversations (id),
  message_id uuid not null references conversations.messages (id),
  reporter_user_id uuid not null references identity.users (id),
  reason text not null check (reason in ('spam', 'harassment', 'off_platform', 'confidential_information', 'other')),
  note text check (note is null or char_length(note) between 1 and 1000),
  status text not null default 'open' check (status in ('open', 'resolved', 'dismissed')),
  created_at timestamptz not null default now(),
  resolved_at timestamptz,
  resolved_by uuid references identity.users (id),
  resolution_note text check (resolution_note is null or char_length(resolution_note) between 1 and 1000),
  unique (message_id, reporter_user_id),
  check ((status = 'open') = (resolved_at is null))
);
create index reports_open_idx on conversations.reports (status, created_at);

grant select, insert, update on conversations.reports to app_runtime;
alter table conversations.reports enable row level security;
alter table conversations.reports force row level security;
-- a reporter sees their own reports; admins review them through their module's logged route (as the system)
create policy reports_read on conversations.reports for select
  using (platform.is_system() or reporter_user_id = platform.current_user_id());
create policy reports_insert on conversations.reports for insert
  with check (platform.is_system()
    or (reporter_user_id = platform.current_user_id() and conversations.is_participant(conversation_id)));
create policy reports_update on conversations.reports for update using (platform.is_system());
