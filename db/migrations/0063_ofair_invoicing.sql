-- OFAIR monthly documents (issue 11 item 4): the platform's Hebrew tax invoice (חשבונית מס) to each
-- professional for the commission on their confirmed jobs of a month, the monthly settlement
-- statement (דוח התחשבנות, not a tax invoice) of referral fees owed and earned, and credit notes
-- (חשבונית זיכוי) that correct an invoice. Numbers are gap-free per document type: a counter row
-- locked by the issuing transaction (a sequence would leave gaps on rollback). The VAT rate and the
-- allocation-number threshold in force are read from tables on the issue date and stored on each
-- document; an issued document never changes (a trigger), only its copy counter, its allocation
-- number (entered once) and its status move. Money is BIGINT agorot; rates are basis points.

-- VAT rates by the date they took effect (reference §2.1): 17% since 2015-10-01, 18% since 2025-01-01.
create table ofair.vat_rates (
  effective_from date primary key,
  rate_bps integer not null check (rate_bps between 0 and 10000),
  source text not null
);
insert into ofair.vat_rates (effective_from, rate_bps, source) values
  ('2015-10-01', 1700, 'VAT Order, 17% from 1 Oct 2015'),
  ('2025-01-01', 1800, 'VAT Order published 28 Feb 2024; Interpretative Instruction 01/2025');

-- "Israel invoice" allocation numbers (reference §2.2): required on a B2B tax invoice whose amount
-- before VAT is ABOVE the threshold in force on its issue date.
create table ofair.allocation_thresholds (
  effective_from date primary key,
  above_minor bigint not null check (above_minor >= 0),
  source text not null
);
insert into ofair.allocation_thresholds (effective_from, above_minor, source) values
  ('2024-05-05', 2500000, 'pilot, ₪25,000'),
  ('2025-01-01', 2000000, '₪20,000'),
  ('2026-01-01', 1000000, '₪10,000 (regulation of 7 Dec 2025; KPMG 12 Dec 2025)'),
  ('2026-06-01', 500000, '₪5,000 (regulation of 7 Dec 2025; KPMG 12 Dec 2025)');

-- One running serial per document type; the issuing transaction locks the row (UPDATE … RETURNING).
create table ofair.document_counters (
  document_type text primary key check (document_type in ('tax_invoice', 'credit_note', 'settlement_statement')),
  last_serial bigint not null default 0 check (last_serial >= 0)
);
insert into ofair.document_counters (document_type) values ('tax_invoice'), ('credit_note'), ('settlement_statement');

-- A month's run. A completed run closes its month: no further run for it.
create table ofair.invoice_runs (
  id uuid primary key default platform.uuid_v7(),
  month date not null unique check (extract(day from month) = 1),
  status text not null default 'running' check (status in ('running', 'completed', 'failed')),
  triggered_by text not null check (triggered_by in ('cron', 'cli', 'admin', 'test')),
  started_by_user_id uuid,
  professionals_total integer not null default 0,
  professionals_done integer not null default 0,
  invoices_issued integer not null default 0,
  statements_issued integer not null default 0,
  awaiting_allocation integer not null default 0,
  error text check (length(error) <= 2000),
  started_at timestamptz not null default now(),
  heartbeat_at timestamptz not null default now(),
  finished_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1
);

create table ofair.invoice_documents (
  id uuid primary key default platform.uuid_v7(),
  document_type text not null check (document_type in ('tax_invoice', 'credit_note', 'settlement_statement')),
  serial bigint not null check (serial > 0),
  professional_id uuid not null references ofair.professionals (id),
  -- the calendar month (Asia/Jerusalem) a monthly document covers; null for a credit note
  month date check (extract(day from month) = 1),
  run_id uuid references ofair.invoice_runs (id),
  credited_document_id uuid references ofair.invoice_documents (id),
  issue_date date not null,
  issued_at timestamptz not null default now(),
  currency char(3) not null default 'ILS' check (currency = 'ILS'),
  vat_rate_bps integer not null check (vat_rate_bps between 0 and 10000),
  vat_rate_effective_from date not null,
  amount_before_vat_minor bigint not null,
  vat_minor bigint not null,
  total_minor bigint not null,
  -- {name, business_number, address} of the platform, from the configuration at issue time
  issuer jsonb not null,
  -- {name, business_number, business_type, address} of the professional at issue time
  customer jsonb not null,
  -- [{description, quantity, unit_price_minor, amount_minor, lead_payment_id?, kind?, vat_minor?}]
  lines jsonb not null check (jsonb_typeof(lines) = 'array'),
  -- settlement statements: {owed_minor, earned_minor, net_minor, vat_on_earned_minor}
  summary jsonb,
  reason text check (length(reason) <= 500),
  allocation_required boolean not null default false,
  allocation_threshold_minor bigint,
  allocation_number text check (allocation_number ~ '^[0-9]{9,20}$'),
  allocation_entered_at timestamptz,
  allocation_entered_by uuid,
  status text not null check (status in ('awaiting_allocation', 'issued', 'credited')),
  copies_count integer not null default 0 check (copies_count >= 0),
  original_rendered_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  unique (document_type, serial),
  check (total_minor = amount_before_vat_minor + vat_minor),
  check (document_type = 'settlement_statement' or (amount_before_vat_minor >= 0 and vat_minor >= 0)),
  check ((document_type = 'credit_note') = (credited_document_id is not null)),
  check ((document_type = 'credit_note') = (month is null)),
  check (status <> 'awaiting_allocation' or (allocation_required and allocation_number is null))
);
-- one invoice and one statement per professional and month (two runs at once issue one set)
create unique index invoice_documents_monthly_key on ofair.invoice_documents (professional_id, month, document_type)
  where month is not null;
create index invoice_documents_professional_idx on ofair.invoice_documents (professional_id, issued_at desc, id desc);
create index invoice_documents_run_idx on ofair.invoice_documents (run_id);
create index invoice_documents_credited_idx on ofair.invoice_documents (credited_document_id) where credited_document_id is not null;

-- PDF bytes, printed once per variant ('original' carries מקור, 'copy' carries העתק)
create table ofair.invoice_renderings (
  document_id uuid not null references ofair.invoice_documents (id),
  variant text not null check (variant in ('original', 'copy')),
  pdf bytea not null,
  created_at timestamptz not null default now(),
  primary key (document_id, variant)
);

-- An issued document is immutable: only its status (forward), its allocation number (entered once),
-- its copy counter and the time of its original rendering may change; it is never deleted.
create function ofair.guard_issued_document() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    raise exception 'issued documents are never deleted (issue a credit note)' using errcode = 'check_violation';
  end if;
  if (to_jsonb(new) - array['status', 'allocation_number', 'allocation_entered_at', 'allocation_entered_by',
        'copies_count', 'original_rendered_at', 'updated_at', 'version'])
     is distinct from
     (to_jsonb(old) - array['status', 'allocation_number', 'allocation_entered_at', 'allocation_entered_by',
        'copies_count', 'original_rendered_at', 'updated_at', 'version']) then
    raise exception 'an issued document cannot be changed (issue a credit note)' using errcode = 'check_violation';
  end if;
  if old.allocation_number is not null and new.allocation_number is distinct from old.allocation_number then
    raise exception 'the allocation number is entered once' using errcode = 'check_violation';
  end if;
  if new.copies_count < old.copies_count
     or (old.original_rendered_at is not null and new.original_rendered_at is distinct from old.original_rendered_at) then
    raise exception 'copies are only ever counted up' using errcode = 'check_violation';
  end if;
  if new.status <> old.status and not (
       (old.status = 'awaiting_allocation' and new.status = 'issued')
    or (old.status = 'issued' and new.status = 'credited')) then
    raise exception 'invoice_documents: % → % is not allowed', old.status, new.status using errcode = 'check_violation';
  end if;
  return new;
end $$;
create trigger invoice_documents_immutable before update or delete on ofair.invoice_documents
  for each row execute function ofair.guard_issued_document();
create trigger invoice_documents_no_truncate before truncate on ofair.invoice_documents
  for each statement execute function platform.refuse_change();
create trigger invoice_renderings_append_only before update or delete on ofair.invoice_renderings
  for each row execute function platform.refuse_change();

grant select on ofair.vat_rates, ofair.allocation_thresholds to app_runtime;
grant select, update on ofair.document_counters to app_runtime;
grant select, insert, update on ofair.invoice_runs, ofair.invoice_documents to app_runtime;
grant select, insert on ofair.invoice_renderings to app_runtime;

-- counters and runs: admins and the system
alter table ofair.document_counters enable row level security;
alter table ofair.document_counters force row level security;
create policy document_counters_staff on ofair.document_counters for all
  using (ofair.is_admin() or platform.is_system()) with check (ofair.is_admin() or platform.is_system());

alter table ofair.invoice_runs enable row level security;
alter table ofair.invoice_runs force row level security;
create policy invoice_runs_staff on ofair.invoice_runs for all
  using (ofair.is_admin() or platform.is_system()) with check (ofair.is_admin() or platform.is_system());

-- a professional reads their own documents; admins and the system read and write
alter table ofair.invoice_documents enable row level security;
alter table ofair.invoice_documents force row level security;
create policy invoice_documents_read on ofair.invoice_documents for select using (
  platform.is_system() or ofair.is_admin() or professional_id = ofair.current_professional_id());
create policy invoice_documents_insert on ofair.invoice_documents for insert
  with check (platform.is_system() or ofair.is_admin());
create policy invoice_documents_update on ofair.invoice_documents for update
  using (platform.is_system() or ofair.is_admin());

alter table ofair.invoice_renderings enable row level security;
alter table ofair.invoice_renderings force row level security;
create policy invoice_renderings_all on ofair.invoice_renderings for all
  using (platform.is_system() or ofair.is_admin() or exists (
    select 1 from ofair.invoice_documents d where d.id = document_id))
  with check (platform.is_system() or ofair.is_admin() or exists (
    select 1 from ofair.invoice_documents d where d.id = document_id));
