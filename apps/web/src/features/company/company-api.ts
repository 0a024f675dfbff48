import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query'
import { api } from '../../api/client'
import { afterCursor, cursorPages } from '../../api/cursor-pages'
import type { paths } from '../../api/schema'
import type { ResponseBody } from '../../api/types'
import { unwrap } from '../../api/use-api'
import { useCurrentUser } from '../auth/auth-api'

export type CompanySummary = ResponseBody<'/api/companies', 'get'>['data'][number]
export type Company = ResponseBody<'/api/companies/{id}', 'get'>
export type CompanyPatch = paths['/api/companies/{id}']['patch']['requestBody']['content']['application/json']
export type CompanyCreate = paths['/api/companies']['post']['requestBody']['content']['application/json']

export const companyKeys = {
  all: ['companies'] as const,
  list: (q: string) => [...companyKeys.all, 'list', q] as const,
  detail: (id: string) => [...companyKeys.all, 'detail', id] as const,
  team: (id: string) => [...companyKeys.all, 'team', id] as const,
}

/** The most GET /api/companies returns at once (pickers search by name beyond it). */
export const COMPANIES_PAGE_LIMIT = 100

const listCompanies = (q: string, signal: AbortSignal) =>
  unwrap(
    api.GET('/api/companies', {
      params: { query: { limit: COMPANIES_PAGE_LIMIT, ...(q.trim() ? { q: q.trim() } : {}) } },
      signal,
    }),
  )

/** The directory of hiring companies, paged by name with "Load more" (the admin list). */
export function useCompanyDirectory(q = '') {
  return useInfiniteQuery({
    queryKey: [...companyKeys.list(q.trim()), 'pages'] as const,
    ...cursorPages,
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.GET('/api/companies', {
          params: { query: { limit: 50, ...(q.trim() ? { q: q.trim() } : {}), ...afterCursor(pageParam) } },
          signal,
        }),
      ),
  })
}

/** The first companies by name, for pickers (name search). */
export function useCompanies(q = '', enabled = true) {
  return useQuery({
    queryKey: companyKeys.list(q.trim()),
    queryFn: ({ signal }) => listCompanies(q, signal),
    placeholderData: keepPreviousData,
    enabled,
  })
}

export function useCompany(id: string | undefined) {
  return useQuery({
    queryKey: companyKeys.detail(id ?? ''),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/companies/{id}', { params: { path: { id: id! } }, signal })),
    enabled: Boolean(id),
  })
}

export interface MyCompany {
  id: string
  name: string
  /** Company admin (may change settings, team and record fall-offs), not only a hiring manager. */
  isAdmin: boolean
}

/**
 * The companies whose hiring team the signed-in person is on. The session names organisations;
 * GET /api/companies does not return organisation ids, so each is found by its exact name.
 */
/** The companies whose hiring team the signed-in person is on, with their place in it. */
export function useMyCompanies(): { companies: MyCompany[]; isPending: boolean } {
  const user = useCurrentUser()
  const onATeam = (user?.memberships ?? []).some(
    (m) => m.role === 'company_admin' || m.role === 'hiring_manager',
  )
  const query = useQuery({
    queryKey: [...companyKeys.all, 'mine', user?.id ?? ''],
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/companies', { params: { query: { mine: 'true', limit: 100 } }, signal })),
    enabled: onATeam,
    staleTime: 5 * 60_000,
  })
  return {
    isPending: onATeam && query.isPending,
    companies: (query.data?.data ?? []).map((c) => ({
      id: c.id,
      name: c.name,
      isAdmin: c.my_role === 'company_admin',
    })),
  }
}

export function useUpdateCompany(id: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: CompanyPatch) =>
      unwrap(api.PATCH('/api/companies/{id}', { params: { path: { id } }, body })),
    onSuccess: (company) => {
      queryClient.setQueryData(companyKeys.detail(id), company)
      return queryClient.invalidateQueries({ queryKey: [...companyKeys.all, 'list'] })
    },
  })
}

export function useCreateCompany() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: CompanyCreate) => unwrap(api.POST('/api/companies', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...companyKeys.all, 'list'] }),
  })
}
