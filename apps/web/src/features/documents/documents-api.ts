import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { ApiError, api, csrf } from '../../api/client'
import type { ResponseBody } from '../../api/types'
import { unwrap } from '../../api/use-api'

export type EntityDocuments = ResponseBody<'/api/documents/entity/{entityType}/{entityId}', 'get'>
export type DocumentItem = EntityDocuments['data'][number]
export type DocumentKind = DocumentItem['kind']
export type EntityType = NonNullable<DocumentItem['entity_type']>

export const documentKeys = {
  entity: (type: EntityType, id: string) => ['documents', 'entity', type, id] as const,
}

const busy = (d: DocumentItem) => d.status === 'pending' || d.status === 'processing'

/** A record's documents; polls while any is still being processed. */
export function useEntityDocuments(entityType: EntityType, entityId: string) {
  return useQuery({
    queryKey: documentKeys.entity(entityType, entityId),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/documents/entity/{entityType}/{entityId}', {
          params: { path: { entityType, entityId }, query: { limit: 100 } },
          signal,
        }),
      ),
    refetchInterval: (query) => (query.state.data?.data.some(busy) ? 1500 : false),
  })
}

export function useDeleteDocument(entityType: EntityType, entityId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/documents/{id}', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: documentKeys.entity(entityType, entityId) }),
  })
}

/** Opens a fresh signed link to the document's content (each link lives a few minutes). */
export async function downloadDocument(id: string): Promise<void> {
  const doc = await unwrap(api.GET('/api/documents/{id}', { params: { path: { id } } }))
  const a = window.document.createElement('a')
  a.href = doc.download_url
  a.rel = 'noopener'
  a.download = doc.file_name
  window.document.body.append(a)
  a.click()
  a.remove()
}

export interface UploadInput {
  kind: DocumentKind
  /** Leave out (with entityId) for a draft of my own (a file to send in a conversation). */
  entityType?: EntityType
  entityId?: string
  file: File
}

/**
 * Uploads with progress (fetch cannot report it): multipart, the fields first, then the file.
 * Resolves with the new document; rejects with an ApiError carrying the server's problem.
 */
export function uploadDocument(
  input: UploadInput,
  onProgress: (fraction: number) => void,
): Promise<DocumentItem> {
  return new Promise((resolve, reject) => {
    const form = new FormData()
    form.append('kind', input.kind)
    if (input.entityType && input.entityId) {
      form.append('entity_type', input.entityType)
      form.append('entity_id', input.entityId)
    }
    form.append('file', input.file, input.file.name)
    const xhr = new XMLHttpRequest()
    xhr.open('POST', '/api/documents/upload')
    xhr.withCredentials = true
    const token = csrf.get()
    if (token) xhr.setRequestHeader('x-csrf-token', token)
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total)
    }
    xhr.onerror = () => reject(ApiError.network(new Error('network error')))
    xhr.onload = () => {
      let body: unknown = null
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : null
      } catch {
        // not JSON: handled below as a failed request
      }
      if (xhr.status === 201) resolve(body as DocumentItem)
      else
        reject(
          new ApiError(
            xhr.status,
            (body ?? { title: `HTTP ${xhr.status}`, detail: '' }) as ConstructorParameters<
              typeof ApiError
            >[1],
            xhr.getResponseHeader('x-request-id') ?? undefined,
          ),
        )
    }
    xhr.send(form)
  })
}

/** A document's details as I may see them (its processing status). */
export function fetchDocument(id: string) {
  return unwrap(api.GET('/api/documents/{id}', { params: { path: { id } } }))
}

export function useUploadDocument(entityType: EntityType, entityId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ input, onProgress }: { input: UploadInput; onProgress: (f: number) => void }) =>
      uploadDocument(input, onProgress),
    onSettled: () => queryClient.invalidateQueries({ queryKey: documentKeys.entity(entityType, entityId) }),
  })
}
