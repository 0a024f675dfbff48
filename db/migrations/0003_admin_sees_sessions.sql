-- An UPDATE only reaches rows its actor can SELECT: platform admins must see sessions to end them
-- (suspension revokes every session) and to count them on the user screen.
drop policy sessions_own on identity.sessions;
create policy sessions_read on identity.sessions for select
  using (user_id = platform.current_user_id() or identity.is_platform_admin() or platform.is_system());
