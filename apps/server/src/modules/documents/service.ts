import fs from 'node:fs/promises'
import { sql } from 'kysely'
import { appendAudit, logPiiReveal } from '../../kernel/audit/audit.ts'
import { lockKey } from '../../kernel/db/concurrency.ts'
import type { AnyTx } from '../../kernel/db/database.ts'
import { AppError } from '../../kernel/errors.ts'
import { uuidv7 } from '../../kernel/ids.ts'
import { writeEvents } from '../../kernel/outbox/events.ts'
import type { DocumentsCaller } from './caller.ts'
import type { DocumentsTx } from './database.ts'
import {
  type DocumentKind,
  type EntityType,
  EXTENSION_OF,
  KIND_RULES,
  type MediaType,
  ownerKindOf,
} from './kinds.ts'
import { documentStorage } from './storage/holder.ts'
import { readAll } from './storage/storage.ts'
import type { StagedUpload } from './upload.ts'

/** At most this many live documents per record, and drafts per person (a runaway client stops here). */
export const MAX_DOCUMENTS_PER_ENTITY = 100
export const MAX_DRAFTS_PER_PERSON = 50

const notFound = (what = 'document') => new AppError('not_found', `No such ${what}, or not yours to see`)

/**
 * Whether the caller may see and add to a record's documents, by the owning record's rules (the
 * SQL functions the row-level security policies use: one rule, checked in code and in SQL).
 */
export async function entityAccess(
  tx: DocumentsTx,
  entityType: EntityType,
  entityId: string,
): Promise<{ visible: boolean; writable: boolean }> {
  const row = (
    await sql<{ visible: boolean; writable: boolean }>`
      select documents.entity_visible(${entityType}, ${entityId}::uuid) as visible,
             documents.entity_writable(${entityType}, ${entityId}::uuid) as writable`.execute(tx)
  ).rows[0]!
  return row
}

async function requireWritable(
  tx: DocumentsTx,
  caller: DocumentsCaller,
  entityType: EntityType,
  entityId: string,
): Promise<void> {
  const access = await entityAccess(tx, entityType, entityId)
  if (!access.visible) throw notFound(entityType)
  if (!access.writable && !caller.isPlatformAdmin) {
    throw new AppError(
      'forbidden',
      `Only those who manage this ${entityType} may add or remove its documents`,
    )
  }
}

/**
 * Records a staged upload: checks the caller may add to the record, keeps the per-record limit
 * (serialised per record: concurrent uploads cannot pass it together), stores the bytes and writes
 * the row and its `document.uploaded` event (processing starts from it) in one transaction. The
 * bytes are stored before the commit; if the transaction fails they are removed.
 */
export async function recordUpload(tx: DocumentsTx, caller: DocumentsCaller, upload: StagedUpload) {
  const { entity_type: entityType, entity_id: entityId } = upload.fields
  if (entityType && entityId) {
    await requireWritable(tx, caller, entityType, entityId)
    await lockKey(tx, `documents:entity:${entityType}:${entityId}`)
    const { n } = await tx
      .selectFrom('documents.documents')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('entity_type', '=', entityType)
      .where('entity_id', '=', entityId)
      .where('deleted_at', 'is', null)
      .executeTakeFirstOrThrow()
    if (Number(n) >= MAX_DOCUMENTS_PER_ENTITY) {
      throw new AppError('document_entity_limit', `This ${entityType} already has ${n} documents`, {
        meta: { max: MAX_DOCUMENTS_PER_ENTITY },
      })
    }
  } else {
    await lockKey(tx, `documents:drafts:${caller.userId}`)
    const { n } = await tx
      .selectFrom('documents.documents')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('owner_kind', '=', 'draft')
      .where('uploaded_by', '=', caller.userId)
      .where('deleted_at', 'is', null)
      .executeTakeFirstOrThrow()
    if (Number(n) >= MAX_DRAFTS_PER_PERSON) {
      throw new AppError('document_entity_limit', `You already have ${n} unattached documents`, {
        meta: { max: MAX_DRAFTS_PER_PERSON },
      })
    }
  }
  const id = uuidv7()
  const ownerKind = ownerKindOf(entityType)
  const storageKey = `${ownerKind}/${entityId ?? caller.userId}/${id}.${EXTENSION_OF[upload.mediaType]}`
  const storage = documentStorage()
  await storage.put(storageKey, upload.stagedPath, { size: upload.sizeBytes, mediaType: upload.mediaType })
  try {
    const row = await tx
      .insertInto('documents.documents')
      .values({
        id,
        kind: upload.kind,
        owner_kind: ownerKind,
        entity_type: entityType,
        entity_id: entityId,
        storage_key: storageKey,
        file_name: upload.fileName,
        media_type: upload.mediaType,
        size_bytes: upload.sizeBytes,
        sha256: upload.sha256,
        uploaded_by: caller.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await writeEvents(tx, [
      {
        type: 'document.uploaded',
        aggregateId: id,
        data: {
          document_id: id,
          kind: upload.kind,
          entity_type: entityType,
          entity_id: entityId,
          uploaded_by: caller.userId,
        },
      },
    ])
    return row.id
  } catch (err) {
    await storage.delete(storageKey).catch(() => {})
    throw err
  }
}

/** Removes a staged upload that was refused before it was stored. */
export async function discardStaged(upload: StagedUpload): Promise<void> {
  await fs.rm(upload.stagedPath, { force: true })
}

/**
 * Soft delete: the row stays (who uploaded what, when, who deleted it), the document disappears
 * from every list and link at once, and its bytes leave the store by the `document.deleted` event.
 * Of concurrent deletes one wins; the others find nothing to delete (404).
 */
export async function deleteDocument(tx: DocumentsTx, caller: DocumentsCaller, id: string): Promise<void> {
  const doc = await tx
    .selectFrom('documents.documents')
    .select([
      'id',
      'kind',
      'owner_kind',
      'entity_type',
      'entity_id',
      'uploaded_by',
      'storage_key',
      'deleted_at',
    ])
    .where('id', '=', id)
    .executeTakeFirst()
  if (!doc || doc.deleted_at) throw notFound()
  if (doc.entity_type && doc.entity_id && doc.uploaded_by !== caller.userId) {
    await requireWritable(tx, caller, doc.entity_type as EntityType, doc.entity_id)
  }
  const deleted = await tx
    .updateTable('documents.documents')
    .set({ deleted_at: sql`now()`, deleted_by: caller.userId, version: sql`version + 1` })
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    // no RETURNING: the deleted row is no longer readable (the read policy), so it cannot return it
    .executeTakeFirst()
  if (deleted.numUpdatedRows === 0n) throw notFound()
  await writeEvents(tx, [
    {
      type: 'document.deleted',
      aggregateId: id,
      data: {
        document_id: id,
        kind: doc.kind as DocumentKind,
        entity_type: doc.entity_type as EntityType | null,
        entity_id: doc.entity_id,
        storage_key: doc.storage_key,
      },
    },
  ])
  if (caller.isPlatformAdmin && doc.uploaded_by !== caller.userId) {
    await appendAudit(tx, {
      action: 'document.deleted_by_admin',
      entityType: 'document',
      entityId: id,
      before: { entity_type: doc.entity_type, entity_id: doc.entity_id, kind: doc.kind },
      actorRole: 'platform_admin',
    })
  }
}

/**
 * Attaches one of the caller's drafts (a resume uploaded before its candidate was saved) to a
 * record they may add to. Once: of concurrent attaches one wins, the others get 409.
 */
export async function attachDocument(
  tx: AnyTx,
  caller: DocumentsCaller,
  id: string,
  entity: { type: EntityType; id: string },
): Promise<void> {
  const t = tx as DocumentsTx
  const doc = await t
    .selectFrom('documents.documents')
    .select(['id', 'kind', 'owner_kind', 'uploaded_by', 'deleted_at'])
    .where('id', '=', id)
    .executeTakeFirst()
  if (!doc || doc.deleted_at) throw notFound()
  if (doc.owner_kind !== 'draft' || doc.uploaded_by !== caller.userId) {
    throw new AppError('document_already_attached', 'Only your own unattached documents can be attached')
  }
  const kind = doc.kind as DocumentKind
  if (!KIND_RULES[kind].entities.includes(entity.type)) {
    throw new AppError('validation_failed', `body.entity_type: a ${kind} cannot belong to a ${entity.type}`, {
      errors: [
        {
          field: 'body.entity_type',
          message: `a ${kind} belongs to a ${KIND_RULES[kind].entities.join(', ')}`,
        },
      ],
    })
  }
  await requireWritable(t, caller, entity.type, entity.id)
  const attached = await t
    .updateTable('documents.documents')
    .set({
      owner_kind: ownerKindOf(entity.type),
      entity_type: entity.type,
      entity_id: entity.id,
      version: sql`version + 1`,
    })
    .where('id', '=', id)
    .where('owner_kind', '=', 'draft')
    .where('deleted_at', 'is', null)
    .returning('id')
    .executeTakeFirst()
  if (!attached)
    throw new AppError('document_already_attached', 'The document was attached or deleted meanwhile')
  await writeEvents(t, [
    {
      type: 'document.attached',
      aggregateId: id,
      data: { document_id: id, kind, entity_type: entity.type, entity_id: entity.id },
    },
  ])
}

/**
 * Logs that the caller is given a document's content: candidates' documents are personal data
 * (a resume carries contact details), and every admin read is logged whatever the document.
 */
export async function logDocumentRead(
  tx: AnyTx,
  caller: { isPlatformAdmin: boolean },
  doc: { id: string; kind: string; entity_type: string | null; entity_id: string | null },
  purpose: string,
): Promise<void> {
  if (doc.entity_type === 'candidate' && doc.entity_id) {
    await logPiiReveal(tx, {
      subjectType: 'candidate',
      subjectId: doc.entity_id,
      fields: [`document:${doc.kind}`],
      purpose: caller.isPlatformAdmin ? `admin_${purpose}` : purpose,
    })
  } else if (caller.isPlatformAdmin) {
    await logPiiReveal(tx, {
      subjectType: 'document',
      subjectId: doc.id,
      fields: [`document:${doc.kind}`],
      purpose: `admin_${purpose}`,
    })
  }
}

/**
 * A document's bytes, for services that need its content (the resume parser, a match explainer),
 * once row-level security shows the document to the transaction's caller; the read is logged as
 * a download is. 404 for a document the caller may not see or deleted; 409 until it is `ready`.
 */
export async function readDocumentBytes(
  tx: AnyTx,
  caller: { isPlatformAdmin: boolean },
  id: string,
): Promise<{ bytes: Uint8Array; mediaType: MediaType; fileName: string; kind: DocumentKind }> {
  const doc = await (tx as DocumentsTx)
    .selectFrom('documents.documents')
    .select([
      'id',
      'kind',
      'entity_type',
      'entity_id',
      'storage_key',
      'media_type',
      'file_name',
      'status',
      'deleted_at',
    ])
    .where('id', '=', id)
    .executeTakeFirst()
  if (!doc || doc.deleted_at) throw notFound()
  if (doc.status !== 'ready') {
    throw new AppError('conflict', `The document is ${doc.status}: its content is read once it is ready`)
  }
  const bytes = await readAll(documentStorage(), doc.storage_key)
  if (!bytes) throw notFound()
  await logDocumentRead(tx, caller, doc, 'document_read')
  return {
    bytes,
    mediaType: doc.media_type as MediaType,
    fileName: doc.file_name,
    kind: doc.kind as DocumentKind,
  }
}
