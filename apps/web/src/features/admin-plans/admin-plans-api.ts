import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { api } from '../../api/client'
import type { ResponseBody } from '../../api/types'
import { unwrap } from '../../api/use-api'

/** The admin plans overview: subscribers, MRR, trials, dunning, scheduled and recent changes, by month. */
export type PlansOverview = ResponseBody<'/api/admin/plans', 'get'>

export function usePlansOverview(months: number) {
  return useQuery({
    queryKey: ['admin-plans', months] as const,
    queryFn: ({ signal }) => unwrap(api.GET('/api/admin/plans', { params: { query: { months } }, signal })),
    placeholderData: keepPreviousData,
  })
}
