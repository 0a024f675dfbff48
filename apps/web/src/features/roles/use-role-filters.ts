import { isCurrency, parseMajor } from '@app/money'
import { useEffect, useRef, useState } from 'react'
import { useSearchParams } from 'react-router'
import type { RoleQuery, RoleStatus } from './roles-api'

/** The marketplace filters, kept in the URL query so a search can be shared or bookmarked. */
export const ROLE_FILTER_KEYS = [
  'q',
  'function',
  'seniority',
  'work_mode',
  'location',
  'company',
  'currency',
  'min',
  'max',
  'status',
  'sort',
] as const
export type RoleFilterKey = (typeof ROLE_FILTER_KEYS)[number]
export type RoleFilterValues = Record<RoleFilterKey, string>

function fromParams(params: URLSearchParams): RoleFilterValues {
  return Object.fromEntries(ROLE_FILTER_KEYS.map((k) => [k, params.get(k) ?? ''])) as RoleFilterValues
}

function toSearch(values: RoleFilterValues): string {
  const params = new URLSearchParams()
  for (const key of ROLE_FILTER_KEYS) if (values[key]) params.set(key, values[key])
  return params.toString()
}

/**
 * The filters live in component state (so fast typing never loses a keystroke) and are mirrored
 * into the URL without adding history entries; a navigation to another query resets them.
 */
export function useRoleFilters() {
  const [params, setParams] = useSearchParams()
  const search = params.toString()
  const [values, setValues] = useState<RoleFilterValues>(() => fromParams(params))
  const written = useRef(search)

  useEffect(() => {
    if (search === written.current) return
    written.current = search
    setValues(fromParams(new URLSearchParams(search)))
  }, [search])

  useEffect(() => {
    const next = toSearch(values)
    if (next === written.current) return
    written.current = next
    setParams(next, { replace: true })
  }, [values, setParams])

  const set = (patch: Partial<RoleFilterValues>) => setValues((current) => ({ ...current, ...patch }))
  const clear = () => setValues(fromParams(new URLSearchParams()))
  const activeCount = ROLE_FILTER_KEYS.filter((k) => k !== 'currency' && k !== 'sort' && values[k]).length
  return { values, set, clear, activeCount }
}

/** URL values → the API's query; salary bounds typed in major units become exact minor units. */
export function toRoleQuery(v: RoleFilterValues): { query: RoleQuery; invalid: ('min' | 'max')[] } {
  const query: RoleQuery = {}
  const invalid: ('min' | 'max')[] = []
  if (v.q.trim()) query.q = v.q.trim()
  if (v.location.trim()) query.location = v.location.trim()
  if (v.function) query.function = v.function as RoleQuery['function']
  if (v.seniority) query.seniority = v.seniority as RoleQuery['seniority']
  if (v.work_mode) query.work_mode = v.work_mode as RoleQuery['work_mode']
  if (v.company) query.company_id = v.company
  if (v.status) query.status = v.status.split(',') as RoleStatus[]
  if (v.sort) query.sort = v.sort as RoleQuery['sort']
  const currency = isCurrency(v.currency) ? v.currency : 'USD'
  for (const bound of ['min', 'max'] as const) {
    if (!v[bound].trim()) continue
    const minor = parseMajor(v[bound], currency)
    if (minor === null || minor < 0n) invalid.push(bound)
    else {
      query.salary_currency = currency
      query[bound === 'min' ? 'salary_min' : 'salary_max'] = minor.toString()
    }
  }
  return { query, invalid }
}
