import { sql } from 'kysely'
import type { AnyTx } from '../../kernel/db/database.ts'
import { asSystem } from '../../kernel/db/transaction.ts'
import type { AttachmentFiles } from '../conversations/index.ts'
import type { DocumentsTx } from './database.ts'
import { documentStorage } from './storage/holder.ts'

/**
 * The files behind conversation attachments (given to the conversations module at start-up):
 * a sender's draft is described as the sender sees it (row-level security), taken into the system
 * bucket when a message carries it (it leaves the sender's drafts and cannot be deleted or sent
 * again), and streamed once conversations has decided the reader takes part.
 */
export const messageFiles: AttachmentFiles = {
  async describe(tx: AnyTx, documentId: string) {
    const row = await (tx as DocumentsTx)
      .selectFrom('documents.documents')
      .select([
        'id',
        'kind',
        'owner_kind',
        'uploaded_by',
        'status',
        'failure_code',
        'file_name',
        'media_type',
        'size_bytes',
        'sha256',
      ])
      .where('id', '=', documentId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst()
    return row ? { ...row, size_bytes: Number(row.size_bytes) } : undefined
  },
  async take(tx: AnyTx, documentId: string) {
    // the sender's own draft was checked by `describe` in this transaction; the system bucket is
    // not the sender's to write, so the move runs as the system, guarded against a race
    return asSystem(tx, 'documents.message_attachment', async () => {
      const moved = await (tx as DocumentsTx)
        .updateTable('documents.documents')
        .set({ owner_kind: 'system', version: sql`version + 1` })
        .where('id', '=', documentId)
        .where('owner_kind', '=', 'draft')
        .where('status', '=', 'ready')
        .where('deleted_at', 'is', null)
        .executeTakeFirst()
      return moved.numUpdatedRows === 1n
    })
  },
  async open(tx: AnyTx, documentId: string) {
    const doc = await asSystem(tx, 'documents.message_attachment', () =>
      (tx as DocumentsTx)
        .selectFrom('documents.documents')
        .select(['storage_key', 'media_type', 'size_bytes'])
        .where('id', '=', documentId)
        .where('deleted_at', 'is', null)
        .where('status', '=', 'ready')
        .executeTakeFirst(),
    )
    if (!doc) return undefined
    const stream = await documentStorage().stream(doc.storage_key)
    return stream ? { stream, mediaType: doc.media_type, sizeBytes: Number(doc.size_bytes) } : undefined
  },
}
