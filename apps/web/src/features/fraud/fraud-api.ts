import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api } from '../../api/client'
import { afterCursor, cursorPages } from '../../api/cursor-pages'
import type { ResponseBody } from '../../api/types'
import { unwrap } from '../../api/use-api'

export type FraudSignal = ResponseBody<'/api/admin/fraud/signals/{id}', 'get'>
export type SignalStatus = FraudSignal['status']
export type Hold = ResponseBody<'/api/admin/fraud/holds', 'get'>['data'][number]
export const SIGNAL_STATUSES: readonly SignalStatus[] = ['active', 'reviewed', 'resolved', 'false_positive']
export const SEVERITY_COLOR = { critical: 'red', high: 'orange', medium: 'yellow', low: 'gray' } as const

export const fraudKeys = {
  all: ['fraud'] as const,
  list: (status: SignalStatus) => [...fraudKeys.all, 'list', status] as const,
  detail: (id: string) => [...fraudKeys.all, 'detail', id] as const,
  holds: () => [...fraudKeys.all, 'holds'] as const,
}

/** The review queue: most severe first, then newest. */
export function useSignals(status: SignalStatus) {
  return useInfiniteQuery({
    queryKey: fraudKeys.list(status),
    ...cursorPages,
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.GET('/api/admin/fraud/signals', {
          params: { query: { limit: 25, status, ...afterCursor(pageParam) } },
          signal,
        }),
      ),
  })
}

export function useSignal(id: string) {
  return useQuery({
    queryKey: fraudKeys.detail(id),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/admin/fraud/signals/{id}', { params: { path: { id } }, signal })),
  })
}

export function useHolds() {
  return useQuery({
    queryKey: fraudKeys.holds(),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/admin/fraud/holds', { params: { query: { status: 'active' } }, signal })),
  })
}

/** Review, resolve or dismiss a signal (notes required). */
export function useSignalAction(id: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ action, notes }: { action: 'review' | 'resolve' | 'dismiss'; notes: string }) => {
      const opts = { params: { path: { id } }, body: { notes } }
      return unwrap(
        action === 'review'
          ? api.POST('/api/admin/fraud/signals/{id}/review', opts)
          : action === 'resolve'
            ? api.POST('/api/admin/fraud/signals/{id}/resolve', opts)
            : api.POST('/api/admin/fraud/signals/{id}/dismiss', opts),
      )
    },
    onSuccess: (signal) => {
      queryClient.setQueryData(fraudKeys.detail(id), signal)
      return queryClient.invalidateQueries({ queryKey: fraudKeys.all })
    },
  })
}

export function useLiftHold() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ recruiterId, reason }: { recruiterId: string; reason: string }) =>
      unwrap(
        api.POST('/api/admin/fraud/holds/{recruiterId}/lift', {
          params: { path: { recruiterId } },
          body: { reason },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: fraudKeys.all }),
  })
}
