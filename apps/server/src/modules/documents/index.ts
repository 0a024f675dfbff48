import './errors.ts'
import './events.ts'
import fastifyMultipart from '@fastify/multipart'
import type { AppFastify, AppModule } from '../../kernel/module.ts'
import { provideAttachmentFiles } from '../conversations/index.ts'
import { MAX_DOCUMENT_BYTES } from './kinds.ts'
import { messageFiles } from './message-files.ts'
import { failStalledJob, processUploadedConsumer, purgeDeletedConsumer } from './processing.ts'
import { documentRoutes, documentsRoute } from './routes.ts'
import { demoDocumentsSeed } from './seed.ts'
import { provideDocumentStorage, storageFromConfig } from './storage/holder.ts'

/**
 * The Document Service: resumes, job descriptions, contracts and other files of candidates, roles
 * and companies, streamed to local disk or S3, typed by their content, processed in the
 * background (`pending → processing → ready | failed`) and shown by the owning record's rules.
 * See README.md.
 */
export const documentsModule: AppModule = {
  name: 'documents',
  schemas: ['documents'],
  init(ctx) {
    provideDocumentStorage(storageFromConfig(ctx.config))
    // files sent in conversations are documents of this service
    provideAttachmentFiles(messageFiles)
  },
  routes(app, ctx) {
    app.register(async (child) => {
      // multipart only here: everywhere else bodies stay JSON
      await child.register(fastifyMultipart, {
        limits: { fileSize: MAX_DOCUMENT_BYTES + 1, files: 1, fields: 10, parts: 12, fieldSize: 1000 },
      })
      documentsRoute.mount(child as unknown as AppFastify, ctx, documentRoutes())
    })
  },
  jobs: [failStalledJob],
  consumers: [processUploadedConsumer, purgeDeletedConsumer],
  seeds: [demoDocumentsSeed],
}

export { DOCUMENT_ERRORS, PROCESSING_FAILURES, type ProcessingFailure } from './errors.ts'
export { DOCUMENT_EVENTS } from './events.ts'
export {
  DOCUMENT_KINDS,
  type DocumentKind,
  ENTITY_TYPES,
  type EntityType,
  KIND_RULES,
} from './kinds.ts'
export {
  type DocumentForProcessing,
  type DocumentProcessor,
  provideDocumentProcessor,
} from './processing.ts'
export { attachDocument, readDocumentBytes } from './service.ts'
export { DocumentProcessingError } from './validate.ts'
