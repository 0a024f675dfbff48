-- Money II: paying recruiters. Stripe Connect Express accounts, escrow holds (the holdback kept
-- until a placement's guarantee ends), payout schedules (seed 003), payouts and their splits, and
-- the per-placement positions that say where each recruiter's money of a placement is now.
-- Money lives in the ledger (book "splits"); these tables are the documents and the workflow.
-- Every status change is allowed by one table in code and refused again here (triggers), and
-- writes the payout audit log in the same transaction.

-- A recruiter's Stripe Connect Express account, kept in sync by `account.updated` webhooks.
create table billing.connect_accounts (
  recruiter_id uuid primary key references network.recruiters (id),
  -- null while the account is being created at Stripe (the row is written first, see connect.ts)
  stripe_account_id text unique check (stripe_account_id ~ '^acct_[A-Za-z0-9]+$'),
  charges_enabled boolean not null default false,
  payouts_enabled boolean not null default false,
  details_submitted boolean not null default false,
  transfers_capability text not null default 'inactive'
    check (transfers_capability in ('inactive', 'pending', 'active', 'unrequested')),
  requirements_due text[] not null default '{}',
  requirements_past_due text[] not null default '{}',
  requirements_pending_verification text[] not null default '{}',
  requirements_deadline timestamptz,
  disabled_reason text,
  -- the last `account.updated` applied (events may arrive out of order: older ones are ignored)
  synced_event_created bigint,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1
);

-- What share of each recruiter's money is held back until the guarantee ends (null: the
-- platform default, 20%). Stored on each escrow hold as it was applied.
alter table billing.company_settings
  add column holdback_bps integer check (holdback_bps between 0 and 10000);

-- Payouts: one recruiter, one placement, one Stripe transfer (or one line of a manual bank batch).
create table billing.payouts (
  id uuid primary key default platform.uuid_v7(),
  placement_id uuid not null references ats.placements (id),
  recruiter_id uuid not null references network.recruiters (id),
  currency char(3) not null check (currency ~ '^[A-Z]{3}$'),
  -- what the schedules it pays add up to; less what it nets against the recruiter's debt; sent
  gross_amount bigint not null check (gross_amount > 0),
  debt_offset bigint not null default 0 check (debt_offset >= 0),
  amount bigint not null check (amount >= 0),
  method text not null check (method in ('stripe_connect', 'manual_bank')),
  status text not null default 'pending' check (status in ('pending', 'processing', 'completed', 'failed')),
  transfer_group text not null,
  stripe_connect_account_id text,
  stripe_transfer_id text unique,
  -- the bank payout on the connected account that takes the transfer to the recruiter's bank
  stripe_payout_id text unique,
  bank_payout_status text check (bank_payout_status in ('pending', 'in_transit', 'paid', 'failed', 'canceled')),
  bank_failure_code text,
  -- the company payment whose card charge funds the transfer (`source_transaction`)
  source_payment_id uuid references billing.payments (id),
  attempts integer not null default 0 check (attempts >= 0),
  lease_until timestamptz,
  -- a permanent error: 'account' (the account cannot receive transfers) waits for `account.updated`;
  -- 'attention' (anything else Stripe refused) waits for an admin
  parked_code text check (parked_code in ('account', 'attention')),
  parked_reason text,
  parked_at timestamptz,
  funding_posting_id uuid,
  settlement_posting_id uuid,
  return_posting_id uuid,
  manual_reference text,
  first_attempt_at timestamptz,
  processing_started_at timestamptz,
  completed_at timestamptz,
  failed_at timestamptz,
  failure_reason text,
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  check (amount + debt_offset = gross_amount),
  check ((status = 'completed') = (completed_at is not null) or status = 'failed'),
  check (status <> 'completed' or settlement_posting_id is not null),
  check ((parked_reason is null) = (parked_at is null)),
  check ((parked_reason is null) = (parked_code is null)),
  check (parked_reason is null or status = 'pending'),
  check (status not in ('processing', 'completed') or funding_posting_id is not null)
);
create index payouts_recruiter_idx on billing.payouts (recruiter_id, created_at desc, id desc);
create index payouts_placement_idx on billing.payouts (placement_id, created_at desc);
create index payouts_status_idx on billing.payouts (status, created_at desc, id desc);
create index payouts_processing_lease_idx on billing.payouts (lease_until) where status = 'processing';
create index payouts_parked_idx on billing.payouts (recruiter_id) where parked_reason is not null;

-- Escrow holds (seed 003's columns, plus the recruiter, currency and the ledger hold behind it):
-- the holdback of a recruiter's share of one payment, held until the guarantee ends.
create table billing.escrow_holds (
  id uuid primary key default platform.uuid_v7(),
  placement_id uuid not null references ats.placements (id),
  -- the payout that paid it, after its release
  payout_id uuid references billing.payouts (id),
  recruiter_id uuid not null references network.recruiters (id),
  payment_id uuid references billing.payments (id),
  hold_amount bigint not null check (hold_amount > 0),
  currency char(3) not null check (currency ~ '^[A-Z]{3}$'),
  holdback_bps integer not null check (holdback_bps between 0 and 10000),
  hold_reason text not null default 'guarantee_period'
    check (hold_reason in ('guarantee_period', 'dispute_pending', 'compliance_review', 'remainder')),
  held_at timestamptz not null default now(),
  release_scheduled_date date not null,
  released_at timestamptz,
  released_by text,
  cancelled_at timestamptz,
  cancellation_reason text,
  status text not null default 'active' check (status in ('active', 'released', 'cancelled')),
  ledger_hold_id uuid not null unique,
  release_posting_id uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  check ((status = 'released') = (released_at is not null)),
  check ((status = 'cancelled') = (cancelled_at is not null))
);
create index escrow_holds_placement_idx on billing.escrow_holds (placement_id, recruiter_id);
create index escrow_holds_recruiter_idx on billing.escrow_holds (recruiter_id, created_at desc, id desc);
create index escrow_holds_due_idx on billing.escrow_holds (release_scheduled_date) where status = 'active';

-- Payout schedules (seed 003 with migration 024's columns): when a recruiter's money of a
-- placement is paid. One is created when money becomes available (the part released at once when
-- the company pays; the holdback when the guarantee ends; money a failed bank payout returned).
-- A cancelled schedule is `failed` with `cancelled_at` and `cancellation_reason`.
create table billing.payout_schedules (
  id uuid primary key default platform.uuid_v7(),
  placement_id uuid not null references ats.placements (id),
  recruiter_id uuid not null references network.recruiters (id),
  payout_id uuid references billing.payouts (id),
  escrow_hold_id uuid references billing.escrow_holds (id),
  amount bigint not null check (amount > 0),
  currency char(3) not null check (currency ~ '^[A-Z]{3}$'),
  scheduled_date date not null,
  guarantee_completion_date date,
  trigger_event text not null
    check (trigger_event in ('payment_received', 'guarantee_complete', 'payout_returned', 'reallocation', 'manual')),
  status text not null default 'pending' check (status in ('pending', 'processing', 'processed', 'failed')),
  triggered_at timestamptz,
  cancelled_at timestamptz,
  cancellation_reason text,
  processed_at timestamptz,
  failure_reason text,
  retry_count integer not null default 0 check (retry_count between 0 and 3),
  last_retry_at timestamptz,
  -- after a temporary error: not before this time
  next_attempt_at timestamptz,
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  check ((status = 'processed') = (processed_at is not null)),
  check (cancelled_at is null or status = 'failed'),
  check ((cancelled_at is null) = (cancellation_reason is null))
);
create index payout_schedules_due_idx on billing.payout_schedules (scheduled_date, id) where status = 'pending';
create index payout_schedules_placement_idx on billing.payout_schedules (placement_id, recruiter_id);
create index payout_schedules_recruiter_idx on billing.payout_schedules (recruiter_id, created_at desc, id desc);
create index payout_schedules_payout_idx on billing.payout_schedules (payout_id);
create index payout_schedules_list_idx on billing.payout_schedules (created_at desc, id desc);

-- What a payout is made of: each schedule it pays (seed 001's splits by collaborator), and what it
-- nets against the recruiter's debt (negative). Their sum is the amount sent.
create table billing.payout_splits (
  id uuid primary key default platform.uuid_v7(),
  payout_id uuid not null references billing.payouts (id),
  collaborator_recruiter_id uuid not null references network.recruiters (id),
  placement_id uuid not null references ats.placements (id),
  kind text not null check (kind in ('share', 'holdback', 'returned', 'reallocation', 'manual', 'debt_offset')),
  payout_schedule_id uuid references billing.payout_schedules (id),
  -- the recruiter's share of the placement's fee (basis points of the fee), for the statement
  split_percentage_bps integer check (split_percentage_bps between 0 and 10000),
  split_amount bigint not null check (split_amount <> 0),
  status text not null default 'pending' check (status in ('pending', 'processing', 'completed', 'failed')),
  stripe_transfer_id text,
  completed_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((kind = 'debt_offset') = (split_amount < 0))
);
create index payout_splits_payout_idx on billing.payout_splits (payout_id);

-- Where each recruiter's money of a placement is, besides what the escrow holds, schedules and
-- payouts say: money in recruiter_held no longer under a hold (a cancelled hold), money in
-- recruiter_available no schedule claims (a cancelled schedule), and what the recruiter owes back
-- of it (paid out before a fall-off took it back). The payouts reconciliation proves that these,
-- with the holds, schedules and payouts, add up to the ledger's balances.
create table billing.payout_positions (
  placement_id uuid not null references ats.placements (id),
  recruiter_id uuid not null references network.recruiters (id),
  currency char(3) not null,
  held_free bigint not null default 0 check (held_free >= 0),
  unscheduled bigint not null default 0 check (unscheduled >= 0),
  debt bigint not null default 0 check (debt >= 0),
  -- totals for the statement: taken back by fall-offs, netted against payouts, recovered by reversals
  taken_back bigint not null default 0 check (taken_back >= 0),
  debt_netted bigint not null default 0 check (debt_netted >= 0),
  debt_recovered bigint not null default 0 check (debt_recovered >= 0),
  updated_at timestamptz not null default now(),
  primary key (placement_id, recruiter_id, currency)
);
create index payout_positions_debt_idx on billing.payout_positions (recruiter_id, currency) where debt > 0;

-- Replays of a signed webhook delivery: the signature of the delivery that first stored the event.
alter table billing.stripe_events add column first_signature text;

-- ---------------------------------------------------------------------------------------------
-- Transitions, refused again in SQL
-- ---------------------------------------------------------------------------------------------
create function billing.payout_transition() returns trigger language plpgsql as $$
begin
  if new.status = old.status then return new; end if;
  if (old.status, new.status) not in (
      ('pending', 'processing'), ('pending', 'failed'),
      ('processing', 'pending'), ('processing', 'completed'), ('processing', 'failed'),
      ('completed', 'failed')) then
    raise exception 'a payout cannot go from % to %', old.status, new.status using errcode = 'check_violation';
  end if;
  if old.status = 'completed' and new.return_posting_id is null then
    raise exception 'a completed payout fails only when its money came back' using errcode = 'check_violation';
  end if;
  return new;
end $$;
create trigger payouts_transition before update on billing.payouts
  for each row execute function billing.payout_transition();

create function billing.escrow_hold_transition() returns trigger language plpgsql as $$
begin
  if new.status = old.status then
    if old.status <> 'active' and new.payout_id is not distinct from old.payout_id then
      raise exception 'escrow hold % is already %', old.id, old.status using errcode = 'check_violation';
    end if;
    return new;
  end if;
  if old.status <> 'active' then
    raise exception 'escrow hold % is already %', old.id, old.status using errcode = 'check_violation';
  end if;
  if (old.hold_amount, old.recruiter_id, old.placement_id, old.ledger_hold_id)
     is distinct from (new.hold_amount, new.recruiter_id, new.placement_id, new.ledger_hold_id) then
    raise exception 'an escrow hold''s terms never change' using errcode = 'check_violation';
  end if;
  return new;
end $$;
create trigger escrow_holds_transition before update on billing.escrow_holds
  for each row execute function billing.escrow_hold_transition();

create function billing.payout_schedule_transition() returns trigger language plpgsql as $$
begin
  if old.status = 'processed' then
    raise exception 'payout schedule % is processed' , old.id using errcode = 'check_violation';
  end if;
  if old.cancelled_at is not null then
    raise exception 'payout schedule % was cancelled', old.id using errcode = 'check_violation';
  end if;
  if (old.amount, old.recruiter_id, old.placement_id) is distinct from (new.amount, new.recruiter_id, new.placement_id) then
    raise exception 'a payout schedule''s amount and payee never change' using errcode = 'check_violation';
  end if;
  if new.status <> old.status and (old.status, new.status) not in (
      ('pending', 'processing'), ('pending', 'failed'),
      ('processing', 'pending'), ('processing', 'processed'), ('processing', 'failed'),
      ('failed', 'pending')) then
    raise exception 'a payout schedule cannot go from % to %', old.status, new.status using errcode = 'check_violation';
  end if;
  return new;
end $$;
create trigger payout_schedules_transition before update on billing.payout_schedules
  for each row execute function billing.payout_schedule_transition();

create trigger payout_schedules_no_delete before delete or truncate on billing.payout_schedules
  for each statement execute function billing.refuse_audit_change();
create trigger payouts_no_delete before delete or truncate on billing.payouts
  for each statement execute function billing.refuse_audit_change();
create trigger escrow_holds_no_delete before delete or truncate on billing.escrow_holds
  for each statement execute function billing.refuse_audit_change();

-- ---------------------------------------------------------------------------------------------
-- Who sees what: a recruiter their own; platform admins and the system everything.
-- ---------------------------------------------------------------------------------------------
grant select, insert, update on billing.connect_accounts, billing.payouts, billing.escrow_holds,
  billing.payout_schedules, billing.payout_splits, billing.payout_positions to app_runtime;
grant update (first_signature) on billing.stripe_events to app_runtime;

alter table billing.connect_accounts enable row level security;
alter table billing.connect_accounts force row level security;
create policy connect_accounts_visible on billing.connect_accounts for all
  using ((select platform.is_system()) or (select identity.is_platform_admin())
         or recruiter_id = (select ats.current_recruiter_id()))
  with check ((select platform.is_system()) or (select identity.is_platform_admin()));

alter table billing.payouts enable row level security;
alter table billing.payouts force row level security;
create policy payouts_visible on billing.payouts for all
  using ((select platform.is_system()) or (select identity.is_platform_admin())
         or recruiter_id = (select ats.current_recruiter_id()))
  with check ((select platform.is_system()) or (select identity.is_platform_admin()));

alter table billing.escrow_holds enable row level security;
alter table billing.escrow_holds force row level security;
create policy escrow_holds_visible on billing.escrow_holds for all
  using ((select platform.is_system()) or (select identity.is_platform_admin())
         or recruiter_id = (select ats.current_recruiter_id()))
  with check ((select platform.is_system()) or (select identity.is_platform_admin()));

alter table billing.payout_schedules enable row level security;
alter table billing.payout_schedules force row level security;
create policy payout_schedules_visible on billing.payout_schedules for all
  using ((select platform.is_system()) or (select identity.is_platform_admin())
         or recruiter_id = (select ats.current_recruiter_id()))
  with check ((select platform.is_system()) or (select identity.is_platform_admin()));

alter table billing.payout_splits enable row level security;
alter table billing.payout_splits force row level security;
create policy payout_splits_visible on billing.payout_splits for all
  using ((select platform.is_system()) or (select identity.is_platform_admin())
         or collaborator_recruiter_id = (select ats.current_recruiter_id()))
  with check ((select platform.is_system()) or (select identity.is_platform_admin()));

alter table billing.payout_positions enable row level security;
alter table billing.payout_positions force row level security;
create policy payout_positions_visible on billing.payout_positions for all
  using ((select platform.is_system()) or (select identity.is_platform_admin())
         or recruiter_id = (select ats.current_recruiter_id()))
  with check ((select platform.is_system()) or (select identity.is_platform_admin()));
