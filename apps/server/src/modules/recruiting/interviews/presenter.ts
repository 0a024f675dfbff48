import type { InterviewDetails } from './queries.ts'
import { feedbackLink } from './service.ts'

/** An interview as the API shows it (the runner turns dates into ISO strings). */
export function interviewOut(i: InterviewDetails, now: Date) {
  return {
    id: i.id,
    application_id: i.application_id,
    role: { id: i.role_id, title: i.role_title },
    company: { id: i.company_id, name: i.company_name },
    candidate: { id: i.candidate_id, name: i.candidate_name },
    recruiter: { id: i.recruiter_id, user_id: i.recruiter_user_id, name: i.recruiter_name ?? '' },
    status: i.status as 'proposed' | 'confirmed' | 'completed' | 'cancelled',
    awaiting: i.awaiting as 'recruiter' | 'team' | null,
    kind: i.kind as 'phone' | 'video' | 'onsite',
    duration_minutes: i.duration_minutes,
    time_zone: i.time_zone,
    meeting_link: i.meeting_link,
    location: i.location,
    agenda: i.agenda,
    starts_at: i.starts_at,
    ends_at: i.ends_at,
    sequence: i.sequence,
    recruiter_note: i.recruiter_note,
    cancel_reason: i.cancel_reason,
    completable: i.status === 'confirmed' && i.ends_at !== null && i.ends_at.getTime() <= now.getTime(),
    feedback_link: feedbackLink(i),
    version: i.version,
    interviewers: i.interviewers.map((p) => ({ user_id: p.user_id, name: p.name ?? '' })),
    slots: i.slots.map((s) => ({
      id: s.id,
      round: s.round,
      starts_at: s.starts_at,
      ends_at: s.ends_at,
      status: s.status as 'open' | 'chosen' | 'declined' | 'withdrawn',
    })),
    history: i.history.map((h) => ({
      id: h.id,
      action: h.action,
      from_status: h.from_status,
      to_status: h.to_status,
      sequence: h.sequence,
      starts_at: h.starts_at,
      note: h.note,
      changed_by_name: h.changed_by_name,
      changed_at: h.changed_at,
    })),
    created_at: i.created_at,
    updated_at: i.updated_at,
  }
}
