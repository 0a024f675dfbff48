import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api } from '../../api/client'
import { afterCursor, cursorPages } from '../../api/cursor-pages'
import type { ResponseBody } from '../../api/types'
import { unwrap } from '../../api/use-api'
import { billingKeys } from '../billing/billing-api'

export type PlacementSummary = ResponseBody<'/api/placements', 'get'>['data'][number]
export type Placement = ResponseBody<'/api/placements/{id}', 'get'>
export type Split = Placement['splits'][number]
export type FeeRole = Split['fee_role']
export type SplitInput = { fee_role: FeeRole; recruiter_id: string; share_bps: number }

export const placementsKeys = {
  all: ['placements'] as const,
  list: (status: string | null) => [...placementsKeys.all, 'list', status] as const,
  detail: (id: string) => [...placementsKeys.all, 'detail', id] as const,
}

export function usePlacements(status: 'active' | 'fell_off' | null) {
  return useInfiniteQuery({
    queryKey: placementsKeys.list(status),
    ...cursorPages,
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.GET('/api/placements', {
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

export function usePlacement(id: string) {
  return useQuery({
    queryKey: placementsKeys.detail(id),
    queryFn: ({ signal }) => unwrap(api.GET('/api/placements/{id}', { params: { path: { id } }, signal })),
  })
}

function usePlacementChange<Input>(id: string, call: (input: Input) => Promise<Placement>) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: call,
    onSuccess: (placement) => {
      queryClient.setQueryData(placementsKeys.detail(id), placement)
      // The statement and invoices follow a split agreement or a fall-off (in the background).
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: [...placementsKeys.all, 'list'] }),
        queryClient.invalidateQueries({ queryKey: billingKeys.statement(id) }),
        queryClient.invalidateQueries({ queryKey: [...billingKeys.all, 'invoices'] }),
      ])
    },
  })
}

/** A new split of the recruiter pool; everyone on it agrees again. */
export function useProposeSplit(id: string) {
  return usePlacementChange(id, (splits: SplitInput[]) =>
    unwrap(api.PUT('/api/placements/{id}/splits', { params: { path: { id } }, body: { splits } })),
  )
}

export function useAgreeSplit(id: string) {
  return usePlacementChange(id, (_: undefined) =>
    unwrap(api.POST('/api/placements/{id}/splits/agree', { params: { path: { id } }, body: {} })),
  )
}

export function useFallOff(id: string) {
  return usePlacementChange(id, (body: { reason: string; date: string }) =>
    unwrap(api.POST('/api/placements/{id}/fall-off', { params: { path: { id } }, body })),
  )
}
