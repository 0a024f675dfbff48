import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api } from '../../api/client'
import type { ResponseBody } from '../../api/types'
import { unwrap } from '../../api/use-api'

export type ConversationPage = ResponseBody<'/api/conversations/{id}/messages', 'get'>
export type ChatMessage = ConversationPage['data'][number]
export type RoleQuestions = ResponseBody<'/api/roles/{id}/questions', 'get'>
export type QuestionThread = RoleQuestions['data'][number]
export type ReportReason = 'spam' | 'harassment' | 'off_platform' | 'confidential_information' | 'other'

export const splitsChatKeys = {
  all: ['splits-chat'] as const,
  application: (id: string) => ['splits-chat', 'application', id] as const,
  role: (id: string) => ['splits-chat', 'role', id] as const,
  mine: ['splits-chat', 'mine'] as const,
  conversation: (id: string) => ['conversations', id] as const,
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

export function useConversation(id: string) {
  return useQuery({
    queryKey: splitsChatKeys.conversation(id),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/conversations/{id}/messages', {
          params: { path: { id }, query: { limit: 100 } },
          signal,
        }),
      ),
    staleTime: Number.POSITIVE_INFINITY,
  })
}

export function fetchAfter(id: string, after: string, wait = 0, signal?: AbortSignal) {
  return unwrap(
    api.GET('/api/conversations/{id}/messages', {
      params: { path: { id }, query: { after, wait, limit: 200 } },
      ...(signal ? { signal } : {}),
    }),
  )
}

export function useSend(id: string) {
  return useMutation({
    mutationFn: (text: string) =>
      unwrap(api.POST('/api/conversations/{id}/messages', { params: { path: { id } }, body: { text } })),
  })
}

export function markRead(id: string, messageId: string) {
  return unwrap(
    api.POST('/api/conversations/{id}/read', { params: { path: { id } }, body: { message_id: messageId } }),
  )
}

export function useBlock(id: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (blocked: boolean) =>
      unwrap(api.PUT('/api/conversations/{id}/block', { params: { path: { id } }, body: { blocked } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: splitsChatKeys.conversation(id) }),
  })
}

export function useReport(conversationId: string) {
  return useMutation({
    mutationFn: (v: { messageId: string; reason: ReportReason; note?: string }) =>
      unwrap(
        api.POST('/api/conversations/{id}/messages/{messageId}/report', {
          params: { path: { id: conversationId, messageId: v.messageId } },
          body: { reason: v.reason, ...(v.note ? { note: v.note } : {}) },
        }),
      ),
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

/** Messages merged once each, in id order (ids grow in commit order). */
export function mergeMessages(page: ConversationPage, incoming: readonly ChatMessage[]): ConversationPage {
  if (incoming.length === 0) return page
  const byId = new Map(page.data.map((m) => [m.id, m]))
  for (const m of incoming) byId.set(m.id, m)
  const data = [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  return { ...page, data }
}

export function useReportQueue(status: 'open' | 'resolved' | 'dismissed') {
  return useQuery({
    queryKey: splitsChatKeys.reports(status),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/admin/conversation-reports', { params: { query: { status } }, signal })),
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
