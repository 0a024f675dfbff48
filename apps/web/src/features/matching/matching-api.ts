import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api } from '../../api/client'
import { afterCursor, cursorPages } from '../../api/cursor-pages'
import type { paths } from '../../api/schema'
import type { ResponseBody } from '../../api/types'
import { unwrap } from '../../api/use-api'

export type Match = ResponseBody<'/api/matches', 'get'>['data'][number]
export type Reason = Match['reasons'][number]
export type MatchQuery = NonNullable<paths['/api/matches']['get']['parameters']['query']>
export type Accepted = ResponseBody<'/api/matches/{id}/accept', 'post'>
export type Decision = ResponseBody<'/api/admin/decisions', 'get'>['data'][number]
export type DecisionQuery = NonNullable<paths['/api/admin/decisions']['get']['parameters']['query']>
export type DecisionPage = ResponseBody<'/api/admin/decisions', 'get'>
export type ModelVersion = ResponseBody<'/api/admin/matching/models', 'get'>['data'][number]
export type Fairness = ResponseBody<'/api/admin/matching/fairness', 'get'>['data']

export const matchingKeys = {
  all: ['matching'] as const,
  list: (query: MatchQuery) => [...matchingKeys.all, 'list', query] as const,
  decisions: (query: DecisionQuery) => [...matchingKeys.all, 'decisions', query] as const,
  models: () => [...matchingKeys.all, 'models'] as const,
  fairness: () => [...matchingKeys.all, 'fairness'] as const,
}

/** Suggestions the caller may review, best first, a page at a time. */
export function useMatches(query: MatchQuery, pageSize = 10) {
  return useInfiniteQuery({
    queryKey: matchingKeys.list({ ...query, limit: pageSize }),
    ...cursorPages,
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.GET('/api/matches', {
          params: { query: { ...query, limit: pageSize, ...afterCursor(pageParam) } },
          signal,
        }),
      ),
  })
}

/** One suggestion (the recruiter arrives from the notice of a hiring team's acceptance). */
export function useMatch(id: string | null) {
  return useQuery({
    queryKey: [...matchingKeys.all, 'one', id],
    enabled: id !== null,
    queryFn: ({ signal }) => unwrap(api.GET('/api/matches/{id}', { params: { path: { id: id! } }, signal })),
  })
}

export function useAcceptMatch() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/matches/{id}/accept', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: matchingKeys.all }),
  })
}

export function useRejectMatch() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) =>
      unwrap(api.POST('/api/matches/{id}/reject', { params: { path: { id } }, body: { reason } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: matchingKeys.all }),
  })
}

/** The recruiter confirms the pre-filled submission (the ordinary submission route). */
export function useSubmitPrefill() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: Accepted['prefill']) => unwrap(api.POST('/api/applications', { body })),
    onSuccess: () => queryClient.invalidateQueries(),
  })
}

export function useDecisions(query: DecisionQuery) {
  return useInfiniteQuery({
    queryKey: matchingKeys.decisions(query),
    ...cursorPages,
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.GET('/api/admin/decisions', {
          params: { query: { ...query, limit: 25, ...afterCursor(pageParam) } },
          signal,
        }),
      ),
  })
}

export function useModels() {
  return useQuery({
    queryKey: matchingKeys.models(),
    queryFn: ({ signal }) => unwrap(api.GET('/api/admin/matching/models', { signal })),
  })
}

export function useFairness() {
  return useQuery({
    queryKey: matchingKeys.fairness(),
    queryFn: ({ signal }) => unwrap(api.GET('/api/admin/matching/fairness', { signal })),
  })
}

export function useRefit() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/admin/matching/models/refit')),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: matchingKeys.all }),
  })
}
