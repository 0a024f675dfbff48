-- The ledger: accounts, balanced postings of entries, and two-phase holds. Generic: it knows
-- books (one economy each: Splits Network, OFAIR), owners and account kinds, never invoices or
-- placements. Money is BIGINT minor units. Nothing here is ever updated or deleted except the
-- running counters of an account and the resolution of a hold; corrections are reversing postings.
--
-- Counters follow TigerBeetle's: every account keeps debits and credits, posted and pending,
-- as non-negative sums. Its balance on its normal side is credits − debits (credit-normal) or
-- debits − credits (debit-normal); "available" also subtracts pending outflows. An account that
-- may not go negative never lets posted-plus-pending outflows exceed posted inflows.

create schema ledger;
grant usage on schema ledger to app_runtime;

create table ledger.accounts (
  id uuid primary key default platform.uuid_v7(),
  -- book:owner_type:owner_id:kind:currency:shard — readable, unique, what postings name
  code text not null unique check (code ~ '^[a-z0-9_-]+:[a-z_]+:[a-z0-9-]+:[a-z_]+:[A-Z]{3}:[0-9]+$'),
  book text not null check (book ~ '^[a-z0-9_-]+$'),
  owner_type text not null check (owner_type ~ '^[a-z_]+$'),
  owner_id text,
  kind text not null check (kind ~ '^[a-z_]+$'),
  currency char(3) not null check (currency ~ '^[A-Z]{3}$'),
  -- a hot account (every posting of a book touches it) is spread over shards, summed on read
  shard smallint not null default 0 check (shard between 0 and 255),
  normal_side text not null check (normal_side in ('debit', 'credit')),
  allow_negative boolean not null default false,
  debits_posted bigint not null default 0 check (debits_posted >= 0),
  credits_posted bigint not null default 0 check (credits_posted >= 0),
  debits_pending bigint not null default 0 check (debits_pending >= 0),
  credits_pending bigint not null default 0 check (credits_pending >= 0),
  version bigint not null default 0,
  created_at timestamptz not null default now(),
  -- the rule of the account, enforced by the database as well as by ledger.post
  constraint no_forbidden_negative check (
    allow_negative
    or (normal_side = 'credit' and debits_posted + debits_pending <= credits_posted)
    or (normal_side = 'debit' and credits_posted + credits_pending <= debits_posted)
  )
);
create index accounts_owner_idx on ledger.accounts (book, owner_type, owner_id, kind, currency);

create table ledger.postings (
  id uuid primary key default platform.uuid_v7(),
  book text not null,
  -- a replay with the same key and the same request returns this posting; a different request is refused
  idempotency_key text not null unique check (length(idempotency_key) between 1 and 255),
  request_hash text not null check (request_hash ~ '^[0-9a-f]{64}$'),
  kind text not null check (kind ~ '^[a-z_]+(\.[a-z_]+)*$'),
  reference_type text not null,
  reference_id text not null,
  description text not null check (length(description) between 1 and 500),
  metadata jsonb not null default '{}',
  -- a reversal names what it reverses; a posting is reversed at most once
  reverses uuid unique references ledger.postings (id),
  effective_at timestamptz not null,
  created_at timestamptz not null default now()
);
create index postings_reference_idx on ledger.postings (reference_type, reference_id);
create index postings_created_idx on ledger.postings (book, created_at desc, id desc);

create table ledger.entries (
  id bigint generated always as identity primary key,
  posting_id uuid not null references ledger.postings (id),
  account_id uuid not null references ledger.accounts (id),
  direction text not null check (direction in ('debit', 'credit')),
  amount bigint not null check (amount > 0),
  currency char(3) not null,
  -- the account's posted balance on its normal side after this entry, and the version it made
  balance_after bigint not null,
  account_version bigint not null,
  unique (account_id, account_version)
);
create index entries_posting_idx on ledger.entries (posting_id);

-- A two-phase transfer between two accounts: reserved now (pending counters), then posted in
-- whole or in part, voided, or expired, exactly once.
create table ledger.holds (
  id uuid primary key default platform.uuid_v7(),
  book text not null,
  idempotency_key text not null unique check (length(idempotency_key) between 1 and 255),
  request_hash text not null check (request_hash ~ '^[0-9a-f]{64}$'),
  debit_account_id uuid not null references ledger.accounts (id),
  credit_account_id uuid not null references ledger.accounts (id),
  currency char(3) not null,
  amount bigint not null check (amount > 0),
  status text not null default 'pending' check (status in ('pending', 'posted', 'voided', 'expired')),
  posted_amount bigint not null default 0 check (posted_amount >= 0),
  reference_type text not null,
  reference_id text not null,
  description text not null,
  metadata jsonb not null default '{}',
  expires_at timestamptz,
  created_at timestamptz not null default now(),
  resolved_at timestamptz,
  resolution_posting_id uuid references ledger.postings (id),
  check (debit_account_id <> credit_account_id),
  check (posted_amount <= amount),
  check ((status = 'pending') = (resolved_at is null)),
  check (status = 'posted' or posted_amount = 0)
);
create index holds_pending_expiry_idx on ledger.holds (expires_at) where status = 'pending';
create index holds_reference_idx on ledger.holds (reference_type, reference_id);

-- ---------------------------------------------------------------------------------------------
-- Append-only: postings and entries are never changed; holds change only by being resolved.
-- ---------------------------------------------------------------------------------------------
create function ledger.refuse_change() returns trigger language plpgsql as $$
begin
  raise exception 'ledger.% is append-only (correct with a reversing posting)', tg_table_name
    using errcode = 'insufficient_privilege';
end $$;
create trigger postings_append_only before update or delete on ledger.postings
  for each statement execute function ledger.refuse_change();
create trigger entries_append_only before update or delete on ledger.entries
  for each statement execute function ledger.refuse_change();
create trigger postings_no_truncate before truncate on ledger.postings
  for each statement execute function ledger.refuse_change();
create trigger entries_no_truncate before truncate on ledger.entries
  for each statement execute function ledger.refuse_change();

create function ledger.hold_resolves_once() returns trigger language plpgsql as $$
begin
  if old.status <> 'pending' then
    raise exception 'hold % is already %', old.id, old.status using errcode = 'check_violation';
  end if;
  if (new.debit_account_id, new.credit_account_id, new.amount, new.currency, new.idempotency_key)
     is distinct from (old.debit_account_id, old.credit_account_id, old.amount, old.currency, old.idempotency_key) then
    raise exception 'a hold''s terms never change' using errcode = 'check_violation';
  end if;
  return new;
end $$;
create trigger holds_resolve_once before update on ledger.holds
  for each row execute function ledger.hold_resolves_once();
create trigger holds_no_delete before delete or truncate on ledger.holds
  for each statement execute function ledger.refuse_change();

-- ---------------------------------------------------------------------------------------------
-- Writing: one function call per posting (one round trip), accounts locked in id order.
-- Lines: [{ "code", "owner_type", "owner_id", "kind", "currency", "shard", "normal_side",
--           "allow_negative", "direction", "amount" }]; accounts are created on first use.
-- Errors carry their own SQLSTATEs: LD001 unbalanced, LD003 idempotency key reused with a
-- different request, LD004 currency mismatch, LD005 hold not pending, LD006 amount above the
-- hold. Insufficient funds is the accounts' own CHECK (no_forbidden_negative). An account appears
-- once per posting, so no intermediate state of the loop below can trip that check.
-- ---------------------------------------------------------------------------------------------
create function ledger.ensure_accounts(p_lines jsonb) returns void language sql as $$
  insert into ledger.accounts (code, book, owner_type, owner_id, kind, currency, shard, normal_side, allow_negative)
  select distinct on (l->>'code') l->>'code', split_part(l->>'code', ':', 1), l->>'owner_type',
         nullif(l->>'owner_id', ''), l->>'kind', l->>'currency', (l->>'shard')::smallint,
         l->>'normal_side', (l->>'allow_negative')::boolean
    from jsonb_array_elements(p_lines) l
   where l ? 'normal_side'
  on conflict (code) do nothing
$$;

create function ledger.post(
  p_book text, p_key text, p_hash text, p_kind text, p_reference_type text, p_reference_id text,
  p_description text, p_metadata jsonb, p_effective_at timestamptz, p_lines jsonb, p_reverses uuid default null
) returns table (posting_id uuid, replayed boolean)
language plpgsql as $$
declare
  v_id uuid;
  v_hash text;
  v_acc record;
  v_line record;
  v_unbalanced text;
begin
  insert into ledger.postings (book, idempotency_key, request_hash, kind, reference_type, reference_id,
                               description, metadata, reverses, effective_at)
  values (p_book, p_key, p_hash, p_kind, p_reference_type, p_reference_id, p_description,
          coalesce(p_metadata, '{}'), p_reverses, p_effective_at)
  on conflict (idempotency_key) do nothing
  returning id into v_id;
  if v_id is null then
    select p.id, p.request_hash into v_id, v_hash from ledger.postings p where p.idempotency_key = p_key;
    if v_hash <> p_hash then
      raise exception 'idempotency key % was used for a different posting', p_key using errcode = 'LD003';
    end if;
    return query select v_id, true;
    return;
  end if;

  if jsonb_array_length(p_lines) < 2 then
    raise exception 'a posting needs at least two entries' using errcode = 'LD001';
  end if;
  select string_agg(c, ', ') into v_unbalanced from (
    select l->>'currency' as c
      from jsonb_array_elements(p_lines) l
     group by l->>'currency'
    having sum(case l->>'direction' when 'debit' then (l->>'amount')::bigint else -(l->>'amount')::bigint end) <> 0
  ) u;
  if v_unbalanced is not null then
    raise exception 'the entries do not balance in %', v_unbalanced using errcode = 'LD001';
  end if;
  if exists (select 1 from jsonb_array_elements(p_lines) l where (l->>'amount')::bigint <= 0) then
    raise exception 'every entry needs a positive amount' using errcode = 'LD001';
  end if;
  if (select count(distinct l->>'code') <> count(*) from jsonb_array_elements(p_lines) l) then
    raise exception 'an account may appear once in a posting' using errcode = 'LD001';
  end if;

  perform ledger.ensure_accounts(p_lines);
  -- lock every account of the posting in one fixed order: no two postings deadlock
  perform 1 from ledger.accounts a
   where a.code in (select l->>'code' from jsonb_array_elements(p_lines) l)
   order by a.id for update;

  for v_line in
    select l->>'code' as code, l->>'direction' as direction, (l->>'amount')::bigint as amount,
           l->>'currency' as currency, ord
      from jsonb_array_elements(p_lines) with ordinality as t(l, ord)
     order by ord
  loop
    update ledger.accounts a
       set debits_posted = a.debits_posted + case when v_line.direction = 'debit' then v_line.amount else 0 end,
           credits_posted = a.credits_posted + case when v_line.direction = 'credit' then v_line.amount else 0 end,
           version = a.version + 1
     where a.code = v_line.code
    returning a.id, a.currency, a.version, a.normal_side, a.debits_posted, a.credits_posted into v_acc;
    if v_acc.id is null then
      raise exception 'no account %', v_line.code using errcode = 'LD004';
    end if;
    if v_acc.currency <> v_line.currency then
      raise exception 'account % holds %, not %', v_line.code, v_acc.currency, v_line.currency using errcode = 'LD004';
    end if;
    insert into ledger.entries (posting_id, account_id, direction, amount, currency, balance_after, account_version)
    values (v_id, v_acc.id, v_line.direction, v_line.amount, v_line.currency,
            case v_acc.normal_side when 'credit' then v_acc.credits_posted - v_acc.debits_posted
                                   else v_acc.debits_posted - v_acc.credits_posted end,
            v_acc.version);
  end loop;
  return query select v_id, false;
end $$;

-- A hold reserves `amount` from the debit account towards the credit account.
create function ledger.create_hold(
  p_book text, p_key text, p_hash text, p_debit jsonb, p_credit jsonb, p_currency text, p_amount bigint,
  p_reference_type text, p_reference_id text, p_description text, p_metadata jsonb, p_expires_at timestamptz
) returns table (hold_id uuid, replayed boolean)
language plpgsql as $$
declare
  v_id uuid;
  v_hash text;
  v_debit record;
  v_credit record;
begin
  if p_amount <= 0 then
    raise exception 'a hold needs a positive amount' using errcode = 'LD001';
  end if;
  perform ledger.ensure_accounts(jsonb_build_array(p_debit, p_credit));
  select a.id, a.currency into v_debit from ledger.accounts a where a.code = p_debit->>'code';
  select a.id, a.currency into v_credit from ledger.accounts a where a.code = p_credit->>'code';
  if v_debit.id is null or v_credit.id is null then
    raise exception 'no account % or %', p_debit->>'code', p_credit->>'code' using errcode = 'LD004';
  end if;
  if v_debit.currency <> p_currency or v_credit.currency <> p_currency then
    raise exception 'a hold in % between accounts in % and %', p_currency, v_debit.currency, v_credit.currency
      using errcode = 'LD004';
  end if;
  -- the key first: a concurrent twin waits here and then replays, reserving nothing
  insert into ledger.holds (book, idempotency_key, request_hash, debit_account_id, credit_account_id, currency, amount,
                            reference_type, reference_id, description, metadata, expires_at)
  values (p_book, p_key, p_hash, v_debit.id, v_credit.id, p_currency, p_amount, p_reference_type, p_reference_id,
          p_description, coalesce(p_metadata, '{}'), p_expires_at)
  on conflict (idempotency_key) do nothing
  returning id into v_id;
  if v_id is null then
    select h.id, h.request_hash into v_id, v_hash from ledger.holds h where h.idempotency_key = p_key;
    if v_hash <> p_hash then
      raise exception 'idempotency key % was used for a different hold', p_key using errcode = 'LD003';
    end if;
    return query select v_id, true;
    return;
  end if;
  perform 1 from ledger.accounts a where a.id in (v_debit.id, v_credit.id) order by a.id for update;
  update ledger.accounts a set debits_pending = a.debits_pending + p_amount, version = a.version + 1
   where a.id = v_debit.id;
  update ledger.accounts a set credits_pending = a.credits_pending + p_amount, version = a.version + 1
   where a.id = v_credit.id;
  return query select v_id, false;
end $$;

-- Resolves a pending hold once: 'post' (all or part of it, as a posting), 'void' or 'expire'.
create function ledger.resolve_hold(
  p_hold uuid, p_action text, p_amount bigint, p_key text, p_hash text, p_description text, p_at timestamptz
) returns table (hold_status text, posting_id uuid)
language plpgsql as $$
declare
  h ledger.holds;
  v_posting uuid;
  v_debit text;
  v_credit text;
  v_replayed boolean;
begin
  select * into h from ledger.holds where id = p_hold for update;
  if h.id is null then
    raise exception 'no hold %', p_hold using errcode = 'LD005';
  end if;
  if h.status <> 'pending' then
    raise exception 'hold % is already %', p_hold, h.status using errcode = 'LD005';
  end if;
  if p_action = 'post' and (p_amount is null or p_amount <= 0 or p_amount > h.amount) then
    raise exception 'a hold of % can post between 1 and %', h.amount, h.amount using errcode = 'LD006';
  end if;
  perform 1 from ledger.accounts a where a.id in (h.debit_account_id, h.credit_account_id) order by a.id for update;
  update ledger.accounts a set debits_pending = a.debits_pending - h.amount, version = a.version + 1
   where a.id = h.debit_account_id;
  update ledger.accounts a set credits_pending = a.credits_pending - h.amount, version = a.version + 1
   where a.id = h.credit_account_id;
  if p_action = 'post' then
    select code into v_debit from ledger.accounts where id = h.debit_account_id;
    select code into v_credit from ledger.accounts where id = h.credit_account_id;
    select r.posting_id, r.replayed into v_posting, v_replayed from ledger.post(
      h.book, p_key, p_hash, 'hold.posted', 'hold', h.id::text, p_description,
      jsonb_build_object('hold_id', h.id) || h.metadata, p_at,
      jsonb_build_array(
        jsonb_build_object('code', v_debit, 'direction', 'debit', 'amount', p_amount, 'currency', h.currency),
        jsonb_build_object('code', v_credit, 'direction', 'credit', 'amount', p_amount, 'currency', h.currency))) r;
    update ledger.holds set status = 'posted', posted_amount = p_amount, resolved_at = p_at,
                            resolution_posting_id = v_posting
     where id = h.id;
    return query select 'posted'::text, v_posting;
  else
    update ledger.holds set status = case p_action when 'expire' then 'expired' else 'voided' end, resolved_at = p_at
     where id = h.id;
    return query select (case p_action when 'expire' then 'expired' else 'voided' end)::text, null::uuid;
  end if;
end $$;

grant select on ledger.accounts, ledger.postings, ledger.entries, ledger.holds to app_runtime;
grant insert on ledger.postings, ledger.entries, ledger.holds to app_runtime;
grant insert, update (debits_posted, credits_posted, debits_pending, credits_pending, version) on ledger.accounts to app_runtime;
grant update (status, posted_amount, resolved_at, resolution_posting_id) on ledger.holds to app_runtime;
grant execute on all functions in schema ledger to app_runtime;
