import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api } from '../../api/client'
import type { ResponseBody } from '../../api/types'
import { unwrap } from '../../api/use-api'

/** One conversation of either marketplace, read through the generic `/api/conversations` routes. */
export type ConversationPage = ResponseBody<'/api/conversations/{id}/messages', 'get'>
export type ChatMessage = ConversationPage['data'][number]
export type Participant = ConversationPage['participants'][number]
export type ReportReason = 'spam' | 'harassment' | 'off_platform' | 'confidential_information' | 'other'

export const conversationKey = (id: string) => ['conversations', id] as const

export function useConversation(id: string) {
  return useQuery({
    queryKey: conversationKey(id),
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

/** The messages after `after` (resume after a reconnect), or a long poll when `wait` > 0. */
export function fetchAfter(id: string, after: string, wait = 0, signal?: AbortSignal) {
  return unwrap(
    api.GET('/api/conversations/{id}/messages', {
      params: { path: { id }, query: { after, wait, limit: 200 } },
      ...(signal ? { signal } : {}),
    }),
  )
}

/** What a message carries: text, a file (one of my ready drafts, where the conversation takes files), or both. */
export type OutgoingMessage = string | { text?: string; document_id?: string; idempotencyKey?: string }

export function useSendMessage(id: string) {
  return useMutation({
    mutationFn: (message: OutgoingMessage) => {
      const { idempotencyKey, ...body } = typeof message === 'string' ? { text: message } : message
      return unwrap(
        api.POST('/api/conversations/{id}/messages', {
          params: { path: { id } },
          body,
          // a retried send (a lost answer) must not post the file twice
          ...(idempotencyKey ? { headers: { 'idempotency-key': idempotencyKey } } : {}),
        }),
      )
    },
  })
}

/** The link that downloads a file of a conversation (participants; each download is logged). */
export const attachmentUrl = (conversationId: string, attachmentId: string) =>
  `/api/conversations/${conversationId}/attachments/${attachmentId}`

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
    onSuccess: () => queryClient.invalidateQueries({ queryKey: conversationKey(id) }),
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

/** Adds messages to a cached page: once each, in id order (ids grow in commit order). */
export function mergeMessages(page: ConversationPage, incoming: readonly ChatMessage[]): ConversationPage {
  if (incoming.length === 0) return page
  const byId = new Map(page.data.map((m) => [m.id, m]))
  for (const m of incoming) byId.set(m.id, m)
  const data = [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  return { ...page, data }
}
