import './errors.ts'
import fastifyWebsocket from '@fastify/websocket'
import type { FastifyRequest } from 'fastify'
import type { WebSocket } from 'ws'
import { access } from '../../kernel/http/access.ts'
import type { AppFastify, AppModule } from '../../kernel/module.ts'
import { ConversationHub } from './hub.ts'
import { userMessages } from './messages.ts'
import { conversationRoutes, conversationsRoute, originAllowed, originRefused } from './routes.ts'

declare module '../../kernel/context.ts' {
  interface AppServices {
    /** The process's fan-out of chat messages (web processes with a database only). */
    conversationHub?: ConversationHub
  }
}

export const SOCKET_PATH = '/api/conversations/socket'

/**
 * Conversations: text chat between the participants of a subject, with read receipts, blocks, a
 * per-sender rate limit, row-level security, a WebSocket push and a long-polling fallback; several
 * processes fan out through PostgreSQL LISTEN/NOTIFY. Generic: the module owning a subject opens
 * its conversations and decides what each reader sees (`defineConversationSubject`). See README.md.
 */
export const conversationsModule: AppModule = {
  name: 'conversations',
  schemas: ['conversations'],
  async init(ctx) {
    if (ctx.offline || ctx.entry !== 'server' || ctx.config.role === 'worker') return
    const hub = new ConversationHub(ctx)
    await hub.start()
    ctx.services.conversationHub = hub
  },
  async stop(ctx) {
    await ctx.services.conversationHub?.stop()
    delete ctx.services.conversationHub
  },
  routes(app, ctx) {
    app.register(async (child) => {
      const scope = child as unknown as AppFastify
      userMessages(scope)
      conversationsRoute.mount(scope, ctx, conversationRoutes())
      await child.register(fastifyWebsocket, { options: { maxPayload: 4096 } })
      // An upgrade refused by a hook (401, 403) is answered over HTTP; the plugin only closes the
      // connections it upgraded, so close this one (else it stays half open and holds shutdown).
      child.addHook('onResponse', async (request) => {
        if (request.raw.headers.upgrade && !request.ws) request.raw.socket?.destroy()
      })
      child.get(
        SOCKET_PATH,
        {
          websocket: true,
          config: {
            access: access.authenticated(
              'Pushes the messages and read receipts of the caller’s own conversations (WebSocket; the session cookie is checked on upgrade, and the Origin must be this site).',
            ),
          },
          schema: { hide: true },
          preValidation: async (request: FastifyRequest) => {
            const { publicUrl, corsOrigins } = ctx.config.http
            if (!originAllowed(request.headers.origin, request.headers.host, { publicUrl, corsOrigins })) {
              throw originRefused()
            }
          },
        },
        (socket: WebSocket, request: FastifyRequest) => {
          const hub = ctx.services.conversationHub
          if (!hub || !request.principal) {
            socket.close(1011, 'chat push is not available')
            return
          }
          const remove = hub.add(request.principal.userId, socket)
          socket.on('close', remove)
          socket.on('error', remove)
          // the client only pings; messages are sent over HTTP (validation, CSRF, rate limit)
          socket.on('message', (data) => {
            if (String(data) === '{"type":"ping"}') socket.send('{"type":"pong"}')
          })
          socket.send(JSON.stringify({ type: 'ready' }))
        },
      )
    })
  },
}

export {
  ATTACHMENT_RULES,
  type AttachableDocument,
  type AttachmentFiles,
  attachmentContent,
  type PresentedAttachment,
  provideAttachmentFiles,
} from './attachments.ts'
export { MASK, maskContactDetails } from './mask.ts'
export {
  closeReport,
  type DigestItem,
  digestDue,
  markDigested,
  REPORT_REASONS,
  type ReportReason,
  reportQueue,
} from './moderation.ts'
export {
  attachmentErrors,
  sendAttachment,
  textOrFile,
  ZAttachment,
  ZAttachmentDocumentId,
  ZMessageText,
} from './routes.ts'
export {
  conversationsBySubject,
  listMessages,
  myConversations,
  openConversation,
  type PresentedMessage,
  seedConversations,
  sendMessage,
  transcripts,
  unreadCount,
} from './service.ts'
export {
  type ConversationSubject,
  defineConversationSubject,
  MARKUP,
  type Presenter,
  type Viewer,
} from './subjects.ts'
