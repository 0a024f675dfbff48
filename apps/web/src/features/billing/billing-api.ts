import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api } from '../../api/client'
import { afterCursor, cursorPages } from '../../api/cursor-pages'
import type { paths } from '../../api/schema'
import type { ResponseBody } from '../../api/types'
import { unwrap } from '../../api/use-api'

/** Invoices, statements, card payments, company billing settings and role premiums (billing module). */
export type InvoiceSummary = ResponseBody<'/api/invoices', 'get'>['data'][number]
export type Invoice = ResponseBody<'/api/invoices/{id}', 'get'>
export type InvoiceStatus = InvoiceSummary['status']
export type InvoicePayment = Invoice['payments'][number]
export type InvoiceRefund = Invoice['refunds'][number]
export type Statement = ResponseBody<'/api/placements/{id}/statement', 'get'>
export type StatementLine = Statement['lines'][number]
export type BillingSettings = ResponseBody<'/api/companies/{id}/billing-settings', 'get'>
export type BillingSettingsInput =
  paths['/api/companies/{id}/billing-settings']['put']['requestBody']['content']['application/json']
export type RolePremium = ResponseBody<'/api/roles/{id}/premium', 'get'>
export type PremiumInput =
  paths['/api/roles/{id}/premium']['put']['requestBody']['content']['application/json']['premium']

export const INVOICE_STATUSES = ['open', 'overdue', 'partially_paid', 'paid', 'void'] as const

export interface InvoiceFilters {
  company_id?: string | undefined
  placement_id?: string | undefined
  status?: InvoiceStatus | undefined
}

export const billingKeys = {
  all: ['billing'] as const,
  invoices: (filters: InvoiceFilters) => [...billingKeys.all, 'invoices', filters] as const,
  invoice: (id: string) => [...billingKeys.all, 'invoice', id] as const,
  statement: (placementId: string) => [...billingKeys.all, 'statement', placementId] as const,
  settings: (companyId: string) => [...billingKeys.all, 'settings', companyId] as const,
  premium: (roleId: string) => [...billingKeys.all, 'premium', roleId] as const,
}

const PAGE_SIZE = 25

/** Invoices newest first, a page at a time; a company admin's are their companies' only. */
export function useInvoices(filters: InvoiceFilters, enabled = true) {
  const query = Object.fromEntries(Object.entries(filters).filter(([, v]) => v)) as InvoiceFilters
  return useInfiniteQuery({
    queryKey: billingKeys.invoices(query),
    ...cursorPages,
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.GET('/api/invoices', {
          params: { query: { ...query, limit: PAGE_SIZE, ...afterCursor(pageParam) } },
          signal,
        }),
      ),
    enabled,
  })
}

export function useInvoice(id: string, enabled = true) {
  return useQuery({
    queryKey: billingKeys.invoice(id),
    queryFn: ({ signal }) => unwrap(api.GET('/api/invoices/{id}', { params: { path: { id } }, signal })),
    enabled,
    // A payment still processing (bank debit) settles through the provider's webhook: look again.
    refetchInterval: (query) =>
      query.state.data?.payments.some((p) => p.status === 'processing' || p.status === 'pending')
        ? 3_000
        : false,
  })
}

/** Where the invoice's printable forms live (same-origin GETs: the session cookie goes along). */
export const invoiceDocumentUrl = (id: string) => `/api/invoices/${id}/document`
export const invoicePdfUrl = (id: string) => `/api/invoices/${id}.pdf`

/** One key per attempt: a retried request of the same attempt cannot charge twice. */
export function newIdempotencyKey(): string {
  return crypto.randomUUID()
}

export interface PayInput {
  method: 'card' | 'bank_debit'
  payment_method: string
  idempotencyKey: string
}

/** A company admin pays what the invoice still owes. Declines reject with the server's user_message. */
export function usePayInvoice(id: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ idempotencyKey, ...body }: PayInput) =>
      unwrap(
        api.POST('/api/invoices/{id}/pay', {
          params: { path: { id }, header: { 'idempotency-key': idempotencyKey } },
          body,
        }),
      ),
    // A declined card leaves a failed payment on the invoice: show it either way.
    onSettled: () => invalidateMoney(queryClient),
  })
}

/** Everything money-related on screen may have changed (invoice, lists, statements, ledger). */
export function invalidateMoney(queryClient: ReturnType<typeof useQueryClient>) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: billingKeys.all }),
    queryClient.invalidateQueries({ queryKey: ['finance'] }),
  ])
}

/**
 * The fee statement of a placement, or null while billing is still making it (a moment after the
 * hire): asked again every two seconds for a minute until it is there.
 */
export function useStatement(placementId: string, enabled = true) {
  return useQuery({
    queryKey: billingKeys.statement(placementId),
    queryFn: async ({ signal }) =>
      (
        await unwrap(
          api.GET('/api/placements/{id}/billing', { params: { path: { id: placementId } }, signal }),
        )
      ).statement,
    enabled,
    refetchInterval: (query) =>
      query.state.data === null && query.state.dataUpdateCount < 30 ? 2_000 : false,
  })
}

export function useBillingSettings(companyId: string | undefined) {
  return useQuery({
    queryKey: billingKeys.settings(companyId ?? ''),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/companies/{id}/billing-settings', { params: { path: { id: companyId! } }, signal }),
      ),
    enabled: Boolean(companyId),
  })
}

/**
 * For mutations after which the form that started them is replaced (it is keyed on what was saved):
 * `mutate`'s own callbacks do not run once their component has unmounted, these do.
 */
export interface Done<T> {
  onDone?: (result: T) => void
}

export function useSaveBillingSettings(companyId: string, { onDone }: Done<BillingSettings> = {}) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: BillingSettingsInput) =>
      unwrap(api.PUT('/api/companies/{id}/billing-settings', { params: { path: { id: companyId } }, body })),
    onSuccess: (saved) => {
      onDone?.(saved)
      queryClient.setQueryData(billingKeys.settings(companyId), saved)
    },
  })
}

export function useRolePremium(roleId: string, enabled = true) {
  return useQuery({
    queryKey: billingKeys.premium(roleId),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/roles/{id}/premium', { params: { path: { id: roleId } }, signal })),
    enabled,
  })
}

export function useSetRolePremium(roleId: string, { onDone }: Done<RolePremium> = {}) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (premium: PremiumInput) =>
      unwrap(api.PUT('/api/roles/{id}/premium', { params: { path: { id: roleId } }, body: { premium } })),
    onSuccess: (saved) => {
      onDone?.(saved)
      queryClient.setQueryData(billingKeys.premium(roleId), saved)
    },
  })
}
