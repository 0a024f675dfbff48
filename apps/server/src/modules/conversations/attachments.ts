import type { Readable } from 'node:stream'
import { logPiiReveal } from '../../kernel/audit/audit.ts'
import type { AnyTx } from '../../kernel/db/database.ts'
import { asSystem } from '../../kernel/db/transaction.ts'
import { AppError } from '../../kernel/errors.ts'
import type { ConversationsTx } from './database.ts'
import { attachmentRules, type Viewer } from './subjects.ts'

const MB = 1024 * 1024

/** What a file sent in a conversation may be: PDF, Word, PNG or JPEG, at most 10 MB. */
export const ATTACHMENT_RULES = {
  mediaTypes: [
    'application/pdf',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'image/png',
    'image/jpeg',
  ],
  maxBytes: 10 * MB,
  /** The Document Service's kinds a message may take (uploaded as drafts of their sender). */
  documentKinds: ['message_attachment', 'other'],
} as const

/** A file as every reader of the message sees it (the bytes come from the download route). */
export interface PresentedAttachment {
  id: string
  file_name: string
  media_type: string
  size_bytes: number
}

/** A document as the Document Service describes it to the sender (row-level security applies). */
export interface AttachableDocument {
  id: string
  kind: string
  owner_kind: string
  uploaded_by: string
  status: string
  failure_code: string | null
  file_name: string
  media_type: string
  size_bytes: number
  sha256: string
}

/**
 * The files behind attachments: provided by the Document Service (which imports this module, not
 * the other way round) when it starts. `describe` reads a document as the transaction's caller;
 * `take` moves a draft out of its uploader's drafts (once: false when it was taken or deleted
 * meanwhile); `open` streams a document's bytes once the caller here has authorised the read.
 */
export interface AttachmentFiles {
  describe(tx: AnyTx, documentId: string): Promise<AttachableDocument | undefined>
  take(tx: AnyTx, documentId: string): Promise<boolean>
  open(
    tx: AnyTx,
    documentId: string,
  ): Promise<{ stream: Readable; mediaType: string; sizeBytes: number } | undefined>
}

let files: AttachmentFiles | undefined
export function provideAttachmentFiles(provided: AttachmentFiles): void {
  files = provided
}
function attachmentFiles(): AttachmentFiles {
  if (!files)
    throw new Error('conversations: no attachment files provided (the documents module is not loaded)')
  return files
}

/** A refused attachment: a 4xx naming the field. */
function refused(
  code:
    | 'attachment_not_yours'
    | 'attachment_not_ready'
    | 'attachment_failed'
    | 'attachment_too_large'
    | 'attachment_type_not_allowed'
    | 'attachment_already_used'
    | 'validation_failed',
  message: string,
) {
  return new AppError(code, message, { errors: [{ field: 'body.document_id', message }] })
}

/**
 * Checks the document the sender attaches and takes it for the message (in the sending
 * transaction: if anything later refuses, it stays a draft). Only the sender's own unattached,
 * processed upload of an accepted type and size.
 */
export async function takeAttachment(
  tx: AnyTx,
  senderUserId: string,
  documentId: string,
): Promise<AttachableDocument> {
  const doc = await attachmentFiles().describe(tx, documentId)
  if (doc?.owner_kind !== 'draft' || doc.uploaded_by !== senderUserId) {
    throw refused(
      'attachment_not_yours',
      'only a file you uploaded yourself and have not sent yet can be attached',
    )
  }
  if (!(ATTACHMENT_RULES.documentKinds as readonly string[]).includes(doc.kind)) {
    throw refused(
      'validation_failed',
      `a ${doc.kind} is not a message attachment: upload the file for the message`,
    )
  }
  if (!(ATTACHMENT_RULES.mediaTypes as readonly string[]).includes(doc.media_type)) {
    throw refused('attachment_type_not_allowed', 'only PDF, Word (DOCX), PNG and JPEG files can be attached')
  }
  if (doc.size_bytes > ATTACHMENT_RULES.maxBytes) {
    throw refused('attachment_too_large', `an attachment may have at most ${ATTACHMENT_RULES.maxBytes} bytes`)
  }
  if (doc.status === 'failed') {
    throw refused('attachment_failed', `the file could not be processed (${doc.failure_code ?? 'failed'})`)
  }
  if (doc.status !== 'ready') {
    throw refused('attachment_not_ready', 'the file is still being checked: send it once it is ready')
  }
  if (!(await attachmentFiles().take(tx, documentId))) {
    throw refused('attachment_already_used', 'this file was sent or deleted meanwhile')
  }
  return doc
}

const db = (tx: AnyTx) => tx as ConversationsTx

/** The attachments of these messages, by message id (row-level security or the system decides). */
export async function attachmentsOf(
  tx: AnyTx,
  messageIds: readonly string[],
): Promise<Map<string, PresentedAttachment>> {
  if (messageIds.length === 0) return new Map()
  const rows = await db(tx)
    .selectFrom('conversations.attachments')
    .select(['id', 'message_id', 'file_name', 'media_type', 'size_bytes'])
    .where('message_id', 'in', messageIds)
    .execute()
  return new Map(
    rows.map((r) => [
      r.message_id,
      { id: r.id, file_name: r.file_name, media_type: r.media_type, size_bytes: Number(r.size_bytes) },
    ]),
  )
}

/**
 * An attachment's content for a reader: a participant (row-level security: anyone else gets 404)
 * or an admin whose subject module authorised and logs the read (`viewer.admin`: read as the
 * system). A download that may carry a person's data is logged as a PII reveal, as the subject's
 * module names it.
 */
export async function attachmentContent(
  tx: AnyTx,
  viewer: Viewer,
  conversationId: string,
  attachmentId: string,
  purpose: string,
) {
  const read = async () => {
    const row = await db(tx)
      .selectFrom('conversations.attachments as a')
      .innerJoin('conversations.conversations as c', 'c.id', 'a.conversation_id')
      .select([
        'a.id',
        'a.message_id',
        'a.document_id',
        'a.file_name',
        'a.media_type',
        'a.size_bytes',
        'c.subject_kind',
        'c.subject_id',
      ])
      .where('a.id', '=', attachmentId)
      .where('a.conversation_id', '=', conversationId)
      .executeTakeFirst()
    if (!row)
      throw new AppError('not_found', 'No such attachment, or you do not take part in its conversation')
    return row
  }
  const row = viewer.admin ? await asSystem(tx, 'conversations.attachment', read) : await read()
  const rules = attachmentRules(row.subject_kind)
  const subject = rules ? await rules.piiSubject(tx, row.subject_id) : null
  if (subject) {
    await logPiiReveal(tx, {
      subjectType: subject.subjectType,
      subjectId: subject.subjectId,
      fields: ['conversation_attachment'],
      purpose: viewer.admin ? `admin.${purpose}` : purpose,
    })
  }
  const content = await attachmentFiles().open(tx, row.document_id)
  if (!content) throw new AppError('not_found', 'The file is no longer available')
  return {
    id: row.id,
    message_id: row.message_id,
    file_name: row.file_name,
    media_type: row.media_type,
    size_bytes: Number(row.size_bytes),
    subject_kind: row.subject_kind,
    subject_id: row.subject_id,
    stream: content.stream,
  }
}
