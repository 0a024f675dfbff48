import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api } from '../../api/client'
import { afterCursor, cursorPages } from '../../api/cursor-pages'
import type { paths } from '../../api/schema'
import type { ResponseBody } from '../../api/types'
import { unwrap } from '../../api/use-api'

export type Interview = ResponseBody<'/api/interviews/{id}', 'get'>
export type InterviewQuery = NonNullable<paths['/api/interviews']['get']['parameters']['query']>
export type InterviewProposal = paths['/api/interviews']['post']['requestBody']['content']['application/json']
type Body<P extends keyof paths> = paths[P] extends {
  post: { requestBody?: { content: { 'application/json': infer B } } }
}
  ? B
  : never

export const interviewKeys = {
  all: ['interviews'] as const,
  list: (query: InterviewQuery) => [...interviewKeys.all, 'list', query] as const,
  detail: (id: string) => [...interviewKeys.all, 'detail', id] as const,
}

/** The caller's interviews (upcoming soonest first, or past), optionally of one application. */
export function useInterviews(query: InterviewQuery, enabled = true) {
  return useQuery({
    queryKey: interviewKeys.list(query),
    queryFn: ({ signal }) => unwrap(api.GET('/api/interviews', { params: { query }, signal })),
    enabled,
  })
}

/** The caller's interviews page by page ("Load more"): the list is keyset-paged. */
export function useInterviewPages(query: Omit<InterviewQuery, 'starting_after'>) {
  return useInfiniteQuery({
    queryKey: [...interviewKeys.all, 'pages', query] as const,
    ...cursorPages,
    queryFn: ({ signal, pageParam }) =>
      unwrap(
        api.GET('/api/interviews', { params: { query: { ...query, ...afterCursor(pageParam) } }, signal }),
      ),
  })
}

export function useInterview(id: string) {
  return useQuery({
    queryKey: interviewKeys.detail(id),
    queryFn: ({ signal }) => unwrap(api.GET('/api/interviews/{id}', { params: { path: { id } }, signal })),
    enabled: Boolean(id),
  })
}

function useRefresh() {
  const queryClient = useQueryClient()
  return (interview: Interview) => {
    queryClient.setQueryData(interviewKeys.detail(interview.id), interview)
    return Promise.all([
      queryClient.invalidateQueries({ queryKey: [...interviewKeys.all, 'list'] }),
      queryClient.invalidateQueries({ queryKey: [...interviewKeys.all, 'pages'] }),
    ])
  }
}

export function useProposeInterview() {
  const refresh = useRefresh()
  return useMutation({
    mutationFn: (body: InterviewProposal) => unwrap(api.POST('/api/interviews', { body })),
    onSuccess: refresh,
  })
}

type Action = 'confirm' | 'decline' | 'reschedule' | 'cancel' | 'complete'
type ActionBody = {
  confirm: Body<'/api/interviews/{id}/confirm'>
  decline: Body<'/api/interviews/{id}/decline'>
  reschedule: Body<'/api/interviews/{id}/reschedule'>
  cancel: Body<'/api/interviews/{id}/cancel'>
  complete: Body<'/api/interviews/{id}/complete'>
}

/** One of the interview's commands; the answer replaces the cached interview. */
export function useInterviewAction<A extends Action>(id: string, action: A) {
  const refresh = useRefresh()
  return useMutation({
    mutationFn: (body: ActionBody[A]) =>
      unwrap<Interview>(
        // biome-ignore lint/suspicious/noExplicitAny: the five action paths share one shape
        (api.POST as any)(`/api/interviews/{id}/${action}`, { params: { path: { id } }, body }),
      ),
    onSuccess: refresh,
  })
}

/** Every IANA zone the browser knows (for the picker), the viewer's first. */
export function timeZones(): string[] {
  const mine = viewerTimeZone()
  const all =
    (Intl as unknown as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.('timeZone') ?? []
  return [mine, ...all.filter((z) => z !== mine)]
}

export const viewerTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone

/** "Thu, 26 Mar 2026, 10:00" in a zone. */
export function formatIn(iso: string, timeZone: string, lang = 'en-GB'): string {
  return new Intl.DateTimeFormat(lang, {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso))
}
