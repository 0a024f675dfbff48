import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api } from '../../api/client'
import type { ResponseBody } from '../../api/types'
import { unwrap } from '../../api/use-api'
import type { Session } from '../../lib/roles'
import { authKeys } from '../auth/auth-api'

export type Account = ResponseBody<'/api/account', 'get'>
export type AccountSession = ResponseBody<'/api/account/sessions', 'get'>['data'][number]
export type MyInvitation = ResponseBody<'/api/account/invitations', 'get'>['data'][number]
export type AccountChanges = { display_name?: string; locale?: 'en' | 'he' }

export const accountKeys = {
  all: ['account'] as const,
  self: () => [...accountKeys.all, 'self'] as const,
  sessions: () => [...accountKeys.all, 'sessions'] as const,
  invitations: () => [...accountKeys.all, 'invitations'] as const,
}

export function useAccount() {
  return useQuery({
    queryKey: accountKeys.self(),
    queryFn: ({ signal }) => unwrap(api.GET('/api/account', { signal })),
  })
}

export function useAccountSessions() {
  return useQuery({
    queryKey: accountKeys.sessions(),
    queryFn: ({ signal }) => unwrap(api.GET('/api/account/sessions', { signal })),
  })
}

/** Name or language; the session's copy of the user (the top bar's name) follows. */
export function useUpdateAccount() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (changes: AccountChanges) => unwrap(api.PATCH('/api/account', { body: changes })),
    onSuccess: (account) => {
      queryClient.setQueryData(accountKeys.self(), account)
      queryClient.setQueryData<Session>(authKeys.session(), (old) =>
        old?.signed_in ? { ...old, user: account } : old,
      )
    },
  })
}

/** Signs another device out. */
export function useRevokeSession() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(api.DELETE('/api/account/sessions/{id}', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.sessions() }),
  })
}

/** Open invitations to join an organisation, sent to my email address. */
export function useMyInvitations() {
  return useQuery({
    queryKey: accountKeys.invitations(),
    queryFn: ({ signal }) => unwrap(api.GET('/api/account/invitations', { signal })),
  })
}

/**
 * Accept or decline. Accepting grants a role at once: who-am-I and the account are fetched again,
 * so the menu of the new role appears without signing in again.
 */
export function useAnswerInvitation() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({
      id,
      answer,
    }: {
      id: string
      answer: 'accept' | 'decline'
    }): Promise<{ status: 'accepted' | 'declined'; organization_id: string; role: string }> =>
      answer === 'accept'
        ? unwrap(api.POST('/api/account/invitations/{id}/accept', { params: { path: { id } } }))
        : unwrap(api.POST('/api/account/invitations/{id}/decline', { params: { path: { id } } })),
    onSuccess: async (answered) => {
      await queryClient.invalidateQueries({ queryKey: accountKeys.invitations() })
      if (answered.status === 'accepted') {
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: authKeys.session() }),
          queryClient.invalidateQueries({ queryKey: accountKeys.self() }),
        ])
      }
    },
  })
}
