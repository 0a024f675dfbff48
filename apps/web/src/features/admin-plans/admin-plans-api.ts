import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
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

export type PlanRefund = PlansOverview['refunds'][number]
export type PaidPlanInvoice = PlansOverview['paid_invoices'][number]

/**
 * Refunds a paid plan invoice (all that is left, or `amount` cents) with a reason; one
 * Idempotency-Key per dialog, so a double submit or a retry makes one refund.
 */
export function useRefundPlanInvoice() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({
      invoiceId,
      amount,
      reason,
      key,
    }: {
      invoiceId: string
      amount?: string
      reason: string
      key: string
    }) =>
      unwrap(
        api.POST('/api/admin/plans/invoices/{invoiceId}/refunds', {
          params: { path: { invoiceId }, header: { 'idempotency-key': key } },
          body: { reason, ...(amount ? { amount } : {}) },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin-plans'] }),
  })
}
