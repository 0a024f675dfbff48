import type { CandidateFormValues } from '../candidates/candidate-form-values'
import type { Candidate } from '../candidates/candidates-api'
import type { FieldEvidence } from './evidence'
import type { ResumeDraft, SavedResumeForm } from './resume-import-api'

export type PrefilledField =
  | 'full_name'
  | 'email'
  | 'phone'
  | 'location'
  | 'current_title'
  | 'years_experience'
  | 'skills'

/** The draft's values as the candidate form's, and the evidence of each pre-filled one. */
export function draftToForm(draft: ResumeDraft): {
  values: Partial<CandidateFormValues>
  evidence: Partial<Record<PrefilledField, FieldEvidence>>
} {
  const f = draft.form
  const values: Partial<CandidateFormValues> = {
    full_name: f.full_name ?? '',
    email: f.email ?? '',
    phone: f.phone ?? '',
    location: f.location ?? '',
    current_title: f.current_title ?? '',
    years_experience: f.years_experience ?? '',
    skills: f.skills,
  }
  const evidence: Partial<Record<PrefilledField, FieldEvidence>> = {}
  for (const key of [
    'full_name',
    'email',
    'phone',
    'location',
    'current_title',
    'years_experience',
  ] as const) {
    const e = draft.evidence[key]
    if (e && f[key] !== null) evidence[key] = { snippet: e.snippet, confidence: e.confidence }
  }
  if (draft.evidence.skills.length) {
    const top = draft.evidence.skills.slice(0, 6)
    evidence.skills = {
      snippet: top.map((s) => `${s.skill} ← ${s.snippet}`).join('\n'),
      confidence: Math.min(...top.map((s) => s.confidence)),
    }
  }
  return { values, evidence }
}

/** What was finally saved, as the corrections endpoint reads it. */
export function savedFromCandidate(c: Candidate): SavedResumeForm {
  const contacts = c.contacts
  return {
    full_name: c.full_name,
    email: contacts?.email ?? null,
    phone: contacts?.phone ?? null,
    location: c.location,
    current_title: c.current_title,
    years_experience: c.years_experience,
    skills: c.skills.slice(0, 50),
  }
}
