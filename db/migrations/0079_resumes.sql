-- Resume parsing: what the parser read from each uploaded resume (one parse per document, with
-- every field's evidence and confidence), and what the recruiter finally saved, as a per-field
-- diff, to measure the parser in production. The document itself lives in the documents module
-- (document_id is its id; no foreign key across modules).
create schema resumes;
grant usage on schema resumes to app_runtime;

create table resumes.parses (
  id uuid primary key default platform.uuid_v7(),
  document_id uuid not null unique,
  -- the recruiter who uploaded the resume: the only person who may read the draft
  uploaded_by uuid not null references identity.users (id),
  media_type text not null check (length(media_type) between 3 and 200),
  language text not null check (language in ('en', 'he', 'unsupported')),
  -- name, email, phone, location, titles, employers, years_of_experience, education, skills:
  -- each { value, confidence, evidence: { snippet, offset } } (personal data: row-level security)
  fields jsonb not null check (jsonb_typeof(fields) = 'object'),
  warnings jsonb not null default '[]' check (jsonb_typeof(warnings) = 'array'),
  text_chars integer not null check (text_chars >= 0),
  parser_version text not null check (length(parser_version) between 1 and 40),
  parsed_at timestamptz not null,
  created_at timestamptz not null default now()
);
create index parses_uploader_idx on resumes.parses (uploaded_by, parsed_at desc);

-- The recruiter's final save, once per parse. Contact fields keep only their outcome, never the
-- values; the other fields keep what was parsed and what was saved.
create table resumes.corrections (
  id uuid primary key default platform.uuid_v7(),
  parse_id uuid not null unique references resumes.parses (id),
  corrected_by uuid not null references identity.users (id),
  parser_version text not null,
  candidate_id uuid,
  diff jsonb not null check (jsonb_typeof(diff) = 'object'),
  created_at timestamptz not null
);
create index corrections_version_idx on resumes.corrections (parser_version, created_at);

-- One row per field of a correction, for the accuracy report: kept (saved as parsed), changed,
-- removed (parsed, cleared), added (missed by the parser), empty (neither). For skills, counts.
create table resumes.correction_fields (
  correction_id uuid not null references resumes.corrections (id),
  field text not null check (field in ('full_name', 'email', 'phone', 'location', 'current_title',
                                       'years_experience', 'skills')),
  outcome text not null check (outcome in ('kept', 'changed', 'removed', 'added', 'empty')),
  kept integer not null default 0 check (kept >= 0),
  removed integer not null default 0 check (removed >= 0),
  added integer not null default 0 check (added >= 0),
  primary key (correction_id, field)
);

grant select, insert, update on resumes.parses to app_runtime;
grant select, insert on resumes.corrections, resumes.correction_fields to app_runtime;

-- Corrections are a measurement: append-only.
create function resumes.refuse_change() returns trigger language plpgsql as $$
begin
  raise exception 'resumes.% is append-only', tg_table_name using errcode = '42501';
end $$;
create trigger corrections_append_only before update or delete on resumes.corrections
  for each row execute function resumes.refuse_change();
create trigger correction_fields_append_only before update or delete on resumes.correction_fields
  for each row execute function resumes.refuse_change();

-- A parse (personal data) is the uploader's; the system (the documents job) writes it; platform
-- admins reach it only through the aggregated accuracy report, which reads correction rows.
alter table resumes.parses enable row level security;
alter table resumes.parses force row level security;
create policy parses_uploader on resumes.parses for all
  using (uploaded_by = (select platform.current_user_id()) or (select platform.is_system()))
  with check (uploaded_by = (select platform.current_user_id()) or (select platform.is_system()));

alter table resumes.corrections enable row level security;
alter table resumes.corrections force row level security;
create policy corrections_visible on resumes.corrections for all
  using (corrected_by = (select platform.current_user_id()) or (select identity.is_platform_admin())
         or (select platform.is_system()))
  with check (corrected_by = (select platform.current_user_id()) or (select platform.is_system()));

alter table resumes.correction_fields enable row level security;
alter table resumes.correction_fields force row level security;
create policy correction_fields_visible on resumes.correction_fields for all
  using (exists (select 1 from resumes.corrections c where c.id = correction_id))
  with check (exists (select 1 from resumes.corrections c where c.id = correction_id));
