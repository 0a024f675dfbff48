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
import { billingKeys, type Done, invalidateMoney, newIdempotencyKey } from '../billing/billing-api'

/** Platform finance: summary, reconciliation, the ledger explorer, the payout audit trail, contracts. */
export type FinanceSummary = ResponseBody<'/api/admin/finance/summary', 'get'>
export type Reconciliation = ResponseBody<'/api/admin/ledger/reconciliation', 'get'>
export type LedgerAccount = ResponseBody<'/api/admin/ledger/accounts/{id}', 'get'>
export type LedgerEntry = ResponseBody<'/api/admin/ledger/accounts/{id}/entries', 'get'>['data'][number]
export type Posting = ResponseBody<'/api/admin/ledger/postings/{id}', 'get'>
export type AuditRow = ResponseBody<'/api/admin/payout-audit', 'get'>['data'][number]
export type AuditVerification = ResponseBody<'/api/admin/payout-audit/verification', 'get'>
export type Contract = ResponseBody<'/api/contracts/{id}', 'get'>
export type ContractStatus = Contract['status']
export type ContractInput = paths['/api/contracts']['post']['requestBody']['content']['application/json']
export type AccountFilters = NonNullable<paths['/api/admin/ledger/accounts']['get']['parameters']['query']>
export type AuditFilters = NonNullable<paths['/api/admin/payout-audit']['get']['parameters']['query']>
export type AuditEntityType = NonNullable<AuditFilters['entity_type']>
export type TransferInput =
  paths['/api/invoices/{id}/payments']['post']['requestBody']['content']['application/json']
/** POST /api/invoices/{id}/payments answers 201: the payment and the invoice as it is now. */
export type TransferResult = { payment_id: string; invoice: ResponseBody<'/api/invoices/{id}', 'get'> }

export const financeKeys = {
  all: ['finance'] as const,
  summary: (currency: string) => [...financeKeys.all, 'summary', currency] as const,
  reconciliation: () => [...financeKeys.all, 'reconciliation'] as const,
  accounts: (filters: AccountFilters) => [...financeKeys.all, 'accounts', filters] as const,
  account: (id: string) => [...financeKeys.all, 'account', id] as const,
  entries: (id: string) => [...financeKeys.all, 'entries', id] as const,
  posting: (id: string) => [...financeKeys.all, 'posting', id] as const,
  postingsAbout: (type: string, id: string) => [...financeKeys.all, 'postings-about', type, id] as const,
  audit: (filters: AuditFilters) => [...financeKeys.all, 'audit', filters] as const,
  verification: () => [...financeKeys.all, 'audit-verification'] as const,
  contracts: (filters: object) => [...financeKeys.all, 'contracts', filters] as const,
  contract: (id: string) => [...financeKeys.all, 'contract', id] as const,
}

const PAGE_SIZE = 25
const defined = <T extends object>(o: T) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null && v !== '')) as T

export function useFinanceSummary(currency: string) {
  return useQuery({
    queryKey: financeKeys.summary(currency),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/admin/finance/summary', { params: { query: { currency } }, signal })),
    placeholderData: keepPreviousData,
  })
}

/** Proves the ledger now (four checks); "Run now" refetches it. */
export function useReconciliation() {
  return useQuery({
    queryKey: financeKeys.reconciliation(),
    queryFn: ({ signal }) => unwrap(api.GET('/api/admin/ledger/reconciliation', { signal })),
    staleTime: 0,
  })
}

export function useLedgerAccounts(filters: AccountFilters) {
  const query = defined(filters)
  return useInfiniteQuery({
    queryKey: financeKeys.accounts(query),
    ...cursorPages,
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.GET('/api/admin/ledger/accounts', {
          params: { query: { ...query, limit: PAGE_SIZE, ...afterCursor(pageParam) } },
          signal,
        }),
      ),
  })
}

export function useLedgerAccount(id: string) {
  return useQuery({
    queryKey: financeKeys.account(id),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/admin/ledger/accounts/{id}', { params: { path: { id } }, signal })),
  })
}

export function useAccountEntries(id: string, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: financeKeys.entries(id),
    ...cursorPages,
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.GET('/api/admin/ledger/accounts/{id}/entries', {
          params: { path: { id }, query: { limit: PAGE_SIZE, ...afterCursor(pageParam) } },
          signal,
        }),
      ),
    enabled,
  })
}

export function usePosting(id: string) {
  return useQuery({
    queryKey: financeKeys.posting(id),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/admin/ledger/postings/{id}', { params: { path: { id } }, signal })),
  })
}

/** Every posting about one business object (an invoice, a payment, a refund, a placement). */
export function usePostingsAbout(type: string, id: string, enabled = true) {
  return useQuery({
    queryKey: financeKeys.postingsAbout(type, id),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/admin/ledger/postings', {
          params: { query: { reference_type: type, reference_id: id } },
          signal,
        }),
      ),
    enabled,
  })
}

export function usePayoutAudit(filters: AuditFilters) {
  const query = defined(filters)
  return useInfiniteQuery({
    queryKey: financeKeys.audit(query),
    ...cursorPages,
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.GET('/api/admin/payout-audit', {
          params: { query: { ...query, limit: PAGE_SIZE, ...afterCursor(pageParam) } },
          signal,
        }),
      ),
  })
}

/** Recomputes the audit hash chain on demand (not on page load: it reads every row). */
export function useVerifyAuditChain() {
  return useMutation({
    mutationFn: () => unwrap(api.GET('/api/admin/payout-audit/verification', {})),
  })
}

export function useContracts(filters: {
  company_id?: string | undefined
  status?: ContractStatus | undefined
}) {
  const query = defined(filters)
  return useInfiniteQuery({
    queryKey: financeKeys.contracts(query),
    ...cursorPages,
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.GET('/api/contracts', {
          params: { query: { ...query, limit: PAGE_SIZE, ...afterCursor(pageParam) } },
          signal,
        }),
      ),
  })
}

export function useContract(id: string) {
  return useQuery({
    queryKey: financeKeys.contract(id),
    queryFn: ({ signal }) => unwrap(api.GET('/api/contracts/{id}', { params: { path: { id } }, signal })),
  })
}

export function useCreateContract() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: ContractInput; idempotencyKey: string }) =>
      unwrap(api.POST('/api/contracts', { params: { header: { 'idempotency-key': idempotencyKey } }, body })),
    onSuccess: (contract) => {
      queryClient.setQueryData(financeKeys.contract(contract.id), contract)
      return queryClient.invalidateQueries({ queryKey: [...financeKeys.all, 'contracts'] })
    },
  })
}

export function useDecideContract(id: string, { onDone }: Done<Contract> = {}) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({
      verb,
      version,
      reason,
    }: {
      verb: 'approve' | 'reject'
      version: number
      reason?: string
    }) =>
      unwrap(
        verb === 'approve'
          ? api.POST('/api/contracts/{id}/approve', {
              params: { path: { id } },
              body: { version, ...(reason ? { reason } : {}) },
            })
          : api.POST('/api/contracts/{id}/reject', {
              params: { path: { id } },
              body: { version, ...(reason ? { reason } : {}) },
            }),
      ),
    onSuccess: (contract) => {
      onDone?.(contract)
      queryClient.setQueryData(financeKeys.contract(id), contract)
      return queryClient.invalidateQueries({ queryKey: [...financeKeys.all, 'contracts'] })
    },
  })
}

/** A platform admin records a bank transfer the company made; it applies at once. */
export function useRecordTransfer(invoiceId: string, { onDone }: Done<TransferResult> = {}) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: TransferInput) =>
      unwrap(
        api.POST('/api/invoices/{id}/payments', {
          params: { path: { id: invoiceId }, header: { 'idempotency-key': newIdempotencyKey() } },
          body,
        }),
      ),
    onSuccess: (r) => {
      onDone?.(r)
      queryClient.setQueryData(billingKeys.invoice(invoiceId), r.invoice)
      return invalidateMoney(queryClient)
    },
  })
}

/** Records that a refund went back by bank transfer (books it). */
export function useCompleteRefund() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (refundId: string) =>
      unwrap(
        api.POST('/api/refunds/{id}/complete', {
          params: { path: { id: refundId }, header: { 'idempotency-key': newIdempotencyKey() } },
        }),
      ),
    onSuccess: () => invalidateMoney(queryClient),
  })
}
