-- OFAIR disputes, the other side's statement: the party who did not open the dispute answers it
-- once, before an admin resolves it, so the admin reads both sides (issue 12, admin back office).
alter table ofair.disputes
  add column response text check (length(response) between 1 and 2000),
  add column responded_by_user_id uuid references identity.users (id),
  add column responded_at timestamptz,
  add constraint disputes_response_complete
    check ((response is null) = (responded_at is null) and (response is null) = (responded_by_user_id is null));
