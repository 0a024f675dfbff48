import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query'
import { api } from '../../api/client'
import { afterCursor, cursorPages } from '../../api/cursor-pages'
import type { paths } from '../../api/schema'
import type { ResponseBody } from '../../api/types'
import { unwrap } from '../../api/use-api'
import { invalidateMoney, newIdempotencyKey } from '../billing/billing-api'

/**
 * Paying recruiters (payouts module): the admin's queue, history, schedules, escrow holds, the
 * bank-transfer batch and reconciliation; the recruiter's earnings and Stripe onboarding.
 */
export type Payout = ResponseBody<'/api/payouts/{id}', 'get'>
export type PayoutRow = ResponseBody<'/api/payouts', 'get'>['data'][number]
export type PayoutStatus = PayoutRow['status']
export type Schedule = ResponseBody<'/api/payout-schedules', 'get'>['data'][number]
export type ScheduleStatus = Schedule['status']
export type Hold = ResponseBody<'/api/escrow-holds', 'get'>['data'][number]
export type HoldStatus = Hold['status']
export type AuditEntry = ResponseBody<'/api/payouts/{id}/audit-log', 'get'>['data'][number]
export type PayoutsSummary = ResponseBody<'/api/admin/payouts/summary', 'get'>
export type Earnings = ResponseBody<'/api/me/earnings', 'get'>
export type ConnectAccount = ResponseBody<'/api/stripe/connect/me', 'get'>
export type PlacementPayouts = ResponseBody<'/api/placements/{id}/payouts', 'get'>
export type RunTotals = ResponseBody<'/api/payout-schedules/process-due', 'post'>

export type PayoutFilters = NonNullable<paths['/api/payouts']['get']['parameters']['query']>
export type ScheduleFilters = NonNullable<paths['/api/payout-schedules']['get']['parameters']['query']>
export type HoldFilters = NonNullable<paths['/api/escrow-holds']['get']['parameters']['query']>

export const PAYOUT_STATUSES: PayoutStatus[] = ['pending', 'processing', 'completed', 'failed']
export const SCHEDULE_STATUSES: ScheduleStatus[] = ['pending', 'processing', 'processed', 'failed']
export const HOLD_STATUSES: HoldStatus[] = ['active', 'released', 'cancelled']

export const payoutKeys = {
  all: ['payouts'] as const,
  summary: (currency: string) => [...payoutKeys.all, 'summary', currency] as const,
  list: (filters: PayoutFilters) => [...payoutKeys.all, 'list', filters] as const,
  one: (id: string) => [...payoutKeys.all, 'one', id] as const,
  audit: (id: string) => [...payoutKeys.all, 'audit', id] as const,
  schedules: (filters: ScheduleFilters) => [...payoutKeys.all, 'schedules', filters] as const,
  holds: (filters: HoldFilters) => [...payoutKeys.all, 'holds', filters] as const,
  earnings: () => [...payoutKeys.all, 'earnings'] as const,
  connect: () => [...payoutKeys.all, 'connect'] as const,
  placement: (id: string) => [...payoutKeys.all, 'placement', id] as const,
}

const PAGE_SIZE = 25
const defined = <T extends object>(o: T) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null && v !== '')) as T

/** After anything that moves money: payouts, billing and finance screens read again. */
function useRefreshMoney() {
  const queryClient = useQueryClient()
  return () =>
    Promise.all([queryClient.invalidateQueries({ queryKey: payoutKeys.all }), invalidateMoney(queryClient)])
}

export function usePayoutsSummary(currency: string) {
  return useQuery({
    queryKey: payoutKeys.summary(currency),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/admin/payouts/summary', { params: { query: { currency } }, signal })),
    placeholderData: keepPreviousData,
  })
}

export function usePayouts(filters: PayoutFilters, enabled = true) {
  const query = defined(filters)
  return useInfiniteQuery({
    queryKey: payoutKeys.list(query),
    ...cursorPages,
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.GET('/api/payouts', {
          params: { query: { ...query, limit: PAGE_SIZE, ...afterCursor(pageParam) } },
          signal,
        }),
      ),
    enabled,
  })
}

export function usePayout(id: string) {
  return useQuery({
    queryKey: payoutKeys.one(id),
    queryFn: ({ signal }) => unwrap(api.GET('/api/payouts/{id}', { params: { path: { id } }, signal })),
    // a payout on its way settles through Stripe's webhooks: look again while it is
    refetchInterval: (q) =>
      q.state.data?.status === 'processing' || q.state.data?.bank_payout_status === 'in_transit'
        ? 3_000
        : false,
  })
}

export function usePayoutAudit(id: string) {
  return useQuery({
    queryKey: payoutKeys.audit(id),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/payouts/{id}/audit-log', { params: { path: { id } }, signal })),
  })
}

export function useSchedules(filters: ScheduleFilters) {
  const query = defined(filters)
  return useInfiniteQuery({
    queryKey: payoutKeys.schedules(query),
    ...cursorPages,
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.GET('/api/payout-schedules', {
          params: { query: { ...query, limit: PAGE_SIZE, ...afterCursor(pageParam) } },
          signal,
        }),
      ),
  })
}

export function useHolds(filters: HoldFilters) {
  const query = defined(filters)
  return useInfiniteQuery({
    queryKey: payoutKeys.holds(query),
    ...cursorPages,
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.GET('/api/escrow-holds', {
          params: { query: { ...query, limit: PAGE_SIZE, ...afterCursor(pageParam) } },
          signal,
        }),
      ),
  })
}

export function useEarnings() {
  return useQuery({
    queryKey: payoutKeys.earnings(),
    queryFn: ({ signal }) => unwrap(api.GET('/api/me/earnings', { signal })),
  })
}

/** The recruiter's payout account; `refresh` reads it from Stripe (after coming back from onboarding). */
export function useConnectAccount(refresh: boolean) {
  return useQuery({
    queryKey: payoutKeys.connect(),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/stripe/connect/me', {
          params: { query: { refresh: refresh ? 'true' : 'false' } },
          signal,
        }),
      ),
  })
}

export function usePlacementPayouts(placementId: string) {
  return useQuery({
    queryKey: payoutKeys.placement(placementId),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/placements/{id}/payouts', { params: { path: { id: placementId } }, signal })),
  })
}

/** Starts (or continues) Stripe onboarding: the browser goes to the single-use link it returns. */
export function useStartOnboarding() {
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/stripe/connect/onboard', { body: {} })),
    onSuccess: (r) => {
      window.location.assign(r.url)
    },
  })
}

const key = () => ({ 'idempotency-key': newIdempotencyKey() })

/** The 02:00 UTC run, now. */
export function useRunPayouts() {
  const refresh = useRefreshMoney()
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/payout-schedules/process-due', { params: { header: key() } })),
    onSettled: refresh,
  })
}

/** The 03:00 UTC escrow release, now. */
export function useReleaseDueHolds() {
  const refresh = useRefreshMoney()
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/escrow-holds/process-due', { params: { header: key() } })),
    onSettled: refresh,
  })
}

export function useTriggerSchedule() {
  const refresh = useRefreshMoney()
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(api.POST('/api/payout-schedules/{id}/trigger', { params: { path: { id }, header: key() } })),
    onSettled: refresh,
  })
}

export function useProcessPayout() {
  const refresh = useRefreshMoney()
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(api.POST('/api/payouts/{id}/process', { params: { path: { id }, header: key() } })),
    onSettled: refresh,
  })
}

export function useReleaseHold() {
  const refresh = useRefreshMoney()
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(
        api.POST('/api/escrow-holds/{id}/release', { params: { path: { id }, header: key() }, body: {} }),
      ),
    onSettled: refresh,
  })
}

export function useCancelHold() {
  const refresh = useRefreshMoney()
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) =>
      unwrap(
        api.POST('/api/escrow-holds/{id}/cancel', {
          params: { path: { id }, header: key() },
          body: { reason },
        }),
      ),
    onSettled: refresh,
  })
}

export function useMarkPaid() {
  const refresh = useRefreshMoney()
  return useMutation({
    mutationFn: ({ id, reference }: { id: string; reference: string }) =>
      unwrap(
        api.POST('/api/payouts/{id}/mark-paid', {
          params: { path: { id }, header: key() },
          body: { reference },
        }),
      ),
    onSettled: refresh,
  })
}

export function useMarkFailed() {
  const refresh = useRefreshMoney()
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) =>
      unwrap(
        api.POST('/api/payouts/{id}/mark-failed', {
          params: { path: { id }, header: key() },
          body: { reason },
        }),
      ),
    onSettled: refresh,
  })
}

/** The bank-transfer batch as CSV (a same-origin GET: the session cookie goes along). */
export const BATCH_CSV_URL = '/api/payouts/batch.csv'
