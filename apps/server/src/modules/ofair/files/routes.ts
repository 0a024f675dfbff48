import { z } from 'zod'
import type { AppContext } from '../../../kernel/context.ts'
import { inTransaction, systemActor } from '../../../kernel/db/transaction.ts'
import type { AppFastify } from '../../../kernel/module.ts'
import type { OfairTx } from '../database.ts'
import { refuse } from '../messages.ts'
import { ofairRoute as route, who } from '../route.ts'
import { postgresFileStore } from './file-store.ts'
import { MAX_FILE_BYTES } from './file-types.ts'
import { FILE_PURPOSES, storeUpload } from './service.ts'
import { signedFileUrl, verifyFileSignature } from './signed-url.ts'

const tags = ['ofair-files']
const RAW_TYPES = ['application/octet-stream', 'image/jpeg', 'image/png', 'image/webp', 'application/pdf']

export const ZStoredFile = z.object({
  id: z.string(),
  name: z.string(),
  mime: z.string(),
  size_bytes: z.number().int(),
  url: z.string().describe('A link to the file, valid for 5 minutes'),
})

const uploadRoute = route.define({
  method: 'POST',
  url: '/api/ofair/files',
  operationId: 'uploadOfairFile',
  summary: 'Upload a certificate, a lead attachment or a proposal photo (raw bytes, at most 5 MB)',
  description:
    'Send the file as the body (`Content-Type: application/octet-stream` or its own type). The type is read from the file’s first bytes: JPEG, PNG, WebP or PDF only (415 `file_type_not_allowed`); larger than 5 MB is a 413 `file_too_large` (far larger bodies are cut off before they are read: 413 `payload_too_large`). The file stays private: links to it are signed and expire after 5 minutes.',
  tags,
  access: who.members,
  query: z.strictObject({
    purpose: z.enum(FILE_PURPOSES),
    name: z.string().trim().min(1).max(200).describe('The file’s name as the person chose it'),
  }),
  status: 201,
  errors: [413, 415],
  response: ZStoredFile,
  handler: async ({ tx, caller, query, request, ctx }) => {
    if (!Buffer.isBuffer(request.body)) {
      throw refuse('validation_failed', 'body: send the file’s bytes', { field: 'body' })
    }
    const file = await storeUpload(tx, caller, {
      bytes: request.body,
      purpose: query.purpose,
      name: query.name,
    })
    return {
      id: file.id,
      name: file.original_name,
      mime: file.mime,
      size_bytes: file.size_bytes,
      url: signedFileUrl(ctx.config.auth.secret, file.id, ctx.clock.now()),
    }
  },
})

const contentRoute = route.define({
  method: 'GET',
  url: '/api/ofair/files/:id/content',
  operationId: 'getOfairFileContent',
  summary: 'A private file, through a signed link that expires',
  description:
    'The link comes from the API where the caller may see the file. An expired or altered link is a 403 `link_expired`.',
  tags,
  access: {
    kind: 'public',
    rule: 'Whoever holds a signed, unexpired link (the signature is the permission).',
  },
  params: z.strictObject({ id: z.uuid() }),
  query: z.strictObject({ expires: z.coerce.number().int().min(0), sig: z.string().min(10).max(100) }),
  transaction: false,
  response: z.string().describe('The file’s bytes'),
  handler: async ({ params, query, ctx, reply }) => {
    if (!verifyFileSignature(ctx.config.auth.secret, params.id, query.expires, query.sig, ctx.clock.now())) {
      throw refuse('link_expired', 'The link expired or its signature does not match')
    }
    const file = await inTransaction(ctx.db, systemActor('ofair.file_link'), async (tx: OfairTx) => {
      const meta = await tx
        .selectFrom('ofair.files')
        .select(['mime', 'original_name'])
        .where('id', '=', params.id)
        .executeTakeFirst()
      const bytes = meta ? await postgresFileStore.get(tx, params.id) : undefined
      return meta && bytes ? { ...meta, bytes } : undefined
    })
    if (!file) throw refuse('not_found', 'No such file')
    return reply
      .type(file.mime)
      .header('cache-control', 'private, max-age=300')
      .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(file.original_name)}`)
      .send(file.bytes)
  },
})

/** The upload route reads raw bytes (its own parsers, a 5 MB limit checked by the service). */
export function mountFileRoutes(app: AppFastify, ctx: AppContext): void {
  app.register(async (child) => {
    for (const type of RAW_TYPES) {
      child.addContentTypeParser(
        type,
        { parseAs: 'buffer', bodyLimit: MAX_FILE_BYTES + 1024 * 1024 },
        (_req, body, done) => done(null, body),
      )
    }
    route.mount(child as unknown as AppFastify, ctx, [uploadRoute])
  })
  route.mount(app, ctx, [contentRoute])
}
