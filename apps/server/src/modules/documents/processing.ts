import { createHash } from 'node:crypto'
import { sql, type Transaction } from 'kysely'
import { z } from 'zod'
import type { Clock } from '../../kernel/clock.ts'
import type { AppContext } from '../../kernel/context.ts'
import type { AnyTx } from '../../kernel/db/database.ts'
import { inTransaction, systemActor } from '../../kernel/db/transaction.ts'
import { defineJob } from '../../kernel/jobs/define-job.ts'
import { defineConsumer, writeEvents } from '../../kernel/outbox/events.ts'
import type { DocumentsDatabase, DocumentsTx } from './database.ts'
import { PROCESSING_FAILURES } from './errors.ts'
import type { DocumentKind, EntityType, MediaType } from './kinds.ts'
import { documentStorage } from './storage/holder.ts'
import { readAll } from './storage/storage.ts'
import { DocumentProcessingError, validateContent } from './validate.ts'

/** What a processor is told about the document it processes. */
export interface DocumentForProcessing {
  id: string
  kind: DocumentKind
  mediaType: string
  fileName: string
  sizeBytes: number
  ownerKind: string
  entityType: string | null
  entityId: string | null
  uploadedBy: string
}

/**
 * Work another module does on each document of a kind once its content passed the checks (the
 * resume parser reads resumes). It runs in the processing transaction, as the system: what it
 * writes commits with the document's `ready`. Throw a `DocumentProcessingError(code, message)` to
 * fail the document with that code (its writes are rolled back); any other error is retried.
 */
export type DocumentProcessor = (input: {
  tx: AnyTx
  document: DocumentForProcessing
  bytes: Uint8Array
  clock: Clock
}) => Promise<void>

const processors = new Map<DocumentKind, DocumentProcessor>()

/** Registers the processor of a kind (one per kind; a second registration replaces the first). */
export function provideDocumentProcessor(kind: DocumentKind, processor: DocumentProcessor): void {
  processors.set(kind, processor)
}

/**
 * Processes one document: `pending → processing` (committed at once, so readers see it), then the
 * stored bytes are checked against the upload's hash, validated deeply by type, and handed to the
 * kind's processor; `ready`, or `failed` with a code and message, commits with the consumer's
 * record of the event. Runs again harmlessly: a document already ready or failed is left alone.
 */
export async function processDocument(
  tx: DocumentsTx,
  deps: { db: Parameters<typeof inTransaction>[0]; clock: Clock },
  documentId: string,
): Promise<{ status: string; failure_code?: string }> {
  const doc = await tx
    .selectFrom('documents.documents')
    .selectAll()
    .where('id', '=', documentId)
    .executeTakeFirst()
  if (!doc || doc.deleted_at) return { status: 'skipped' }
  if (doc.status === 'ready' || doc.status === 'failed') return { status: doc.status }
  if (doc.status === 'pending') {
    await inTransaction(deps.db, systemActor('documents.process'), (t: DocumentsTx) =>
      t
        .updateTable('documents.documents')
        .set({ status: 'processing', version: sql`version + 1` })
        .where('id', '=', documentId)
        .where('status', '=', 'pending')
        .execute(),
    )
  }
  let failure: { code: string; message: string } | undefined
  const bytes = await readAll(documentStorage(), doc.storage_key)
  if (!bytes || bytes.length !== Number(doc.size_bytes) || sha256(bytes) !== doc.sha256) {
    failure = { code: 'bytes_missing', message: PROCESSING_FAILURES.bytes_missing }
  } else {
    try {
      await validateContent(doc.media_type as MediaType, bytes)
      const processor = processors.get(doc.kind as DocumentKind)
      if (processor) {
        await sql`savepoint document_processor`.execute(tx)
        try {
          await processor({
            tx,
            document: {
              id: doc.id,
              kind: doc.kind as DocumentKind,
              mediaType: doc.media_type,
              fileName: doc.file_name,
              sizeBytes: Number(doc.size_bytes),
              ownerKind: doc.owner_kind,
              entityType: doc.entity_type,
              entityId: doc.entity_id,
              uploadedBy: doc.uploaded_by,
            },
            bytes,
            clock: deps.clock,
          })
          await sql`release savepoint document_processor`.execute(tx)
        } catch (err) {
          await sql`rollback to savepoint document_processor`.execute(tx)
          throw err
        }
      }
    } catch (err) {
      if (!(err instanceof DocumentProcessingError)) throw err
      failure = { code: err.code, message: err.message.slice(0, 500) }
    }
  }
  const status = failure ? 'failed' : 'ready'
  await tx
    .updateTable('documents.documents')
    .set({
      status,
      failure_code: failure?.code ?? null,
      failure_message: failure?.message ?? null,
      processed_at: deps.clock.now(),
      version: sql`version + 1`,
    })
    .where('id', '=', documentId)
    .where('status', '=', 'processing')
    .execute()
  await writeEvents(tx, [processedEvent(doc, status, failure?.code ?? null)])
  return failure ? { status, failure_code: failure.code } : { status }
}

/** `document.processed`: how processing ended (ready, or failed with its code). */
function processedEvent(
  doc: { id: string; kind: string; entity_type: string | null; entity_id: string | null },
  status: 'ready' | 'failed',
  failureCode: string | null,
) {
  return {
    type: 'document.processed' as const,
    aggregateId: doc.id,
    data: {
      document_id: doc.id,
      kind: doc.kind as DocumentKind,
      entity_type: doc.entity_type as EntityType | null,
      entity_id: doc.entity_id,
      status,
      failure_code: failureCode,
    },
  }
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

/** Processing starts from the upload's event (written in the upload's transaction). */
export const processUploadedConsumer = defineConsumer({
  name: 'documents.process_uploaded',
  description: 'Checks an uploaded document deeply and runs its kind’s processor: ready or failed',
  events: ['document.uploaded'],
  retry: { limit: 3, delaySeconds: 5, backoff: true, maxDelaySeconds: 120 },
  timeoutSeconds: 120,
  handle: (tx: Transaction<DocumentsDatabase>, event, ctx) =>
    processDocument(tx, { db: ctx.db, clock: ctx.clock }, event.data.document_id),
})

/** A deleted document's bytes leave the store (its signed links stop working). */
export const purgeDeletedConsumer = defineConsumer({
  name: 'documents.purge_deleted',
  description: 'Removes a soft-deleted document’s bytes from storage',
  events: ['document.deleted'],
  handle: async (_tx: Transaction<DocumentsDatabase>, event) => {
    await documentStorage().delete(event.data.storage_key)
    return { purged: event.data.document_id }
  },
})

/** How long a document may stay `pending` or `processing` before the sweeper fails it. */
export const STALLED_AFTER_MINUTES = 30

/**
 * Fails the documents whose processing never finished: their consumer's retries ran out (the job
 * is dead-lettered) or it was never delivered. Without this they would show `processing` forever;
 * now the owner sees `failed` with `processing_stalled` and can upload again. The consumer's retries
 * end within a few minutes, so half an hour leaves no live attempt behind; one that still comes
 * finds the document failed and leaves it alone.
 */
export async function failStalledDocuments(ctx: AppContext, now: Date): Promise<{ failed: number }> {
  const before = new Date(now.getTime() - STALLED_AFTER_MINUTES * 60_000)
  return inTransaction(ctx.db, systemActor('documents.fail_stalled'), async (tx: DocumentsTx) => {
    const rows = await tx
      .updateTable('documents.documents')
      .set({
        status: 'failed',
        failure_code: 'processing_stalled',
        failure_message: PROCESSING_FAILURES.processing_stalled,
        processed_at: now,
        version: sql`version + 1`,
      })
      .where('status', 'in', ['pending', 'processing'])
      .where('updated_at', '<', before)
      .where('deleted_at', 'is', null)
      .returning(['id', 'kind', 'entity_type', 'entity_id'])
      .execute()
    if (rows.length > 0) {
      await writeEvents(
        tx,
        rows.map((r) => processedEvent(r, 'failed', 'processing_stalled')),
      )
    }
    return { failed: rows.length }
  })
}

export const failStalledJob = defineJob({
  name: 'documents.fail_stalled',
  description: 'Fails documents whose processing has not finished after 30 minutes (retries exhausted)',
  payload: z.object({}),
  retry: { limit: 3, delaySeconds: 30, backoff: true },
  timeoutSeconds: 60,
  concurrency: 1,
  schedule: { cron: '*/10 * * * *', payload: {} },
  handler: (_payload, ctx: AppContext) => failStalledDocuments(ctx, ctx.clock.now()),
})
