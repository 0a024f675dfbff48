import { isCurrency, parseMajor, toMajorString } from '@app/money'
import type { TFunction } from 'i18next'
import { bpsToPercentText, parsePercent } from '../../lib/money'
import type { Reference } from '../reference/reference-api'
import type { Role, RoleCreate } from './roles-api'

/** The role form's fields: amounts and the fee as people type them (major units, percent). */
export interface RoleFormValues {
  company_id: string
  title: string
  description: string
  function: string
  industry: string
  seniority: string
  location: string
  country: string
  work_mode: string
  employment_type: string
  currency: string
  salaryMin: string
  salaryMax: string
  feePercent: string
  guarantee_days: number | string
  visibility: 'all' | 'assigned'
  early_access: boolean
  openings: number | string
  job_owner_recruiter_id: string | null
}

export type RoleBody = Omit<RoleCreate, 'company_id'>

/** Server field paths (without "body.") → form fields; other paths map to the field of the same name. */
export const ROLE_FIELD_MAP: Record<string, string> = {
  'salary.min': 'salaryMin',
  'salary.max': 'salaryMax',
  salary_min: 'salaryMin',
  salary_max: 'salaryMax',
  salary: 'salaryMax',
  'salary.currency': 'currency',
  salary_currency: 'currency',
  fee_rate_bps: 'feePercent',
}
export const ROLE_FIELDS = [
  'company_id',
  'title',
  'description',
  'function',
  'industry',
  'seniority',
  'location',
  'country',
  'work_mode',
  'employment_type',
  'guarantee_days',
  'visibility',
  'early_access',
  'openings',
  'job_owner_recruiter_id',
]

const major = (amount: string, currency: string) =>
  isCurrency(currency) && /^\d+$/.test(amount)
    ? toMajorString(BigInt(amount), currency).replace(/\.0+$/, '')
    : ''

export function initialRoleValues(
  role: Role | undefined,
  companyId: string,
  reference: Reference | undefined,
): RoleFormValues {
  const currency = role?.salary.currency ?? 'USD'
  return {
    company_id: role?.company.id ?? companyId,
    title: role?.title ?? '',
    description: role?.description ?? '',
    function: role?.function ?? '',
    industry: role?.industry ?? '',
    seniority: role?.seniority ?? '',
    location: role?.location ?? '',
    country: role?.country ?? '',
    work_mode: role?.work_mode ?? '',
    employment_type: role?.employment_type ?? 'full_time',
    currency,
    salaryMin: role ? major(role.salary.min, currency) : '',
    salaryMax: role ? major(role.salary.max, currency) : '',
    feePercent: bpsToPercentText(role?.fee_rate_bps ?? reference?.defaults.fee_rate_bps ?? 2000),
    guarantee_days: role?.guarantee_days ?? reference?.defaults.guarantee_days ?? 90,
    visibility: role?.visibility ?? 'all',
    early_access: role?.early_access ?? false,
    openings: role?.openings ?? 1,
    job_owner_recruiter_id: role?.job_owner?.recruiter_id ?? null,
  }
}

/** Checks what the browser can check (required fields, amounts that parse); the server checks the rest. */
export function validateRole(t: TFunction) {
  const required = (value: unknown) => (String(value ?? '').trim() ? null : t('splits.roleForm.required'))
  return {
    company_id: required,
    title: required,
    description: required,
    function: required,
    seniority: required,
    work_mode: required,
    salaryMin: (value: string, values: RoleFormValues) =>
      isCurrency(values.currency) && parseMajor(value, values.currency) !== null
        ? null
        : t('splits.roleForm.amountInvalid'),
    salaryMax: (value: string, values: RoleFormValues) =>
      isCurrency(values.currency) && parseMajor(value, values.currency) !== null
        ? null
        : t('splits.roleForm.amountInvalid'),
    feePercent: (value: string) => (parsePercent(value) === null ? t('splits.roleForm.feeInvalid') : null),
  }
}

const orNull = (text: string) => (text.trim() ? text.trim() : null)

/** Form values → the API body, with money in exact minor units (call after validation). */
export function toRoleBody(v: RoleFormValues): RoleBody {
  const currency = isCurrency(v.currency) ? v.currency : 'USD'
  return {
    title: v.title.trim(),
    description: v.description,
    function: v.function as RoleBody['function'],
    industry: (orNull(v.industry) as RoleBody['industry']) ?? null,
    seniority: v.seniority as RoleBody['seniority'],
    location: orNull(v.location),
    country: orNull(v.country)?.toUpperCase() ?? null,
    work_mode: v.work_mode as RoleBody['work_mode'],
    employment_type: (v.employment_type || 'full_time') as RoleBody['employment_type'],
    salary: {
      min: (parseMajor(v.salaryMin, currency) ?? 0n).toString(),
      max: (parseMajor(v.salaryMax, currency) ?? 0n).toString(),
      currency,
    },
    fee_rate_bps: parsePercent(v.feePercent) ?? 0,
    guarantee_days: Number(v.guarantee_days),
    visibility: v.visibility,
    // a first look is only for roles shared with everyone (the server answers 422 otherwise)
    early_access: v.visibility === 'all' && v.early_access,
    openings: Number(v.openings),
    job_owner_recruiter_id: v.job_owner_recruiter_id,
  }
}
