import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { api } from '../../api/client'
import type { ResponseBody } from '../../api/types'
import { unwrap } from '../../api/use-api'

export type Recruiter = ResponseBody<'/api/recruiters/{id}', 'get'>

export const recruitersKeys = {
  all: ['recruiters'] as const,
  me: () => [...recruitersKeys.all, 'me'] as const,
  list: (q: string) => [...recruitersKeys.all, 'list', q] as const,
}

/** My recruiter profile (recruiters only); its id is how splits and submissions name me. */
export function useMyRecruiter(enabled: boolean) {
  return useQuery({
    queryKey: recruitersKeys.me(),
    queryFn: ({ signal }) => unwrap(api.GET('/api/recruiters/me', { signal })),
    enabled,
    staleTime: 5 * 60_000,
  })
}

/** Recruiters by name, for picking one (splits, job owners). */
export function useRecruiters(q: string) {
  return useQuery({
    queryKey: recruitersKeys.list(q.trim()),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/recruiters', {
          params: { query: { limit: 20, ...(q.trim() ? { q: q.trim() } : {}) } },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  })
}

/** One recruiter's public profile (e.g. to name the owner of a ledger account). */
export function useRecruiter(id: string | undefined) {
  return useQuery({
    queryKey: [...recruitersKeys.all, 'detail', id ?? ''] as const,
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/recruiters/{id}', { params: { path: { id: id! } }, signal })),
    enabled: Boolean(id),
    staleTime: 5 * 60_000,
  })
}
