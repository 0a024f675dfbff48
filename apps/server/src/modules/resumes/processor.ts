import { asSystem } from '../../kernel/db/transaction.ts'
import { DocumentProcessingError, type DocumentProcessor } from '../documents/index.ts'
import type { ResumesTx } from './database.ts'
import { ResumeExtractionError } from './parsing/extract-text.ts'
import { parseResumeFile } from './parsing/parse-resume-file.ts'
import { storeParse } from './service.ts'

/**
 * The documents service's processor for kind `resume`: reads the file's text, parses the fields
 * and stores the parse for the uploader's draft. A file whose text cannot be read fails the
 * document with a stable code (encrypted_pdf, unreadable_document, archive_too_large,
 * no_text_found, unsupported_media_type); a resume in another language is stored with its
 * `language_unsupported` warning, not failed. Parsing happens before any write; a retried job
 * parses again and replaces the parse (one per document).
 */
export const resumeProcessor: DocumentProcessor = async ({ tx, document, bytes, clock }) => {
  if (document.kind !== 'resume')
    throw new DocumentProcessingError('not_a_resume', `Document ${document.id} is a ${document.kind}`)
  const now = clock.now()
  let parse: Awaited<ReturnType<typeof parseResumeFile>>
  try {
    parse = await parseResumeFile(bytes, document.mediaType, now)
  } catch (err) {
    if (err instanceof ResumeExtractionError) throw new DocumentProcessingError(err.code, err.message)
    throw new DocumentProcessingError(
      'unreadable_document',
      `The resume could not be parsed: ${(err as Error).message}`,
    )
  }
  await asSystem(tx, 'resumes.processor', () =>
    storeParse(tx as ResumesTx, {
      documentId: document.id,
      uploadedBy: document.uploadedBy,
      mediaType: document.mediaType,
      parse,
      parsedAt: now,
    }),
  )
}
