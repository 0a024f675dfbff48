import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api } from '../../api/client'
import type { paths } from '../../api/schema'
import type { ResponseBody } from '../../api/types'
import { unwrap } from '../../api/use-api'
import { companyKeys } from './company-api'

/** Someone on the hiring team (active) or invited to it (their invitation is still open). */
export type TeamEntry = ResponseBody<'/api/companies/{id}/team', 'get'>['data'][number]
export type TeamInvite =
  paths['/api/companies/{id}/team']['post']['requestBody']['content']['application/json']

/** The hiring team; a company's admins also see the open invitations. */
export function useCompanyTeam(id: string | undefined) {
  return useQuery({
    queryKey: companyKeys.team(id ?? ''),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/companies/{id}/team', { params: { path: { id: id! } }, signal })),
    enabled: Boolean(id),
  })
}

/** Invites someone by email; they join when they accept. Answers with the team as it now is. */
export function useInviteTeamMember(id: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: TeamInvite) =>
      unwrap(api.POST('/api/companies/{id}/team', { params: { path: { id } }, body })),
    onSuccess: (team) => queryClient.setQueryData(companyKeys.team(id), team),
  })
}

/** Withdraws an open invitation. */
export function useRevokeTeamInvitation(id: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (invitationId: string) =>
      unwrap(
        api.DELETE('/api/companies/{id}/team/invitations/{invitationId}', {
          params: { path: { id, invitationId } },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: companyKeys.team(id) }),
  })
}
