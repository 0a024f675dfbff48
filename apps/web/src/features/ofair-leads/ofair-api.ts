import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api } from '../../api/client'
import { afterCursor, cursorPages } from '../../api/cursor-pages'
import type { paths } from '../../api/schema'
import type { ResponseBody } from '../../api/types'
import { unwrap } from '../../api/use-api'

export type BoardQuery = NonNullable<paths['/api/ofair/leads/public']['get']['parameters']['query']>
export type LeadCard = ResponseBody<'/api/ofair/leads/public', 'get'>['data'][number]
export type Lead = ResponseBody<'/api/ofair/leads/{id}', 'get'>
export type Proposal = ResponseBody<'/api/ofair/leads/{id}/proposals', 'get'>['data'][number]
export type Referral = ResponseBody<'/api/ofair/referrals', 'get'>['data'][number]
export type MyProposal = ResponseBody<'/api/ofair/proposals/mine', 'get'>['data'][number]
export type LeadIn = paths['/api/ofair/leads']['post']['requestBody']['content']['application/json']
export type Onboarding =
  paths['/api/ofair/professionals/me']['put']['requestBody']['content']['application/json']
export type OwnProfessional = ResponseBody<'/api/ofair/professionals/me', 'get'>
export type PublicProfessional = ResponseBody<'/api/ofair/professionals/{id}', 'get'>
export type Category = ResponseBody<'/api/ofair/categories', 'get'>['data'][number]

/** ₪ in agorot, as the API wants it. */
export const shekels = (whole: number) => ({
  amount: String(Math.round(whole * 100)),
  currency: 'ILS' as const,
})

export const ofairKeys = {
  all: ['ofair'] as const,
  board: (q: BoardQuery) => ['ofair', 'board', q] as const,
  lead: (id: string) => ['ofair', 'lead', id] as const,
  proposals: (id: string) => ['ofair', 'lead', id, 'proposals'] as const,
  client: (id: string) => ['ofair', 'lead', id, 'client'] as const,
  mine: ['ofair', 'mine'] as const,
  referrals: (direction: 'received' | 'sent') => ['ofair', 'referrals', direction] as const,
  myProposals: ['ofair', 'my-proposals'] as const,
  me: ['ofair', 'me'] as const,
  pro: (id: string) => ['ofair', 'pro', id] as const,
  pros: (q: string, category?: string) => ['ofair', 'pros', q, category ?? ''] as const,
  categories: ['ofair', 'categories'] as const,
  localities: (q: string) => ['ofair', 'localities', q] as const,
  admin: ['ofair', 'admin'] as const,
}

export function useCategories() {
  return useQuery({
    queryKey: ofairKeys.categories,
    queryFn: ({ signal }) => unwrap(api.GET('/api/ofair/categories', { signal })),
    staleTime: Number.POSITIVE_INFINITY,
  })
}

export function useLocalities(q: string) {
  return useQuery({
    queryKey: ofairKeys.localities(q),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/ofair/localities', { params: { query: { ...(q ? { q } : {}), limit: 20 } }, signal }),
      ),
    staleTime: 60_000,
  })
}

export function useBoard(query: BoardQuery) {
  return useInfiniteQuery({
    queryKey: ofairKeys.board(query),
    ...cursorPages,
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.GET('/api/ofair/leads/public', {
          params: { query: { ...query, limit: 20, ...afterCursor(pageParam) } },
          signal,
        }),
      ),
  })
}

export function useMyLeads() {
  return useQuery({
    queryKey: ofairKeys.mine,
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/ofair/leads/mine', { params: { query: { limit: 50 } }, signal })),
  })
}

export function useLead(id: string) {
  return useQuery({
    queryKey: ofairKeys.lead(id),
    queryFn: ({ signal }) => unwrap(api.GET('/api/ofair/leads/{id}', { params: { path: { id } }, signal })),
  })
}

export function useProposals(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ofairKeys.proposals(id),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/ofair/leads/{id}/proposals', { params: { path: { id } }, signal })),
    enabled,
  })
}

export function useClientDetails(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ofairKeys.client(id),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/ofair/leads/{id}/client', { params: { path: { id } }, signal })),
    enabled,
    retry: false,
  })
}

export function useReferrals(direction: 'received' | 'sent') {
  return useQuery({
    queryKey: ofairKeys.referrals(direction),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/ofair/referrals', { params: { query: { direction, limit: 50 } }, signal })),
  })
}

export function useMyProposals() {
  return useQuery({
    queryKey: ofairKeys.myProposals,
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/ofair/proposals/mine', { params: { query: { limit: 50 } }, signal })),
  })
}

export function useMyProfessional(enabled = true) {
  return useQuery({
    queryKey: ofairKeys.me,
    queryFn: ({ signal }) => unwrap(api.GET('/api/ofair/professionals/me', { signal })),
    enabled,
    retry: false,
  })
}

export function useProfessional(id: string) {
  return useQuery({
    queryKey: ofairKeys.pro(id),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/ofair/professionals/{id}', { params: { path: { id } }, signal })),
  })
}

export function useProfessionals(q: string, category?: string) {
  return useQuery({
    queryKey: ofairKeys.pros(q, category),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/ofair/professionals', {
          params: {
            query: { limit: 20, ...(q ? { q } : {}), ...(category ? { category_id: category } : {}) },
          },
          signal,
        }),
      ),
  })
}

/** Any change: refetch everything OFAIR shows (lists are small; the board is cheap). */
export function useOfairMutation<O>(call: () => Promise<O>) {
  return useOfairChange<void, O>(() => call())
}

function useOfairChange<I, O>(call: (input: I) => Promise<O>) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: call,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ofairKeys.all }),
  })
}

export const useCreateLead = () =>
  useOfairChange((body: LeadIn) => unwrap(api.POST('/api/ofair/leads', { body })))

export const usePropose = (leadId: string) =>
  useOfairChange(
    (body: {
      price: { amount: string; currency: 'ILS' }
      description: string
      scheduled_date?: string | null
      media_ids?: string[]
    }) => unwrap(api.POST('/api/ofair/leads/{id}/proposals', { params: { path: { id: leadId } }, body })),
  )

export const useAcceptProposal = () =>
  useOfairChange((id: string) =>
    unwrap(
      api.POST('/api/ofair/proposals/{id}/accept', { params: { path: { id } }, body: { consent: true } }),
    ),
  )

export const useCancelProposal = () =>
  useOfairChange((id: string) =>
    unwrap(api.POST('/api/ofair/proposals/{id}/cancel', { params: { path: { id } } })),
  )

export const useShareLead = (leadId: string) =>
  useOfairChange((body: { receiver_ids: string[]; commission_percentage?: number; note?: string }) =>
    unwrap(api.POST('/api/ofair/leads/{id}/share', { params: { path: { id: leadId } }, body })),
  )

export const useAnswerReferral = () =>
  useOfairChange(({ id, answer }: { id: string; answer: 'accept' | 'reject' }) =>
    answer === 'accept'
      ? unwrap(api.POST('/api/ofair/referrals/{id}/accept', { params: { path: { id } } }))
      : unwrap(api.POST('/api/ofair/referrals/{id}/reject', { params: { path: { id } } })),
  )

export const useSaveProfessional = () =>
  useOfairChange((body: Onboarding) => unwrap(api.PUT('/api/ofair/professionals/me', { body })))

export const useVerifyProfessional = () =>
  useOfairChange(({ id, decision }: { id: string; decision: 'verified' | 'rejected' }) =>
    unwrap(
      api.POST('/api/ofair/professionals/{id}/verify', { params: { path: { id } }, body: { decision } }),
    ),
  )

export function usePendingProfessionals(enabled: boolean) {
  return useQuery({
    queryKey: [...ofairKeys.admin, 'pros'],
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/ofair/admin/professionals', {
          params: { query: { status: 'pending', limit: 50 } },
          signal,
        }),
      ),
    enabled,
  })
}
