import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api } from '../../api/client'
import { afterCursor, cursorPages } from '../../api/cursor-pages'
import type { paths } from '../../api/schema'
import type { ResponseBody } from '../../api/types'
import { unwrap } from '../../api/use-api'

export type ApplicationSummary = ResponseBody<'/api/applications', 'get'>['data'][number]
export type Application = ResponseBody<'/api/applications/{id}', 'get'>
export type Stage = Application['stage']
export type ApplicationQuery = NonNullable<paths['/api/applications']['get']['parameters']['query']>

const PAGE_SIZE = 50

export const OPEN_STAGES: readonly Stage[] = ['submitted', 'screening', 'interview', 'offer']
export const BOARD_STAGES: readonly Stage[] = [...OPEN_STAGES, 'hired']
export const CLOSED_STAGES: readonly Stage[] = ['rejected', 'withdrawn']
export const ALL_STAGES: readonly Stage[] = [...BOARD_STAGES, ...CLOSED_STAGES]

export const applicationsKeys = {
  all: ['applications'] as const,
  list: (query: ApplicationQuery) => [...applicationsKeys.all, 'list', query] as const,
  detail: (id: string) => [...applicationsKeys.all, 'detail', id] as const,
}

/**
 * Applications matching the query, newest first, a page at a time: the screen shows what is loaded
 * and offers "Load more" while the API says has_more (never a silent cap).
 */
export function useApplications(
  query: ApplicationQuery,
  options: { enabled?: boolean; pageSize?: number } = {},
) {
  const pageSize = options.pageSize ?? PAGE_SIZE
  return useInfiniteQuery({
    queryKey: [...applicationsKeys.list(query), pageSize],
    ...cursorPages,
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.GET('/api/applications', {
          params: { query: { ...query, limit: pageSize, ...afterCursor(pageParam) } },
          signal,
        }),
      ),
    enabled: options.enabled ?? true,
  })
}

/** The rows of every page loaded so far. */
export function loadedRows<Row>(data: { pages: { data: Row[] }[] } | undefined): Row[] {
  return data?.pages.flatMap((page) => page.data) ?? []
}

/** The latest few, for dashboards. */
export function useRecentApplications(query: ApplicationQuery, limit: number, enabled = true) {
  return useQuery({
    queryKey: [...applicationsKeys.list(query), 'recent', limit],
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/applications', { params: { query: { ...query, limit } }, signal })),
    enabled,
  })
}

export function useApplication(id: string) {
  return useQuery({
    queryKey: applicationsKeys.detail(id),
    queryFn: ({ signal }) => unwrap(api.GET('/api/applications/{id}', { params: { path: { id } }, signal })),
  })
}

/** What a submission or a stage change touches: application lists, the role's counts, candidates. */
function invalidateAfterChange(queryClient: ReturnType<typeof useQueryClient>) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: [...applicationsKeys.all, 'list'] }),
    queryClient.invalidateQueries({ queryKey: ['roles'] }),
    queryClient.invalidateQueries({ queryKey: ['candidates'] }),
  ])
}

export function useSubmitApplication() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: { role_id: string; candidate_id: string; note?: string }) =>
      unwrap(api.POST('/api/applications', { body })),
    onSuccess: (application) => {
      queryClient.setQueryData(applicationsKeys.detail(application.id), application)
      return invalidateAfterChange(queryClient)
    },
  })
}

export function useMoveStage(id: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: { to: Stage; reason?: string; version?: number }) =>
      unwrap(api.POST('/api/applications/{id}/stage', { params: { path: { id } }, body })),
    onSuccess: (application) => {
      queryClient.setQueryData(applicationsKeys.detail(id), application)
      return invalidateAfterChange(queryClient)
    },
  })
}

export function useHire(id: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: { base_salary: { amount: string; currency: string }; start_date: string }) =>
      unwrap(api.POST('/api/applications/{id}/hire', { params: { path: { id } }, body })),
    onSuccess: (result) => {
      queryClient.setQueryData(applicationsKeys.detail(id), result.application)
      return Promise.all([
        invalidateAfterChange(queryClient),
        queryClient.invalidateQueries({ queryKey: ['placements'] }),
      ])
    },
  })
}
