import { AppError } from '../../kernel/errors.ts'
import { exactTime, olderThanCursor, timeIdPage } from '../../kernel/http/pagination.ts'
import type { DocumentsTx } from './database.ts'
import type { DocumentKind, DocumentStatus, EntityType, OwnerKind } from './kinds.ts'

export interface DocumentFilters {
  kind?: DocumentKind
  status?: DocumentStatus
  owner_kind?: OwnerKind
  entity_type?: EntityType
  entity_id?: string
  /** Only the caller's own uploads. */
  mine?: boolean
}

function baseQuery(tx: DocumentsTx) {
  return tx
    .selectFrom('documents.documents as d')
    .leftJoin('identity.user_directory as u', 'u.id', 'd.uploaded_by')
    .select([
      'd.id',
      'd.kind',
      'd.owner_kind',
      'd.entity_type',
      'd.entity_id',
      'd.file_name',
      'd.media_type',
      'd.size_bytes',
      'd.sha256',
      'd.status',
      'd.failure_code',
      'd.failure_message',
      'd.uploaded_by',
      'u.display_name as uploaded_by_name',
      'd.created_at',
      'd.processed_at',
      'd.storage_key',
    ])
    .where('d.deleted_at', 'is', null)
}

export type DocumentRow = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>

/** One document the caller may see (row-level security decides), or 404. */
export async function getDocument(tx: DocumentsTx, id: string): Promise<DocumentRow> {
  const row = await baseQuery(tx).where('d.id', '=', id).executeTakeFirst()
  if (!row) throw new AppError('not_found', 'No such document, or not yours to see')
  return row
}

/** The documents the caller may see, newest first, by keyset pages. */
export async function listDocuments(
  tx: DocumentsTx,
  caller: { userId: string },
  filters: DocumentFilters,
  page: { limit: number; starting_after?: string },
) {
  let q = baseQuery(tx).select(exactTime('d.created_at'))
  if (filters.kind) q = q.where('d.kind', '=', filters.kind)
  if (filters.status) q = q.where('d.status', '=', filters.status)
  if (filters.owner_kind) q = q.where('d.owner_kind', '=', filters.owner_kind)
  if (filters.entity_type) q = q.where('d.entity_type', '=', filters.entity_type)
  if (filters.entity_id) q = q.where('d.entity_id', '=', filters.entity_id)
  if (filters.mine) q = q.where('d.uploaded_by', '=', caller.userId)
  if (page.starting_after) q = q.where(olderThanCursor(page.starting_after, 'd.created_at', 'd.id'))
  const rows = await q
    .orderBy('d.created_at', 'desc')
    .orderBy('d.id', 'desc')
    .limit(page.limit + 1)
    .execute()
  return timeIdPage(rows, page.limit)
}
