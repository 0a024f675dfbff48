import { useQuery } from '@tanstack/react-query'
import { api } from '../../api/client'
import type { ResponseBody } from '../../api/types'
import { unwrap } from '../../api/use-api'

export type OutboxMessage = ResponseBody<'/api/dev/outbox', 'get'>['data'][number]

export const outboxKeys = {
  all: ['dev', 'outbox'] as const,
}

/** The messages the demo "sent", newest first, refreshed every two seconds while the page is open. */
export function useDevOutbox() {
  return useQuery({
    queryKey: outboxKeys.all,
    queryFn: ({ signal }) => unwrap(api.GET('/api/dev/outbox', { params: { query: { limit: 50 } }, signal })),
    refetchInterval: (query) => (query.state.error ? false : 2000),
    staleTime: 0,
  })
}
