import './errors.ts'
import { z } from 'zod'
import { inTransaction } from '../../../kernel/db/transaction.ts'
import { access, actorOf } from '../../../kernel/http/access.ts'
import { ZIdParams, ZListQueryBase, ZUuid } from '../../../kernel/http/schemas.ts'
import {
  attachmentErrors,
  MARKUP,
  REPORT_REASONS,
  sendAttachment,
  textOrFile,
  ZAttachment,
  ZAttachmentDocumentId,
  ZMessageText,
} from '../../conversations/index.ts'
import type { RecruitingTx } from '../database.ts'
import { recruitingRoute as route, SPLITS_ROLES, who } from '../route.ts'
import {
  adminAttachment,
  adminTranscript,
  applicationMessages,
  askRoleQuestion,
  closeModerationReport,
  moderationQueue,
  mySplitsConversations,
  postApplicationMessage,
  roleQuestions,
} from './service.ts'

const tags = ['conversations']

/** Message text: plain text, the conversations module's rule, plus no markup (tags are refused, not stored). */
const ZText = ZMessageText.refine(
  (s) => !MARKUP.test(s),
  'must be plain text: HTML tags are not allowed',
).describe('Plain text, 1-2000 characters; HTML tags and control characters (but tab and new line) refused')

const ZMessage = z.object({
  id: z.string(),
  conversation_id: z.string(),
  sender_user_id: z.string(),
  text: z.string().describe('Plain text; contact details may be hidden for this reader (see mask_reason)'),
  mask_reason: z
    .string()
    .nullable()
    .describe(
      '`candidate_contact_details_hidden` (this reader may not see the candidate’s contacts) or `contact_details_in_role_questions`',
    ),
  attachment: ZAttachment,
  created_at: z.iso.datetime(),
})
const ZParticipant = z.object({
  user_id: z.string(),
  role: z.string().describe('`recruiter` or `hiring_team`'),
  display_name: z.string(),
  last_read_message_id: z.string().nullable(),
  last_read_at: z.iso.datetime().nullable(),
  blocked: z.boolean(),
})

const participantsRule =
  'The submitting recruiter and the company’s hiring team (others: 404 if the application is hidden, 403 otherwise; platform admins read through the logged admin view).'

export const conversationRoutes = [
  route.define({
    method: 'GET',
    url: '/api/applications/:id/messages',
    operationId: 'listApplicationMessages',
    summary: 'The messages about an application, between its recruiter and the hiring team',
    description:
      'Opens the conversation on first use (and adds hiring-team members who joined since). The newest `limit` messages, oldest first; page back with `before`. Newer messages arrive over the conversations socket or `GET /api/conversations/{conversation_id}/messages?after=`; read receipts and blocks go through `/api/conversations/{conversation_id}/…`. Phone numbers and e-mails are hidden from readers who may not see the candidate’s contact details.',
    tags,
    access: access.roles(SPLITS_ROLES, participantsRule),
    params: ZIdParams,
    query: z.strictObject({
      before: ZUuid.optional().describe('Only messages before this one (older pages)'),
      limit: z.coerce.number().int().min(1).max(200).default(100),
    }),
    response: z.object({
      conversation_id: z.string(),
      application_id: z.string(),
      role_title: z.string(),
      candidate_name: z.string(),
      participants: z.array(ZParticipant),
      data: z.array(ZMessage),
      has_more: z.boolean(),
      blocked: z.boolean().describe('A participant blocked the conversation: nobody can write'),
    }),
    handler: ({ tx, caller, params, query }) => applicationMessages(tx, caller, params.id, query),
  }),
  route.define({
    method: 'POST',
    url: '/api/applications/:id/messages',
    operationId: 'sendApplicationMessage',
    summary: 'Send a message about an application: text, a file (a CV), or both',
    description:
      'Plain text (HTML tags refused with 400), stored as typed. A file: `document_id` of one of my own ready drafts (`POST /api/documents/upload`, kind `message_attachment`; PDF, DOCX, PNG, JPEG; 10 MB): 403 `attachment_not_yours`, 409 `attachment_not_ready`, 413 `attachment_too_large`, 415 `attachment_type_not_allowed`, 422 `attachment_failed` otherwise; the other side downloads it through `GET /api/conversations/{conversation_id}/attachments/{attachment_id}` (logged). At most 20 messages per 10 s per sender (429); a blocked conversation refuses (403 `conversation_blocked`). With an `Idempotency-Key`, a repeated send answers the first one.',
    tags,
    access: access.roles(SPLITS_ROLES, participantsRule),
    params: ZIdParams,
    body: z.strictObject({ text: ZText.optional(), document_id: ZAttachmentDocumentId.optional() }),
    response: ZMessage,
    status: 201,
    errors: attachmentErrors,
    idempotent: true,
    handler: ({ tx, ctx, caller, params, body }) =>
      postApplicationMessage(tx, ctx.clock, caller, params.id, textOrFile(body), body.document_id),
  }),
  route.define({
    method: 'GET',
    url: '/api/roles/:id/questions',
    operationId: 'listRoleQuestions',
    summary: 'The question threads of a role: the hiring team one per recruiter, a recruiter their own',
    description:
      'Messages are read and sent through `/api/conversations/{conversation_id}/…`. For the hiring team, `recruiters_without_thread` lists the recruiters working the role (an application, an assignment, the job owner) it may start a thread with. Contact details in these threads are hidden from everyone (candidates reach a company only by submission).',
    tags,
    access: access.roles(
      SPLITS_ROLES,
      'Anyone who can see the role: its hiring team all threads, a recruiter their own (a hidden role is 404).',
    ),
    params: ZIdParams,
    response: z.object({
      role_id: z.string(),
      role_title: z.string(),
      viewer: z.enum(['hiring_team', 'recruiter']),
      can_ask: z.boolean().describe('A recruiter without a thread yet may ask (POST)'),
      data: z.array(
        z.object({
          thread_id: z.string(),
          recruiter_id: z.string(),
          recruiter_name: z.string(),
          conversation_id: z.string(),
          unread: z.number().int(),
          last_message_at: z.iso.datetime().nullable(),
        }),
      ),
      recruiters_without_thread: z.array(z.object({ recruiter_id: z.string(), recruiter_name: z.string() })),
    }),
    handler: ({ tx, caller, params }) => roleQuestions(tx, caller, params.id),
  }),
  route.define({
    method: 'POST',
    url: '/api/roles/:id/questions',
    operationId: 'askRoleQuestion',
    summary:
      'Ask a question about a role (a recruiter), or write to a recruiter working it (the hiring team)',
    description:
      'Opens the thread (one per role and recruiter, also under concurrent first questions) and sends the first message. The hiring team names `recruiter_id` (a recruiter working the role: 422 `recruiter_not_on_role` otherwise).',
    tags,
    access: access.roles(
      SPLITS_ROLES,
      'Recruiters who can see the role (their own thread); its hiring team (any recruiter working it).',
    ),
    params: ZIdParams,
    body: z.strictObject({
      text: ZText,
      recruiter_id: ZUuid.optional().describe('The hiring team: which recruiter to write to'),
    }),
    response: z.object({ thread_id: z.string(), conversation_id: z.string(), message: ZMessage }),
    status: 201,
    errors: [422, 429],
    handler: ({ tx, ctx, caller, params, body }) => askRoleQuestion(tx, ctx.clock, caller, params.id, body),
  }),
  route.define({
    method: 'GET',
    url: '/api/splits/conversations',
    operationId: 'listMySplitsConversations',
    summary: 'My Splits Network conversations (applications, role questions) with unread counts',
    tags,
    access: who.members,
    response: z.object({
      data: z.array(
        z.object({
          conversation_id: z.string(),
          kind: z.enum(['application', 'role_question']),
          title: z.string(),
          link: z.string().describe('The page the conversation is on'),
          unread: z.number().int(),
          last_message_at: z.iso.datetime().nullable(),
        }),
      ),
      unread: z.number().int().describe('Unread messages in all of them (the menu’s badge)'),
    }),
    handler: ({ tx, caller }) => mySplitsConversations(tx, caller),
  }),
  route.define({
    method: 'GET',
    url: '/api/admin/conversation-reports',
    operationId: 'listSplitsConversationReports',
    summary: 'Reported messages of Splits Network conversations (the moderation queue)',
    description:
      'Open reports oldest first (the order of work), resolved and dismissed ones newest first; keyset-paged: pass next_cursor as starting_after. A cursor not returned here answers 400 invalid_cursor.',
    tags: ['admin'],
    access: who.admin,
    query: z.strictObject({
      status: z.enum(['open', 'resolved', 'dismissed']).default('open'),
      limit: z.coerce.number().int().min(1).max(200).default(100),
      starting_after: ZListQueryBase.starting_after,
    }),
    response: z.object({
      has_more: z.boolean(),
      next_cursor: z.string().nullable().describe('Pass as starting_after for the next page'),
      data: z.array(
        z.object({
          id: z.string(),
          conversation_id: z.string(),
          subject_kind: z.enum(['application', 'role_question']),
          subject_id: z.string(),
          reason: z.enum(REPORT_REASONS),
          note: z.string().nullable(),
          status: z.enum(['open', 'resolved', 'dismissed']),
          created_at: z.iso.datetime(),
          resolved_at: z.iso.datetime().nullable(),
          resolution_note: z.string().nullable(),
          reporter_name: z.string(),
          sender_user_id: z.string(),
          sender_name: z.string(),
          message_id: z.string(),
          message_created_at: z.iso.datetime(),
        }),
      ),
    }),
    handler: ({ tx, query }) => moderationQueue(tx, query.status, query.limit, query.starting_after),
  }),
  route.define({
    method: 'POST',
    url: '/api/admin/conversation-reports/:id/close',
    operationId: 'closeSplitsConversationReport',
    summary: 'Close a report: resolved (acted on) or dismissed; audited',
    tags: ['admin'],
    access: who.admin,
    params: ZIdParams,
    body: z.strictObject({
      status: z.enum(['resolved', 'dismissed']),
      note: z.string().trim().min(1).max(1000).optional(),
    }),
    response: z.object({
      id: z.string(),
      status: z.enum(['resolved', 'dismissed']),
      resolved_at: z.iso.datetime().nullable(),
    }),
    errors: [409],
    handler: ({ tx, ctx, caller, params, body }) =>
      closeModerationReport(tx, ctx.clock, caller, params.id, body),
  }),
  route.define({
    method: 'GET',
    url: '/api/admin/conversations/:id',
    operationId: 'getSplitsConversationTranscript',
    summary: 'A Splits Network conversation as typed (moderation); each read is logged',
    description:
      'Nothing is hidden: every read writes a PII reveal entry and an audit entry with its purpose.',
    tags: ['admin'],
    access: who.admin,
    params: ZIdParams,
    query: z.strictObject({
      purpose: z
        .enum(['moderation', 'dispute', 'support'])
        .default('moderation')
        .describe('Why the transcript is read (logged)'),
    }),
    response: z.object({
      conversation_id: z.string(),
      subject_kind: z.enum(['application', 'role_question']),
      subject_id: z.string(),
      participants: z.array(ZParticipant),
      messages: z.array(ZMessage),
    }),
    handler: ({ tx, caller, params, query }) => adminTranscript(tx, caller, params.id, query.purpose),
  }),
  route.define({
    method: 'GET',
    url: '/api/admin/conversations/:id/attachments/:attachmentId',
    operationId: 'downloadSplitsConversationAttachment',
    summary: 'A file sent in a Splits Network conversation (moderation); each download is logged',
    description: 'Every download writes a PII reveal entry and an audit entry with its purpose.',
    tags: ['admin'],
    access: who.admin,
    params: z.strictObject({ id: ZUuid, attachmentId: ZUuid }),
    query: z.strictObject({
      purpose: z
        .enum(['moderation', 'dispute', 'support'])
        .default('moderation')
        .describe('Why the file is read (logged)'),
    }),
    response: z.string().describe('The file’s bytes'),
    transaction: false,
    handler: async ({ ctx, request, reply, caller, params, query }) => {
      const file = await inTransaction(
        ctx.db,
        actorOf(request.principal!),
        (tx: RecruitingTx) => adminAttachment(tx, caller, params.id, params.attachmentId, query.purpose),
        { requestId: request.id },
      )
      return sendAttachment(reply, file)
    },
  }),
]
