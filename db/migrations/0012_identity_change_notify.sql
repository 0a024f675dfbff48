-- Every process may keep the principal of a session for a few seconds instead of reading it on
-- each request. Whatever changes who someone is or may be — a session revoked, an account
-- suspended, a role granted or taken — tells every process at commit (NOTIFY), which forgets that
-- person's cached sessions at once.
create function identity.notify_person_changed() returns trigger language plpgsql as $$
begin
  if tg_table_name = 'users' then
    perform pg_notify('identity_changed', coalesce(new.id, old.id)::text);
  else
    perform pg_notify('identity_changed', coalesce(new.user_id, old.user_id)::text);
  end if;
  return null;
end $$;

create trigger sessions_changed after update of revoked_at on identity.sessions
  for each row when (old.revoked_at is distinct from new.revoked_at)
  execute function identity.notify_person_changed();
create trigger users_changed after update of status, display_name on identity.users
  for each row execute function identity.notify_person_changed();
create trigger memberships_changed after insert or update or delete on identity.memberships
  for each row execute function identity.notify_person_changed();
