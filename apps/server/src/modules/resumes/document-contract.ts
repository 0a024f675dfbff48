import type { Clock } from '../../kernel/clock.ts'
import type { AnyTx } from '../../kernel/db/database.ts'

/*
 * The documents module's processing contract (modules/documents, built on another branch). At
 * merge, this file becomes re-exports of the same names from '../documents/index.ts', and the
 * documents module's init registers `resumeProcessor` for kind `resume`
 * (`provideDocumentProcessor('resume', resumeProcessor)`).
 */
export interface DocumentForProcessing {
  id: string
  kind: 'resume' | 'job_description' | 'contract' | 'other'
  mediaType: string
  fileName: string
  sizeBytes: number
  ownerKind: string
  entityType: string | null
  entityId: string | null
  uploadedBy: string
}

export type DocumentProcessor = (input: {
  tx: AnyTx
  document: DocumentForProcessing
  bytes: Uint8Array
  clock: Clock
}) => Promise<void>

/** Thrown by a processor: the document is marked failed with this code, shown on its status. */
export class DocumentProcessingError extends Error {
  override name = 'DocumentProcessingError'
  readonly code: string
  constructor(code: string, message: string) {
    super(message)
    this.code = code
  }
}
