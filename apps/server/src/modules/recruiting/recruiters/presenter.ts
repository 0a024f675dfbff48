import type { RecruiterRow } from './queries.ts'

/** A recruiter's public profile (no contact details). */
export function recruiterOut(r: RecruiterRow) {
  return {
    id: r.id,
    user_id: r.user_id,
    display_name: r.display_name ?? '',
    headline: r.headline,
    bio: r.bio,
    plan_tier: r.plan_tier as 'starter' | 'pro' | 'partner',
    years_experience: r.years_experience,
    linkedin_url: r.linkedin_url,
    location: r.location,
    status: r.status,
    agency: r.agency_organization_id ? { id: r.agency_organization_id, name: r.agency_name ?? '' } : null,
    specializations: {
      industry: r.industry ?? [],
      function: r.function ?? [],
      seniority: r.seniority ?? [],
      locations: r.locations ?? [],
    },
    placements: r.placements,
    created_at: r.created_at,
  }
}
