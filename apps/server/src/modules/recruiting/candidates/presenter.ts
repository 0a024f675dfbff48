import type { DuplicateWarning } from './duplicates.ts'
import type { getCandidate } from './queries.ts'
import type { searchCandidates } from './search.ts'

type CandidateView = Awaited<ReturnType<typeof getCandidate>>
type CandidateRow = Awaited<ReturnType<typeof searchCandidates>>['data'][number]
type Ownership = 'verified' | 'pending' | 'disputed'

/** A candidate as the caller may see them: notes only for the representing recruiter. */
export function candidateOut(d: CandidateView) {
  const c = d.candidate
  return {
    id: c.id,
    recruiter: { id: c.recruiter_id, name: c.recruiter_name ?? '' },
    full_name: c.full_name,
    current_title: c.current_title,
    location: c.location,
    country: c.country,
    skills: c.skills,
    years_experience: c.years_experience,
    salary_expectation: c.salary_currency
      ? { min: c.salary_expectation_min, max: c.salary_expectation_max, currency: c.salary_currency }
      : null,
    notes: d.own ? c.notes : null,
    contacts: d.contacts
      ? {
          email: d.contacts.email,
          phone: d.contacts.phone,
          linkedin_url: d.contacts.linkedin_url,
          github_url: d.contacts.github_url,
          website_url: d.contacts.website_url,
        }
      : null,
    consent: c.consent_given_at
      ? { given_at: c.consent_given_at, method: c.consent_method ?? '', text_version: c.consent_text_version }
      : null,
    yours: d.own,
    representations: d.representations.map((r) => ({ ...r, ownership: r.ownership as Ownership })),
    applications: d.applications,
    version: c.version,
    created_at: c.created_at,
    updated_at: c.updated_at,
  }
}

export function candidateSummaryOut(c: CandidateRow) {
  return {
    id: c.id,
    full_name: c.full_name,
    current_title: c.current_title,
    location: c.location,
    skills: c.skills,
    years_experience: c.years_experience,
    has_consent: c.consent_given_at !== null,
    applications_count: c.applications_count,
    created_at: c.created_at,
  }
}

export function warningOut(w: DuplicateWarning) {
  return {
    matched_on: w.matched_on,
    yours: w.yours,
    candidate_id: w.candidate_id,
    represented_to: w.represented_to,
  }
}
