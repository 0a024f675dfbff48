import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api } from '../../api/client'
import { afterCursor, cursorPages } from '../../api/cursor-pages'
import type { paths } from '../../api/schema'
import type { ResponseBody } from '../../api/types'
import { unwrap } from '../../api/use-api'

export type Notification = ResponseBody<'/api/notifications', 'get'>['data'][number]
export type Preference = ResponseBody<'/api/notifications/preferences', 'get'>['data'][number]
export type PreferenceInput =
  paths['/api/notifications/preferences']['put']['requestBody']['content']['application/json']['preferences'][number]

const POLL_MS = 30_000

export const notificationsKeys = {
  all: ['notifications'] as const,
  count: () => [...notificationsKeys.all, 'unread-count'] as const,
  latest: () => [...notificationsKeys.all, 'latest'] as const,
  list: (unread: boolean) => [...notificationsKeys.all, 'list', unread] as const,
  preferences: () => [...notificationsKeys.all, 'preferences'] as const,
}

/** The bell's number: polled every 30 s and refetched when the window regains focus. */
export function useUnreadCount(enabled: boolean) {
  return useQuery({
    queryKey: notificationsKeys.count(),
    queryFn: ({ signal }) => unwrap(api.GET('/api/notifications/unread-count', { signal })),
    enabled,
    refetchInterval: POLL_MS,
    refetchOnWindowFocus: true,
    staleTime: 0,
  })
}

/** The latest few, for the bell's dropdown (fetched when it opens). */
export function useLatestNotifications(enabled: boolean) {
  return useQuery({
    queryKey: notificationsKeys.latest(),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/notifications', { params: { query: { limit: 8 } }, signal })),
    enabled,
    staleTime: 0,
  })
}

/** All my notifications (or the unread ones), newest first, a page at a time ("Load more"). */
export function useNotifications(unread: boolean) {
  return useInfiniteQuery({
    queryKey: notificationsKeys.list(unread),
    ...cursorPages,
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.GET('/api/notifications', {
          params: { query: { limit: 25, ...(unread ? { unread: 'true' } : {}), ...afterCursor(pageParam) } },
          signal,
        }),
      ),
  })
}

function useInvalidateBell() {
  const queryClient = useQueryClient()
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: notificationsKeys.count() }),
      queryClient.invalidateQueries({ queryKey: notificationsKeys.latest() }),
      queryClient.invalidateQueries({ queryKey: [...notificationsKeys.all, 'list'] }),
    ])
}

export function useMarkRead() {
  const invalidate = useInvalidateBell()
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(api.POST('/api/notifications/{id}/read', { params: { path: { id } } })),
    onSuccess: invalidate,
  })
}

export function useMarkAllRead() {
  const invalidate = useInvalidateBell()
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/notifications/read-all')),
    onSuccess: invalidate,
  })
}

export function usePreferences() {
  return useQuery({
    queryKey: notificationsKeys.preferences(),
    queryFn: ({ signal }) => unwrap(api.GET('/api/notifications/preferences', { signal })),
  })
}

export function useSavePreferences() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (preferences: PreferenceInput[]) =>
      unwrap(api.PUT('/api/notifications/preferences', { body: { preferences } })),
    onSuccess: (saved) => queryClient.setQueryData(notificationsKeys.preferences(), saved),
  })
}
