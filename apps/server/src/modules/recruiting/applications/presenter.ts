import type { Stage } from '../reference/vocabularies.ts'
import type { getApplication } from './queries.ts'

type ApplicationView = Awaited<ReturnType<typeof getApplication>>
interface ApplicationRow {
  id: string
  role_id: string
  role_title: string
  company_id: string
  company_name: string
  candidate_id: string
  candidate_name: string
  candidate_title: string | null
  recruiter_id: string
  recruiter_name: string | null
  stage: string
  submitted_at: Date
  stage_changed_at: Date
}

export function applicationSummaryOut(a: ApplicationRow) {
  return {
    id: a.id,
    role: { id: a.role_id, title: a.role_title },
    company: { id: a.company_id, name: a.company_name },
    candidate: { id: a.candidate_id, name: a.candidate_name, title: a.candidate_title },
    recruiter: { id: a.recruiter_id, name: a.recruiter_name ?? '' },
    stage: a.stage as Stage,
    submitted_at: a.submitted_at,
    stage_changed_at: a.stage_changed_at,
  }
}

export function applicationOut(a: ApplicationView) {
  return {
    ...applicationSummaryOut(a),
    note: a.note,
    closed_reason: a.closed_reason,
    represented_until: a.represented_until,
    ownership: a.ownership as 'verified' | 'pending' | 'disputed',
    placement_id: a.placement_id,
    allowed_next: a.allowed_next,
    allowed_back: a.allowed_back,
    version: a.version,
    history: a.history.map((h) => ({
      ...h,
      from_stage: h.from_stage as Stage | null,
      to_stage: h.to_stage as Stage,
    })),
  }
}

export function myApplicationOut(a: {
  id: string
  role_title: string
  company_name: string
  stage: string
  submitted_at: Date
  stage_changed_at: Date
}) {
  return {
    id: a.id,
    role_title: a.role_title,
    company_name: a.company_name,
    stage: a.stage as Stage,
    submitted_at: a.submitted_at,
    stage_changed_at: a.stage_changed_at,
  }
}
