import { toMajorString } from '@app/money'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api } from '../../api/client'
import type { paths } from '../../api/schema'
import type { ResponseBody } from '../../api/types'
import { unwrap } from '../../api/use-api'
import { asCurrency } from '../../lib/money'
import type { RoleQuery } from '../roles/roles-api'
import type { RoleFilterValues } from '../roles/use-role-filters'

export type SavedSearch = ResponseBody<'/api/saved-searches/{id}', 'get'>
export type SavedSearchCreate =
  paths['/api/saved-searches']['post']['requestBody']['content']['application/json']
export type SavedSearchPatch =
  paths['/api/saved-searches/{id}']['patch']['requestBody']['content']['application/json']
export type CompanyProfile = ResponseBody<'/api/company-profiles/{slug}', 'get'>
export type RecruiterProfile = ResponseBody<'/api/recruiter-profiles/{id}', 'get'>
export type RoleSort = NonNullable<RoleQuery['sort']>
export const ROLE_SORTS: readonly RoleSort[] = ['newest', 'fee', 'salary', 'fewest_submissions']

export const discoveryKeys = {
  savedSearches: ['saved-searches'] as const,
  savedSearch: (id: string) => ['saved-searches', id] as const,
  company: (slug: string) => ['company-profile', slug] as const,
  recruiter: (id: string) => ['recruiter-profile', id] as const,
}

export function useSavedSearches(enabled = true) {
  return useQuery({
    queryKey: discoveryKeys.savedSearches,
    queryFn: ({ signal }) => unwrap(api.GET('/api/saved-searches', { signal })),
    enabled,
  })
}

export function useSavedSearch(id: string) {
  return useQuery({
    queryKey: discoveryKeys.savedSearch(id),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/saved-searches/{id}', { params: { path: { id } }, signal })),
    enabled: Boolean(id),
  })
}

function useSavedSearchChange<Input>(call: (input: Input) => Promise<unknown>) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: call,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: discoveryKeys.savedSearches }),
  })
}

export const useCreateSavedSearch = () =>
  useSavedSearchChange((body: SavedSearchCreate) => unwrap(api.POST('/api/saved-searches', { body })))

export const useUpdateSavedSearch = () =>
  useSavedSearchChange(({ id, body }: { id: string; body: SavedSearchPatch }) =>
    unwrap(api.PATCH('/api/saved-searches/{id}', { params: { path: { id } }, body })),
  )

export const useDeleteSavedSearch = () =>
  useSavedSearchChange((id: string) =>
    unwrap(api.DELETE('/api/saved-searches/{id}', { params: { path: { id } } })),
  )

export function useCompanyProfile(slug: string) {
  return useQuery({
    queryKey: discoveryKeys.company(slug),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/company-profiles/{slug}', { params: { path: { slug } }, signal })),
    enabled: Boolean(slug),
  })
}

export function useRecruiterProfile(id: string) {
  return useQuery({
    queryKey: discoveryKeys.recruiter(id),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/recruiter-profiles/{id}', { params: { path: { id } }, signal })),
    enabled: Boolean(id),
  })
}

/** The marketplace query as a saved search keeps it: its filters (no status, no paging). */
export function savedFiltersOf(query: RoleQuery): Record<string, string> {
  const { status: _s, sort: _o, limit: _l, starting_after: _a, ...filters } = query
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined && v !== '')) as Record<
    string,
    string
  >
}

/** A saved search's filters and sort as the marketplace's address keeps them. */
export function filterValuesOf(search: Pick<SavedSearch, 'filters' | 'sort'>): Partial<RoleFilterValues> {
  const f = search.filters
  const currency = asCurrency(f.salary_currency ?? '') ?? 'USD'
  const major = (minor: string | undefined) => (minor ? toMajorString(BigInt(minor), currency) : '')
  return {
    q: f.q ?? '',
    function: f.function ?? '',
    seniority: f.seniority ?? '',
    work_mode: f.work_mode ?? '',
    location: f.location ?? '',
    company: f.company_id ?? '',
    currency: f.salary_currency ?? '',
    min: major(f.salary_min),
    max: major(f.salary_max),
    sort: search.sort === 'newest' ? '' : search.sort,
  }
}

/** The marketplace's address for a saved search. */
export function rolesLinkOf(search: Pick<SavedSearch, 'filters' | 'sort'>): string {
  const params = new URLSearchParams()
  for (const [k, v] of Object.entries(filterValuesOf(search))) if (v) params.set(k, v)
  const text = params.toString()
  return text ? `/splits/roles?${text}` : '/splits/roles'
}
