import { z } from 'zod'
import { ROLE_SORTS } from '../discovery/marketplace.ts'
import { ZVersion } from '../reference/schemas.ts'
import { ZRoleListQuery } from '../roles/schemas.ts'

/** The most saved searches one recruiter keeps. */
export const SAVED_SEARCH_LIMIT = 25

export const ALERT_FREQUENCIES = ['instant', 'daily', 'off'] as const
export const ALERT_CHANNELS = ['email', 'in_app'] as const

/** The marketplace filters a search may save: the list's own, without status and paging. */
export const ZSavedFilters = ZRoleListQuery.pick({
  q: true,
  company_id: true,
  function: true,
  industry: true,
  seniority: true,
  work_mode: true,
  location: true,
  country: true,
  salary_currency: true,
  salary_min: true,
  salary_max: true,
})
export const SAVED_FILTER_KEYS = Object.keys(ZSavedFilters.shape) as (keyof typeof ZSavedFilters.shape)[]
export type TSavedFilters = z.infer<typeof ZSavedFilters>

// Accepts any keys so that an unknown one is answered with its own code (unknown_filter), naming it.
const ZFiltersIn = z
  .looseObject(ZSavedFilters.shape)
  .describe(
    'The marketplace filters, as `GET /api/roles` takes them (status and paging aside); any other key is a 400 unknown_filter',
  )

const fields = {
  name: z.string().trim().min(1, 'must not be empty').max(100),
  filters: ZFiltersIn,
  sort: z.enum(ROLE_SORTS),
  alert_frequency: z
    .enum(ALERT_FREQUENCIES)
    .describe('instant: told as each matching role opens; daily: one digest a day (08:00 UTC); off'),
  channel: z.enum(ALERT_CHANNELS).describe('email (and the bell), or in_app (the bell only)'),
}

export const ZSavedSearchCreate = z.strictObject({
  name: fields.name,
  filters: fields.filters.default({}),
  sort: fields.sort.default('newest'),
  alert_frequency: fields.alert_frequency.default('instant'),
  channel: fields.channel.default('email'),
})
export type TSavedSearchCreate = z.infer<typeof ZSavedSearchCreate>

export const ZSavedSearchUpdate = z
  .strictObject({
    name: fields.name.optional(),
    filters: fields.filters.optional(),
    sort: fields.sort.optional(),
    alert_frequency: fields.alert_frequency.optional(),
    channel: fields.channel.optional(),
    version: ZVersion.optional(),
  })
  .refine((b) => Object.keys(b).some((k) => k !== 'version'), 'give at least one field to change')
export type TSavedSearchUpdate = z.infer<typeof ZSavedSearchUpdate>

export const ZSavedSearch = z.object({
  id: z.string(),
  name: z.string(),
  filters: z.record(z.string(), z.string()).describe('The saved filters (amounts as strings of minor units)'),
  sort: z.enum(ROLE_SORTS),
  alert_frequency: z.enum(ALERT_FREQUENCIES),
  channel: z.enum(ALERT_CHANNELS),
  matched_roles: z.number().int().describe('Roles that opened matching this search since it was saved'),
  pending_alerts: z.number().int().describe('Matches not yet told (waiting for the daily digest)'),
  created_at: z.iso.datetime(),
  updated_at: z.iso.datetime(),
  version: z.number().int(),
})

export const ZSavedSearchList = z.object({
  data: z.array(ZSavedSearch),
  limit: z.number().int().describe('The most saved searches a recruiter may keep'),
})
