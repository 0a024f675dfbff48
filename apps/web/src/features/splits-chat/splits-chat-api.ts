import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api } from '../../api/client'
import { afterCursor, cursorPages } from '../../api/cursor-pages'
import type { ResponseBody } from '../../api/types'
import { unwrap } from '../../api/use-api'

export type RoleQuestions = ResponseBody<'/api/roles/{id}/questions', 'get'>
export type QuestionThread = RoleQuestions['data'][number]

export const splitsChatKeys = {
  all: ['splits-chat'] as const,
  application: (id: string) => ['splits-chat', 'application', id] as const,
  role: (id: string) => ['splits-chat', 'role', id] as const,
  mine: ['splits-chat', 'mine'] as const,
  reports: (status: string) => ['splits-chat', 'reports', status] as const,
}

/** The application's conversation id (opened on first look; the messages are read per conversation). */
export function useApplicationThread(applicationId: string) {
  return useQuery({
    queryKey: splitsChatKeys.application(applicationId),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/applications/{id}/messages', {
          params: { path: { id: applicationId }, query: { limit: 1 } },
          signal,
        }),
      ),
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  })
}

export function useRoleQuestions(roleId: string) {
  return useQuery({
    queryKey: splitsChatKeys.role(roleId),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/roles/{id}/questions', { params: { path: { id: roleId } }, signal })),
    retry: false,
  })
}

export function useAskQuestion(roleId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: { text: string; recruiter_id?: string }) =>
      unwrap(api.POST('/api/roles/{id}/questions', { params: { path: { id: roleId } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: splitsChatKeys.role(roleId) }),
  })
}

/** My Splits conversations with unread counts; polled so the menu's badge stays fresh. */
export function useMySplitsConversations(enabled = true) {
  return useQuery({
    queryKey: splitsChatKeys.mine,
    queryFn: ({ signal }) => unwrap(api.GET('/api/splits/conversations', { signal })),
    enabled,
    refetchInterval: 30_000,
  })
}

/** The moderation queue, 50 at a time ("Load more" follows the cursor). */
export function useReportQueue(status: 'open' | 'resolved' | 'dismissed') {
  return useInfiniteQuery({
    queryKey: splitsChatKeys.reports(status),
    ...cursorPages,
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.GET('/api/admin/conversation-reports', {
          params: { query: { status, limit: 50, ...afterCursor(pageParam) } },
          signal,
        }),
      ),
  })
}

export function useCloseReport() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (v: { id: string; status: 'resolved' | 'dismissed'; note?: string }) =>
      unwrap(
        api.POST('/api/admin/conversation-reports/{id}/close', {
          params: { path: { id: v.id } },
          body: { status: v.status, ...(v.note ? { note: v.note } : {}) },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['splits-chat', 'reports'] }),
  })
}

export function useTranscript(id: string | null) {
  return useQuery({
    queryKey: ['splits-chat', 'transcript', id],
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/admin/conversations/{id}', {
          params: { path: { id: id! }, query: { purpose: 'moderation' } },
          signal,
        }),
      ),
    enabled: id !== null,
    staleTime: Number.POSITIVE_INFINITY,
  })
}
