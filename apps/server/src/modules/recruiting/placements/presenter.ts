import type { FeeRole } from '../reference/vocabularies.ts'
import type { getPlacement, listPlacements } from './queries.ts'

type PlacementView = Awaited<ReturnType<typeof getPlacement>>
type PlacementRow = Awaited<ReturnType<typeof listPlacements>>['data'][number]

export function placementSummaryOut(pl: PlacementRow) {
  return {
    id: pl.id,
    role: { id: pl.role_id, title: pl.role_title },
    company: { id: pl.company_id, name: pl.company_name },
    candidate_name: pl.candidate_name,
    base_salary: { amount: pl.base_salary, currency: pl.currency },
    start_date: pl.start_date,
    guarantee_ends_on: pl.guarantee_ends_on,
    fee_rate_bps: pl.fee_rate_bps,
    status: pl.status as 'active' | 'fell_off',
    split_status: pl.split_status as 'pending' | 'agreed',
    created_at: pl.created_at,
  }
}

export function placementOut(pl: PlacementView) {
  return {
    ...placementSummaryOut(pl),
    application_id: pl.application_id,
    candidate_id: pl.candidate_id,
    guarantee_days: pl.guarantee_days,
    fee_basis: pl.fee_basis,
    fee_rule_version: pl.fee_rule_version,
    payment_terms: pl.payment_terms,
    fell_off_on: pl.fell_off_on,
    fall_off_reason: pl.fall_off_reason,
    version: pl.version,
    splits: pl.splits.map((s) => ({
      fee_role: s.fee_role as FeeRole,
      recruiter_id: s.recruiter_id,
      recruiter_name: s.recruiter_name ?? '',
      share_bps: s.share_bps,
      agreed_at: s.agreed_at,
    })),
  }
}
