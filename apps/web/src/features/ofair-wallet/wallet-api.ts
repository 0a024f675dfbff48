import { useQuery } from '@tanstack/react-query'
import { api, isNotFound } from '../../api/client'
import type { ResponseBody } from '../../api/types'
import { unwrap } from '../../api/use-api'
import { ofairKeys, shekels, useOfairMutation } from '../ofair-leads/ofair-api'

export type Payment = ResponseBody<'/api/ofair/payments/{id}', 'get'>
export type BalanceReport = ResponseBody<'/api/ofair/balances/{pro_id}', 'get'>

export const walletKeys = {
  balance: (proId: string) => [...ofairKeys.all, 'balance', proId] as const,
  leadPayment: (leadId: string) => [...ofairKeys.all, 'lead-payment', leadId] as const,
}

/** A lead's job payment, or null while the job was not marked done. */
export function useLeadPayment(leadId: string, enabled = true) {
  return useQuery({
    queryKey: walletKeys.leadPayment(leadId),
    queryFn: async ({ signal }) => {
      try {
        return await unwrap(
          api.GET('/api/ofair/leads/{id}/payment', { params: { path: { id: leadId } }, signal }),
        )
      } catch (err) {
        if (isNotFound(err)) return null
        throw err
      }
    },
    enabled,
    retry: false,
  })
}

export function useBalance(proId: string | undefined) {
  return useQuery({
    queryKey: walletKeys.balance(proId ?? ''),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/ofair/balances/{pro_id}', { params: { path: { pro_id: proId ?? '' } }, signal })),
    enabled: !!proId,
  })
}

export const useCompleteJob = (proposalId: string, amount: () => number) =>
  useOfairMutation(() =>
    unwrap(
      api.POST('/api/ofair/proposals/{id}/complete', {
        params: { path: { id: proposalId } },
        body: { final_amount: shekels(amount()) },
      }),
    ),
  )

export const useConfirmJob = (proposalId: string) =>
  useOfairMutation(() =>
    unwrap(api.POST('/api/ofair/proposals/{id}/confirm', { params: { path: { id: proposalId } } })),
  )

export const useDisputeJob = (proposalId: string, reason: () => string) =>
  useOfairMutation(() =>
    unwrap(
      api.POST('/api/ofair/proposals/{id}/dispute', {
        params: { path: { id: proposalId } },
        body: { reason: reason() },
      }),
    ),
  )

/** The side that did not open the dispute gives its statement (once). */
export const useAnswerDispute = (proposalId: string, response: () => string) =>
  useOfairMutation(() =>
    unwrap(
      api.POST('/api/ofair/proposals/{id}/dispute/response', {
        params: { path: { id: proposalId } },
        body: { response: response() },
      }),
    ),
  )

export const useWithdraw = (proId: string, amount: () => number) =>
  useOfairMutation(() =>
    unwrap(
      api.POST('/api/ofair/wallets/{professional_id}/withdraw', {
        params: { path: { professional_id: proId } },
        body: { amount: shekels(amount()) },
      }),
    ),
  )
