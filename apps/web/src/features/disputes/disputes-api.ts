import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api } from '../../api/client'
import { afterCursor, cursorPages } from '../../api/cursor-pages'
import type { ResponseBody } from '../../api/types'
import { unwrap } from '../../api/use-api'

export type Dispute = ResponseBody<'/api/ownership/disputes/{id}', 'get'>
export type DisputeStatus = Dispute['status']
export const DISPUTE_STATUSES: readonly DisputeStatus[] = ['recorded', 'disputed', 'upheld', 'overturned']

export const disputesKeys = {
  all: ['disputes'] as const,
  list: (status: DisputeStatus | null) => [...disputesKeys.all, 'list', status] as const,
  detail: (id: string) => [...disputesKeys.all, 'detail', id] as const,
}

/** Blocked submissions and disputes (an admin sees all; a recruiter those they are part of). */
export function useDisputes(status: DisputeStatus | null) {
  return useInfiniteQuery({
    queryKey: disputesKeys.list(status),
    ...cursorPages,
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.GET('/api/ownership/disputes', {
          params: {
            query: {
              limit: 25,
              ...(status ? { status } : {}),
              ...afterCursor(pageParam),
            },
          },
          signal,
        }),
      ),
  })
}

export function useDispute(id: string) {
  return useQuery({
    queryKey: disputesKeys.detail(id),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/ownership/disputes/{id}', { params: { path: { id } }, signal })),
  })
}

function useDisputeChange<Input>(id: string, call: (input: Input) => Promise<Dispute>) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: call,
    onSuccess: (dispute) => {
      queryClient.setQueryData(disputesKeys.detail(id), dispute)
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: [...disputesKeys.all, 'list'] }),
        queryClient.invalidateQueries({ queryKey: ['candidates'] }),
      ])
    },
  })
}

/** The blocked recruiter contests the holder's right to represent the person. */
export function useOpenDispute(id: string) {
  return useDisputeChange(id, (reason: string) =>
    unwrap(api.POST('/api/ownership/disputes/{id}/dispute', { params: { path: { id } }, body: { reason } })),
  )
}

/** A platform admin decides: upheld (the holder keeps it) or overturned (it passes to the claimant). */
export function useResolveDispute(id: string) {
  return useDisputeChange(id, (body: { outcome: 'upheld' | 'overturned'; reason: string }) =>
    unwrap(api.POST('/api/ownership/disputes/{id}/resolve', { params: { path: { id } }, body })),
  )
}
