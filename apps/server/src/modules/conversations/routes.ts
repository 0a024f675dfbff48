import type { Readable } from 'node:stream'
import type { FastifyReply } from 'fastify'
import { z } from 'zod'
import { inTransaction } from '../../kernel/db/transaction.ts'
import { AppError } from '../../kernel/errors.ts'
import { access, actorOf } from '../../kernel/http/access.ts'
import { moduleRoutes } from '../../kernel/http/route.ts'
import { ZIdParams, ZUuid } from '../../kernel/http/schemas.ts'
import { attachmentContent } from './attachments.ts'
import type { ConversationsDatabase } from './database.ts'
import { REPORT_REASONS, reportMessage } from './moderation.ts'
import {
  CONTROL_CHARACTERS,
  listMessages,
  MAX_MESSAGE_LENGTH,
  markRead,
  pageOfMyConversations,
  sendMessage,
  setBlocked,
} from './service.ts'

/** Conversations' route kit: its own tables, the principal as the caller. */
export const conversationsRoute = moduleRoutes<ConversationsDatabase>({ tag: 'conversations' })
const route = conversationsRoute

const own = access.authenticated(
  'Participants only: row-level security shows a conversation to the people taking part in it (anyone else gets 404).',
)

/** A file sent with a message; its content: `GET /api/conversations/{id}/attachments/{attachment id}`. */
export const ZAttachment = z
  .object({
    id: z.string(),
    file_name: z.string(),
    media_type: z.string().describe('Read from the file’s content: PDF, DOCX, PNG or JPEG'),
    size_bytes: z.number().int(),
  })
  .nullable()
  .describe('The file sent with the message, or null (text only)')

export const ZMessage = z.object({
  id: z.string(),
  conversation_id: z.string(),
  sender_user_id: z.string(),
  text: z
    .string()
    .describe(
      'Plain text (never HTML); parts may be hidden for this reader, see mask_reason. Empty when a file was sent alone.',
    ),
  mask_reason: z
    .string()
    .nullable()
    .describe('Why parts of the text are hidden from this reader (e.g. `contact_details_before_acceptance`)'),
  attachment: ZAttachment,
  created_at: z.iso.datetime(),
})
export const ZParticipant = z.object({
  user_id: z.string(),
  role: z.string(),
  display_name: z.string(),
  last_read_message_id: z.string().nullable().describe('Seen up to this message'),
  last_read_at: z.iso.datetime().nullable(),
  blocked: z.boolean(),
})
const ZMessagePage = z.object({
  conversation: z.object({ id: z.string(), subject_kind: z.string(), subject_id: z.string() }),
  participants: z.array(ZParticipant),
  data: z.array(ZMessage),
  has_more: z.boolean().describe('Older messages exist (page back with `before`)'),
})
const ZSummary = z.object({
  id: z.string(),
  subject_kind: z.string(),
  subject_id: z.string(),
  last_message_at: z.iso.datetime().nullable(),
  unread: z.number().int().describe('Messages from others after my last read one'),
  participants: z.array(z.object({ user_id: z.string(), role: z.string(), display_name: z.string() })),
})

/** Message text: the same rule as the database's CHECK. */
export const ZMessageText = z
  .string()
  .max(MAX_MESSAGE_LENGTH, `at most ${MAX_MESSAGE_LENGTH} characters`)
  .refine((s) => s.trim().length > 0, 'must not be empty')
  .refine((s) => !CONTROL_CHARACTERS.test(s), 'must not contain control characters')
  .describe('Plain text, 1-2000 characters; tab and new line allowed, other control characters refused')

/** The file to send with a message: a draft of the sender's from `POST /api/documents/upload`. */
export const ZAttachmentDocumentId = ZUuid.describe(
  'A file to send with the message: one of my own drafts, uploaded with `POST /api/documents/upload` (kind `message_attachment`: PDF, DOCX, PNG or JPEG, at most 10 MB) and `ready`. Only where the conversation takes files (Splits Network); the text may then be left out.',
)

/** A message is text, a file, or both. */
export function textOrFile(body: { text?: string | undefined; document_id?: string | undefined }): string {
  if (body.text === undefined && body.document_id === undefined) {
    throw new AppError('validation_failed', 'text: a message needs text or a file', {
      errors: [{ field: 'body.text', message: 'required (unless a file is sent)' }],
    })
  }
  return body.text ?? ''
}

export const attachmentErrors = [403, 409, 413, 415, 422, 429] as const

const me = (caller: { principal: { userId: string } | null }) => ({
  userId: caller.principal!.userId,
  admin: false,
})

export function conversationRoutes() {
  return [
    route.define({
      method: 'GET',
      url: '/api/conversations',
      operationId: 'listMyConversations',
      summary: 'My conversations, latest activity first, with unread counts',
      description:
        'Paged: pass `next_cursor` as `starting_after` (conversations active at the same instant are neither skipped nor repeated).',
      access: own,
      query: z.strictObject({
        subject_kind: z
          .string()
          .regex(/^[a-z][a-z0-9_]{1,62}$/)
          .optional()
          .describe('Only conversations about this kind of subject'),
        limit: z.coerce.number().int().min(1).max(100).default(50),
        starting_after: z
          .string()
          .min(1)
          .max(200)
          .optional()
          .describe('The `next_cursor` of the previous page'),
      }),
      response: z.object({
        data: z.array(ZSummary),
        has_more: z.boolean(),
        next_cursor: z
          .string()
          .nullable()
          .describe('Pass as `starting_after` for the next page; null at the end'),
      }),
      handler: async ({ tx, caller, query }) =>
        pageOfMyConversations(tx, caller.principal!.userId, {
          subjectKind: query.subject_kind,
          startingAfter: query.starting_after,
          limit: query.limit,
        }),
    }),
    route.define({
      method: 'GET',
      url: '/api/conversations/:id/messages',
      operationId: 'listConversationMessages',
      summary: 'Messages of a conversation; with `after` and `wait`, a long poll',
      description:
        'Without `after`: the newest `limit` messages (or those before `before`), oldest first. With `after`: the messages after that id (resume after a reconnect). With `after` and `wait` (seconds, at most 25): if there is nothing new yet, the answer waits until a message or a read receipt arrives or the time is up (the fallback when WebSockets are not available).',
      access: own,
      params: ZIdParams,
      query: z.strictObject({
        after: ZUuid.optional().describe('Only messages after this one'),
        before: ZUuid.optional().describe('Only messages before this one (older pages)'),
        limit: z.coerce.number().int().min(1).max(200).default(100),
        wait: z.coerce
          .number()
          .int()
          .min(0)
          .max(25)
          .default(0)
          .describe('Long poll: seconds to wait for news'),
      }),
      response: ZMessagePage,
      transaction: false,
      handler: async ({ ctx, request, params, query }) => {
        const principal = request.principal!
        const viewer = { userId: principal.userId, admin: false }
        const read = () =>
          inTransaction(ctx.db, actorOf(principal), (tx) =>
            listMessages(tx, viewer, params.id, {
              after: query.after,
              before: query.before,
              limit: query.limit,
            }),
          )
        const hub = ctx.services.conversationHub
        if (!query.after || query.wait === 0 || !hub) return read()
        const deadline = Date.now() + query.wait * 1000
        let gone = false
        const hangUp = () => {
          gone = true
        }
        request.raw.once('close', hangUp)
        try {
          // wake on any news of the conversation (a read receipt, a late notice of an older message)
          // and read again; answer when there is something new or the time is up
          for (;;) {
            const waiting = hub.waiter(params.id, Math.max(0, deadline - Date.now()))
            const stop = () => waiting.cancel()
            request.raw.once('close', stop)
            try {
              const page = await read()
              if (page.data.length > 0 || gone || Date.now() >= deadline) return page
              await waiting.promise
            } finally {
              waiting.cancel()
              request.raw.off('close', stop)
            }
          }
        } finally {
          request.raw.off('close', hangUp)
        }
      },
    }),
    route.define({
      method: 'POST',
      url: '/api/conversations/:id/messages',
      operationId: 'sendConversationMessage',
      summary: 'Send a message: text, a file, or both',
      description:
        'Plain text, stored as typed and returned as text (never rendered as HTML). At most 20 messages per 10 seconds per sender (429 with Retry-After). A conversation a participant blocked refuses messages (403 `conversation_blocked`). A file (`document_id`) only where the conversation takes files (else 422 `attachments_not_allowed`): one of my own ready drafts (else 403 `attachment_not_yours`, 409 `attachment_not_ready`, 422 `attachment_failed`), PDF, DOCX, PNG or JPEG (415 `attachment_type_not_allowed`) of at most 10 MB (413 `attachment_too_large`). With an `Idempotency-Key`, a repeated send answers the first one.',
      access: own,
      params: ZIdParams,
      body: z.strictObject({
        text: ZMessageText.optional(),
        document_id: ZAttachmentDocumentId.optional(),
      }),
      response: ZMessage,
      status: 201,
      errors: attachmentErrors,
      idempotent: true,
      handler: ({ tx, ctx, caller, params, body }) =>
        sendMessage(tx, ctx.clock, me(caller), params.id, textOrFile(body), { documentId: body.document_id }),
    }),
    route.define({
      method: 'GET',
      url: '/api/conversations/:id/attachments/:attachmentId',
      operationId: 'downloadConversationAttachment',
      summary: 'The content of a file sent in a conversation (participants; each download is logged)',
      description:
        'Participants only (row-level security: anyone else gets 404). A download of a file that may carry a person’s data (Splits Network: a candidate’s CV) writes a PII reveal entry.',
      access: own,
      params: z.strictObject({ id: ZUuid, attachmentId: ZUuid }),
      response: z.string().describe('The file’s bytes'),
      transaction: false,
      handler: async ({ ctx, request, reply, params }) => {
        const principal = request.principal!
        const file = await inTransaction(
          ctx.db,
          actorOf(principal),
          (tx) =>
            attachmentContent(
              tx,
              { userId: principal.userId, admin: false },
              params.id,
              params.attachmentId,
              'conversation_attachment_download',
            ),
          { requestId: request.id },
        )
        return sendAttachment(reply, file)
      },
    }),
    route.define({
      method: 'POST',
      url: '/api/conversations/:id/read',
      operationId: 'markConversationRead',
      summary: 'Mark the conversation seen up to a message (a read receipt for the others)',
      access: own,
      params: ZIdParams,
      body: z.strictObject({ message_id: ZUuid }),
      response: z.object({
        last_read_message_id: z.string().nullable(),
        last_read_at: z.iso.datetime().nullable(),
      }),
      handler: ({ tx, ctx, caller, params, body }) =>
        markRead(tx, ctx.clock, caller.principal!.userId, params.id, body.message_id),
    }),
    route.define({
      method: 'POST',
      url: '/api/conversations/:id/messages/:messageId/report',
      operationId: 'reportConversationMessage',
      summary: 'Report a message of the conversation to the platform’s moderators',
      description:
        'A participant reports another participant’s message (spam, harassment, taking the deal off the platform, confidential information, other). Once per message and reporter: reporting again answers the first report. The moderators of the subject’s marketplace review the queue.',
      access: own,
      params: z.strictObject({ id: ZUuid, messageId: ZUuid }),
      body: z.strictObject({
        reason: z.enum(REPORT_REASONS),
        note: z.string().trim().min(1).max(1000).optional().describe('What is wrong, in a few words'),
      }),
      response: z.object({
        id: z.string(),
        conversation_id: z.string(),
        message_id: z.string(),
        reason: z.enum(REPORT_REASONS),
        note: z.string().nullable(),
        status: z.enum(['open', 'resolved', 'dismissed']),
        created_at: z.iso.datetime(),
      }),
      status: 201,
      handler: async ({ tx, caller, params, body }) => {
        const r = await reportMessage(tx, caller.principal!.userId, params.id, params.messageId, body)
        return {
          id: r.id,
          conversation_id: r.conversation_id,
          message_id: r.message_id,
          reason: r.reason,
          note: r.note,
          status: r.status,
          created_at: r.created_at,
        }
      },
    }),
    route.define({
      method: 'PUT',
      url: '/api/conversations/:id/block',
      operationId: 'setConversationBlock',
      summary: 'Block or unblock a conversation (while blocked, nobody in it can write)',
      access: own,
      params: ZIdParams,
      body: z.strictObject({ blocked: z.boolean() }),
      response: z.object({ blocked: z.boolean() }),
      handler: ({ tx, ctx, caller, params, body }) =>
        setBlocked(tx, ctx.clock, caller.principal!.userId, params.id, body.blocked),
    }),
  ]
}

/** Streams a file as a download (never shown inline: the browser must not render what it holds). */
export function sendAttachment(
  reply: FastifyReply,
  file: { file_name: string; media_type: string; size_bytes: number; stream: Readable },
) {
  return reply
    .type(file.media_type)
    .header('content-length', String(file.size_bytes))
    .header('cache-control', 'private, no-store')
    .header('x-content-type-options', 'nosniff')
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.file_name)}`)
    .send(file.stream)
}

/** The same-origin rule for the socket (a page of another site must not open it with our cookie). */
export function originAllowed(
  origin: string | undefined,
  host: string | undefined,
  allowed: { publicUrl: string; corsOrigins: readonly string[] },
): boolean {
  if (!origin) return true // not a browser: the cookie or bearer token still decides
  if (allowed.corsOrigins.includes(origin)) return true
  try {
    if (new URL(origin).origin === new URL(allowed.publicUrl).origin) return true
    return host !== undefined && new URL(origin).host === host
  } catch {
    return false
  }
}

export const originRefused = () => new AppError('forbidden', 'The socket must be opened from this site')
