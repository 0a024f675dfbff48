import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api } from '../../api/client'
import type { paths } from '../../api/schema'
import type { ResponseBody } from '../../api/types'
import { unwrap } from '../../api/use-api'

export type NotesPage = ResponseBody<'/api/applications/{id}/notes', 'get'>
export type Note = NotesPage['data'][number]
export type NoteKind = Note['kind']
export type Recommendation = NonNullable<Note['recommendation']>
export type NoteInput =
  paths['/api/applications/{id}/notes']['post']['requestBody']['content']['application/json']
export type Scorecard = ResponseBody<'/api/roles/{id}/scorecard', 'get'>
export type ScorecardInput =
  paths['/api/roles/{id}/scorecard']['put']['requestBody']['content']['application/json']

export const RECOMMENDATIONS: readonly Recommendation[] = ['strong_no', 'no', 'yes', 'strong_yes']

export const notesKeys = {
  notes: (applicationId: string) => ['applications', 'notes', applicationId] as const,
  scorecard: (roleId: string) => ['roles', 'scorecard', roleId] as const,
}

export function useApplicationNotes(applicationId: string) {
  return useQuery({
    queryKey: notesKeys.notes(applicationId),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/applications/{id}/notes', { params: { path: { id: applicationId } }, signal })),
  })
}

export function useAddNote(applicationId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: NoteInput) =>
      unwrap(api.POST('/api/applications/{id}/notes', { params: { path: { id: applicationId } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notesKeys.notes(applicationId) }),
  })
}

export function useRoleScorecard(roleId: string | undefined) {
  return useQuery({
    queryKey: notesKeys.scorecard(roleId ?? ''),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/roles/{id}/scorecard', { params: { path: { id: roleId ?? '' } }, signal })),
    enabled: Boolean(roleId),
  })
}

export function useSaveScorecard(roleId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: ScorecardInput) =>
      unwrap(api.PUT('/api/roles/{id}/scorecard', { params: { path: { id: roleId } }, body })),
    onSuccess: (saved) => {
      queryClient.setQueryData(notesKeys.scorecard(roleId), saved)
      return queryClient.invalidateQueries({ queryKey: ['applications', 'notes'] })
    },
  })
}
