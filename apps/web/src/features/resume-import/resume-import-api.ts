import { useMutation, useQuery } from '@tanstack/react-query'
import { ApiError, api, csrf, type Problem } from '../../api/client'
import type { paths } from '../../api/schema'
import type { ResponseBody } from '../../api/types'
import { unwrap } from '../../api/use-api'

export type ResumeDraft = ResponseBody<'/api/resumes/{documentId}/draft', 'get'>
export type SavedResumeForm =
  paths['/api/resumes/{documentId}/corrections']['post']['requestBody']['content']['application/json']['saved']

/**
 * The documents service's answers, typed by hand: its routes (`POST /api/documents/upload`,
 * `GET /api/documents/{id}`) are another module's, and the generated client learns them when both
 * are merged.
 */
export interface UploadedDocument {
  id: string
  status: 'pending' | 'processing' | 'ready' | 'failed'
  failure_code?: string | null
  failure_reason?: string | null
}

async function problemOf(res: Response): Promise<ApiError> {
  const problem = (await res.json().catch(() => ({ title: res.statusText, status: res.status }))) as Problem
  return new ApiError(res.status, problem, res.headers.get('x-request-id') ?? undefined)
}

/** Uploads a resume (multipart: `file`, `kind=resume`); the documents service parses it in the background. */
export async function uploadResume(file: File): Promise<UploadedDocument> {
  const body = new FormData()
  body.set('kind', 'resume')
  body.set('file', file)
  const token = csrf.get()
  const res = await fetch('/api/documents/upload', {
    method: 'POST',
    body,
    credentials: 'same-origin',
    headers: token ? { 'x-csrf-token': token } : {},
  })
  if (!res.ok) throw await problemOf(res)
  return (await res.json()) as UploadedDocument
}

export function useUploadResume() {
  return useMutation({ mutationFn: uploadResume })
}

/** The document's processing status, asked again every second until it is ready or failed. */
export function useDocumentStatus(id: string | null) {
  return useQuery({
    queryKey: ['documents', 'detail', id],
    queryFn: async ({ signal }) => {
      const res = await fetch(`/api/documents/${id}`, { credentials: 'same-origin', signal })
      if (!res.ok) throw await problemOf(res)
      return (await res.json()) as UploadedDocument
    },
    enabled: Boolean(id),
    refetchInterval: (query) => {
      const status = query.state.data?.status
      return status === 'ready' || status === 'failed' ? false : 1000
    },
  })
}

export function useResumeDraft(documentId: string | null) {
  return useQuery({
    queryKey: ['resumes', 'draft', documentId],
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/resumes/{documentId}/draft', { params: { path: { documentId: documentId! } }, signal }),
      ),
    enabled: Boolean(documentId),
    staleTime: Number.POSITIVE_INFINITY,
  })
}

/** Tells the parser what the recruiter finally saved; a failure here never blocks the recruiter. */
export function recordResumeCorrections(documentId: string, saved: SavedResumeForm, candidateId: string) {
  return unwrap(
    api.POST('/api/resumes/{documentId}/corrections', {
      params: { path: { documentId } },
      body: { saved, candidate_id: candidateId },
    }),
  )
}
