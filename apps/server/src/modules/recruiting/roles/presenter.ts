import type { RoleDetail } from './queries.ts'

type RoleSummaryRow = Pick<
  RoleDetail,
  | 'id'
  | 'company_id'
  | 'company_name'
  | 'title'
  | 'function'
  | 'industry'
  | 'seniority'
  | 'location'
  | 'country'
  | 'work_mode'
  | 'employment_type'
  | 'salary_min'
  | 'salary_max'
  | 'salary_currency'
  | 'fee_rate_bps'
  | 'guarantee_days'
  | 'status'
  | 'visibility'
  | 'early_access'
  | 'early_access_until'
  | 'openings'
  | 'created_at'
  | 'opened_at'
  | 'fee_min'
  | 'fee_max'
  | 'submissions_count'
  | 'working_on'
>

type RoleStatus = 'draft' | 'open' | 'paused' | 'filled' | 'closed'

/** A role as lists show it. */
export function roleSummaryOut(r: RoleSummaryRow) {
  return {
    id: r.id,
    company: { id: r.company_id, name: r.company_name },
    title: r.title,
    function: r.function,
    industry: r.industry,
    seniority: r.seniority,
    location: r.location,
    country: r.country,
    work_mode: r.work_mode,
    employment_type: r.employment_type,
    salary: { min: r.salary_min, max: r.salary_max, currency: r.salary_currency },
    fee_rate_bps: r.fee_rate_bps,
    guarantee_days: r.guarantee_days,
    status: r.status as RoleStatus,
    visibility: r.visibility as 'all' | 'assigned',
    early_access: r.early_access,
    early_access_until: r.early_access_until,
    openings: r.openings,
    created_at: r.created_at,
    opened_at: r.opened_at,
    fee: { min: r.fee_min ?? 0n, max: r.fee_max ?? 0n, currency: r.salary_currency },
    submissions_count: r.submissions_count,
    working_on: r.working_on,
  }
}

/** A role as its page shows it, with whether the caller may manage it. */
export function roleOut(r: RoleDetail) {
  return {
    ...roleSummaryOut(r),
    description: r.description,
    job_owner: r.job_owner_recruiter_id
      ? { recruiter_id: r.job_owner_recruiter_id, name: r.job_owner_name }
      : null,
    hiring_manager_user_id: r.hiring_manager_user_id,
    applications_count: r.applications_count,
    hired_count: r.hired_count,
    updated_at: r.updated_at,
    closed_at: r.closed_at,
    version: r.version,
    can_manage: r.can_manage,
  }
}
