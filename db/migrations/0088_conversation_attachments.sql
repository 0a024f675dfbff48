-- Attachments in conversations (issue 13 §1): a file sent with a message. The file is a document of
-- the Document Service (uploaded as a draft of kind `message_attachment`, validated and processed
-- there); sending it takes it out of its uploader's drafts into the system bucket, and this table
-- ties it to its message. Only the conversation's participants read an attachment (row-level
-- security, as for messages); platform admins through their subject module's logged route.
-- Code: apps/server/src/modules/conversations/attachments.ts.

-- The Document Service's kind for files sent in conversations (PDF, DOCX, PNG, JPEG; 10 MB): never
-- a record's document, only a draft of its uploader until a message takes it.
alter table documents.documents drop constraint documents_kind_check;
alter table documents.documents add constraint documents_kind_check
  check (kind in ('resume', 'job_description', 'contract', 'other', 'message_attachment'));
alter table documents.documents add constraint documents_message_attachment_bucket
  check (kind <> 'message_attachment' or entity_type is null);

-- A message may be a file alone: its text may then be empty (never without the file; checked at commit).
alter table conversations.messages drop constraint messages_body_check;
alter table conversations.messages add constraint messages_body_check
  check (char_length(body) between 0 and 2000 and body !~ '[\x01-\x08\x0B\x0C\x0E-\x1F\x7F]');

create table conversations.attachments (
  id uuid primary key default platform.uuid_v7(),
  -- one file per message, and a document serves one message
  message_id uuid not null unique references conversations.messages (id),
  conversation_id uuid not null references conversations.conversations (id),
  document_id uuid not null unique references documents.documents (id),
  -- what the reader is told before downloading (copied from the document, which never changes)
  file_name text not null check (length(file_name) between 1 and 255),
  media_type text not null check (media_type in ('application/pdf',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'image/png', 'image/jpeg')),
  size_bytes bigint not null check (size_bytes > 0),
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  created_at timestamptz not null default now()
);
create index attachments_conversation_idx on conversations.attachments (conversation_id, message_id);

-- An attachment belongs to its message's conversation.
create function conversations.check_attachment() returns trigger language plpgsql as $$
begin
  if not exists (select 1 from conversations.messages m
                  where m.id = new.message_id and m.conversation_id = new.conversation_id) then
    raise exception 'an attachment belongs to its message''s conversation' using errcode = 'check_violation';
  end if;
  return new;
end $$;
create trigger attachments_check before insert on conversations.attachments
  for each row execute function conversations.check_attachment();

-- Attachments are part of the transcript: never changed or removed.
create trigger attachments_no_update before update or delete on conversations.attachments
  for each row execute function platform.refuse_change();
create trigger attachments_no_truncate before truncate on conversations.attachments
  for each statement execute function platform.refuse_change();

-- A message with empty text must carry a file by the time its transaction commits.
create function conversations.check_message_content() returns trigger language plpgsql as $$
begin
  if new.body = '' and not exists (select 1 from conversations.attachments a where a.message_id = new.id) then
    raise exception 'a message without text must carry an attachment' using errcode = 'check_violation';
  end if;
  return null;
end $$;
create constraint trigger messages_content after insert on conversations.messages
  deferrable initially deferred for each row execute function conversations.check_message_content();

grant select, insert on conversations.attachments to app_runtime;
alter table conversations.attachments enable row level security;
alter table conversations.attachments force row level security;
create policy attachments_read on conversations.attachments for select
  using (platform.is_system() or conversations.is_participant(conversation_id));
-- the sender attaches to their own message, in a conversation they take part in
create policy attachments_insert on conversations.attachments for insert
  with check (platform.is_system() or (
    conversations.is_participant(conversation_id)
    and exists (select 1 from conversations.messages m
                 where m.id = message_id and m.sender_user_id = platform.current_user_id())));
