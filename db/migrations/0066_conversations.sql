-- Conversations: text chat between the participants of a subject (generic: a subject is named by a
-- kind and an id, e.g. ('ofair_proposal', <proposal id>)). Messages are plain text, stored as typed;
-- what a reader sees (masking) is decided at read time by the module that owns the subject.
create schema conversations;
grant usage on schema conversations to app_runtime;

create table conversations.conversations (
  id uuid primary key default platform.uuid_v7(),
  subject_kind text not null check (subject_kind ~ '^[a-z][a-z0-9_]{1,62}$'),
  subject_id uuid not null,
  created_at timestamptz not null default now(),
  last_message_at timestamptz,
  unique (subject_kind, subject_id)
);

create table conversations.participants (
  conversation_id uuid not null references conversations.conversations (id),
  user_id uuid not null references identity.users (id),
  -- how the subject's owner names this participant (e.g. 'owner', 'professional'); shown to the other side
  role text not null check (length(role) between 1 and 40),
  joined_at timestamptz not null default now(),
  last_read_message_id uuid,
  last_read_at timestamptz,
  -- set when this participant blocked the conversation: then nobody in it may write
  blocked_at timestamptz,
  primary key (conversation_id, user_id)
);
create index participants_user_idx on conversations.participants (user_id, conversation_id);

create table conversations.messages (
  id uuid primary key default platform.uuid_v7(),
  conversation_id uuid not null references conversations.conversations (id),
  sender_user_id uuid not null references identity.users (id),
  -- plain text: 1-2000 characters, no control characters except tab and new line (never HTML)
  body text not null check (char_length(body) between 1 and 2000 and body !~ '[\x01-\x08\x0B\x0C\x0E-\x1F\x7F]'),
  created_at timestamptz not null default now()
);
create index messages_conversation_idx on conversations.messages (conversation_id, id);
-- the per-sender rate limit counts the last seconds' messages
create index messages_sender_idx on conversations.messages (sender_user_id, created_at desc);

-- Ids grow in commit order within a conversation: the sender's transaction locks the conversation
-- row first (service), and an id not above the conversation's newest (UUIDv7 is random within a
-- millisecond) becomes that id plus one. "Messages after id X" (resume, long polls) misses nothing.
create function conversations.ordered_message_id() returns trigger language plpgsql as $$
declare
  last uuid;
  hex text;
begin
  select id into last from conversations.messages where conversation_id = new.conversation_id
    order by id desc limit 1;
  if last is not null and new.id <= last then
    hex := encode(uuid_send(last), 'hex');
    new.id := (substr(hex, 1, 17) || lpad(to_hex(('x' || lpad(substr(hex, 18), 16, '0'))::bit(64)::bigint + 1), 15, '0'))::uuid;
  end if;
  return new;
end $$;
create trigger messages_ordered_id before insert on conversations.messages
  for each row execute function conversations.ordered_message_id();

-- Messages are a transcript: never edited or removed.
create trigger messages_no_update before update or delete on conversations.messages
  for each row execute function platform.refuse_change();
create trigger messages_no_truncate before truncate on conversations.messages
  for each statement execute function platform.refuse_change();

create function conversations.is_participant(p_conversation uuid) returns boolean language sql stable security definer
set search_path = conversations, platform, pg_catalog as $$
  select exists (select 1 from conversations.participants
                  where conversation_id = p_conversation and user_id = platform.current_user_id())
$$;

-- Fan-out to every web process: the ids only (each process reads the row as the reader). pg_notify
-- inside the inserting transaction is delivered at commit, and never if it rolls back.
create function conversations.notify_message() returns trigger language plpgsql as $$
begin
  perform pg_notify('conversations', json_build_object('c', new.conversation_id, 'm', new.id)::text);
  return null;
end $$;
create trigger messages_notify after insert on conversations.messages
  for each row execute function conversations.notify_message();

create function conversations.notify_read() returns trigger language plpgsql as $$
begin
  if new.last_read_message_id is distinct from old.last_read_message_id then
    perform pg_notify('conversations', json_build_object('c', new.conversation_id, 'r', new.user_id)::text);
  end if;
  return null;
end $$;
create trigger participants_notify_read after update of last_read_message_id on conversations.participants
  for each row execute function conversations.notify_read();

grant select, insert, update on conversations.conversations to app_runtime;
grant select, insert, update on conversations.participants to app_runtime;
grant select, insert on conversations.messages to app_runtime;

alter table conversations.conversations enable row level security;
alter table conversations.conversations force row level security;
create policy conversations_read on conversations.conversations for select
  using (platform.is_system() or conversations.is_participant(id));
create policy conversations_insert on conversations.conversations for insert with check (platform.is_system());
create policy conversations_update on conversations.conversations for update
  using (platform.is_system() or conversations.is_participant(id));

alter table conversations.participants enable row level security;
alter table conversations.participants force row level security;
create policy participants_read on conversations.participants for select
  using (platform.is_system() or conversations.is_participant(conversation_id));
create policy participants_insert on conversations.participants for insert with check (platform.is_system());
-- a participant changes only their own read state and block
create policy participants_update on conversations.participants for update
  using (platform.is_system() or user_id = platform.current_user_id());

alter table conversations.messages enable row level security;
alter table conversations.messages force row level security;
create policy messages_read on conversations.messages for select
  using (platform.is_system() or conversations.is_participant(conversation_id));
-- as oneself, into one's own conversations (the system too: demo data)
create policy messages_insert on conversations.messages for insert
  with check (platform.is_system()
    or (sender_user_id = platform.current_user_id() and conversations.is_participant(conversation_id)));
