-- Each participant's unread count, kept in the transaction that changes it, so a menu's badge is a
-- sum over the reader's own participant rows (one index range) instead of a count over every
-- unread message of every conversation (400–550 ms at 2,000 conversations × 10 unread).
--
-- The count is what conversations/service.ts always counted: messages from others with an id
-- above the participant's last read message. Three triggers keep it:
--   * messages inserted (per statement, so a bulk demo insert is one update): each other
--     participant's count grows by the new messages above their last read;
--   * a participant's last read moves: their count is counted again from the messages, after
--     their row's lock, in a fresh snapshot (a message committed meanwhile is counted once: either
--     it is seen here or its own trigger adds it after this commits);
--   * a participant joins: their count starts from the messages already there.
alter table conversations.participants add column unread integer not null default 0 check (unread >= 0);

-- The trigger functions run as the migration's owner; participants and messages force row-level
-- security even on their owner, so the owner may read and update them all (as 0077 does).
do $$ begin
  execute format('create policy participants_owner_counters on conversations.participants for all to %I using (true) with check (true)',
                 current_user);
  execute format('create policy messages_owner_counters on conversations.messages for select to %I using (true)',
                 current_user);
end $$;

create function conversations.unread_of(p_conversation uuid, p_user uuid, p_after uuid) returns integer
  language sql security definer set search_path = pg_catalog, conversations as $$
  select count(*)::int from conversations.messages m
   where m.conversation_id = p_conversation and m.sender_user_id <> p_user
     and (p_after is null or m.id > p_after)
$$;

create function conversations.count_new_messages() returns trigger
  language plpgsql security definer set search_path = pg_catalog, conversations as $$
begin
  update conversations.participants p set unread = p.unread + n.n
    from (select q.conversation_id, q.user_id, count(*)::int as n
            from added a
            join conversations.participants q
              on q.conversation_id = a.conversation_id and q.user_id <> a.sender_user_id
             and (q.last_read_message_id is null or a.id > q.last_read_message_id)
           group by 1, 2) n
   where p.conversation_id = n.conversation_id and p.user_id = n.user_id;
  return null;
end $$;
create trigger messages_count_unread after insert on conversations.messages
  referencing new table as added for each statement execute function conversations.count_new_messages();

create function conversations.recount_unread() returns trigger
  language plpgsql security definer set search_path = pg_catalog, conversations as $$
begin
  if tg_op = 'INSERT' or new.last_read_message_id is distinct from old.last_read_message_id then
    new.unread := conversations.unread_of(new.conversation_id, new.user_id, new.last_read_message_id);
  end if;
  return new;
end $$;
create trigger participants_recount_unread before insert or update of last_read_message_id
  on conversations.participants for each row execute function conversations.recount_unread();

-- The counts of the rows already there.
update conversations.participants p
   set unread = conversations.unread_of(p.conversation_id, p.user_id, p.last_read_message_id);
