import { sql } from 'kysely'
import type { Clock } from '../../kernel/clock.ts'
import type { AnyTx } from '../../kernel/db/database.ts'
import { asSystem } from '../../kernel/db/transaction.ts'
import { AppError } from '../../kernel/errors.ts'
import { exactTime, newerThanCursor, olderThanCursor, timeIdPage } from '../../kernel/http/pagination.ts'
import type { ConversationsTx } from './database.ts'

const db = (tx: AnyTx) => tx as ConversationsTx

export const REPORT_REASONS = [
  'spam',
  'harassment',
  'off_platform',
  'confidential_information',
  'other',
] as const
export type ReportReason = (typeof REPORT_REASONS)[number]

export interface ReportView {
  id: string
  conversation_id: string
  message_id: string
  reporter_user_id: string
  reason: ReportReason
  note: string | null
  status: 'open' | 'resolved' | 'dismissed'
  created_at: Date
  resolved_at: Date | null
}

const notFound = () =>
  new AppError('not_found', 'No such message, or you do not take part in its conversation')

/**
 * A participant reports a message of their conversation (not their own): once per message and
 * reporter — a second report of the same message answers the first one.
 */
export async function reportMessage(
  tx: AnyTx,
  userId: string,
  conversationId: string,
  messageId: string,
  input: { reason: ReportReason; note?: string | undefined },
): Promise<ReportView> {
  // row-level security: only a participant finds the message
  const message = await db(tx)
    .selectFrom('conversations.messages')
    .select(['id', 'sender_user_id'])
    .where('id', '=', messageId)
    .where('conversation_id', '=', conversationId)
    .executeTakeFirst()
  if (!message) throw notFound()
  if (message.sender_user_id === userId) {
    throw new AppError('cannot_report_own_message', 'You cannot report your own message')
  }
  await db(tx)
    .insertInto('conversations.reports')
    .values({
      conversation_id: conversationId,
      message_id: messageId,
      reporter_user_id: userId,
      reason: input.reason,
      note: input.note ?? null,
    })
    .onConflict((oc) => oc.columns(['message_id', 'reporter_user_id']).doNothing())
    .execute()
  return (await db(tx)
    .selectFrom('conversations.reports')
    .select(REPORT_COLUMNS)
    .where('message_id', '=', messageId)
    .where('reporter_user_id', '=', userId)
    .executeTakeFirstOrThrow()) as ReportView
}

const REPORT_COLUMNS = [
  'id',
  'conversation_id',
  'message_id',
  'reporter_user_id',
  'reason',
  'note',
  'status',
  'created_at',
  'resolved_at',
] as const

/**
 * The moderation queue of some subject kinds (the subject's module has authorised its admin):
 * each report with the reported message as typed and its conversation's subject. As the system.
 */
export async function reportQueue(
  tx: AnyTx,
  options: {
    subjectKinds: readonly string[]
    status: 'open' | 'resolved' | 'dismissed'
    limit: number
    /** a `timeIdPage` cursor of the previous page */
    startingAfter?: string | undefined
  },
) {
  // open reports oldest first (the queue's order of work), closed ones newest first; keyset-paged
  // on (created_at, id) in that direction
  const oldestFirst = options.status === 'open'
  const after = options.startingAfter
  const rows = await asSystem(tx, 'conversations.report_queue', () =>
    db(tx)
      .selectFrom('conversations.reports as r')
      .innerJoin('conversations.messages as m', 'm.id', 'r.message_id')
      .innerJoin('conversations.conversations as c', 'c.id', 'r.conversation_id')
      .leftJoin('identity.user_directory as ru', 'ru.id', 'r.reporter_user_id')
      .leftJoin('identity.user_directory as su', 'su.id', 'm.sender_user_id')
      .select([
        'r.id',
        'r.conversation_id',
        'r.message_id',
        'r.reason',
        'r.note',
        'r.status',
        'r.created_at',
        'r.resolved_at',
        'r.resolution_note',
        'c.subject_kind',
        'c.subject_id',
        'r.reporter_user_id',
        'ru.display_name as reporter_name',
        'm.sender_user_id',
        'su.display_name as sender_name',
        'm.body as message_text',
        'm.created_at as message_created_at',
        exactTime('r.created_at'),
      ])
      .where('c.subject_kind', 'in', [...options.subjectKinds])
      .where('r.status', '=', options.status)
      .$if(after !== undefined, (q) =>
        q.where((oldestFirst ? newerThanCursor : olderThanCursor)(after!, 'r.created_at', 'r.id')),
      )
      .orderBy('r.created_at', oldestFirst ? 'asc' : 'desc')
      .orderBy('r.id', oldestFirst ? 'asc' : 'desc')
      .limit(options.limit + 1)
      .execute(),
  )
  return timeIdPage(rows, options.limit)
}

/** An admin closes a report (resolved: acted on; dismissed: nothing wrong). Once: a closed one is 409. */
export async function closeReport(
  tx: AnyTx,
  clock: Clock,
  input: {
    reportId: string
    subjectKinds: readonly string[]
    status: 'resolved' | 'dismissed'
    note?: string | undefined
    adminUserId: string
  },
) {
  return asSystem(tx, 'conversations.close_report', async () => {
    const report = await db(tx)
      .selectFrom('conversations.reports as r')
      .innerJoin('conversations.conversations as c', 'c.id', 'r.conversation_id')
      .select(['r.id', 'r.status', 'r.conversation_id', 'c.subject_kind', 'c.subject_id'])
      .where('r.id', '=', input.reportId)
      .where('c.subject_kind', 'in', [...input.subjectKinds])
      .executeTakeFirst()
    if (!report) throw new AppError('not_found', 'No such report')
    const updated = await db(tx)
      .updateTable('conversations.reports')
      .set({
        status: input.status,
        resolved_at: clock.now(),
        resolved_by: input.adminUserId,
        resolution_note: input.note ?? null,
      })
      .where('id', '=', input.reportId)
      .where('status', '=', 'open')
      .returning(['id', 'status', 'resolved_at'])
      .executeTakeFirst()
    if (!updated) throw new AppError('version_conflict', 'This report was already closed')
    return { ...updated, conversation_id: report.conversation_id, subject_kind: report.subject_kind }
  })
}

export interface DigestItem {
  user_id: string
  conversation_id: string
  subject_kind: string
  subject_id: string
  unread: number
  newest_message_id: string
  newest_text: string
  newest_sender_user_id: string
  /** The files among the unread messages, oldest first (name and size, for the e-mail). */
  attachments: { file_name: string; size_bytes: number }[]
}

/**
 * The e-mail digest's work list, as the system: per participant and conversation (of these
 * subject kinds), the messages from others that are unread, older than `olderThan`, and not yet
 * e-mailed (after the participant's `digested_message_id`). Participants who blocked are skipped.
 */
export async function digestDue(
  tx: AnyTx,
  options: { subjectKinds: readonly string[]; olderThan: Date; limit: number },
): Promise<DigestItem[]> {
  return asSystem(tx, 'conversations.digest', async () => {
    const rows = await sql<DigestItem & { unread: string }>`
      select p.user_id, p.conversation_id, c.subject_kind, c.subject_id,
             count(*) as unread,
             max(m.id::text)::uuid as newest_message_id,
             (array_agg(m.body order by m.id desc))[1] as newest_text,
             (array_agg(m.sender_user_id order by m.id desc))[1] as newest_sender_user_id,
             coalesce(json_agg(json_build_object('file_name', a.file_name, 'size_bytes', a.size_bytes)
                               order by m.id) filter (where a.id is not null), '[]') as attachments
        from conversations.participants p
        join conversations.conversations c on c.id = p.conversation_id
        join conversations.messages m on m.conversation_id = p.conversation_id
        left join conversations.attachments a on a.message_id = m.id
       where c.subject_kind = any(${[...options.subjectKinds]}::text[])
         and p.blocked_at is null
         and m.sender_user_id <> p.user_id
         and m.created_at <= ${options.olderThan}
         and (p.last_read_message_id is null or m.id > p.last_read_message_id)
         and (p.digested_message_id is null or m.id > p.digested_message_id)
       group by p.user_id, p.conversation_id, c.subject_kind, c.subject_id
       order by p.user_id, p.conversation_id
       limit ${options.limit}`.execute(tx)
    return rows.rows.map((r) => ({ ...r, unread: Number(r.unread) }))
  })
}

/**
 * Records that a participant was e-mailed up to a message; moves forward only, and answers
 * whether it moved (false: another run got there first — do not e-mail again).
 */
export async function markDigested(
  tx: AnyTx,
  userId: string,
  conversationId: string,
  messageId: string,
): Promise<boolean> {
  return asSystem(tx, 'conversations.digest', async () => {
    const moved = await db(tx)
      .updateTable('conversations.participants')
      .set({ digested_message_id: messageId })
      .where('conversation_id', '=', conversationId)
      .where('user_id', '=', userId)
      .where((eb) =>
        eb.or([eb('digested_message_id', 'is', null), eb('digested_message_id', '<', messageId)]),
      )
      .returning('user_id')
      .executeTakeFirst()
    return moved !== undefined
  })
}
