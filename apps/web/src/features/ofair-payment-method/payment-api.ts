import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api } from '../../api/client'
import type { ResponseBody } from '../../api/types'
import { unwrap } from '../../api/use-api'

export type PaymentMethod = ResponseBody<'/api/ofair/payment-methods', 'get'>['data'][number]
export type PayoutPreference = ResponseBody<'/api/ofair/payouts/preference', 'get'>
export type Payout = ResponseBody<'/api/ofair/payouts/{pro_id}', 'get'>['data'][number]
export type CollectionAlert = ResponseBody<'/api/ofair/admin/collection-alerts', 'get'>['data'][number]
export type PayoutBatch = ResponseBody<'/api/ofair/admin/payout-batches', 'get'>['data'][number]

export const payKeys = {
  all: ['ofair', 'pay'] as const,
  methods: ['ofair', 'pay', 'methods'] as const,
  preference: ['ofair', 'pay', 'preference'] as const,
  payouts: (id: string) => ['ofair', 'pay', 'payouts', id] as const,
  alerts: ['ofair', 'pay', 'alerts'] as const,
  batches: ['ofair', 'pay', 'batches'] as const,
}

export const usePaymentMethods = () =>
  useQuery({
    queryKey: payKeys.methods,
    queryFn: ({ signal }) => unwrap(api.GET('/api/ofair/payment-methods', { signal })),
  })

export const usePayoutPreference = () =>
  useQuery({
    queryKey: payKeys.preference,
    queryFn: ({ signal }) => unwrap(api.GET('/api/ofair/payouts/preference', { signal })),
  })

export const usePayouts = (professionalId: string | undefined) =>
  useQuery({
    queryKey: payKeys.payouts(professionalId ?? ''),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/ofair/payouts/{pro_id}', { params: { path: { pro_id: professionalId! } }, signal }),
      ),
    enabled: Boolean(professionalId),
  })

export const useCollectionAlerts = () =>
  useQuery({
    queryKey: payKeys.alerts,
    queryFn: ({ signal }) => unwrap(api.GET('/api/ofair/admin/collection-alerts', { signal })),
  })

export const usePayoutBatches = () =>
  useQuery({
    queryKey: payKeys.batches,
    queryFn: ({ signal }) => unwrap(api.GET('/api/ofair/admin/payout-batches', { signal })),
  })

/** A change to anything here: refetch all of it (the lists are small). */
export function usePayChange<I, O>(call: (input: I) => Promise<O>) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: call,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: payKeys.all }),
  })
}

export const startCardSetup = () => unwrap(api.POST('/api/ofair/payment-methods/setup'))
export const completeCardSetup = (id: string) =>
  unwrap(api.POST('/api/ofair/payment-methods/setup/{id}/complete', { params: { path: { id } } }))
export const setAutopay = ({ id, autopay }: { id: string; autopay: boolean }) =>
  unwrap(api.PUT('/api/ofair/payment-methods/{id}/autopay', { params: { path: { id } }, body: { autopay } }))
export const removeCard = (id: string) =>
  unwrap(api.DELETE('/api/ofair/payment-methods/{id}', { params: { path: { id } } }))
export const savePreference = (body: {
  method: 'bank_transfer' | 'invoice_credit'
  bank?: { bank_code: string; branch_code: string; account_number: string } | null
}) => unwrap(api.PUT('/api/ofair/payouts/preference', { body }))
export const resolveAlert = (id: string) =>
  unwrap(api.POST('/api/ofair/admin/collection-alerts/{id}/resolve', { params: { path: { id } } }))
export const createBatch = () => unwrap(api.POST('/api/ofair/admin/payout-batches'))
export const decidePayout = ({ id, status }: { id: string; status: 'paid' | 'failed' }) =>
  unwrap(api.POST('/api/ofair/admin/payouts/{id}/decide', { params: { path: { id } }, body: { status } }))
