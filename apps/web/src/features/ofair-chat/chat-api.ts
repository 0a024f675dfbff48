import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api } from '../../api/client'
import type { ResponseBody } from '../../api/types'
import { unwrap } from '../../api/use-api'

export type MyChat = ResponseBody<'/api/ofair/chats', 'get'>['data'][number]
export type ChatThread = ResponseBody<'/api/ofair/leads/{id}/chats', 'get'>['data'][number]

export const chatKeys = {
  threads: (leadId: string) => ['ofair', 'chats', leadId] as const,
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

/** My chats across leads with unread counts; polled so the menu's count stays fresh. */
export function useMyChats(enabled = true) {
  return useQuery({
    queryKey: chatKeys.mine,
    queryFn: ({ signal }) => unwrap(api.GET('/api/ofair/chats', { signal })),
    enabled,
    refetchInterval: 30_000,
  })
}
