import { isCurrency, parseMajor } from '@app/money'
import type { TFunction } from 'i18next'
import type { CandidateCreate } from './candidates-api'

export type ConsentMethod = 'email' | 'written' | 'verbal' | 'portal'

export interface CandidateFormValues {
  full_name: string
  current_title: string
  email: string
  phone: string
  linkedin_url: string
  github_url: string
  website_url: string
  location: string
  country: string
  skills: string[]
  years_experience: number | string
  currency: string
  salaryMin: string
  salaryMax: string
  notes: string
  consent: boolean
  consentMethod: ConsentMethod
}

export const EMPTY_CANDIDATE: CandidateFormValues = {
  full_name: '',
  current_title: '',
  email: '',
  phone: '',
  linkedin_url: '',
  github_url: '',
  website_url: '',
  location: '',
  country: '',
  skills: [],
  years_experience: '',
  currency: 'USD',
  salaryMin: '',
  salaryMax: '',
  notes: '',
  consent: false,
  consentMethod: 'email',
}

export const CANDIDATE_FIELDS = Object.keys(EMPTY_CANDIDATE)
export const CANDIDATE_FIELD_MAP: Record<string, string> = {
  'salary_expectation.min': 'salaryMin',
  'salary_expectation.max': 'salaryMax',
  salary_expectation_max: 'salaryMax',
  salary_expectation_min: 'salaryMin',
  'salary_expectation.currency': 'currency',
  salary_currency: 'currency',
  'consent.method': 'consentMethod',
}

const amountOk = (text: string, currency: string) =>
  !text.trim() || (isCurrency(currency) && parseMajor(text, currency) !== null)

export function validateCandidate(t: TFunction) {
  return {
    full_name: (value: string) => (value.trim() ? null : t('splits.candidateForm.nameRequired')),
    email: (value: string) =>
      !value.trim() || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim())
        ? null
        : t('splits.candidateForm.emailInvalid'),
    salaryMin: (value: string, v: CandidateFormValues) =>
      amountOk(value, v.currency) ? null : t('splits.candidateForm.amountInvalid'),
    salaryMax: (value: string, v: CandidateFormValues) =>
      amountOk(value, v.currency) ? null : t('splits.candidateForm.amountInvalid'),
  }
}

const orNull = (text: string) => (text.trim() ? text.trim() : null)

/** Form values → the API body; a salary expectation only when an amount was typed. */
export function toCandidateBody(v: CandidateFormValues): CandidateCreate {
  const currency = isCurrency(v.currency) ? v.currency : 'USD'
  const min = v.salaryMin.trim() ? parseMajor(v.salaryMin, currency) : null
  const max = v.salaryMax.trim() ? parseMajor(v.salaryMax, currency) : null
  const years = v.years_experience === '' ? null : Number(v.years_experience)
  return {
    full_name: v.full_name.trim(),
    current_title: orNull(v.current_title),
    email: orNull(v.email),
    phone: orNull(v.phone),
    linkedin_url: orNull(v.linkedin_url),
    github_url: orNull(v.github_url),
    website_url: orNull(v.website_url),
    location: orNull(v.location),
    country: orNull(v.country)?.toUpperCase() ?? null,
    skills: v.skills,
    years_experience: Number.isFinite(years) ? years : null,
    notes: orNull(v.notes),
    salary_expectation:
      min !== null || max !== null
        ? { currency, min: min?.toString() ?? null, max: max?.toString() ?? null }
        : null,
    consent: v.consent ? { method: v.consentMethod } : null,
  }
}
