import { ApiError, csrf } from '../../api/client'

export interface StoredFile {
  id: string
  name: string
  mime: string
  size_bytes: number
  url: string
}

/** Sends a file's bytes to the private file store (type and size are checked by the server). */
export async function uploadFile(
  file: File,
  purpose: 'certificate' | 'lead_attachment' | 'proposal_media',
): Promise<StoredFile> {
  const params = new URLSearchParams({ purpose, name: file.name })
  const response = await fetch(`/api/ofair/files?${params}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/octet-stream', 'x-csrf-token': csrf.get() ?? '' },
    body: file,
  })
  if (!response.ok) throw await ApiError.fromResponse(response)
  return (await response.json()) as StoredFile
}
