import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api } from '../../api/client'
import { afterCursor, cursorPages } from '../../api/cursor-pages'
import type { paths } from '../../api/schema'
import type { ResponseBody } from '../../api/types'
import { unwrap } from '../../api/use-api'

export type RoleSummary = ResponseBody<'/api/roles', 'get'>['data'][number]
export type Role = ResponseBody<'/api/roles/{id}', 'get'>
export type RoleStatus = Role['status']
export type RoleHistoryEntry = ResponseBody<'/api/roles/{id}/history', 'get'>['data'][number]
export type RoleCreate = paths['/api/roles']['post']['requestBody']['content']['application/json']
export type RolePatch = paths['/api/roles/{id}']['patch']['requestBody']['content']['application/json']
export type RoleQuery = NonNullable<paths['/api/roles']['get']['parameters']['query']>

const PAGE_SIZE = 24

export const rolesKeys = {
  all: ['roles'] as const,
  list: (query: RoleQuery) => [...rolesKeys.all, 'list', query] as const,
  detail: (id: string) => [...rolesKeys.all, 'detail', id] as const,
  history: (id: string) => [...rolesKeys.all, 'history', id] as const,
  assignments: (id: string) => [...rolesKeys.all, 'assignments', id] as const,
}

/** Roles matching the filters, newest first, a page at a time ("Load more" follows next_cursor). */
export function useRolesSearch(query: RoleQuery, pageSize = PAGE_SIZE, enabled = true) {
  return useInfiniteQuery({
    queryKey: rolesKeys.list({ ...query, limit: pageSize }),
    ...cursorPages,
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.GET('/api/roles', {
          params: {
            query: { ...query, limit: pageSize, ...afterCursor(pageParam) },
          },
          signal,
        }),
      ),
    enabled,
  })
}

export function useRole(id: string) {
  return useQuery({
    queryKey: rolesKeys.detail(id),
    queryFn: ({ signal }) => unwrap(api.GET('/api/roles/{id}', { params: { path: { id } }, signal })),
    enabled: Boolean(id),
  })
}

export function useRoleHistory(id: string, enabled = true) {
  return useQuery({
    queryKey: rolesKeys.history(id),
    queryFn: ({ signal }) => unwrap(api.GET('/api/roles/{id}/history', { params: { path: { id } }, signal })),
    enabled,
  })
}

/** A changed role: store the new detail, refetch lists and the history. */
function useRoleChange<Input>(call: (input: Input) => Promise<Role>) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: call,
    onSuccess: (role) => {
      queryClient.setQueryData(rolesKeys.detail(role.id), role)
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: [...rolesKeys.all, 'list'] }),
        queryClient.invalidateQueries({ queryKey: rolesKeys.history(role.id) }),
        queryClient.invalidateQueries({ queryKey: ['companies'] }),
      ])
    },
  })
}

export function useCreateRole() {
  return useRoleChange((body: RoleCreate) => unwrap(api.POST('/api/roles', { body })))
}

export function useUpdateRole(id: string) {
  return useRoleChange((body: RolePatch) =>
    unwrap(api.PATCH('/api/roles/{id}', { params: { path: { id } }, body })),
  )
}

export function useChangeRoleStatus(id: string) {
  return useRoleChange((body: { status: RoleStatus; reason?: string }) =>
    unwrap(api.POST('/api/roles/{id}/status', { params: { path: { id } }, body })),
  )
}

/** Recruiters a role with visibility "assigned" is shared with. */
export function useRoleAssignments(id: string, enabled = true) {
  return useQuery({
    queryKey: rolesKeys.assignments(id),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/roles/{id}/assignments', { params: { path: { id } }, signal })),
    enabled,
  })
}

export function useSetAssignments(id: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (recruiterIds: string[]) =>
      unwrap(
        api.PUT('/api/roles/{id}/assignments', {
          params: { path: { id } },
          body: { recruiter_ids: recruiterIds },
        }),
      ),
    onSuccess: (assigned) => {
      queryClient.setQueryData(rolesKeys.assignments(id), assigned)
      return queryClient.invalidateQueries({ queryKey: rolesKeys.history(id) })
    },
  })
}
