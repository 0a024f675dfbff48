import { type QueryKey, useQueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useMemo, useRef } from 'react'
import { useCurrentUser } from '../auth/auth-api'
import {
  type ChatMessage,
  type ConversationPage,
  conversationKey,
  fetchAfter,
  markRead,
  mergeMessages,
  useConversation,
} from './conversation-api'
import { type ChatEvent, useChatSocket } from './use-chat-socket'

/**
 * A conversation kept live, the same way in both marketplaces: messages and read receipts pushed
 * over the socket, resumed from the last id after a reconnect, long polling while the socket
 * cannot be had; the newest message from the others marked read once it is on screen
 * (`readInvalidates`: the list whose unread counts then change).
 */
export function useLiveConversation(id: string, readInvalidates: QueryKey) {
  const me = useCurrentUser()
  const queryClient = useQueryClient()
  const page = useConversation(id)
  const key = useMemo(() => conversationKey(id), [id])
  const marked = useRef<string | null>(null)

  const lastId = useCallback(() => {
    const data = queryClient.getQueryData<ConversationPage>(key)?.data
    return data?.[data.length - 1]?.id
  }, [queryClient, key])
  const absorb = useCallback(
    (next: ConversationPage) =>
      queryClient.setQueryData<ConversationPage>(key, (old) =>
        old ? { ...mergeMessages(old, next.data), participants: next.participants } : next,
      ),
    [queryClient, key],
  )
  const onEvent = useCallback(
    (e: ChatEvent) => {
      if (e.type === 'message' && e.message.conversation_id === id) {
        queryClient.setQueryData<ConversationPage>(key, (old) =>
          old ? mergeMessages(old, [e.message]) : old,
        )
      } else if (e.type === 'read' && e.conversation_id === id) {
        queryClient.setQueryData<ConversationPage>(key, (old) =>
          old
            ? {
                ...old,
                participants: old.participants.map((p) =>
                  p.user_id === e.user_id
                    ? { ...p, last_read_message_id: e.last_read_message_id, last_read_at: e.last_read_at }
                    : p,
                ),
              }
            : old,
        )
      }
    },
    [id, queryClient, key],
  )
  const onResume = useCallback(() => {
    const after = lastId()
    if (after) void fetchAfter(id, after).then(absorb, () => {})
    else void page.refetch()
  }, [id, lastId, absorb, page])
  const connection = useChatSocket(onEvent, onResume)
  useLongPolling(id, connection === 'polling', lastId, absorb)

  const data = page.data?.data ?? []
  const mine = page.data?.participants.find((p) => p.user_id === me?.id)
  const newestFromOthers = [...data].reverse().find((m) => m.sender_user_id !== me?.id)
  useEffect(() => {
    if (!newestFromOthers || !mine) return
    if (mine.last_read_message_id && mine.last_read_message_id >= newestFromOthers.id) return
    if (document.visibilityState === 'hidden' || marked.current === newestFromOthers.id) return
    marked.current = newestFromOthers.id
    void markRead(id, newestFromOthers.id).then(
      () => queryClient.invalidateQueries({ queryKey: readInvalidates }),
      () => {},
    )
  }, [id, newestFromOthers, mine, queryClient, readInvalidates])

  /** A message the composer just sent, shown before its push arrives. */
  const addSent = useCallback((message: ChatMessage) => onEvent({ type: 'message', message }), [onEvent])
  return { page, data, mine, me, connection, addSent }
}

/** When the socket cannot be had, ask the server for news, waiting up to 25 s each time. */
function useLongPolling(
  id: string,
  active: boolean,
  lastId: () => string | undefined,
  absorb: (p: ConversationPage) => void,
) {
  useEffect(() => {
    if (!active) return
    const controller = new AbortController()
    let stopped = false
    void (async () => {
      while (!stopped) {
        const after = lastId()
        try {
          if (after) absorb(await fetchAfter(id, after, 25, controller.signal))
          else await new Promise((r) => setTimeout(r, 3000))
        } catch {
          if (stopped) return
          await new Promise((r) => setTimeout(r, 3000))
        }
      }
    })()
    return () => {
      stopped = true
      controller.abort()
    }
  }, [id, active, lastId, absorb])
}
