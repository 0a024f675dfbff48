/** The vocabularies of the Splits Network marketplace. One place each; SQL CHECKs mirror them. */
export const FUNCTIONS = [
  'engineering',
  'product',
  'design',
  'data',
  'sales',
  'marketing',
  'customer_success',
  'operations',
  'finance',
  'people',
  'legal',
] as const
export const INDUSTRIES = [
  'fintech',
  'healthcare',
  'saas',
  'ecommerce',
  'cybersecurity',
  'ai',
  'gaming',
  'logistics',
  'edtech',
  'biotech',
  'climate',
  'media',
] as const
export const SENIORITIES = ['intern', 'junior', 'mid', 'senior', 'lead', 'executive'] as const
export const WORK_MODES = ['onsite', 'hybrid', 'remote'] as const
export const EMPLOYMENT_TYPES = ['full_time', 'part_time', 'contract'] as const
export const ROLE_STATUSES = ['draft', 'open', 'paused', 'filled', 'closed'] as const
export const VISIBILITIES = ['all', 'assigned'] as const
export const PAYMENT_TERMS = ['net_30', 'net_60', 'net_90'] as const
export const PLAN_TIERS = ['starter', 'pro', 'partner'] as const
export const STAGES = [
  'submitted',
  'screening',
  'interview',
  'offer',
  'hired',
  'rejected',
  'withdrawn',
] as const
export const OPEN_STAGES = ['submitted', 'screening', 'interview', 'offer'] as const
/** The five fee-earning roles of a placement, as the public Splits Network product has them. */
export const FEE_ROLES = [
  'candidate_recruiter',
  'candidate_sourcer',
  'company_sourcer',
  'job_owner',
  'hiring_facilitator',
] as const

export type RoleStatus = (typeof ROLE_STATUSES)[number]
export type Stage = (typeof STAGES)[number]
export type FeeRole = (typeof FEE_ROLES)[number]

/** Defaults, stored on each role/placement so that history never changes with them. */
export const DEFAULT_FEE_RATE_BPS = 2000
export const DEFAULT_GUARANTEE_DAYS = 90
export const RTR_MONTHS = 12
export const FEE_RULE_VERSION = 'splits-fee-2026.1'

/** Role status changes a person may ask for ('filled' also happens on the last hire). */
export const ROLE_TRANSITIONS: Record<RoleStatus, readonly RoleStatus[]> = {
  draft: ['open', 'closed'],
  open: ['paused', 'filled', 'closed'],
  paused: ['open', 'filled', 'closed'],
  filled: [],
  closed: [],
}

/** Forward one step at a time; any open stage can end as rejected or withdrawn. */
export const STAGE_TRANSITIONS: Record<Stage, readonly Stage[]> = {
  submitted: ['screening', 'rejected', 'withdrawn'],
  screening: ['interview', 'rejected', 'withdrawn'],
  interview: ['offer', 'rejected', 'withdrawn'],
  offer: ['hired', 'rejected', 'withdrawn'],
  hired: [],
  rejected: [],
  withdrawn: [],
}

/** Back to an earlier open stage (the hiring team, with a reason kept in the history). */
export const STAGE_BACK: Record<Stage, readonly Stage[]> = {
  submitted: [],
  screening: ['submitted'],
  interview: ['submitted', 'screening'],
  offer: ['submitted', 'screening', 'interview'],
  hired: [],
  rejected: [],
  withdrawn: [],
}

/**
 * How long a role's first look lasts: while it runs, only recruiters whose plan includes early
 * access see a role the company opened with `early_access` (billing's Partner plan: "new roles 24
 * hours early"; a billing test checks that every plan's hours are 0 or this).
 */
export const EARLY_ACCESS_WINDOW_HOURS = 24
