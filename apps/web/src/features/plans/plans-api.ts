import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api } from '../../api/client'
import type { ResponseBody } from '../../api/types'
import { unwrap } from '../../api/use-api'

/** Recruiter plans: the catalogue, my subscription, saving a card, subscribing, changing, cancelling. */
export type Plan = ResponseBody<'/api/plans', 'get'>['data'][number]
export type MySubscription = ResponseBody<'/api/subscriptions', 'get'>
export type Tier = Plan['tier']
export type Interval = 'month' | 'year'

export const planKeys = {
  all: ['plans'] as const,
  catalogue: () => [...planKeys.all, 'catalogue'] as const,
  mine: () => [...planKeys.all, 'mine'] as const,
}

export function usePlans() {
  return useQuery({
    queryKey: planKeys.catalogue(),
    queryFn: ({ signal }) => unwrap(api.GET('/api/plans', { signal })),
    staleTime: 5 * 60_000,
  })
}

export function useMySubscription() {
  return useQuery({
    queryKey: planKeys.mine(),
    queryFn: ({ signal }) => unwrap(api.GET('/api/subscriptions', { signal })),
    // a subscription being created, or a payment being retried or paid with a new card, settles
    // through Stripe's webhooks, which may land after the page's own refetch
    refetchInterval: (q) => {
      const status = q.state.data?.subscription?.status
      if (status === 'creating' || status === 'incomplete') return 2_000
      return status === 'past_due' ? 3_000 : false
    },
  })
}

function useRefresh() {
  const queryClient = useQueryClient()
  return (data?: MySubscription) => {
    if (data) queryClient.setQueryData(planKeys.mine(), data)
    return queryClient.invalidateQueries({ queryKey: planKeys.mine() })
  }
}

export function useSaveCard() {
  const refresh = useRefresh()
  return useMutation({
    mutationFn: (payment_method: string) =>
      unwrap(api.POST('/api/subscriptions/card', { body: { payment_method } })),
    onSuccess: () => refresh(),
  })
}

export function useSubscribe() {
  const refresh = useRefresh()
  return useMutation({
    mutationFn: (body: { tier: 'pro' | 'partner'; interval: Interval; promo_code?: string }) =>
      unwrap(api.POST('/api/subscriptions', { body })),
    onSuccess: (data) => refresh(data),
  })
}

export function useChangePlan() {
  const refresh = useRefresh()
  return useMutation({
    mutationFn: (body: { tier?: 'pro' | 'partner'; interval?: Interval; cancel_at_period_end?: boolean }) =>
      unwrap(api.PATCH('/api/subscriptions', { body })),
    onSuccess: (data) => refresh(data),
  })
}

export function useCancelPlan() {
  const refresh = useRefresh()
  return useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/subscriptions', {})),
    onSuccess: (data) => refresh(data),
  })
}

export function useCancelScheduledChange() {
  const refresh = useRefresh()
  return useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/subscriptions/scheduled-change', {})),
    onSuccess: (data) => refresh(data),
  })
}
