import { z } from 'zod'
import type { Wire } from '../../kernel/http/route.ts'
import { DOCUMENT_KINDS, DOCUMENT_STATUSES, ENTITY_TYPES, MEDIA_TYPES, OWNER_KINDS } from './kinds.ts'
import type { DocumentRow } from './queries.ts'

export const ZDocument = z.object({
  id: z.string(),
  kind: z.enum(DOCUMENT_KINDS),
  owner_kind: z
    .enum(OWNER_KINDS)
    .describe('The bucket: candidate, company, system, or draft (not yet attached)'),
  entity_type: z.enum(ENTITY_TYPES).nullable(),
  entity_id: z.string().nullable(),
  file_name: z.string(),
  media_type: z.enum(MEDIA_TYPES).describe('Read from the file’s content, never from its name'),
  size_bytes: z.number().int(),
  sha256: z.string().describe('SHA-256 of the content, hex'),
  status: z.enum(DOCUMENT_STATUSES).describe('pending → processing → ready | failed'),
  failure: z
    .object({ code: z.string(), message: z.string() })
    .nullable()
    .describe('Why processing failed (status failed), e.g. pdf_encrypted, docx_unsafe'),
  uploaded_by: z.object({ id: z.string(), name: z.string() }),
  created_at: z.iso.datetime(),
  processed_at: z.iso.datetime().nullable(),
})

export const ZDocumentWithLink = ZDocument.extend({
  download_url: z
    .string()
    .describe('A short-lived link to the content (signed; works for anyone holding it until it expires)'),
  download_expires_at: z.iso.datetime(),
})

export function presentDocument(row: DocumentRow) {
  return {
    id: row.id,
    kind: row.kind,
    owner_kind: row.owner_kind,
    entity_type: row.entity_type,
    entity_id: row.entity_id,
    file_name: row.file_name,
    media_type: row.media_type,
    size_bytes: Number(row.size_bytes),
    sha256: row.sha256,
    status: row.status,
    failure: row.failure_code ? { code: row.failure_code, message: row.failure_message ?? '' } : null,
    uploaded_by: { id: row.uploaded_by, name: row.uploaded_by_name ?? 'Unknown' },
    created_at: row.created_at,
    processed_at: row.processed_at,
  } as unknown as Wire<z.input<typeof ZDocument>>
}
