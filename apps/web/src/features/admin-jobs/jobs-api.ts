import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api } from '../../api/client'
import type { ResponseBody } from '../../api/types'
import { unwrap } from '../../api/use-api'

export type JobsOverview = ResponseBody<'/api/admin/jobs', 'get'>
export type DeadJob = ResponseBody<'/api/admin/jobs/dead', 'get'>['data'][number]

/** The server lists at most this many dead-lettered jobs (GET /api/admin/jobs/dead has no cursor yet). */
export const DEAD_JOBS_LIMIT = 100

export const jobsKeys = {
  all: ['admin', 'jobs'] as const,
  overview: () => [...jobsKeys.all, 'overview'] as const,
  dead: (queue: string | null) => [...jobsKeys.all, 'dead', queue ?? 'all'] as const,
}

export function useJobsOverview() {
  return useQuery({
    queryKey: jobsKeys.overview(),
    queryFn: ({ signal }) => unwrap(api.GET('/api/admin/jobs', { signal })),
  })
}

export function useDeadJobs(queue: string | null) {
  return useQuery({
    queryKey: jobsKeys.dead(queue),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/admin/jobs/dead', { params: { query: queue ? { queue } : {} }, signal })),
  })
}

export function useRetryDeadJob() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ queue, id }: Pick<DeadJob, 'queue' | 'id'>) =>
      unwrap(api.POST('/api/admin/jobs/dead/{queue}/{id}/retry', { params: { path: { queue, id } } })),
    // Queue sizes change too, so refresh everything under admin/jobs.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: jobsKeys.all }),
  })
}
