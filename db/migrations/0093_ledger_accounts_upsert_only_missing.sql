-- A posting names its accounts and creates those that do not exist yet. Most of them exist (a
-- company's receivable, the platform's revenue): an index probe skips those before the insert,
-- where INSERT … ON CONFLICT DO NOTHING paid for a speculative insertion on each one. The ON
-- CONFLICT stays for two postings creating the same new account at once.
create or replace function ledger.ensure_accounts(p_lines jsonb) returns void language sql as $$
  insert into ledger.accounts (code, book, owner_type, owner_id, kind, currency, shard, normal_side, allow_negative)
  select distinct on (l->>'code') l->>'code', split_part(l->>'code', ':', 1), l->>'owner_type',
         nullif(l->>'owner_id', ''), l->>'kind', l->>'currency', (l->>'shard')::smallint,
         l->>'normal_side', (l->>'allow_negative')::boolean
    from jsonb_array_elements(p_lines) l
   where l ? 'normal_side'
     and not exists (select 1 from ledger.accounts a where a.code = l->>'code')
  on conflict (code) do nothing
$$;
