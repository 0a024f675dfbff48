-- The payout audit chain's trigger looked up the chain's head with `order by seq desc limit 1`
-- under the table's forced row-level security. PL/pgSQL caches that plan per connection; planned
-- while the table was small it stays a sequential scan with the policy as a filter, so each new
-- row read the whole log: a payout run of 1,000 spent 6 s writing 4,000 audit rows, and it got
-- slower as the log grew.
--
-- Now the head is read once per transaction, planned afresh (dynamic SQL: the planner sees the
-- table's real size and takes the unique index backwards), and kept in a transaction-local
-- setting for the transaction's next rows. That is safe because the advisory lock taken first
-- is held until the transaction ends: nobody else can extend the chain meanwhile. A rolled-back
-- savepoint also rolls back the setting.
create or replace function billing.payout_audit_chain() returns trigger language plpgsql as $$
declare
  head text;
  last_seq bigint;
  last_hash text;
begin
  -- one writer at a time extends the chain (a transaction-scoped lock)
  perform pg_advisory_xact_lock(727002);
  head := nullif(current_setting('billing.payout_audit_head', true), '');
  if head is null then
    execute 'select seq, hash from billing.payout_audit_log order by seq desc limit 1' into last_seq, last_hash;
  else
    last_seq := split_part(head, ':', 1)::bigint;
    last_hash := split_part(head, ':', 2);
  end if;
  new.seq := coalesce(last_seq, 0) + 1;
  new.prev_hash := coalesce(last_hash, repeat('0', 64));
  new.hash := encode(sha256(convert_to(new.prev_hash || billing.payout_audit_content(new), 'UTF8')), 'hex');
  perform set_config('billing.payout_audit_head', new.seq::text || ':' || new.hash, true);
  return new;
end $$;
