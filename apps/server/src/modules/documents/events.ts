import { z } from 'zod'
import { defineEvents, type EventsOf } from '../../kernel/outbox/events.ts'
import { DOCUMENT_KINDS, ENTITY_TYPES } from './kinds.ts'

const ZEntity = {
  kind: z.enum(DOCUMENT_KINDS),
  entity_type: z.enum(ENTITY_TYPES).nullable(),
  entity_id: z.uuid().nullable(),
}

/** The Document Service's events: processing starts from `document.uploaded`. */
export const DOCUMENT_EVENTS = defineEvents('documents', {
  'document.uploaded': {
    aggregate: 'document',
    description: 'A document was uploaded and waits for processing',
    data: z.object({ document_id: z.uuid(), ...ZEntity, uploaded_by: z.uuid() }),
  },
  'document.processed': {
    aggregate: 'document',
    description: 'A document was processed: ready, or failed with a code',
    data: z.object({
      document_id: z.uuid(),
      ...ZEntity,
      status: z.enum(['ready', 'failed']),
      failure_code: z.string().nullable(),
    }),
  },
  'document.attached': {
    aggregate: 'document',
    description: 'A draft document was attached to a record',
    data: z.object({ document_id: z.uuid(), ...ZEntity }),
  },
  'document.deleted': {
    aggregate: 'document',
    description: 'A document was deleted (soft): its bytes are purged from storage',
    data: z.object({ document_id: z.uuid(), ...ZEntity, storage_key: z.string() }),
  },
})

declare module '../../kernel/outbox/events.ts' {
  interface EventCatalog extends EventsOf<typeof DOCUMENT_EVENTS> {}
}
