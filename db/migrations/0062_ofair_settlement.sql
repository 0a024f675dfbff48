-- OFAIR II (issue 11): completed jobs and their settlement. The performer marks an accepted job
-- done with its final amount; the lead's owner confirms (or either party disputes). A confirmed
-- job is a lead payment: the platform's commission, each referral-chain level's fee and the
-- performer's net, with the rates and the rule version they were computed under. Money itself
-- lives in the ledger (book "ofair", see modules/ofair/settlement/book.ts); these tables are the
-- documents and the workflow. Amounts are BIGINT agorot, rates basis points (500 = 5%).
--
-- Settlement modes: 'b2b' (default, the seed's revised model: customers pay professionals
-- directly, the ledger books what each owes the platform and each other) and 'captured' (the
-- seed's first model: the customer pays through the payment provider, the professionals' parts
-- are held for hold_days and then become available for withdrawal).
--
-- Statuses of a lead payment:
--   awaiting_confirmation  the performer marked it done; nothing booked yet
--   disputed               a dispute is open (funds frozen)
--   confirmed              the owner confirmed; b2b: booked (settled); captured: awaiting payment
--   paid                   captured: paid at the provider, parts pending in the hold period
--   released               captured: the hold ended, parts available to withdraw
--   refunded               a dispute ended in a refund (postings reversed)
--   cancelled              withdrawn before settlement
-- "Invoiceable in month M" = confirmed_at inside M (Asia/Jerusalem) and status not in
-- ('refunded', 'cancelled').

-- One row: the switch between the modes and the commission terms of new settlements.
create table ofair.settlement_settings (
  id boolean primary key default true check (id),
  settlement_mode text not null default 'b2b' check (settlement_mode in ('b2b', 'captured')),
  hold_days integer not null default 7 check (hold_days between 0 and 90),
  -- the reduced commission of a performer with an active subscription (seed: optional ~100 ILS/month)
  subscriber_consumer_commission_bps integer not null default 800 check (subscriber_consumer_commission_bps between 0 and 10000),
  subscriber_professional_commission_bps integer not null default 300 check (subscriber_professional_commission_bps between 0 and 10000),
  rule_version text not null default 'ofair-commission-2026-12' check (length(rule_version) between 1 and 60),
  updated_at timestamptz not null default now(),
  updated_by uuid,
  version integer not null default 1
);
insert into ofair.settlement_settings (id) values (true);

create table ofair.lead_payments (
  id uuid primary key default platform.uuid_v7(),
  lead_id uuid not null unique references ofair.leads (id),
  proposal_id uuid not null unique references ofair.proposals (id),
  performer_professional_id uuid not null references ofair.professionals (id),
  -- the lead's owner (who pays in captured mode); null when not known
  payer_user_id uuid references identity.users (id),
  settlement_mode text not null check (settlement_mode in ('b2b', 'captured')),
  currency char(3) not null default 'ILS' check (currency = 'ILS'),
  final_amount_minor bigint not null check (final_amount_minor > 0),
  platform_commission_minor bigint not null check (platform_commission_minor >= 0),
  referrer_fee_minor bigint not null check (referrer_fee_minor >= 0),
  professional_net_amount_minor bigint not null check (professional_net_amount_minor >= 0),
  platform_commission_bps integer not null check (platform_commission_bps between 0 and 10000),
  -- the referral chain's total share (0 on a consumer lead)
  referrer_share_bps integer not null default 0 check (referrer_share_bps between 0 and 9000),
  -- the performer had an active subscription when the job was completed (the reduced rate)
  subscriber_rate boolean not null default false,
  rule_version text not null check (length(rule_version) between 1 and 60),
  status text not null default 'awaiting_confirmation' check (status in
    ('awaiting_confirmation', 'disputed', 'confirmed', 'paid', 'released', 'refunded', 'cancelled')),
  completed_at timestamptz not null,
  confirmed_at timestamptz,
  confirmed_by_user_id uuid,
  paid_at timestamptz,
  -- captured mode: the parts become available at this time unless a dispute is open
  hold_until timestamptz,
  released_at timestamptz,
  psp_provider text check (length(psp_provider) between 1 and 40),
  psp_reference text check (length(psp_reference) between 1 and 200),
  -- the ledger posting that booked it (b2b: on confirmation; captured: when paid)
  settlement_posting_id uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  check (platform_commission_minor + referrer_fee_minor + professional_net_amount_minor = final_amount_minor),
  check (status in ('awaiting_confirmation', 'cancelled') or status = 'disputed' or confirmed_at is not null),
  check (status not in ('paid', 'released') or paid_at is not null),
  unique (psp_provider, psp_reference)
);
create index lead_payments_performer_idx on ofair.lead_payments (performer_professional_id, created_at desc, id desc);
create index lead_payments_confirmed_idx on ofair.lead_payments (confirmed_at, id) where confirmed_at is not null;
create index lead_payments_hold_idx on ofair.lead_payments (hold_until) where status = 'paid';

create table ofair.lead_payment_referrer_fees (
  id uuid primary key default platform.uuid_v7(),
  lead_payment_id uuid not null references ofair.lead_payments (id),
  referrer_professional_id uuid not null references ofair.professionals (id),
  referral_id uuid references ofair.referrals (id),
  level smallint not null check (level between 1 and 4),
  share_bps integer not null check (share_bps between 0 and 9000),
  fee_minor bigint not null check (fee_minor >= 0),
  unique (lead_payment_id, level)
);
create index lead_payment_referrer_fees_pro_idx on ofair.lead_payment_referrer_fees (referrer_professional_id, lead_payment_id);

-- Disputes: either party, before settlement (b2b) or inside the hold period (captured). An admin
-- resolves it: release, partial (the amount refunded to the customer) or refund, with a note.
create table ofair.disputes (
  id uuid primary key default platform.uuid_v7(),
  lead_payment_id uuid not null references ofair.lead_payments (id),
  opened_by_user_id uuid not null references identity.users (id),
  opened_by_role text not null check (opened_by_role in ('owner', 'performer')),
  -- the status the payment had when the dispute opened (it returns there on release)
  payment_status_before text not null,
  reason text not null check (length(reason) between 1 and 2000),
  status text not null default 'open' check (status in ('open', 'resolved')),
  outcome text check (outcome in ('release', 'partial', 'refund')),
  refund_amount_minor bigint check (refund_amount_minor >= 0),
  resolution_note text check (length(resolution_note) between 1 and 2000),
  resolved_by_user_id uuid,
  resolved_at timestamptz,
  created_at timestamptz not null default now(),
  version integer not null default 1,
  check ((status = 'resolved') = (outcome is not null and resolved_at is not null and resolution_note is not null)),
  check ((outcome = 'partial') = (refund_amount_minor is not null))
);
create unique index disputes_one_open on ofair.disputes (lead_payment_id) where status = 'open';
create index disputes_queue_idx on ofair.disputes (status, created_at, id);

-- Withdrawals from a professional's available balance: requested (a ledger hold reserves the
-- amount), approved by an admin (the hold posts pro_balance -> payout_clearing) or rejected.
create table ofair.withdrawals (
  id uuid primary key default platform.uuid_v7(),
  professional_id uuid not null references ofair.professionals (id),
  amount_minor bigint not null check (amount_minor > 0),
  currency char(3) not null default 'ILS' check (currency = 'ILS'),
  status text not null default 'requested' check (status in ('requested', 'approved', 'rejected')),
  hold_id uuid,
  requested_by_user_id uuid not null references identity.users (id),
  decided_by_user_id uuid,
  decided_at timestamptz,
  note text check (length(note) <= 1000),
  posting_id uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  check ((status = 'requested') = (decided_at is null))
);
create index withdrawals_pro_idx on ofair.withdrawals (professional_id, created_at desc, id desc);
create index withdrawals_queue_idx on ofair.withdrawals (status, created_at, id);

create function ofair.check_settlement_transition() returns trigger language plpgsql as $$
declare
  allowed text[];
begin
  if new.status = old.status then return new; end if;
  allowed := case tg_table_name
    when 'lead_payments' then case old.status
      when 'awaiting_confirmation' then array['confirmed', 'disputed', 'cancelled']
      when 'disputed' then array['confirmed', 'paid', 'released', 'refunded', 'cancelled']
      when 'confirmed' then array['paid', 'disputed', 'refunded']
      when 'paid' then array['released', 'disputed', 'refunded']
      else array[]::text[] end
    when 'disputes' then case old.status when 'open' then array['resolved'] else array[]::text[] end
    when 'withdrawals' then case old.status when 'requested' then array['approved', 'rejected'] else array[]::text[] end
  end;
  if not new.status = any (allowed) then
    raise exception '%: % → % is not allowed', tg_table_name, old.status, new.status using errcode = 'check_violation';
  end if;
  return new;
end $$;
create trigger lead_payments_transition before update of status on ofair.lead_payments
  for each row execute function ofair.check_settlement_transition();
create trigger disputes_transition before update of status on ofair.disputes
  for each row execute function ofair.check_settlement_transition();
create trigger withdrawals_transition before update of status on ofair.withdrawals
  for each row execute function ofair.check_settlement_transition();

-- Access: the module's services decide (performer, lead owner, referrers in the chain, admins), and
-- row-level security says the same underneath. The tables hold no client details.
grant select, update on ofair.settlement_settings to app_runtime;
grant select, insert, update on ofair.lead_payments, ofair.disputes, ofair.withdrawals,
  ofair.lead_payment_referrer_fees to app_runtime;

-- A party of a job's payment: its performer, the lead's owner, a referrer earning a fee on it.
create function ofair.is_payment_party(p_payment uuid) returns boolean language sql stable security definer
set search_path = ofair, platform, pg_catalog as $$
  select exists (select 1 from ofair.lead_payments lp
                  where lp.id = p_payment
                    and (lp.performer_professional_id = ofair.current_professional_id() or ofair.is_lead_owner(lp.lead_id)))
      or exists (select 1 from ofair.lead_payment_referrer_fees f
                  where f.lead_payment_id = p_payment and f.referrer_professional_id = ofair.current_professional_id())
$$;

alter table ofair.settlement_settings enable row level security;
alter table ofair.settlement_settings force row level security;
create policy settlement_settings_read on ofair.settlement_settings for select using (true);
create policy settlement_settings_update on ofair.settlement_settings for update
  using (ofair.is_admin() or platform.is_system());

alter table ofair.lead_payments enable row level security;
alter table ofair.lead_payments force row level security;
create policy lead_payments_read on ofair.lead_payments for select using (
  platform.is_system() or ofair.is_admin() or performer_professional_id = ofair.current_professional_id()
  or ofair.is_lead_owner(lead_id) or ofair.is_payment_party(id));
create policy lead_payments_insert on ofair.lead_payments for insert with check (
  platform.is_system() or performer_professional_id = ofair.current_professional_id());
create policy lead_payments_update on ofair.lead_payments for update using (
  platform.is_system() or ofair.is_admin() or performer_professional_id = ofair.current_professional_id()
  or ofair.is_lead_owner(lead_id));

alter table ofair.lead_payment_referrer_fees enable row level security;
alter table ofair.lead_payment_referrer_fees force row level security;
create policy referrer_fees_read on ofair.lead_payment_referrer_fees for select using (
  platform.is_system() or ofair.is_admin() or ofair.is_payment_party(lead_payment_id));
create policy referrer_fees_insert on ofair.lead_payment_referrer_fees for insert with check (
  platform.is_system() or ofair.is_payment_party(lead_payment_id));
create policy referrer_fees_update on ofair.lead_payment_referrer_fees for update using (
  platform.is_system() or ofair.is_admin());

alter table ofair.disputes enable row level security;
alter table ofair.disputes force row level security;
create policy disputes_read on ofair.disputes for select using (
  platform.is_system() or ofair.is_admin() or ofair.is_payment_party(lead_payment_id));
create policy disputes_insert on ofair.disputes for insert with check (
  platform.is_system() or (opened_by_user_id = platform.current_user_id() and ofair.is_payment_party(lead_payment_id)));
create policy disputes_update on ofair.disputes for update using (
  platform.is_system() or ofair.is_admin() or ofair.is_payment_party(lead_payment_id));

alter table ofair.withdrawals enable row level security;
alter table ofair.withdrawals force row level security;
create policy withdrawals_read on ofair.withdrawals for select using (
  platform.is_system() or ofair.is_admin() or professional_id = ofair.current_professional_id());
create policy withdrawals_insert on ofair.withdrawals for insert with check (
  platform.is_system() or professional_id = ofair.current_professional_id());
create policy withdrawals_update on ofair.withdrawals for update using (
  platform.is_system() or ofair.is_admin() or professional_id = ofair.current_professional_id());
