-- The persona homes (GET /api/me/home): indexes that keep each home's queries bounded with
-- 100,000 roles and 1,000,000 applications (bench/homes.ts), and the platform's share of a fee
-- statement as a function the admin's GMV query sums.

-- a recruiter's pipeline by stage and their candidates gone quiet (index-only counts)
create index applications_recruiter_stage_idx on ats.applications (recruiter_id, stage, stage_changed_at);
-- "active in the period": a short period reads its submissions from one index (the columns the
-- row-level-security policy needs included, so no table row is visited); a long one probes each
-- recruiter's or company's newest submission in the period instead of reading them all
create index applications_submitted_idx on ats.applications (submitted_at) include (recruiter_id, company_id);
create index applications_recruiter_submitted_idx on ats.applications (recruiter_id, submitted_at) include (company_id);
create index applications_company_submitted_idx on ats.applications (company_id, submitted_at) include (recruiter_id);
-- placements made in a period (admin home), disputes opened in a period
create index placements_created_idx on ats.placements (created_at);
create index ownership_disputes_disputed_idx on ats.ownership_disputes (disputed_at) where disputed_at is not null;
-- a recruiter's payouts completed in a period
create index payouts_recruiter_completed_idx on billing.payouts (recruiter_id, completed_at) where status = 'completed';
-- a company's invoices issued in a period
create index invoices_company_issued_idx on billing.invoices (company_id, issued_on);

-- The platform's lines of a stored fee statement (its share of the fee), in minor units.
create function billing.platform_fee_of(statement jsonb) returns bigint
  language sql immutable parallel safe as $$
  select coalesce(sum((l->>'amount')::bigint), 0)::bigint
    from jsonb_array_elements(statement->'lines') l
   where l->>'party_type' = 'platform'
$$;

-- GMV and fees of the placements made in a period, from the first statement of each, read from the
-- index alone (the platform's share stored beside the statement, computed once when it is written)
alter table billing.fee_statements
  add column platform_fee bigint generated always as (billing.platform_fee_of(statement)) stored;
create index fee_statements_first_created_idx on billing.fee_statements (created_at)
  include (currency, fee, platform_fee, placement_id) where version = 1;

-- The same rule as before (migration 0040), with the caller-only arms evaluated once per query
-- (as migration 0007 did for applications): a platform admin's sum over thousands of statements
-- no longer asks, row by row, whether they are a party to each placement.
drop policy statements_visible on billing.fee_statements;
create policy statements_visible on billing.fee_statements for all
  using ((select identity.is_platform_admin()) or (select platform.is_system()) or billing.is_placement_party(placement_id))
  with check ((select identity.is_platform_admin()) or (select platform.is_system()));
