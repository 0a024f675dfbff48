import { createHash } from 'node:crypto'
import type { OfairCaller } from '../caller.ts'
import type { OfairTx } from '../database.ts'
import { refuse } from '../messages.ts'
import { postgresFileStore } from './file-store.ts'
import { MAX_FILE_BYTES, sniffMime } from './file-types.ts'

export const FILE_PURPOSES = ['certificate', 'lead_attachment', 'proposal_media'] as const
export type FilePurpose = (typeof FILE_PURPOSES)[number]

export interface StoredFile {
  id: string
  original_name: string
  mime: string
  size_bytes: number
  purpose: string
  created_at: Date
}

/** Keeps an upload: the type from its bytes (JPEG, PNG, WebP, PDF), at most 5 MB, owned by the caller. */
export async function storeUpload(
  tx: OfairTx,
  caller: OfairCaller,
  input: { bytes: Buffer; purpose: FilePurpose; name: string },
): Promise<StoredFile> {
  if (input.bytes.length === 0)
    throw refuse('validation_failed', 'body: the file is empty', { field: 'body' })
  if (input.bytes.length > MAX_FILE_BYTES) {
    throw refuse(
      'file_too_large',
      `body: the file has ${input.bytes.length} bytes; at most ${MAX_FILE_BYTES}`,
      {
        field: 'body',
        meta: { max_bytes: MAX_FILE_BYTES },
      },
    )
  }
  const mime = sniffMime(input.bytes)
  if (!mime)
    throw refuse('file_type_not_allowed', 'body: not a JPEG, PNG, WebP or PDF file', { field: 'body' })
  const row = await tx
    .insertInto('ofair.files')
    .values({
      owner_user_id: caller.userId,
      purpose: input.purpose,
      mime,
      size_bytes: input.bytes.length,
      sha256: createHash('sha256').update(input.bytes).digest('hex'),
      original_name: input.name,
    })
    .returning(['id', 'original_name', 'mime', 'size_bytes', 'purpose', 'created_at'])
    .executeTakeFirstOrThrow()
  await postgresFileStore.put(tx, row.id, input.bytes)
  return row
}

/**
 * The caller's own uploads of a purpose, not yet attached to anything, in the order given; a 422
 * `file_not_usable` naming the field for any other id.
 */
export async function requireOwnFiles(
  tx: OfairTx,
  caller: OfairCaller,
  ids: readonly string[],
  purpose: FilePurpose,
  field: string,
): Promise<void> {
  if (ids.length === 0) return
  const rows = await tx
    .selectFrom('ofair.files as f')
    .leftJoin('ofair.lead_attachments as la', 'la.file_id', 'f.id')
    .leftJoin('ofair.proposal_media as pm', 'pm.file_id', 'f.id')
    .leftJoin('ofair.professional_certificates as pc', 'pc.file_id', 'f.id')
    .select([
      'f.id',
      'f.owner_user_id',
      'f.purpose',
      'la.lead_id',
      'pm.proposal_id',
      'pc.id as certificate_id',
    ])
    .where('f.id', 'in', [...ids])
    .execute()
  for (const id of ids) {
    const f = rows.find((r) => r.id === id)
    if (
      !f ||
      f.owner_user_id !== caller.userId ||
      f.purpose !== purpose ||
      f.lead_id ||
      f.proposal_id ||
      f.certificate_id
    ) {
      throw refuse('file_not_usable', `${field}: file ${id} is not an unused ${purpose} upload of yours`, {
        field,
      })
    }
  }
}
