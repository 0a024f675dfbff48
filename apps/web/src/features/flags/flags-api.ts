import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api } from '../../api/client'
import type { paths } from '../../api/schema'
import type { ResponseBody } from '../../api/types'
import { unwrap } from '../../api/use-api'

export type Flag = ResponseBody<'/api/admin/flags', 'get'>['data'][number]
export type FlagChange = ResponseBody<'/api/admin/flags/{key}/history', 'get'>['data'][number]
export type CreateFlagBody = NonNullable<
  paths['/api/admin/flags']['post']['requestBody']
>['content']['application/json']
export type UpdateFlagBody = NonNullable<
  paths['/api/admin/flags/{key}']['patch']['requestBody']
>['content']['application/json']

export const flagKeys = {
  all: ['admin', 'flags'] as const,
  list: () => [...flagKeys.all, 'list'] as const,
  history: (key: string) => [...flagKeys.all, 'history', key] as const,
  evaluated: ['flags', 'evaluated'] as const,
}

export function useFlags() {
  return useQuery({
    queryKey: flagKeys.list(),
    queryFn: ({ signal }) => unwrap(api.GET('/api/admin/flags', { signal })),
  })
}

export function useFlagHistory(key: string | null) {
  return useQuery({
    queryKey: flagKeys.history(key ?? ''),
    enabled: key !== null,
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/admin/flags/{key}/history', { params: { path: { key: key ?? '' } }, signal })),
  })
}

export function useSaveFlag() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: { create: CreateFlagBody } | { key: string; update: UpdateFlagBody }) =>
      'create' in input
        ? unwrap(api.POST('/api/admin/flags', { body: input.create }))
        : unwrap(
            api.PATCH('/api/admin/flags/{key}', { params: { path: { key: input.key } }, body: input.update }),
          ),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: flagKeys.all })
      queryClient.invalidateQueries({ queryKey: flagKeys.evaluated })
    },
  })
}
