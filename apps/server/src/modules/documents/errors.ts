import { defineErrors } from '../../kernel/errors.ts'

/**
 * The Document Service's error codes. Upload refusals it can tell at once are 4xx answers; what
 * only processing finds (an encrypted PDF, a zip bomb) becomes the document's `failure_code`, from
 * `PROCESSING_FAILURES` below.
 */
export const DOCUMENT_ERRORS = defineErrors('documents', {
  document_empty: { status: 400, title: 'The file is empty (0 bytes)' },
  document_too_large: { status: 413, title: 'The file is larger than its kind allows' },
  document_type_not_allowed: {
    status: 415,
    title: 'The file’s content is not a type this kind of document accepts',
  },
  document_type_mismatch: {
    status: 415,
    title: 'The file’s name promises another type than its content',
  },
  document_unsafe_archive: {
    status: 422,
    title: 'The Word document is not safe to open (a zip bomb, encryption or a damaged archive)',
  },
  document_multipart_invalid: {
    status: 400,
    title: 'The upload is not a multipart form with one file and the fields it needs',
  },
  document_entity_limit: { status: 409, title: 'This record already has the most documents it may have' },
  document_already_attached: { status: 409, title: 'The document already belongs to a record' },
})

declare module '../../kernel/errors.ts' {
  interface ErrorCatalog extends Record<keyof typeof DOCUMENT_ERRORS, true> {}
}

/** Why processing failed a document (its `failure_code`). */
export const PROCESSING_FAILURES = {
  pdf_encrypted: 'The PDF is encrypted or password-protected',
  pdf_empty: 'The PDF has no pages',
  pdf_damaged: 'The PDF is damaged (no end-of-file marker)',
  docx_unsafe: 'The Word document expands far beyond its size or is damaged',
  docx_not_word: 'The archive is not a Word document',
  text_not_utf8: 'The text file is not valid UTF-8',
  image_damaged: 'The image is damaged',
  bytes_missing: 'The stored bytes are missing or differ from what was uploaded',
  processor_failed: 'The document could not be processed',
  processing_stalled:
    'Processing did not finish within 30 minutes (its retries ran out); upload the file again or ask an operator to retry it',
} as const
export type ProcessingFailure = keyof typeof PROCESSING_FAILURES
