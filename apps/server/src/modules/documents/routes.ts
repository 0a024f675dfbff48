import { z } from 'zod'
import type { AppContext } from '../../kernel/context.ts'
import { inTransaction, systemActor } from '../../kernel/db/transaction.ts'
import { AppError } from '../../kernel/errors.ts'
import { signedLink, verifyLink } from '../../kernel/files/signed-url.ts'
import { access, actorOf } from '../../kernel/http/access.ts'
import { moduleRoutes } from '../../kernel/http/route.ts'
import { listOf, ZIdParams, ZListQueryBase, ZUuid } from '../../kernel/http/schemas.ts'
import { type DocumentsCaller, documentsCallerOf } from './caller.ts'
import type { DocumentsDatabase, DocumentsTx } from './database.ts'
import { DOCUMENT_KINDS, DOCUMENT_STATUSES, ENTITY_TYPES, OWNER_KINDS } from './kinds.ts'
import { presentDocument, ZDocument, ZDocumentWithLink } from './presenter.ts'
import { type DocumentRow, getDocument, listDocuments } from './queries.ts'
import {
  attachDocument,
  deleteDocument,
  discardStaged,
  entityAccess,
  logDocumentRead,
  recordUpload,
} from './service.ts'
import { documentStorage } from './storage/holder.ts'
import { receiveUpload, ZUploadFields } from './upload.ts'

export const documentsRoute = moduleRoutes<DocumentsDatabase, DocumentsCaller>({
  tag: 'documents',
  resolveCaller: async (_tx, principal) => documentsCallerOf(principal),
})
const route = documentsRoute

/** How long a download link works. */
export const LINK_SECONDS = 300
const LINK_PURPOSE = 'document'

const members = access.roles(
  ['recruiter', 'company_admin', 'hiring_manager', 'platform_admin'],
  'By the owning record’s rules: a candidate’s documents to the recruiter representing them and to the hiring teams they were submitted to; a role’s and a company’s to the company’s team (a role’s job description also to recruiters who see the role); drafts to their uploader; platform admins all (logged). Anyone else gets 404.',
)

const ZUploadForm = ZUploadFields.extend({
  file: z.string().describe('The file (binary). Send it after the other fields.'),
})

async function withLink(tx: DocumentsTx, ctx: AppContext, caller: DocumentsCaller, row: DocumentRow) {
  const now = ctx.clock.now()
  const storage = documentStorage()
  const presigned = await storage.presignedUrl(row.storage_key, {
    seconds: LINK_SECONDS,
    fileName: row.file_name,
    mediaType: row.media_type,
  })
  await logDocumentRead(tx, caller, row, 'document_download')
  return {
    ...presentDocument(row),
    download_url:
      presigned ??
      signedLink(
        ctx.config.auth.secret,
        { purpose: LINK_PURPOSE, id: row.id, path: `/api/documents/${row.id}/content` },
        now,
        LINK_SECONDS,
      ),
    download_expires_at: new Date(now.getTime() + LINK_SECONDS * 1000),
  }
}

export function documentRoutes() {
  return [
    route.define({
      method: 'POST',
      url: '/api/documents/upload',
      operationId: 'uploadDocument',
      summary: 'Upload a document (multipart/form-data, streamed)',
      description:
        'Send the fields `kind` (and `entity_type` with `entity_id` to attach it to a candidate, role or company; without them it is a draft of your own), then the file in the field `file`. The file is streamed to storage and its type read from its content (PDF, DOCX, plain text, PNG, JPEG), never from its name: a type the kind does not accept is a 415 `document_type_not_allowed`, a name promising another type a 415 `document_type_mismatch`, an empty file a 400 `document_empty`, a file over the kind’s limit (resume and job description 10 MB, contract and other 25 MB) a 413 `document_too_large` (the upload is cut there), a Word document that is a zip bomb or encrypted a 422 `document_unsafe_archive`. The document starts `pending`; processing makes it `ready` or `failed` with a `failure.code`.',
      access: members,
      formData: ZUploadForm,
      status: 201,
      errors: [409, 413, 415, 422],
      response: ZDocument,
      transaction: false,
      handler: async ({ request, caller, ctx }) => {
        const storage = documentStorage()
        const upload = await receiveUpload(request, storage.stagingDir)
        try {
          return await inTransaction(
            ctx.db,
            actorOf(caller.principal!),
            async (tx: DocumentsTx) =>
              presentDocument(await getDocument(tx, await recordUpload(tx, caller, upload))),
            { requestId: request.id },
          )
        } finally {
          await discardStaged(upload)
        }
      },
    }),
    route.define({
      method: 'GET',
      url: '/api/documents',
      operationId: 'listDocuments',
      summary: 'Documents I may see, newest first, with filters',
      access: members,
      query: z.strictObject({
        ...ZListQueryBase,
        kind: z.enum(DOCUMENT_KINDS).optional(),
        status: z.enum(DOCUMENT_STATUSES).optional(),
        owner_kind: z.enum(OWNER_KINDS).optional().describe('The bucket'),
        entity_type: z.enum(ENTITY_TYPES).optional(),
        entity_id: ZUuid.optional(),
        mine: z
          .enum(['true', 'false'])
          .transform((v) => v === 'true')
          .optional()
          .describe('Only my own uploads'),
      }),
      response: listOf(ZDocument),
      handler: async ({ tx, caller, query }) => {
        const { limit, starting_after, ...filters } = query
        const page = await listDocuments(tx, caller, filters, { limit, starting_after })
        return { ...page, data: page.data.map(presentDocument) }
      },
    }),
    route.define({
      method: 'GET',
      url: '/api/documents/entity/:entityType/:entityId',
      operationId: 'listEntityDocuments',
      summary: 'The documents of a candidate, role or company, newest first',
      access: members,
      params: z.strictObject({ entityType: z.enum(ENTITY_TYPES), entityId: ZUuid }),
      query: z.strictObject({ ...ZListQueryBase, kind: z.enum(DOCUMENT_KINDS).optional() }),
      response: listOf(ZDocument).extend({
        can_upload: z
          .boolean()
          .describe('Whether I may add documents to this record (and delete its documents)'),
      }),
      handler: async ({ tx, caller, params, query }) => {
        const access = await entityAccess(tx, params.entityType, params.entityId)
        if (!access.visible) {
          throw new AppError('not_found', `No such ${params.entityType}, or not yours to see`)
        }
        const page = await listDocuments(
          tx,
          caller,
          { entity_type: params.entityType, entity_id: params.entityId, kind: query.kind },
          { limit: query.limit, starting_after: query.starting_after },
        )
        return {
          ...page,
          data: page.data.map(presentDocument),
          can_upload: access.writable || caller.isPlatformAdmin,
        }
      },
    }),
    route.define({
      method: 'GET',
      url: '/api/documents/:id',
      operationId: 'getDocument',
      summary: 'A document’s details and a short-lived download link',
      description: `The link works for ${LINK_SECONDS / 60} minutes. Issuing it is logged as a read of personal data for a candidate’s documents (and for every document a platform admin opens).`,
      access: members,
      params: ZIdParams,
      response: ZDocumentWithLink,
      handler: async ({ tx, caller, params, ctx }) =>
        withLink(tx, ctx, caller, await getDocument(tx, params.id)),
    }),
    route.define({
      method: 'POST',
      url: '/api/documents/:id/attach',
      operationId: 'attachDocument',
      summary: 'Attach one of my drafts to a candidate, role or company',
      access: members,
      params: ZIdParams,
      body: z.strictObject({ entity_type: z.enum(ENTITY_TYPES), entity_id: ZUuid }),
      errors: [409],
      response: ZDocument,
      handler: async ({ tx, caller, params, body }) => {
        await attachDocument(tx, caller, params.id, { type: body.entity_type, id: body.entity_id })
        return presentDocument(await getDocument(tx, params.id))
      },
    }),
    route.define({
      method: 'DELETE',
      url: '/api/documents/:id',
      operationId: 'deleteDocument',
      summary: 'Delete a document (soft: it disappears, its bytes are purged, the record of it stays)',
      access: members,
      params: ZIdParams,
      response: null,
      handler: async ({ tx, caller, params }) => {
        await deleteDocument(tx, caller, params.id)
      },
    }),
    route.define({
      method: 'GET',
      url: '/api/documents/:id/content',
      operationId: 'downloadDocument',
      summary: 'A document’s content, through a signed link that expires',
      description:
        'The link comes from `GET /api/documents/{id}`. An expired or altered link is a 403 `forbidden`; a deleted document a 404.',
      access: access.public('Whoever holds a signed, unexpired link (the signature is the permission).'),
      params: ZIdParams,
      query: z.strictObject({ expires: z.coerce.number().int().min(0), sig: z.string().min(10).max(100) }),
      transaction: false,
      response: z.string().describe('The document’s bytes'),
      handler: async ({ params, query, ctx, reply }) => {
        if (
          !verifyLink(
            ctx.config.auth.secret,
            { purpose: LINK_PURPOSE, id: params.id },
            query.expires,
            query.sig,
            ctx.clock.now(),
          )
        ) {
          throw new AppError('forbidden', 'The link expired or its signature does not match')
        }
        const doc = await inTransaction(ctx.db, systemActor('documents.download'), (tx: DocumentsTx) =>
          tx
            .selectFrom('documents.documents')
            .select(['storage_key', 'media_type', 'file_name', 'size_bytes'])
            .where('id', '=', params.id)
            .where('deleted_at', 'is', null)
            .executeTakeFirst(),
        )
        const stream = doc ? await documentStorage().stream(doc.storage_key) : undefined
        if (!doc || !stream) throw new AppError('not_found', 'No such document')
        return reply
          .type(doc.media_type)
          .header('content-length', String(doc.size_bytes))
          .header('cache-control', 'private, no-store')
          .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(doc.file_name)}`)
          .send(stream)
      },
    }),
  ]
}
