import { useQuery } from '@tanstack/react-query'
import { api } from '../../api/client'
import type { ResponseBody } from '../../api/types'
import { unwrap } from '../../api/use-api'

export type DailyReport = ResponseBody<'/api/admin/metrics/daily', 'get'>
export type Liquidity = ResponseBody<'/api/admin/metrics/liquidity', 'get'>
export type DealRisk = ResponseBody<'/api/admin/metrics/deal-risk', 'get'>['data'][number]
export type HealthAlert = ResponseBody<'/api/admin/metrics/alerts', 'get'>['data'][number]

export function useDailyMetrics(from: string, to: string) {
  return useQuery({
    queryKey: ['health', 'daily', from, to],
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/admin/metrics/daily', { params: { query: { from, to } }, signal })),
  })
}
export function useLiquidity() {
  return useQuery({
    queryKey: ['health', 'liquidity'],
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/admin/metrics/liquidity', { params: { query: {} }, signal })),
  })
}
export function useDealRisk() {
  return useQuery({
    queryKey: ['health', 'deal-risk'],
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/admin/metrics/deal-risk', { params: { query: { limit: 20, min_score: 1 } }, signal }),
      ),
  })
}
export function useHealthAlerts() {
  return useQuery({
    queryKey: ['health', 'alerts'],
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/admin/metrics/alerts', { params: { query: { limit: 20 } }, signal })),
  })
}
