-- The Document Service (issue 14 §1, seed 000 §11): files kept for candidates (resumes), roles (job
-- descriptions) and companies (contracts), plus a recruiter's unattached drafts (a resume uploaded
-- before its candidate exists). The bytes live in the configured storage (local disk or S3); this
-- table holds what the platform knows about them. Code: apps/server/src/modules/documents/.
create schema documents;
grant usage on schema documents to app_runtime;

create table documents.documents (
  id uuid primary key default platform.uuid_v7(),
  kind text not null check (kind in ('resume', 'job_description', 'contract', 'other')),
  -- the bucket: whose documents these are
  owner_kind text not null check (owner_kind in ('candidate', 'company', 'system', 'draft')),
  entity_type text check (entity_type in ('candidate', 'role', 'company')),
  entity_id uuid,
  storage_key text not null unique check (length(storage_key) between 1 and 512),
  file_name text not null check (length(file_name) between 1 and 255),
  media_type text not null check (media_type in ('application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'image/png', 'image/jpeg', 'text/plain')),
  size_bytes bigint not null check (size_bytes > 0),
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  status text not null default 'pending' check (status in ('pending', 'processing', 'ready', 'failed')),
  failure_code text check (failure_code ~ '^[a-z][a-z0-9_]{1,62}$'),
  failure_message text check (length(failure_message) <= 500),
  uploaded_by uuid not null references identity.users (id),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  processed_at timestamptz,
  deleted_at timestamptz,
  deleted_by uuid references identity.users (id),
  check ((entity_type is null) = (entity_id is null)),
  -- a draft belongs to its uploader alone; every other bucket to an entity (or the system)
  check (owner_kind <> 'draft' or entity_type is null),
  check (owner_kind in ('draft', 'system') or entity_type is not null),
  check (owner_kind <> 'candidate' or entity_type = 'candidate'),
  check (owner_kind <> 'company' or entity_type in ('role', 'company')),
  check ((status = 'failed') = (failure_code is not null)),
  check ((deleted_at is null) = (deleted_by is null))
);
create index documents_entity_idx on documents.documents (entity_type, entity_id, created_at desc, id desc)
  where deleted_at is null;
create index documents_uploader_idx on documents.documents (uploaded_by, created_at desc, id desc)
  where deleted_at is null;
create index documents_created_idx on documents.documents (created_at desc, id desc);

-- Processing only moves forward; a soft-deleted document stays deleted.
create function documents.check_document_change() returns trigger language plpgsql as $$
begin
  if old.deleted_at is not null and new.deleted_at is null then
    raise exception 'a deleted document stays deleted' using errcode = 'check_violation';
  end if;
  if old.status <> new.status and not (old.status, new.status) in (
      ('pending', 'processing'), ('processing', 'ready'), ('processing', 'failed'), ('pending', 'failed')) then
    raise exception 'document status % cannot become %', old.status, new.status using errcode = 'check_violation';
  end if;
  if (old.kind, old.storage_key, old.sha256, old.size_bytes, old.media_type, old.uploaded_by)
     is distinct from (new.kind, new.storage_key, new.sha256, new.size_bytes, new.media_type, new.uploaded_by) then
    raise exception 'a document''s content and uploader never change' using errcode = 'check_violation';
  end if;
  new.updated_at := now();
  return new;
end $$;
create trigger documents_change before update on documents.documents
  for each row execute function documents.check_document_change();

-- Who may see an entity's documents: the owning entity's own rules, read through its row-level
-- security. A candidate's documents follow the rule for the candidate's contact details (the
-- representing recruiter, the hiring teams the candidate was submitted to, platform admins), not
-- the wider profile rule: a resume carries the person's contacts.
create function documents.entity_visible(p_type text, p_id uuid) returns boolean language sql stable as $$
  select case p_type
    when 'candidate' then exists (select 1 from ats.candidates c
                                   where c.id = p_id and ats.candidate_contacts_visible(c.id, c.recruiter_id))
    when 'role' then exists (select 1 from ats.roles r where r.id = p_id)
    when 'company' then ats.is_company_member(p_id)
    else false end
$$;

-- Who may add documents to an entity (and remove them): the representing recruiter of a candidate,
-- the hiring team of a role's company or of the company.
create function documents.entity_writable(p_type text, p_id uuid) returns boolean language sql stable as $$
  select case p_type
    when 'candidate' then exists (select 1 from ats.candidates c
                                   where c.id = p_id and c.recruiter_id = (select ats.current_recruiter_id()))
    when 'role' then exists (select 1 from ats.roles r where r.id = p_id and ats.is_company_member(r.company_id))
    when 'company' then ats.is_company_member(p_id)
    else false end
$$;

grant select, insert, update on documents.documents to app_runtime;
alter table documents.documents enable row level security;
alter table documents.documents force row level security;

-- Deleted documents stay readable to whoever could read them (PostgreSQL checks an UPDATE's new row
-- against the read policy too, so a soft delete could not hide the row it writes); every query
-- of the service leaves them out, and their bytes are purged.
create policy documents_read on documents.documents for select using (
  (select platform.is_system()) or (select identity.is_platform_admin())
  or (owner_kind = 'draft' and uploaded_by = (select platform.current_user_id()))
  or (entity_type is not null and documents.entity_visible(entity_type, entity_id))
);
create policy documents_insert on documents.documents for insert with check (
  (select platform.is_system())
  or (uploaded_by = (select platform.current_user_id()) and (
        owner_kind = 'draft'
        or (select identity.is_platform_admin())
        or (entity_type is not null and documents.entity_writable(entity_type, entity_id))))
);
-- Changes (attach a draft, soft delete) by those who may write to the record; the row after the
-- change (deleted, or attached to a record) must still be theirs to write.
create policy documents_update on documents.documents for update using (
  (select platform.is_system()) or (select identity.is_platform_admin())
  or (deleted_at is null and (
        (owner_kind = 'draft' and uploaded_by = (select platform.current_user_id()))
        or (entity_type is not null and documents.entity_writable(entity_type, entity_id))))
) with check (
  (select platform.is_system()) or (select identity.is_platform_admin())
  or (owner_kind = 'draft' and uploaded_by = (select platform.current_user_id()))
  or (entity_type is not null and documents.entity_writable(entity_type, entity_id))
);
