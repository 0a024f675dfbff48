import { sql, type Transaction } from 'kysely'
import type { Clock } from '../../kernel/clock.ts'
import { lockKey } from '../../kernel/db/concurrency.ts'
import type { AnyTx } from '../../kernel/db/database.ts'
import { asSystem } from '../../kernel/db/transaction.ts'
import { AppError, rateLimited } from '../../kernel/errors.ts'
import { decodeCursor, encodeCursor } from '../../kernel/http/pagination.ts'
import { UUID_PATTERN } from '../../kernel/ids.ts'
import { attachmentsOf, type PresentedAttachment, takeAttachment } from './attachments.ts'
import type { ConversationsDatabase, ConversationsTx } from './database.ts'
import { attachmentRules, MARKUP, presenterFor, refusesMarkup, type Viewer } from './subjects.ts'

/** Per sender, across conversations: at most this many messages in the window. */
export const RATE_LIMIT = { messages: 20, windowMs: 10_000 }
export const MAX_MESSAGE_LENGTH = 2000
/** Control characters refused in text (tab and new line are allowed). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the rule is precisely about control characters
export const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/

const db = (tx: AnyTx) => tx as ConversationsTx

export interface PresentedMessage {
  id: string
  conversation_id: string
  sender_user_id: string
  text: string
  /** Why parts of the text are hidden from this reader (null: shown as typed). */
  mask_reason: string | null
  /** The file sent with the message (its text may then be empty). */
  attachment: PresentedAttachment | null
  created_at: Date
}

export interface ParticipantView {
  user_id: string
  role: string
  display_name: string
  last_read_message_id: string | null
  last_read_at: Date | null
  blocked: boolean
}

const notFound = () => new AppError('not_found', 'No such conversation, or you do not take part in it')

/**
 * Opens the conversation about a subject (once: a second call returns the same one) with its
 * participants. The subject's module has already decided who may talk; this runs as the system.
 */
export async function openConversation(
  tx: AnyTx,
  input: {
    subjectKind: string
    subjectId: string
    participants: readonly { userId: string; role: string }[]
  },
): Promise<string> {
  return asSystem(tx, 'conversations.open', async () => {
    const inserted = await db(tx)
      .insertInto('conversations.conversations')
      .values({ subject_kind: input.subjectKind, subject_id: input.subjectId })
      .onConflict((oc) => oc.columns(['subject_kind', 'subject_id']).doNothing())
      .returning('id')
      .executeTakeFirst()
    const id =
      inserted?.id ??
      (
        await db(tx)
          .selectFrom('conversations.conversations')
          .select('id')
          .where('subject_kind', '=', input.subjectKind)
          .where('subject_id', '=', input.subjectId)
          .executeTakeFirstOrThrow()
      ).id
    if (input.participants.length > 0) {
      await db(tx)
        .insertInto('conversations.participants')
        .values(input.participants.map((p) => ({ conversation_id: id, user_id: p.userId, role: p.role })))
        .onConflict((oc) => oc.columns(['conversation_id', 'user_id']).doNothing())
        .execute()
    }
    return id
  })
}

/**
 * Demo data, in a few multi-row statements as the system: conversations with their participants
 * and messages (with their times). A subject that already has a conversation is left alone, so a
 * second run adds nothing. Returns how many messages were written.
 */
export async function seedConversations(
  tx: AnyTx,
  items: readonly {
    subjectKind: string
    subjectId: string
    participants: readonly { userId: string; role: string }[]
    messages: readonly { senderUserId: string; text: string; at: Date }[]
  }[],
): Promise<number> {
  if (items.length === 0) return 0
  return asSystem(tx, 'conversations.seed', async () => {
    const created = await db(tx)
      .insertInto('conversations.conversations')
      .values(
        items.map((i) => ({
          subject_kind: i.subjectKind,
          subject_id: i.subjectId,
          last_message_at: i.messages[i.messages.length - 1]?.at ?? null,
        })),
      )
      .onConflict((oc) => oc.columns(['subject_kind', 'subject_id']).doNothing())
      .returning(['id', 'subject_kind', 'subject_id'])
      .execute()
    const idOf = new Map(created.map((c) => [`${c.subject_kind}:${c.subject_id}`, c.id]))
    const fresh = items.flatMap((i) => {
      const id = idOf.get(`${i.subjectKind}:${i.subjectId}`)
      return id ? [{ id, ...i }] : []
    })
    if (fresh.length === 0) return 0
    await db(tx)
      .insertInto('conversations.participants')
      .values(
        fresh.flatMap((c) =>
          c.participants.map((p) => ({ conversation_id: c.id, user_id: p.userId, role: p.role })),
        ),
      )
      .execute()
    const messages = fresh.flatMap((c) =>
      c.messages.map((m) => ({
        conversation_id: c.id,
        sender_user_id: m.senderUserId,
        body: m.text,
        created_at: m.at,
      })),
    )
    if (messages.length > 0) await db(tx).insertInto('conversations.messages').values(messages).execute()
    return messages.length
  })
}

/** The conversations about subjects, visible to the caller (row-level security), by subject id. */
export async function conversationsBySubject(
  tx: AnyTx,
  subjectKind: string,
  subjectIds: readonly string[],
): Promise<Map<string, string>> {
  if (subjectIds.length === 0) return new Map()
  const rows = await db(tx)
    .selectFrom('conversations.conversations')
    .select(['id', 'subject_id'])
    .where('subject_kind', '=', subjectKind)
    .where('subject_id', 'in', subjectIds)
    .execute()
  return new Map(rows.map((r) => [r.subject_id, r.id]))
}

async function conversationOf(tx: AnyTx, conversationId: string) {
  const row = await db(tx)
    .selectFrom('conversations.conversations')
    .select(['id', 'subject_kind', 'subject_id'])
    .where('id', '=', conversationId)
    .executeTakeFirst()
  if (!row) throw notFound()
  return row
}

async function participantsOf(tx: AnyTx, conversationId: string): Promise<ParticipantView[]> {
  const rows = await db(tx)
    .selectFrom('conversations.participants as p')
    .leftJoin('identity.user_directory as u', 'u.id', 'p.user_id')
    .select([
      'p.user_id',
      'p.role',
      'u.display_name',
      'p.last_read_message_id',
      'p.last_read_at',
      'p.blocked_at',
    ])
    .where('p.conversation_id', '=', conversationId)
    .orderBy('p.joined_at')
    .orderBy('p.user_id')
    .execute()
  return rows.map((r) => ({
    user_id: r.user_id,
    role: r.role,
    display_name: r.display_name ?? '',
    last_read_message_id: r.last_read_message_id,
    last_read_at: r.last_read_at,
    blocked: r.blocked_at !== null,
  }))
}

/**
 * Sends a message as `userId`. Serialised per sender (a transaction lock), so the rate limit is
 * exact under concurrency: the 21st message within 10 s is a 429 with Retry-After.
 */
export async function sendMessage(
  tx: AnyTx,
  clock: Clock,
  viewer: Viewer,
  conversationId: string,
  text: string,
  options: { documentId?: string | undefined } = {},
): Promise<PresentedMessage> {
  // with a file the text may be empty; otherwise 1-2000 characters
  const empty = text.trim().length === 0
  if (
    (empty && !(options.documentId && text.length === 0)) ||
    text.length > MAX_MESSAGE_LENGTH ||
    CONTROL_CHARACTERS.test(text)
  ) {
    // the route's schema refuses these first; a service caller gets the same answer
    throw new AppError('validation_failed', 'text: 1-2000 characters, no control characters', {
      errors: [{ field: 'body.text', message: '1-2000 characters, no control characters' }],
    })
  }
  await lockKey(tx as Transaction<unknown>, `conversations.sender:${viewer.userId}`)
  const conversation = await conversationOf(tx, conversationId)
  if (refusesMarkup(conversation.subject_kind) && MARKUP.test(text)) {
    throw new AppError('validation_failed', 'text: plain text only, HTML tags are not allowed', {
      errors: [{ field: 'body.text', message: 'must be plain text: HTML tags are not allowed' }],
    })
  }
  if (options.documentId && !attachmentRules(conversation.subject_kind)) {
    throw new AppError('attachments_not_allowed', 'This conversation takes text only', {
      errors: [{ field: 'body.document_id', message: 'this conversation takes text only' }],
    })
  }
  const participants = await db(tx)
    .selectFrom('conversations.participants')
    .select(['user_id', 'blocked_at'])
    .where('conversation_id', '=', conversationId)
    .execute()
  if (!participants.some((p) => p.user_id === viewer.userId)) throw notFound()
  if (participants.some((p) => p.blocked_at !== null)) {
    throw new AppError('conversation_blocked', 'A participant blocked this conversation')
  }
  const now = clock.now()
  const since = new Date(now.getTime() - RATE_LIMIT.windowMs)
  const recent = await db(tx)
    .selectFrom('conversations.messages')
    .select((eb) => [eb.fn.countAll<string>().as('n'), eb.fn.min('created_at').as('oldest')])
    .where('sender_user_id', '=', viewer.userId)
    .where('created_at', '>', since)
    .executeTakeFirstOrThrow()
  if (Number(recent.n) >= RATE_LIMIT.messages) {
    const oldest = recent.oldest ? new Date(recent.oldest as unknown as string) : now
    const retryMs = oldest.getTime() + RATE_LIMIT.windowMs - now.getTime()
    throw rateLimited(
      `At most ${RATE_LIMIT.messages} messages per ${RATE_LIMIT.windowMs / 1000} s`,
      retryMs / 1000,
    )
  }
  // checked and taken out of the sender's drafts in this transaction: refused later, it stays a draft
  const file = options.documentId ? await takeAttachment(tx, viewer.userId, options.documentId) : undefined
  // the conversation's row lock, held to commit, orders its messages' ids (see the migration)
  await db(tx)
    .updateTable('conversations.conversations')
    .set({ last_message_at: now })
    .where('id', '=', conversationId)
    .execute()
  const row = await db(tx)
    .insertInto('conversations.messages')
    .values({ conversation_id: conversationId, sender_user_id: viewer.userId, body: text, created_at: now })
    .returning(['id', 'conversation_id', 'sender_user_id', 'body', 'created_at'])
    .executeTakeFirstOrThrow()
  let attachment: PresentedAttachment | null = null
  if (file) {
    const made = await db(tx)
      .insertInto('conversations.attachments')
      .values({
        message_id: row.id,
        conversation_id: conversationId,
        document_id: file.id,
        file_name: file.file_name,
        media_type: file.media_type,
        size_bytes: file.size_bytes,
        sha256: file.sha256,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    attachment = {
      id: made.id,
      file_name: file.file_name,
      media_type: file.media_type,
      size_bytes: file.size_bytes,
    }
  }
  const present = await presenterFor(tx, conversation.subject_kind, conversation.subject_id, viewer)
  return presentRow(row, present, attachment)
}

function presentRow(
  row: { id: string; conversation_id: string; sender_user_id: string; body: string; created_at: Date },
  present: (text: string) => { text: string; mask_reason: string | null },
  attachment: PresentedAttachment | null,
): PresentedMessage {
  // an empty text (a file alone) has nothing to mask
  const shown = row.body === '' ? { text: '', mask_reason: null } : present(row.body)
  return {
    id: row.id,
    conversation_id: row.conversation_id,
    sender_user_id: row.sender_user_id,
    text: shown.text,
    mask_reason: shown.mask_reason,
    attachment,
    created_at: row.created_at,
  }
}

export interface MessagePage {
  conversation: { id: string; subject_kind: string; subject_id: string }
  participants: ParticipantView[]
  data: PresentedMessage[]
  /** Older messages exist before the first one returned (page with `before`). */
  has_more: boolean
}

/**
 * A page of the conversation as the viewer sees it: with `after`, the messages after that id,
 * oldest first (resume, long polling); otherwise the newest `limit` (or those before `before`),
 * oldest first.
 */
export async function listMessages(
  tx: AnyTx,
  viewer: Viewer,
  conversationId: string,
  options: { after?: string | undefined; before?: string | undefined; limit: number },
): Promise<MessagePage> {
  const conversation = await conversationOf(tx, conversationId)
  const participants = await participantsOf(tx, conversationId)
  let query = db(tx)
    .selectFrom('conversations.messages')
    .select(['id', 'conversation_id', 'sender_user_id', 'body', 'created_at'])
    .where('conversation_id', '=', conversationId)
  let rows: Awaited<ReturnType<typeof query.execute>>
  let hasMore = false
  if (options.after) {
    rows = await query.where('id', '>', options.after).orderBy('id').limit(options.limit).execute()
  } else {
    if (options.before) query = query.where('id', '<', options.before)
    const newest = await query
      .orderBy('id', 'desc')
      .limit(options.limit + 1)
      .execute()
    hasMore = newest.length > options.limit
    rows = newest.slice(0, options.limit).reverse()
  }
  const present = await presenterFor(tx, conversation.subject_kind, conversation.subject_id, viewer)
  const files = await attachmentsOf(
    tx,
    rows.map((r) => r.id),
  )
  return {
    conversation,
    participants,
    data: rows.map((r) => presentRow(r, present, files.get(r.id) ?? null)),
    has_more: hasMore,
  }
}

/**
 * The fan-out's one read per batch of notices: each message with each of its readers among
 * `readers` (the people with a socket on this process), as that reader sees it. Run as the system.
 */
export async function messagesForReaders(
  tx: AnyTx,
  messageIds: readonly string[],
  readers: readonly string[],
): Promise<{ reader: string; message: PresentedMessage }[]> {
  if (messageIds.length === 0 || readers.length === 0) return []
  const rows = await db(tx)
    .selectFrom('conversations.messages as m')
    .innerJoin('conversations.conversations as c', 'c.id', 'm.conversation_id')
    .innerJoin('conversations.participants as p', 'p.conversation_id', 'm.conversation_id')
    .select([
      'm.id',
      'm.conversation_id',
      'm.sender_user_id',
      'm.body',
      'm.created_at',
      'c.subject_kind',
      'c.subject_id',
      'p.user_id as reader',
    ])
    .where('m.id', 'in', messageIds)
    .where('p.user_id', 'in', readers)
    .orderBy('m.id')
    .execute()
  const files = await attachmentsOf(tx, [...new Set(rows.map((r) => r.id))])
  const presenters = new Map<string, Awaited<ReturnType<typeof presenterFor>>>()
  const out: { reader: string; message: PresentedMessage }[] = []
  for (const r of rows) {
    const key = `${r.subject_kind}:${r.subject_id}:${r.reader}`
    let present = presenters.get(key)
    if (!present) {
      present = await presenterFor(tx, r.subject_kind, r.subject_id, { userId: r.reader, admin: false })
      presenters.set(key, present)
    }
    out.push({ reader: r.reader, message: presentRow(r, present, files.get(r.id) ?? null) })
  }
  return out
}

/** Read states of (conversation, participant) pairs, with every participant of those conversations among `readers`. */
export async function readStatesForReaders(
  tx: AnyTx,
  changes: readonly { conversationId: string; userId: string }[],
  readers: readonly string[],
) {
  if (changes.length === 0 || readers.length === 0) return []
  const conversationIds = [...new Set(changes.map((c) => c.conversationId))]
  const states = await db(tx)
    .selectFrom('conversations.participants')
    .select(['conversation_id', 'user_id', 'last_read_message_id', 'last_read_at'])
    .where('conversation_id', 'in', conversationIds)
    .execute()
  const wanted = new Set(changes.map((c) => `${c.conversationId}:${c.userId}`))
  const local = new Set(readers)
  return states
    .filter((s) => wanted.has(`${s.conversation_id}:${s.user_id}`))
    .map((s) => ({
      state: s,
      readers: states
        .filter((o) => o.conversation_id === s.conversation_id && local.has(o.user_id))
        .map((o) => o.user_id),
    }))
}

/** "Seen up to this message": moves forward only. */
export async function markRead(
  tx: AnyTx,
  clock: Clock,
  userId: string,
  conversationId: string,
  messageId: string,
): Promise<{ last_read_message_id: string | null; last_read_at: Date | null }> {
  await conversationOf(tx, conversationId)
  const message = await db(tx)
    .selectFrom('conversations.messages')
    .select('id')
    .where('id', '=', messageId)
    .where('conversation_id', '=', conversationId)
    .executeTakeFirst()
  if (!message) {
    throw new AppError('validation_failed', 'message_id: not a message of this conversation', {
      errors: [{ field: 'body.message_id', message: 'not a message of this conversation' }],
    })
  }
  await db(tx)
    .updateTable('conversations.participants')
    .set({ last_read_message_id: messageId, last_read_at: clock.now() })
    .where('conversation_id', '=', conversationId)
    .where('user_id', '=', userId)
    .where((eb) =>
      eb.or([eb('last_read_message_id', 'is', null), eb('last_read_message_id', '<', messageId)]),
    )
    .execute()
  const state = await db(tx)
    .selectFrom('conversations.participants')
    .select(['last_read_message_id', 'last_read_at'])
    .where('conversation_id', '=', conversationId)
    .where('user_id', '=', userId)
    .executeTakeFirst()
  if (!state) throw notFound()
  return { last_read_message_id: state.last_read_message_id, last_read_at: state.last_read_at }
}

/** Blocks (nobody in the conversation can write) or unblocks, as one participant. */
export async function setBlocked(
  tx: AnyTx,
  clock: Clock,
  userId: string,
  conversationId: string,
  blocked: boolean,
): Promise<{ blocked: boolean }> {
  await conversationOf(tx, conversationId)
  const updated = await db(tx)
    .updateTable('conversations.participants')
    .set({ blocked_at: blocked ? clock.now() : null })
    .where('conversation_id', '=', conversationId)
    .where('user_id', '=', userId)
    .returning('user_id')
    .executeTakeFirst()
  if (!updated) throw notFound()
  return { blocked }
}

export interface ConversationSummary {
  id: string
  subject_kind: string
  subject_id: string
  last_message_at: Date | null
  unread: number
  participants: { user_id: string; role: string; display_name: string }[]
}

/**
 * How many messages from others the caller has not read, in all their conversations of these
 * subject kinds (a menu's badge: every conversation, not only the latest page of them).
 */
export async function unreadCount(
  tx: AnyTx,
  userId: string,
  options: { subjectKinds: readonly string[] },
): Promise<number> {
  if (options.subjectKinds.length === 0) return 0
  // the sum of the caller's own participant rows' counters (kept by triggers, migration 0094); as
  // the system: the filter on the caller's own rows is the rule, and row-level security's
  // per-row participant check would cost a probe per conversation
  const row = await asSystem(tx, 'conversations.unread_count', () =>
    db(tx)
      .selectFrom('conversations.participants as me')
      .innerJoin('conversations.conversations as c', 'c.id', 'me.conversation_id')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<string>('me.unread'), eb.val('0')).as('n'))
      .where('me.user_id', '=', userId)
      .where('c.subject_kind', 'in', [...options.subjectKinds])
      .executeTakeFirstOrThrow(),
  )
  return Number(row.n)
}

/** The caller's conversations, latest activity first, with how many messages from others are unread. */
export async function myConversations(
  tx: AnyTx,
  userId: string,
  options: { subjectKind?: string | undefined; subjectIds?: readonly string[] | undefined; limit: number },
): Promise<ConversationSummary[]> {
  return (await conversationRows(tx, userId, options)).map(({ cursor_at: _, ...c }) => c)
}

/**
 * A page of the caller's conversations, latest activity first (a conversation without messages
 * by when it was opened), keyset-paged on (activity time to the microsecond, id): conversations
 * active at the same instant are neither skipped nor repeated.
 */
export async function pageOfMyConversations(
  tx: AnyTx,
  userId: string,
  options: { subjectKind?: string | undefined; startingAfter?: string | undefined; limit: number },
): Promise<{ data: ConversationSummary[]; has_more: boolean; next_cursor: string | null }> {
  const after = options.startingAfter ? conversationCursor(options.startingAfter) : undefined
  const rows = await conversationRows(tx, userId, { ...options, after, limit: options.limit + 1 })
  const page = rows.slice(0, options.limit)
  const last = page.at(-1)
  const hasMore = rows.length > options.limit
  return {
    data: page.map(({ cursor_at: _, ...c }) => c),
    has_more: hasMore,
    next_cursor: hasMore && last ? encodeCursor([last.cursor_at, last.id]) : null,
  }
}

const EXACT_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/

function conversationCursor(cursor: string): { at: string; id: string } {
  const [at, id] = decodeCursor(cursor, ['string', 'string']).map(String)
  if (!EXACT_TIME.test(at!) || !UUID_PATTERN.test(id!)) {
    throw new AppError('invalid_cursor', 'starting_after is not a cursor returned by this endpoint', {
      errors: [{ field: 'querystring.starting_after', message: 'is not a cursor of this list' }],
    })
  }
  return { at: at!, id: id! }
}

async function conversationRows(
  tx: AnyTx,
  userId: string,
  options: {
    subjectKind?: string | undefined
    subjectIds?: readonly string[] | undefined
    after?: { at: string; id: string } | undefined
    limit: number
  },
): Promise<(ConversationSummary & { cursor_at: string })[]> {
  if (options.subjectIds?.length === 0) return []
  const activity = sql<Date>`coalesce(c.last_message_at, c.created_at)`
  let query = db(tx)
    .selectFrom('conversations.participants as me')
    .innerJoin('conversations.conversations as c', 'c.id', 'me.conversation_id')
    .select([
      'c.id',
      'c.subject_kind',
      'c.subject_id',
      'c.last_message_at',
      sql<string>`to_char(${activity} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as('cursor_at'),
      // kept by triggers (migration 0094): messages from others above my last read
      'me.unread',
    ])
    .where('me.user_id', '=', userId)
  if (options.subjectKind) query = query.where('c.subject_kind', '=', options.subjectKind)
  // only these subjects (a page that shows some threads counts theirs, not the latest `limit` of all)
  if (options.subjectIds) query = query.where('c.subject_id', 'in', [...options.subjectIds])
  if (options.after)
    query = query.where(
      sql<boolean>`(${activity}, c.id) < (${options.after.at}::timestamptz, ${options.after.id}::uuid)`,
    )
  const rows = await query.orderBy(activity, 'desc').orderBy('c.id', 'desc').limit(options.limit).execute()
  const ids = rows.map((r) => r.id)
  const people = ids.length
    ? await db(tx)
        .selectFrom('conversations.participants as p')
        .leftJoin('identity.user_directory as u', 'u.id', 'p.user_id')
        .select(['p.conversation_id', 'p.user_id', 'p.role', 'u.display_name'])
        .where('p.conversation_id', 'in', ids)
        .execute()
    : []
  return rows.map((r) => ({
    id: r.id,
    subject_kind: r.subject_kind,
    subject_id: r.subject_id,
    last_message_at: r.last_message_at,
    cursor_at: r.cursor_at,
    unread: Number(r.unread ?? 0),
    participants: people
      .filter((p) => p.conversation_id === r.id)
      .map((p) => ({ user_id: p.user_id, role: p.role, display_name: p.display_name ?? '' })),
  }))
}

/**
 * Whole transcripts for an admin, as typed (nothing masked), with the participants. The caller
 * (the subject's module) has authorised the admin and logs the read in the same transaction.
 */
export async function transcripts(
  tx: AnyTx,
  conversationIds: readonly string[],
): Promise<
  {
    id: string
    subject_kind: string
    subject_id: string
    participants: ParticipantView[]
    messages: PresentedMessage[]
  }[]
> {
  if (conversationIds.length === 0) return []
  return asSystem(tx, 'conversations.transcript', async () => {
    const conversations = await db(tx)
      .selectFrom('conversations.conversations')
      .select(['id', 'subject_kind', 'subject_id'])
      .where('id', 'in', conversationIds)
      .orderBy('id')
      .execute()
    const messages = await db(tx)
      .selectFrom('conversations.messages')
      .select(['id', 'conversation_id', 'sender_user_id', 'body', 'created_at'])
      .where('conversation_id', 'in', conversationIds)
      .orderBy('id')
      .execute()
    const files = await attachmentsOf(
      tx,
      messages.map((m) => m.id),
    )
    const result = []
    for (const c of conversations) {
      result.push({
        ...c,
        participants: await participantsOf(tx, c.id),
        messages: messages
          .filter((m) => m.conversation_id === c.id)
          .map((m) => presentRow(m, (text) => ({ text, mask_reason: null }), files.get(m.id) ?? null)),
      })
    }
    return result
  })
}

export type { ConversationsDatabase }
