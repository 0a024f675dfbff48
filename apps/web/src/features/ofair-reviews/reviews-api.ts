import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api, isNotFound } from '../../api/client'
import type { ResponseBody } from '../../api/types'
import { unwrap } from '../../api/use-api'
import { ofairKeys, useOfairMutation } from '../ofair-leads/ofair-api'

export type ProfessionalReviews = ResponseBody<'/api/ofair/professionals/{id}/reviews', 'get'>
export type PublicReview = ProfessionalReviews['reviews']['data'][number]
export type JobReview = ResponseBody<'/api/ofair/proposals/{id}/review', 'get'>
export type AdminReview = ResponseBody<'/api/ofair/admin/reviews', 'get'>['data'][number]
export type Project = ResponseBody<'/api/ofair/leads/{id}/project', 'get'>
export type Milestone = Project['milestones'][number]

export const reviewKeys = {
  pro: (id: string) => [...ofairKeys.all, 'pro-reviews', id] as const,
  job: (proposalId: string) => [...ofairKeys.all, 'job-review', proposalId] as const,
  admin: (status: string) => [...ofairKeys.all, 'admin-reviews', status] as const,
  settings: [...ofairKeys.all, 'review-settings'] as const,
  project: (leadId: string) => [...ofairKeys.all, 'lead-project', leadId] as const,
}

export function useProfessionalReviews(id: string) {
  return useQuery({
    queryKey: reviewKeys.pro(id),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/ofair/professionals/{id}/reviews', {
          params: { path: { id }, query: { limit: 50 } },
          signal,
        }),
      ),
  })
}

export function useJobReview(proposalId: string | null | undefined) {
  return useQuery({
    queryKey: reviewKeys.job(proposalId ?? ''),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/ofair/proposals/{id}/review', { params: { path: { id: proposalId ?? '' } }, signal }),
      ),
    enabled: !!proposalId,
  })
}

export const useRateJob = (proposalId: string, input: () => { rating: number; body: string }) =>
  useOfairMutation(() =>
    unwrap(
      api.POST('/api/ofair/proposals/{id}/review', { params: { path: { id: proposalId } }, body: input() }),
    ),
  )

export const useReplyToReview = (reviewId: string, body: () => string) =>
  useOfairMutation(() =>
    unwrap(
      api.POST('/api/ofair/reviews/{id}/reply', {
        params: { path: { id: reviewId } },
        body: { body: body() },
      }),
    ),
  )

export function useAdminReviews(status: 'all' | 'visible' | 'hidden') {
  return useQuery({
    queryKey: reviewKeys.admin(status),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/ofair/admin/reviews', { params: { query: { status, limit: 100 } }, signal })),
  })
}

export const useModerateReview = () =>
  useOfairMutationWith((input: { id: string; action: 'hide' | 'unhide'; reason: string }) =>
    unwrap(
      api.POST(
        input.action === 'hide'
          ? '/api/ofair/admin/reviews/{id}/hide'
          : '/api/ofair/admin/reviews/{id}/unhide',
        {
          params: { path: { id: input.id } },
          body: { reason: input.reason },
        },
      ),
    ),
  )

export function useReviewSettings() {
  return useQuery({
    queryKey: reviewKeys.settings,
    queryFn: ({ signal }) => unwrap(api.GET('/api/ofair/admin/review-settings', { signal })),
  })
}

export const useUpdateReviewSettings = () =>
  useOfairMutationWith((body: { display_mode: 'first_name_city' | 'anonymous'; version: number }) =>
    unwrap(api.PUT('/api/ofair/admin/review-settings', { body })),
  )

/** The project of a lead, or null when there is none (not accepted yet, or not the caller's). */
export function useLeadProject(leadId: string, enabled: boolean) {
  return useQuery({
    queryKey: reviewKeys.project(leadId),
    queryFn: async ({ signal }) => {
      try {
        return await unwrap(
          api.GET('/api/ofair/leads/{id}/project', { params: { path: { id: leadId } }, signal }),
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

export const useAddMilestone = (projectId: string) =>
  useOfairMutationWith(
    (body: {
      title: string
      due_date?: string | null
      amount?: { amount: string; currency: 'ILS' } | null
    }) =>
      unwrap(api.POST('/api/ofair/projects/{id}/milestones', { params: { path: { id: projectId } }, body })),
  )

export const useAdvanceMilestone = (projectId: string) =>
  useOfairMutationWith((m: { id: string; status: 'in_progress' | 'done'; version: number }) =>
    unwrap(
      api.PUT('/api/ofair/projects/{id}/milestones/{milestone_id}', {
        params: { path: { id: projectId, milestone_id: m.id } },
        body: { status: m.status, version: m.version },
      }),
    ),
  )

export const usePostProjectUpdate = (projectId: string) =>
  useOfairMutationWith((body: string) =>
    unwrap(
      api.POST('/api/ofair/projects/{id}/updates', { params: { path: { id: projectId } }, body: { body } }),
    ),
  )

function useOfairMutationWith<I, O>(call: (input: I) => Promise<O>) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: call,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ofairKeys.all }),
  })
}
