import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api } from '../../api/client'
import type { ResponseBody } from '../../api/types'
import { unwrap } from '../../api/use-api'
import { newIdempotencyKey } from '../billing/billing-api'

export type InvoiceDocument = ResponseBody<'/api/ofair/invoices/{professional_id}', 'get'>['data'][number]
export type InvoiceRun = ResponseBody<'/api/ofair/admin/invoice-runs', 'get'>['data'][number]

export const invoiceKeys = {
  all: ['ofair', 'invoices'] as const,
  of: (professionalId: string) => ['ofair', 'invoices', 'pro', professionalId] as const,
  runs: ['ofair', 'invoices', 'runs'] as const,
  admin: (month: string) => ['ofair', 'invoices', 'admin', month] as const,
}

export function useProfessionalInvoices(professionalId: string | undefined) {
  return useQuery({
    queryKey: invoiceKeys.of(professionalId ?? ''),
    enabled: !!professionalId,
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/ofair/invoices/{professional_id}', {
          params: { path: { professional_id: professionalId! } },
          signal,
        }),
      ),
  })
}

export function useInvoiceRuns() {
  return useQuery({
    queryKey: invoiceKeys.runs,
    queryFn: ({ signal }) => unwrap(api.GET('/api/ofair/admin/invoice-runs', { signal })),
    // while a run is going, follow its progress
    refetchInterval: (q) => (q.state.data?.data.some((r) => r.status === 'running') ? 1500 : false),
  })
}

export function useAdminInvoices(month: string, runningOrDone: unknown) {
  return useQuery({
    queryKey: [...invoiceKeys.admin(month), runningOrDone],
    enabled: /^\d{4}-\d{2}$/.test(month),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/ofair/admin/invoices', { params: { query: { month } }, signal })),
  })
}

function useInvoiceChange<I, O>(call: (input: I) => Promise<O>) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: call,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: invoiceKeys.all }),
  })
}

export const useStartRun = () =>
  useInvoiceChange((month: string) => unwrap(api.POST('/api/ofair/admin/invoice-runs', { body: { month } })))

export const useEnterAllocation = () =>
  useInvoiceChange(({ id, allocation_number }: { id: string; allocation_number: string }) =>
    unwrap(
      api.POST('/api/ofair/admin/invoices/{id}/allocation-number', {
        params: { path: { id } },
        body: { allocation_number },
      }),
    ),
  )

export const useCreditNote = () =>
  useInvoiceChange(({ id, reason, agorot }: { id: string; reason: string; agorot?: string }) =>
    unwrap(
      api.POST('/api/ofair/admin/invoices/{id}/credit-note', {
        params: { path: { id }, header: { 'idempotency-key': newIdempotencyKey() } },
        body: {
          reason,
          ...(agorot ? { amount_before_vat: { amount: agorot, currency: 'ILS' as const } } : {}),
        },
      }),
    ),
  )

/** Shekels with agorot, as on the invoice: "‏1,234.50 ‏₪". */
export function formatAgorot(agorot: string): string {
  return new Intl.NumberFormat('he-IL', { style: 'currency', currency: 'ILS' }).format(
    Number(BigInt(agorot)) / 100,
  )
}

/** "2026-11" → "נובמבר 2026". */
export function formatMonth(month: string | null): string {
  if (!month) return ''
  return new Intl.DateTimeFormat('he-IL', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${month}-01T00:00:00Z`),
  )
}

export function formatDate(iso: string): string {
  return new Intl.DateTimeFormat('he-IL', {
    day: 'numeric',
    month: 'numeric',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${iso}T00:00:00Z`))
}
