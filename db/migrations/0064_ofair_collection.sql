-- OFAIR II, the payment-provider side (issue 11 items 5 and 6): saved payment methods (a PSP token,
-- never a card number: brand, last 4 digits and expiry only), hosted-page sessions, the PSP's signed
-- webhooks (stored once by event id), collection of what professionals owe (B2B: a negative
-- pro_balance) with a retry schedule and an admin alert, payout preferences with minimal bank
-- details, and bank-transfer batches of what the platform owes professionals.
-- Money is BIGINT agorot (ILS).

create table ofair.payment_methods (
  id uuid primary key default platform.uuid_v7(),
  professional_id uuid not null references ofair.professionals (id),
  provider text not null check (length(provider) between 1 and 40),
  -- the PSP's token for the card; the card number never reaches us
  token text not null check (length(token) between 8 and 200),
  brand text not null check (length(brand) between 1 and 20),
  last4 char(4) not null check (last4 ~ '^[0-9]{4}$'),
  exp_month smallint not null check (exp_month between 1 and 12),
  exp_year smallint not null check (exp_year between 2000 and 2100),
  status text not null default 'active' check (status in ('active', 'removed')),
  autopay boolean not null default true,
  created_at timestamptz not null default now(),
  removed_at timestamptz,
  version integer not null default 1,
  check ((status = 'removed') = (removed_at is not null))
);
-- one card in use per professional (a new one replaces the old)
create unique index payment_methods_one_active on ofair.payment_methods (professional_id) where status = 'active';
create unique index payment_methods_token on ofair.payment_methods (provider, token);

-- A hosted payment page we asked the PSP for: saving a card, or a client paying a job (captured mode).
create table ofair.psp_sessions (
  id uuid primary key default platform.uuid_v7(),
  purpose text not null check (purpose in ('setup', 'captured_payment')),
  provider text not null,
  provider_session_id text not null,
  url text not null,
  professional_id uuid references ofair.professionals (id),
  lead_payment_id uuid references ofair.lead_payments (id),
  created_by uuid not null,
  amount_minor bigint check (amount_minor > 0),
  status text not null default 'pending' check (status in ('pending', 'completed', 'failed')),
  payment_method_id uuid references ofair.payment_methods (id),
  psp_reference text,
  created_at timestamptz not null default now(),
  completed_at timestamptz,
  unique (provider, provider_session_id),
  check ((purpose = 'setup') = (professional_id is not null)),
  check ((purpose = 'captured_payment') = (lead_payment_id is not null and amount_minor is not null))
);
-- one live payment page per job: concurrent "pay" clicks share it
create unique index psp_sessions_one_live_payment on ofair.psp_sessions (lead_payment_id)
  where purpose = 'captured_payment' and status in ('pending', 'completed');

-- Verified webhooks, once per event id (a replay of a known id is refused and changes nothing).
create table ofair.psp_webhook_events (
  event_id text primary key check (length(event_id) between 1 and 200),
  provider text not null,
  type text not null,
  payload jsonb not null,
  received_at timestamptz not null default now(),
  outcome text
);

-- Collection: one open case per professional who owes the platform; each charge attempt has its own
-- idempotency key (case and attempt number), so a retried request never charges twice.
create table ofair.collection_cases (
  id uuid primary key default platform.uuid_v7(),
  professional_id uuid not null references ofair.professionals (id),
  status text not null default 'open' check (status in ('open', 'collected', 'alerted', 'resolved')),
  attempts smallint not null default 0 check (attempts between 0 and 20),
  next_attempt_at timestamptz,
  last_error text,
  opened_at timestamptz not null default now(),
  closed_at timestamptz,
  alerted_at timestamptz,
  check ((status = 'alerted') = (alerted_at is not null and closed_at is null) or status <> 'alerted'),
  check ((status in ('collected', 'resolved')) = (closed_at is not null))
);
create unique index collection_cases_one_open on ofair.collection_cases (professional_id)
  where status in ('open', 'alerted');
create index collection_cases_due_idx on ofair.collection_cases (next_attempt_at) where status = 'open';

create table ofair.collection_attempts (
  id uuid primary key default platform.uuid_v7(),
  case_id uuid not null references ofair.collection_cases (id),
  professional_id uuid not null references ofair.professionals (id),
  payment_method_id uuid references ofair.payment_methods (id),
  attempt_no smallint not null check (attempt_no >= 1),
  idempotency_key text not null unique,
  amount_minor bigint not null check (amount_minor > 0),
  status text not null check (status in ('succeeded', 'declined', 'failed', 'no_method')),
  psp_reference text,
  error text,
  created_at timestamptz not null default now(),
  unique (case_id, attempt_no)
);
create index collection_attempts_pro_idx on ofair.collection_attempts (professional_id, created_at desc);

-- How a professional wants a positive balance: a bank transfer, or credited to the next invoice.
-- Bank details are the minimum for a transfer (bank, branch, account); lists show them masked.
create table ofair.payout_preferences (
  professional_id uuid primary key references ofair.professionals (id),
  method text not null default 'bank_transfer' check (method in ('bank_transfer', 'invoice_credit')),
  bank_code text check (bank_code ~ '^[0-9]{2,3}$'),
  branch_code text check (branch_code ~ '^[0-9]{3}$'),
  account_number text check (account_number ~ '^[0-9]{4,13}$'),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  check ((bank_code is null) = (branch_code is null) and (bank_code is null) = (account_number is null))
);

create table ofair.payout_batches (
  id uuid primary key default platform.uuid_v7(),
  status text not null default 'open' check (status in ('open', 'closed')),
  created_by uuid not null,
  item_count integer not null check (item_count >= 0),
  total_minor bigint not null check (total_minor >= 0),
  created_at timestamptz not null default now(),
  closed_at timestamptz,
  check ((status = 'closed') = (closed_at is not null))
);
-- one batch in the works at a time: concurrent "create batch" clicks get the same one
create unique index payout_batches_one_open on ofair.payout_batches ((true)) where status = 'open';

create table ofair.payouts (
  id uuid primary key default platform.uuid_v7(),
  batch_id uuid not null references ofair.payout_batches (id),
  professional_id uuid not null references ofair.professionals (id),
  amount_minor bigint not null check (amount_minor > 0),
  bank_code text not null,
  branch_code text not null,
  account_number text not null,
  status text not null default 'pending' check (status in ('pending', 'paid', 'failed')),
  failure_reason text,
  -- the amount leaves pro_balance when batched; paid sends it on, failed returns it
  batched_posting_id uuid not null,
  decided_posting_id uuid,
  decided_by uuid,
  decided_at timestamptz,
  created_at timestamptz not null default now(),
  check ((status = 'pending') = (decided_at is null)),
  check ((status = 'pending') = (decided_posting_id is null))
);
create unique index payouts_one_pending on ofair.payouts (professional_id) where status = 'pending';
create index payouts_pro_idx on ofair.payouts (professional_id, created_at desc);
create index payouts_batch_idx on ofair.payouts (batch_id);

grant select, insert, update on ofair.payment_methods, ofair.psp_sessions, ofair.collection_cases,
  ofair.payout_preferences, ofair.payout_batches, ofair.payouts to app_runtime;
grant select, insert on ofair.collection_attempts to app_runtime;
grant select, insert, update on ofair.psp_webhook_events to app_runtime;
