import { useEffect, useRef, useState } from 'react'

export type ChatEvent =
  | { type: 'ready' }
  | { type: 'resync' }
  | { type: 'pong' }
  | {
      type: 'message'
      message: {
        id: string
        conversation_id: string
        sender_user_id: string
        text: string
        mask_reason: string | null
        /** A file sent with the message (Splits Network), or null. */
        attachment: { id: string; file_name: string; media_type: string; size_bytes: number } | null
        created_at: string
      }
    }
  | {
      type: 'read'
      conversation_id: string
      user_id: string
      last_read_message_id: string | null
      last_read_at: string | null
    }

/** online: the socket is open; reconnecting: it dropped and we try again; polling: the fallback. */
export type ChatConnection = 'connecting' | 'online' | 'reconnecting' | 'polling'

/** After this many failed attempts in a row the page falls back to long polling (and keeps trying). */
const FALLBACK_AFTER = 4

/**
 * One WebSocket to the server's chat push, reconnecting with backoff (0.5 s doubling to 10 s, with
 * jitter). `onEvent` gets every event; `onResume` runs after every reconnect (read what was missed
 * from the last message id).
 */
export function useChatSocket(onEvent: (e: ChatEvent) => void, onResume: () => void): ChatConnection {
  const [state, setState] = useState<ChatConnection>('connecting')
  const handlers = useRef({ onEvent, onResume })
  handlers.current = { onEvent, onResume }

  useEffect(() => {
    let socket: WebSocket | undefined
    let stopped = false
    let failures = 0
    let timer: ReturnType<typeof setTimeout> | undefined
    let everOpen = false

    const connect = () => {
      if (stopped) return
      const url = `${window.location.origin.replace(/^http/, 'ws')}/api/conversations/socket`
      try {
        socket = new WebSocket(url)
      } catch {
        retry()
        return
      }
      socket.onopen = () => {
        failures = 0
        setState('online')
        if (everOpen) handlers.current.onResume()
        everOpen = true
      }
      socket.onmessage = (m) => {
        try {
          const event = JSON.parse(String(m.data)) as ChatEvent
          if (event.type === 'resync') handlers.current.onResume()
          handlers.current.onEvent(event)
        } catch {
          // not ours
        }
      }
      socket.onclose = () => {
        socket = undefined
        if (!stopped) retry()
      }
    }
    const retry = () => {
      failures += 1
      setState(failures >= FALLBACK_AFTER ? 'polling' : 'reconnecting')
      const delay = Math.min(10_000, 500 * 2 ** (failures - 1)) * (0.75 + Math.random() * 0.5)
      timer = setTimeout(connect, delay)
    }
    connect()
    return () => {
      stopped = true
      if (timer) clearTimeout(timer)
      socket?.close()
    }
  }, [])

  return state
}
