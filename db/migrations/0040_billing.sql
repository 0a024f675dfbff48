-- Billing for Splits Network: fee statements, custom contracts and premium roles, company
-- invoices (gap-free numbers per year), payments and refunds, credit notes, Stripe webhook events,
-- and the hash-chained payout audit log. Money lives in the ledger; these tables are the documents
-- and the workflow around it. Money is BIGINT minor units; rates are basis points.

create extension if not exists btree_gist;
create schema billing;
grant usage on schema billing to app_runtime;

-- How a company is invoiced: one invoice per placement or one per month, issued on the hire or
-- when the guarantee ends; and what a fall-off inside the guarantee does with money already paid.
create table billing.company_settings (
  company_id uuid primary key references ats.companies (id),
  invoice_grouping text not null default 'per_placement' check (invoice_grouping in ('per_placement', 'monthly')),
  issue_on text not null default 'hire' check (issue_on in ('hire', 'guarantee_end')),
  fall_off_policy text not null default 'refund' check (fall_off_policy in ('refund', 'credit')),
  updated_at timestamptz not null default now(),
  updated_by uuid,
  version integer not null default 1
);

-- Seed 002 §4.3. A percentage (bps) or a flat fee, never both; a yearly commitment with a volume
-- discount; dates; approved by a platform admin before it applies. Approved or pending contracts
-- of one company may not overlap in time.
create table billing.custom_contracts (
  id uuid primary key default platform.uuid_v7(),
  company_id uuid not null references ats.companies (id),
  fee_percentage_bps integer check (fee_percentage_bps between 1 and 10000),
  flat_fee_cents bigint check (flat_fee_cents > 0),
  flat_fee_currency char(3) check (flat_fee_currency ~ '^[A-Z]{3}$'),
  min_placements_per_year integer check (min_placements_per_year between 1 and 10000),
  discount_percentage_bps integer check (discount_percentage_bps between 1 and 10000),
  contract_start_date date not null,
  contract_end_date date,
  terms_document_url text check (terms_document_url ~ '^https?://'),
  -- overrides of the company's settings while the contract runs (null: the company's)
  issue_on text check (issue_on in ('hire', 'guarantee_end')),
  fall_off_policy text check (fall_off_policy in ('refund', 'credit')),
  status text not null default 'pending_approval'
    check (status in ('pending_approval', 'approved', 'rejected', 'ended')),
  approved_by_admin_id uuid,
  approved_at timestamptz,
  decision_reason text,
  expiry_alerted_at timestamptz,
  created_by uuid not null,
  created_at timestamptz not null default now(),
  version integer not null default 1,
  check (num_nonnulls(fee_percentage_bps, flat_fee_cents) = 1),
  check ((flat_fee_cents is null) = (flat_fee_currency is null)),
  check (contract_end_date is null or contract_end_date >= contract_start_date),
  check ((discount_percentage_bps is null) or (fee_percentage_bps is not null or flat_fee_cents is not null)),
  check ((status = 'approved') = (approved_by_admin_id is not null and approved_at is not null) or status = 'ended'),
  constraint contracts_do_not_overlap exclude using gist (
    company_id with =,
    daterange(contract_start_date, coalesce(contract_end_date + 1, 'infinity'::date)) with &&
  ) where (status in ('pending_approval', 'approved'))
);
create index custom_contracts_company_idx on billing.custom_contracts (company_id, contract_start_date desc);

-- Seed 002 §6.2: a role the company pays more for, and how much of the increase the recruiters get.
create table billing.role_premiums (
  role_id uuid primary key references ats.roles (id),
  designation text not null check (designation in ('urgent', 'niche', 'executive')),
  recruiter_bonus_bps integer not null default 0 check (recruiter_bonus_bps between 0 and 10000),
  set_by uuid,
  set_at timestamptz not null default now()
);

-- The fee statement of a placement: the engine's inputs, every figure and the lines, as computed
-- then. A new version only when the split agreement changes; never recomputed from today's settings.
create table billing.fee_statements (
  id uuid primary key default platform.uuid_v7(),
  placement_id uuid not null references ats.placements (id),
  version integer not null check (version >= 1),
  rule_version text not null,
  currency char(3) not null,
  fee bigint not null check (fee >= 0),
  statement jsonb not null,
  reason text not null check (reason in ('placement_created', 'splits_changed')),
  created_at timestamptz not null default now(),
  unique (placement_id, version)
);

-- Gap-free invoice numbers: one counter row per year, taken under its row lock in the transaction
-- that issues the invoice (a rolled-back issue leaves no gap).
create table billing.invoice_sequences (
  year integer primary key check (year between 2000 and 2999),
  last_number integer not null default 0
);

create table billing.invoices (
  id uuid primary key default platform.uuid_v7(),
  -- SN-2026-000042 once issued; a monthly invoice still collecting lines has no number yet
  number text unique,
  year integer,
  seq integer,
  company_id uuid not null references ats.companies (id),
  currency char(3) not null check (currency ~ '^[A-Z]{3}$'),
  grouping text not null check (grouping in ('per_placement', 'monthly')),
  period_start date,
  period_end date,
  status text not null default 'open' check (status in ('draft', 'open', 'partially_paid', 'paid', 'void')),
  payment_terms text not null check (payment_terms in ('net_30', 'net_60', 'net_90')),
  issued_on date,
  due_on date,
  total bigint not null default 0 check (total >= 0),
  amount_paid bigint not null default 0 check (amount_paid >= 0),
  amount_credited bigint not null default 0 check (amount_credited >= 0),
  amount_refunded bigint not null default 0 check (amount_refunded >= 0),
  voided_at timestamptz,
  void_reason text,
  issue_posting_id uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  unique (year, seq),
  check (amount_paid + amount_credited <= total),
  check (amount_refunded <= amount_paid),
  check ((status = 'draft') = (number is null)),
  check (status = 'draft' or (issued_on is not null and due_on is not null and due_on >= issued_on)),
  check ((status = 'void') = (voided_at is not null)),
  check (status <> 'paid' or amount_paid + amount_credited = total)
);
create index invoices_company_idx on billing.invoices (company_id, created_at desc, id desc);
create index invoices_status_due_idx on billing.invoices (status, due_on);
create unique index invoices_one_monthly_draft on billing.invoices (company_id, currency, period_start)
  where status = 'draft';

create table billing.invoice_lines (
  id uuid primary key default platform.uuid_v7(),
  invoice_id uuid not null references billing.invoices (id),
  placement_id uuid not null references ats.placements (id),
  fee_statement_id uuid not null references billing.fee_statements (id),
  description text not null,
  amount bigint not null check (amount > 0),
  created_at timestamptz not null default now(),
  -- a placement is invoiced once
  unique (placement_id)
);
create index invoice_lines_invoice_idx on billing.invoice_lines (invoice_id);

-- A line leaves only a draft (a monthly invoice still collecting) whose placement fell off.
create function billing.line_leaves_draft_only() returns trigger language plpgsql as $$
begin
  if (select status from billing.invoices where id = old.invoice_id) <> 'draft' then
    raise exception 'a line of an issued invoice is never removed (credit it)' using errcode = 'check_violation';
  end if;
  return old;
end $$;
create trigger invoice_lines_draft_only before delete on billing.invoice_lines
  for each row execute function billing.line_leaves_draft_only();

create table billing.payments (
  id uuid primary key default platform.uuid_v7(),
  invoice_id uuid not null references billing.invoices (id),
  company_id uuid not null references ats.companies (id),
  method text not null check (method in ('card', 'bank_debit', 'bank_transfer', 'credit')),
  amount bigint not null check (amount > 0),
  currency char(3) not null,
  status text not null check (status in ('pending', 'processing', 'succeeded', 'failed', 'canceled')),
  stripe_payment_intent_id text unique,
  reference text,
  received_on date,
  recorded_by uuid,
  failure_reason text,
  amount_refunded bigint not null default 0 check (amount_refunded >= 0),
  posting_id uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (amount_refunded <= amount),
  check (method in ('card', 'bank_debit') or stripe_payment_intent_id is null)
);
create index payments_invoice_idx on billing.payments (invoice_id, created_at);
create index payments_company_idx on billing.payments (company_id, created_at desc, id desc);

create table billing.refunds (
  id uuid primary key default platform.uuid_v7(),
  payment_id uuid not null references billing.payments (id),
  -- the invoice line (placement) whose money goes back
  invoice_line_id uuid not null references billing.invoice_lines (id),
  placement_id uuid not null references ats.placements (id),
  amount bigint not null check (amount > 0),
  reason text not null,
  status text not null check (status in ('pending', 'succeeded', 'failed')),
  stripe_refund_id text unique,
  failure_reason text,
  posting_id uuid,
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index refunds_placement_idx on billing.refunds (placement_id, status);

-- Who got what of each movement of an invoice line's money: a payment divides what it brings among
-- the line's parties (the platform, each recruiter) in proportion to what each is still owed; a
-- refund, credit or reallocation takes back or moves (negative amounts). The sum per line and
-- party is what that party has collected of it.
create table billing.payment_allocations (
  id uuid primary key default platform.uuid_v7(),
  kind text not null check (kind in ('payment', 'refund', 'credit', 'reallocation')),
  payment_id uuid references billing.payments (id),
  invoice_line_id uuid not null references billing.invoice_lines (id),
  placement_id uuid not null references ats.placements (id),
  party_type text not null check (party_type in ('platform', 'recruiter')),
  party_id uuid,
  amount bigint not null check (amount <> 0),
  posting_id uuid not null,
  created_at timestamptz not null default now(),
  check ((party_type = 'platform') = (party_id is null))
);
create index payment_allocations_line_idx on billing.payment_allocations (invoice_line_id, party_type, party_id);
create index payment_allocations_placement_idx on billing.payment_allocations (placement_id);

-- A credit to the company (instead of a refund) when a paid placement falls off.
create table billing.credit_notes (
  id uuid primary key default platform.uuid_v7(),
  company_id uuid not null references ats.companies (id),
  invoice_id uuid not null references billing.invoices (id),
  placement_id uuid not null references ats.placements (id),
  amount bigint not null check (amount > 0),
  currency char(3) not null,
  reason text not null,
  posting_id uuid,
  created_at timestamptz not null default now(),
  unique (placement_id)
);

-- Stripe webhook events, verified and de-duplicated by Stripe's event id; processed from the queue.
create table billing.stripe_events (
  id text primary key,
  type text not null,
  account text,
  payload jsonb not null,
  received_at timestamptz not null default now(),
  processed_at timestamptz
);

-- What happened to each placement's money (fall-off handling, once).
create table billing.fall_offs (
  placement_id uuid primary key references ats.placements (id),
  policy text not null check (policy in ('refund', 'credit')),
  handled_at timestamptz not null default now(),
  summary jsonb not null
);

-- ---------------------------------------------------------------------------------------------
-- The payout audit log (seed 003): every money change of billing and payouts, with who did it,
-- in what role, and the values before and after. Append-only and hash-chained.
-- ---------------------------------------------------------------------------------------------
create table billing.payout_audit_log (
  id uuid primary key default platform.uuid_v7(),
  seq bigint not null unique,
  entity_type text not null,
  entity_id text not null,
  action text not null,
  changed_by uuid default platform.current_user_id(),
  changed_by_role text,
  old_value jsonb,
  new_value jsonb,
  reason text,
  request_id text default platform.current_request_id(),
  created_at timestamptz not null default now(),
  prev_hash text not null,
  hash text not null
);
create index payout_audit_entity_idx on billing.payout_audit_log (entity_type, entity_id, seq);

create function billing.payout_audit_content(r billing.payout_audit_log) returns text language sql immutable as $$
  select concat_ws('|', r.seq::text, r.id::text, r.entity_type, r.entity_id, r.action,
    coalesce(r.changed_by::text, ''), coalesce(r.changed_by_role, ''), coalesce(r.old_value::text, ''),
    coalesce(r.new_value::text, ''), coalesce(r.reason, ''), coalesce(r.request_id, ''),
    to_char(r.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'))
$$;

create function billing.payout_audit_chain() returns trigger language plpgsql as $$
declare
  last record;
begin
  -- one writer at a time extends the chain (a transaction-scoped lock)
  perform pg_advisory_xact_lock(727002);
  select seq, hash into last from billing.payout_audit_log order by seq desc limit 1;
  new.seq := coalesce(last.seq, 0) + 1;
  new.prev_hash := coalesce(last.hash, repeat('0', 64));
  new.hash := encode(sha256(convert_to(new.prev_hash || billing.payout_audit_content(new), 'UTF8')), 'hex');
  return new;
end $$;
create trigger payout_audit_chain before insert on billing.payout_audit_log
  for each row execute function billing.payout_audit_chain();

create function billing.refuse_audit_change() returns trigger language plpgsql as $$
begin
  raise exception 'billing.payout_audit_log is append-only' using errcode = 'insufficient_privilege';
end $$;
create trigger payout_audit_append_only before update or delete on billing.payout_audit_log
  for each statement execute function billing.refuse_audit_change();
create trigger payout_audit_no_truncate before truncate on billing.payout_audit_log
  for each statement execute function billing.refuse_audit_change();

-- ---------------------------------------------------------------------------------------------
-- Who sees what. The parties of a placement: its company's team, the recruiters on its split.
-- ---------------------------------------------------------------------------------------------
create function billing.is_placement_party(placement uuid) returns boolean language sql stable as $$
  select exists (select 1 from ats.placements p where p.id = placement and ats.is_company_member(p.company_id))
      or exists (select 1 from ats.placement_splits s
                  where s.placement_id = placement and s.recruiter_id = (select ats.current_recruiter_id()))
$$;

grant select, insert, update on billing.company_settings, billing.custom_contracts, billing.role_premiums,
  billing.invoice_sequences, billing.invoices, billing.payments, billing.refunds, billing.stripe_events
  to app_runtime;
grant delete on billing.invoice_lines, billing.role_premiums to app_runtime;
grant select, insert on billing.fee_statements, billing.invoice_lines, billing.credit_notes, billing.fall_offs,
  billing.payout_audit_log, billing.payment_allocations to app_runtime;

alter table billing.invoices enable row level security;
alter table billing.invoices force row level security;
create policy invoices_visible on billing.invoices for all
  using (ats.is_company_member(company_id) or identity.is_platform_admin() or platform.is_system())
  with check (identity.is_platform_admin() or platform.is_system());

alter table billing.invoice_lines enable row level security;
alter table billing.invoice_lines force row level security;
create policy invoice_lines_visible on billing.invoice_lines for all
  using (exists (select 1 from billing.invoices i where i.id = invoice_id))
  with check (identity.is_platform_admin() or platform.is_system());

alter table billing.payments enable row level security;
alter table billing.payments force row level security;
create policy payments_visible on billing.payments for all
  using (ats.is_company_member(company_id) or identity.is_platform_admin() or platform.is_system())
  with check (identity.is_platform_admin() or platform.is_system() or ats.is_company_member(company_id));

alter table billing.fee_statements enable row level security;
alter table billing.fee_statements force row level security;
create policy statements_visible on billing.fee_statements for all
  using (billing.is_placement_party(placement_id) or identity.is_platform_admin() or platform.is_system())
  with check (identity.is_platform_admin() or platform.is_system());

alter table billing.custom_contracts enable row level security;
alter table billing.custom_contracts force row level security;
create policy contracts_visible on billing.custom_contracts for all
  using (ats.is_company_admin(company_id) or identity.is_platform_admin() or platform.is_system())
  with check (identity.is_platform_admin() or platform.is_system());

alter table billing.credit_notes enable row level security;
alter table billing.credit_notes force row level security;
create policy credit_notes_visible on billing.credit_notes for all
  using (ats.is_company_member(company_id) or identity.is_platform_admin() or platform.is_system())
  with check (identity.is_platform_admin() or platform.is_system());

alter table billing.payment_allocations enable row level security;
alter table billing.payment_allocations force row level security;
create policy allocations_visible on billing.payment_allocations for all
  using (billing.is_placement_party(placement_id) or identity.is_platform_admin() or platform.is_system())
  with check (identity.is_platform_admin() or platform.is_system());

alter table billing.stripe_events enable row level security;
alter table billing.stripe_events force row level security;
create policy stripe_events_system on billing.stripe_events for all
  using (platform.is_system() or identity.is_platform_admin()) with check (platform.is_system());

alter table billing.payout_audit_log enable row level security;
alter table billing.payout_audit_log force row level security;
create policy payout_audit_read on billing.payout_audit_log for select
  using (identity.is_platform_admin() or platform.is_system());
create policy payout_audit_write on billing.payout_audit_log for insert with check (true);
