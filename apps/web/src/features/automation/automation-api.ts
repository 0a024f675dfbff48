import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api } from '../../api/client'
import type { paths } from '../../api/schema'
import type { ResponseBody } from '../../api/types'
import { unwrap } from '../../api/use-api'

export type Rule = ResponseBody<'/api/admin/automation/rules', 'get'>['data'][number]
export type Execution = ResponseBody<'/api/admin/automation/executions', 'get'>['data'][number]
export type Catalog = ResponseBody<'/api/admin/automation/templates', 'get'>
export type Metrics = ResponseBody<'/api/admin/automation/metrics', 'get'>
export type DryRun = ResponseBody<'/api/admin/automation/rules/dry-run', 'post'>
export type Draft = NonNullable<
  paths['/api/admin/automation/rules']['post']['requestBody']
>['content']['application/json']
export type ExecutionState = NonNullable<
  NonNullable<paths['/api/admin/automation/executions']['get']['parameters']['query']>['state']
>

const keys = { all: ['automation'] as const }

export function useCatalog() {
  return useQuery({
    queryKey: [...keys.all, 'catalog'],
    queryFn: ({ signal }) => unwrap(api.GET('/api/admin/automation/templates', { signal })),
    staleTime: 5 * 60_000,
  })
}

export function useRules() {
  return useQuery({
    queryKey: [...keys.all, 'rules'],
    queryFn: ({ signal }) => unwrap(api.GET('/api/admin/automation/rules', { signal })),
  })
}

export function useExecutions(state: ExecutionState | null) {
  return useQuery({
    queryKey: [...keys.all, 'executions', state],
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/admin/automation/executions', {
          params: { query: { limit: 50, ...(state ? { state } : {}) } },
          signal,
        }),
      ),
    // approved executions run in the background: refresh while any is queued
    refetchInterval: (query) =>
      query.state.data?.data.some((e) => e.state === 'approved') || state === 'approved' ? 2000 : false,
  })
}

export function useMetrics() {
  return useQuery({
    queryKey: [...keys.all, 'metrics'],
    queryFn: ({ signal }) => unwrap(api.GET('/api/admin/automation/metrics', { signal })),
  })
}

function useInvalidating<A, R>(fn: (a: A) => Promise<R>) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: fn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  })
}

export const useDryRunDraft = () =>
  useMutation({
    mutationFn: (body: Draft) => unwrap(api.POST('/api/admin/automation/rules/dry-run', { body })),
  })

export const useDryRunRule = () =>
  useMutation({
    mutationFn: (id: string) =>
      unwrap(api.POST('/api/admin/automation/rules/{id}/dry-run', { params: { path: { id } } })),
  })

export const useCreateRule = () =>
  useInvalidating((body: Draft) => unwrap(api.POST('/api/admin/automation/rules', { body })))

export const useSetActive = () =>
  useInvalidating(({ id, active }: { id: string; active: boolean }) =>
    active
      ? unwrap(api.POST('/api/admin/automation/rules/{id}/activate', { params: { path: { id } } }))
      : unwrap(api.POST('/api/admin/automation/rules/{id}/deactivate', { params: { path: { id } } })),
  )

export const useRunRule = () =>
  useInvalidating((id: string) =>
    unwrap(api.POST('/api/admin/automation/rules/{id}/run', { params: { path: { id } } })),
  )

export const useDecide = () =>
  useInvalidating(
    ({
      id,
      verb,
      reason,
    }: {
      id: string
      verb: 'approve' | 'reject' | 'retry' | 'undo'
      reason?: string
    }) => {
      const path = { params: { path: { id } } }
      switch (verb) {
        case 'approve':
          return unwrap(
            api.POST('/api/admin/automation/executions/{id}/approve', {
              ...path,
              body: reason?.trim() ? { reason } : {},
            }),
          )
        case 'reject':
          return unwrap(
            api.POST('/api/admin/automation/executions/{id}/reject', {
              ...path,
              body: { reason: reason ?? '' },
            }),
          )
        case 'retry':
          return unwrap(api.POST('/api/admin/automation/executions/{id}/retry', path))
        default:
          return unwrap(api.POST('/api/admin/automation/executions/{id}/undo', path))
      }
    },
  )

export const useResetBreaker = () =>
  useInvalidating((reason: string) =>
    unwrap(api.POST('/api/admin/automation/breaker/reset', { body: { reason } })),
  )
