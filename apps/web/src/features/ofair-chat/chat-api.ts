import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api } from '../../api/client'
import type { ResponseBody } from '../../api/types'
import { unwrap } from '../../api/use-api'

export type MyChat = ResponseBody<'/api/ofair/chats', 'get'>['data'][number]
export type ChatThread = ResponseBody<'/api/ofair/leads/{id}/chats', 'get'>['data'][number]
export type MessagePage = ResponseBody<'/api/conversations/{id}/messages', 'get'>
export type ChatMessage = MessagePage['data'][number]
export type Participant = MessagePage['participants'][number]

export const chatKeys = {
  threads: (leadId: string) => ['ofair', 'chats', leadId] as const,
  conversation: (id: string) => ['conversations', id] as const,
  mine: ['ofair', 'chats', 'mine'] as const,
}

export function useLeadChats(leadId: string) {
  return useQuery({
    queryKey: chatKeys.threads(leadId),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/ofair/leads/{id}/chats', { params: { path: { id: leadId } }, signal })),
    retry: false,
  })
}

export function useOpenChat(leadId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (proposalId: string) =>
      unwrap(api.POST('/api/ofair/proposals/{id}/chat', { params: { path: { id: proposalId } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: chatKeys.threads(leadId) }),
  })
}

export function useConversation(id: string) {
  return useQuery({
    queryKey: chatKeys.conversation(id),
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

export function useSendMessage(id: string) {
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

/** Adds messages to a cached page: once each, in id order (ids grow in commit order). */
export function mergeMessages(page: MessagePage, incoming: readonly ChatMessage[]): MessagePage {
  if (incoming.length === 0) return page
  const byId = new Map(page.data.map((m) => [m.id, m]))
  for (const m of incoming) byId.set(m.id, m)
  const data = [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  return { ...page, data }
}

/** My chats across leads with unread counts; polled so the menu's count stays fresh. */
export function useMyChats(enabled = true) {
  return useQuery({
    queryKey: chatKeys.mine,
    queryFn: ({ signal }) => unwrap(api.GET('/api/ofair/chats', { signal })),
    enabled,
    refetchInterval: 30_000,
  })
}
