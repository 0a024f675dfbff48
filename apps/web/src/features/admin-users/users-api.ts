import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query'
import { api } from '../../api/client'
import { afterCursor, cursorPages } from '../../api/cursor-pages'
import type { ResponseBody } from '../../api/types'
import { unwrap } from '../../api/use-api'
import type { Role } from '../../lib/roles'

export type UserRow = ResponseBody<'/api/admin/users', 'get'>['data'][number]
export type UserDetail = ResponseBody<'/api/admin/users/{id}', 'get'>
export type Organization = ResponseBody<'/api/admin/organizations', 'get'>['data'][number]
export type AuditEntry = ResponseBody<'/api/admin/users/{id}/audit', 'get'>['data'][number]
export type UserStatus = UserRow['status']

export interface UserFilters {
  q: string
  role: Role | null
  status: UserStatus | null
}

const PAGE_SIZE = 25

export const usersKeys = {
  all: ['admin', 'users'] as const,
  list: (filters: UserFilters) => [...usersKeys.all, 'list', filters] as const,
  detail: (id: string) => [...usersKeys.all, 'detail', id] as const,
  audit: (id: string) => [...usersKeys.all, 'audit', id] as const,
  organizations: (q: string) => ['admin', 'organizations', q] as const,
}

/** People matching the filters, a page at a time ("Load more" follows next_cursor). */
export function useUsersSearch(filters: UserFilters) {
  return useInfiniteQuery({
    queryKey: usersKeys.list(filters),
    ...cursorPages,
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.GET('/api/admin/users', {
          params: {
            query: {
              limit: PAGE_SIZE,
              ...(filters.q.trim() ? { q: filters.q.trim() } : {}),
              ...(filters.role ? { role: filters.role } : {}),
              ...(filters.status ? { status: filters.status } : {}),
              ...afterCursor(pageParam),
            },
          },
          signal,
        }),
      ),
  })
}

/** One person with contacts revealed (the server logs the reveal), memberships and audit trail. */
export function useUserDetail(id: string) {
  return useQuery({
    queryKey: usersKeys.detail(id),
    queryFn: ({ signal }) => unwrap(api.GET('/api/admin/users/{id}', { params: { path: { id } }, signal })),
  })
}

/** What was recorded about the person, newest first, a page at a time. */
export function useUserAudit(id: string) {
  return useInfiniteQuery({
    queryKey: usersKeys.audit(id),
    ...cursorPages,
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.GET('/api/admin/users/{id}/audit', {
          params: { path: { id }, query: { limit: 20, ...afterCursor(pageParam) } },
          signal,
        }),
      ),
  })
}

export function useOrganizations(q: string) {
  return useQuery({
    queryKey: usersKeys.organizations(q),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/admin/organizations', {
          params: { query: { limit: 50, ...(q.trim() ? { q: q.trim() } : {}) } },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  })
}

/** Every change answers with the updated detail: store it, and let lists refetch. */
function useUserChange<Input>(id: string, call: (input: Input) => Promise<UserDetail>) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: call,
    onSuccess: (detail) => {
      queryClient.setQueryData(usersKeys.detail(id), detail)
      // every change is audited: the trail has a new entry
      void queryClient.invalidateQueries({ queryKey: usersKeys.audit(id) })
      return queryClient.invalidateQueries({ queryKey: [...usersKeys.all, 'list'] })
    },
  })
}

export function useGrantMembership(id: string) {
  return useUserChange(id, (body: { organization_id: string; role: Role }) =>
    unwrap(api.POST('/api/admin/users/{id}/memberships', { params: { path: { id } }, body })),
  )
}

export function useRemoveMembership(id: string) {
  return useUserChange(id, (membershipId: string) =>
    unwrap(
      api.DELETE('/api/admin/users/{id}/memberships/{membershipId}', {
        params: { path: { id, membershipId } },
      }),
    ),
  )
}

export function useSuspendUser(id: string) {
  return useUserChange(id, (reason: string) =>
    unwrap(api.POST('/api/admin/users/{id}/suspend', { params: { path: { id } }, body: { reason } })),
  )
}

export function useReactivateUser(id: string) {
  return useUserChange(id, (_: undefined) =>
    unwrap(api.POST('/api/admin/users/{id}/reactivate', { params: { path: { id } } })),
  )
}

/** Ends every session of the person (they are signed out everywhere). */
export function useRevokeUserSessions(id: string) {
  return useUserChange(id, (_: undefined) =>
    unwrap(api.POST('/api/admin/users/{id}/sessions/revoke', { params: { path: { id } } })),
  )
}
