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

export type CandidateSummary = ResponseBody<'/api/candidates', 'get'>['data'][number]
export type Candidate = ResponseBody<'/api/candidates/{id}', 'get'>
export type CandidateCreate = paths['/api/candidates']['post']['requestBody']['content']['application/json']
export type CandidatePatch =
  paths['/api/candidates/{id}']['patch']['requestBody']['content']['application/json']
export type DuplicateCheck =
  paths['/api/candidates/duplicate-check']['post']['requestBody']['content']['application/json']
export type DuplicateWarning = ResponseBody<'/api/candidates/duplicate-check', 'post'>['warnings'][number]

export const candidatesKeys = {
  all: ['candidates'] as const,
  list: (q: string) => [...candidatesKeys.all, 'list', q] as const,
  detail: (id: string) => [...candidatesKeys.all, 'detail', id] as const,
  duplicates: (body: DuplicateCheck) => [...candidatesKeys.all, 'duplicates', body] as const,
}

/** My candidates (all, for admins), newest first, searched by name, title, location or skill. */
export function useCandidatesSearch(q: string, pageSize = 25) {
  return useInfiniteQuery({
    queryKey: [...candidatesKeys.list(q.trim()), pageSize],
    ...cursorPages,
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.GET('/api/candidates', {
          params: {
            query: {
              limit: pageSize,
              ...(q.trim() ? { q: q.trim() } : {}),
              ...afterCursor(pageParam),
            },
          },
          signal,
        }),
      ),
  })
}

export function useCandidate(id: string | null | undefined) {
  return useQuery({
    queryKey: candidatesKeys.detail(id ?? ''),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/candidates/{id}', { params: { path: { id: id! } }, signal })),
    enabled: Boolean(id),
  })
}

export function useCreateCandidate() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: CandidateCreate) => unwrap(api.POST('/api/candidates', { body })),
    onSuccess: ({ candidate }) => {
      queryClient.setQueryData(candidatesKeys.detail(candidate.id), candidate)
      return queryClient.invalidateQueries({ queryKey: [...candidatesKeys.all, 'list'] })
    },
  })
}

export function useUpdateCandidate(id: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: CandidatePatch) =>
      unwrap(api.PATCH('/api/candidates/{id}', { params: { path: { id } }, body })),
    onSuccess: ({ candidate }) => {
      queryClient.setQueryData(candidatesKeys.detail(id), candidate)
      return queryClient.invalidateQueries({ queryKey: [...candidatesKeys.all, 'list'] })
    },
  })
}

/** Only the contacts that were typed; an empty check is not sent. */
export function duplicateCheckBody(contacts: Partial<Record<keyof DuplicateCheck, string | null>>) {
  const body: DuplicateCheck = {}
  for (const [key, value] of Object.entries(contacts) as [keyof DuplicateCheck, string | null][]) {
    const text = value?.trim()
    if (text && text.length >= 5) body[key] = text
  }
  return body
}

/** Other records of the same person (call with debounced input, as the recruiter types). */
export function useDuplicateCheck(body: DuplicateCheck) {
  const keys = Object.keys(body).filter((k) => k !== 'country')
  return useQuery({
    queryKey: candidatesKeys.duplicates(body),
    queryFn: ({ signal }) => unwrap(api.POST('/api/candidates/duplicate-check', { body, signal })),
    enabled: keys.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  })
}
