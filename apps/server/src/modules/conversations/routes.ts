import { z } from 'zod'
import { inTransaction } from '../../kernel/db/transaction.ts'
import { AppError } from '../../kernel/errors.ts'
import { access, actorOf } from '../../kernel/http/access.ts'
import { moduleRoutes } from '../../kernel/http/route.ts'
import { ZIdParams, ZUuid } from '../../kernel/http/schemas.ts'
import type { ConversationsDatabase } from './database.ts'
import { REPORT_REASONS, reportMessage } from './moderation.ts'
import {
  CONTROL_CHARACTERS,
  listMessages,
  MAX_MESSAGE_LENGTH,
  markRead,
  myConversations,
  sendMessage,
  setBlocked,
} from './service.ts'

/** Conversations' route kit: its own tables, the principal as the caller. */
export const conversationsRoute = moduleRoutes<ConversationsDatabase>({ tag: 'conversations' })
const route = conversationsRoute

const own = access.authenticated(
  'Participants only: row-level security shows a conversation to the people taking part in it (anyone else gets 404).',
)

export const ZMessage = z.object({
  id: z.string(),
  conversation_id: z.string(),
  sender_user_id: z.string(),
  text: z.string().describe('Plain text (never HTML); parts may be hidden for this reader, see mask_reason'),
  mask_reason: z
    .string()
    .nullable()
    .describe('Why parts of the text are hidden from this reader (e.g. `contact_details_before_acceptance`)'),
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
      access: own,
      query: z.strictObject({
        subject_kind: z
          .string()
          .regex(/^[a-z][a-z0-9_]{1,62}$/)
          .optional()
          .describe('Only conversations about this kind of subject'),
        limit: z.coerce.number().int().min(1).max(100).default(50),
      }),
      response: z.object({ data: z.array(ZSummary) }),
      handler: async ({ tx, caller, query }) => ({
        data: await myConversations(tx, caller.principal!.userId, {
          subjectKind: query.subject_kind,
          limit: query.limit,
        }),
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
      summary: 'Send a text message',
      description:
        'Plain text, stored as typed and returned as text (never rendered as HTML). At most 20 messages per 10 seconds per sender (429 with Retry-After). A conversation a participant blocked refuses messages (403 `conversation_blocked`).',
      access: own,
      params: ZIdParams,
      body: z.strictObject({ text: ZMessageText }),
      response: ZMessage,
      status: 201,
      errors: [429],
      handler: ({ tx, ctx, caller, params, body }) =>
        sendMessage(tx, ctx.clock, me(caller), params.id, body.text),
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
