/** Database rows → API shapes (dates as ISO strings, money as strings of minor units). */
const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null)

export function roleOut(
  r: Parameters<typeof roleSummaryOut>[0] & {
    description: string
    job_owner_recruiter_id: string | null
    job_owner_name: string | null
    hiring_manager_user_id: string | null
    applications_count: number
    hired_count: number
    updated_at: Date
    closed_at: Date | null
    version: number
    can_manage: boolean
  },
) {
  return {
    ...roleSummaryOut(r),
    description: r.description,
    job_owner: r.job_owner_recruiter_id
      ? { recruiter_id: r.job_owner_recruiter_id, name: r.job_owner_name }
      : null,
    hiring_manager_user_id: r.hiring_manager_user_id,
    applications_count: r.applications_count,
    hired_count: r.hired_count,
    updated_at: r.updated_at.toISOString(),
    closed_at: iso(r.closed_at),
    version: r.version,
    can_manage: r.can_manage,
  }
}

export function roleSummaryOut(r: {
  id: string
  company_id: string
  company_name: string
  title: string
  function: string
  industry: string | null
  seniority: string
  location: string | null
  country: string | null
  work_mode: string
  employment_type: string
  salary_min: bigint
  salary_max: bigint
  salary_currency: string
  fee_rate_bps: number
  guarantee_days: number
  status: string
  visibility: string
  openings: number
  created_at: Date
  opened_at: Date | null
}) {
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
    salary: { min: r.salary_min.toString(), max: r.salary_max.toString(), currency: r.salary_currency },
    fee_rate_bps: r.fee_rate_bps,
    guarantee_days: r.guarantee_days,
    status: r.status as 'open',
    visibility: r.visibility as 'all',
    openings: r.openings,
    created_at: r.created_at.toISOString(),
    opened_at: iso(r.opened_at),
  }
}

export function warningOut(w: {
  matched_on: string[]
  yours: boolean
  candidate_id: string | null
  represented_to: { company_id: string; company_name: string; expires_at: Date }[]
}) {
  return {
    matched_on: w.matched_on as ('email' | 'phone' | 'linkedin' | 'github')[],
    yours: w.yours,
    candidate_id: w.candidate_id,
    represented_to: w.represented_to.map((r) => ({ ...r, expires_at: r.expires_at.toISOString() })),
  }
}

export { iso }
