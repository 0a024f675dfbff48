import type { DisputeRow } from './queries.ts'

export function disputeOut(d: DisputeRow) {
  return {
    id: d.id,
    status: d.status as 'recorded' | 'disputed' | 'upheld' | 'overturned',
    company: { id: d.company_id, name: d.company_name },
    role: d.role_id ? { id: d.role_id, title: d.role_title ?? '' } : null,
    representation: {
      id: d.representation_id,
      ownership: d.representation_ownership as 'verified' | 'pending' | 'disputed',
      status: d.representation_status,
      since: d.represented_since,
      until: d.represented_until,
    },
    holder: { recruiter_id: d.holder_recruiter_id, name: d.holder_name ?? '' },
    claimant: { recruiter_id: d.claimant_recruiter_id, name: d.claimant_name ?? '' },
    matched_on: d.matched_on,
    claimant_reason: d.claimant_reason,
    resolution_reason: d.resolution_reason,
    created_at: d.created_at,
    disputed_at: d.disputed_at,
    resolved_at: d.resolved_at,
    version: d.version,
  }
}
