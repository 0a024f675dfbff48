import { appendAudit, logPiiReveal } from '../../../kernel/audit/audit.ts'
import type { Clock } from '../../../kernel/clock.ts'
import { asSystem } from '../../../kernel/db/transaction.ts'
import { AppError } from '../../../kernel/errors.ts'
import {
  attachmentContent,
  closeReport,
  conversationsBySubject,
  listMessages,
  myConversations,
  openConversation,
  type ReportReason,
  reportQueue,
  sendMessage,
  transcripts,
  unreadCount,
} from '../../conversations/index.ts'
import { organizationMemberIds } from '../../identity/index.ts'
import type { SplitsCaller } from '../caller.ts'
import type { RecruitingTx } from '../database.ts'
import { recruiterEntitlements } from '../entitlements.ts'
import { getRole } from '../roles/queries.ts'
import { APPLICATION_THREAD, ROLE_QUESTION_THREAD, SPLITS_THREAD_KINDS, TEAM_ROLES } from './subjects.ts'

const viewerOf = (caller: SplitsCaller) => ({ userId: caller.userId, admin: false })

async function teamUserIds(tx: RecruitingTx, companyId: string): Promise<string[]> {
  return asSystem(tx, 'recruiting.chat_team', async () => {
    const company = await tx
      .selectFrom('ats.companies')
      .select('organization_id')
      .where('id', '=', companyId)
      .executeTakeFirst()
    return company ? organizationMemberIds(tx, company.organization_id, TEAM_ROLES) : []
  })
}

async function recruiterUser(tx: RecruitingTx, recruiterId: string) {
  return asSystem(tx, 'recruiting.chat_recruiter', async () =>
    tx
      .selectFrom('network.recruiters as r')
      .innerJoin('identity.user_directory as u', 'u.id', 'r.user_id')
      .select(['r.id', 'r.user_id', 'u.display_name'])
      .where('r.id', '=', recruiterId)
      .executeTakeFirstOrThrow(),
  )
}

/** Who takes part: the recruiter and the company's whole hiring team as it is today. */
async function participantsFor(tx: RecruitingTx, companyId: string, recruiterId: string) {
  const [team, recruiter] = [await teamUserIds(tx, companyId), await recruiterUser(tx, recruiterId)]
  return [
    { userId: recruiter.user_id, role: 'recruiter' },
    ...team.filter((u) => u !== recruiter.user_id).map((userId) => ({ userId, role: 'hiring_team' })),
  ]
}

// ---------------------------------------------------------------------------------------------
// Application threads
// ---------------------------------------------------------------------------------------------

/**
 * The application's conversation, opened (once) with its participants: row-level security finds
 * the application only for its recruiter, the company's team and admins (else 404). A platform
 * admin who is neither reads threads through the logged admin view, not here (403). Hiring-team
 * members who joined after it was opened are added now.
 */
async function openApplicationThread(tx: RecruitingTx, caller: SplitsCaller, applicationId: string) {
  const app = await tx
    .selectFrom('ats.applications as a')
    .innerJoin('ats.roles as r', 'r.id', 'a.role_id')
    .innerJoin('ats.candidates as c', 'c.id', 'a.candidate_id')
    .select([
      'a.id',
      'a.company_id',
      'a.recruiter_id',
      'r.title as role_title',
      'c.full_name as candidate_name',
    ])
    .where('a.id', '=', applicationId)
    .executeTakeFirst()
  if (!app) throw new AppError('not_found', 'No such application')
  const isRecruiter = caller.recruiterId !== null && caller.recruiterId === app.recruiter_id
  const isTeam = caller.teamCompanyIds.includes(app.company_id)
  if (!isRecruiter && !isTeam) {
    throw new AppError(
      'forbidden',
      'Only the submitting recruiter and the company’s hiring team take part in an application’s messages; platform admins use the logged admin view',
    )
  }
  const conversationId = await openConversation(tx, {
    subjectKind: APPLICATION_THREAD,
    subjectId: app.id,
    participants: await participantsFor(tx, app.company_id, app.recruiter_id),
  })
  return { app, conversationId }
}

export async function applicationMessages(
  tx: RecruitingTx,
  caller: SplitsCaller,
  applicationId: string,
  options: { before?: string | undefined; limit: number },
) {
  const { app, conversationId } = await openApplicationThread(tx, caller, applicationId)
  const page = await listMessages(tx, viewerOf(caller), conversationId, {
    before: options.before,
    limit: options.limit,
  })
  return {
    conversation_id: conversationId,
    application_id: app.id,
    role_title: app.role_title,
    candidate_name: app.candidate_name,
    participants: page.participants,
    data: page.data,
    has_more: page.has_more,
    blocked: page.participants.some((p) => p.blocked),
  }
}

export async function postApplicationMessage(
  tx: RecruitingTx,
  clock: Clock,
  caller: SplitsCaller,
  applicationId: string,
  text: string,
  documentId?: string,
) {
  const { conversationId } = await openApplicationThread(tx, caller, applicationId)
  return sendMessage(tx, clock, viewerOf(caller), conversationId, text, { documentId })
}

// ---------------------------------------------------------------------------------------------
// Role questions
// ---------------------------------------------------------------------------------------------

/**
 * The recruiters "working" a role, whom its hiring team may start a thread with: those with an
 * application on it, those it is assigned to, its job owner.
 */
async function workingRecruiters(tx: RecruitingTx, roleId: string) {
  return asSystem(tx, 'recruiting.role_workers', () =>
    tx
      .selectFrom('network.recruiters as rr')
      .innerJoin('identity.user_directory as u', 'u.id', 'rr.user_id')
      .select(['rr.id', 'rr.user_id', 'u.display_name'])
      .where((eb) =>
        eb.or([
          eb.exists(
            eb
              .selectFrom('ats.applications as a')
              .select('a.id')
              .whereRef('a.recruiter_id', '=', 'rr.id')
              .where('a.role_id', '=', roleId),
          ),
          eb.exists(
            eb
              .selectFrom('ats.role_assignments as ra')
              .select('ra.role_id')
              .whereRef('ra.recruiter_id', '=', 'rr.id')
              .where('ra.role_id', '=', roleId),
          ),
          eb.exists(
            eb
              .selectFrom('ats.roles as r')
              .select('r.id')
              .whereRef('r.job_owner_recruiter_id', '=', 'rr.id')
              .where('r.id', '=', roleId),
          ),
        ]),
      )
      .orderBy('u.display_name')
      .execute(),
  )
}

async function threadsOfRole(tx: RecruitingTx, roleId: string, recruiterId?: string) {
  let q = tx
    .selectFrom('ats.role_question_threads as t')
    .innerJoin('network.recruiters as rr', 'rr.id', 't.recruiter_id')
    .innerJoin('identity.user_directory as u', 'u.id', 'rr.user_id')
    .select([
      't.id',
      't.role_id',
      't.company_id',
      't.recruiter_id',
      'rr.user_id',
      'u.display_name',
      't.created_at',
    ])
    .where('t.role_id', '=', roleId)
    .orderBy('t.created_at')
  if (recruiterId) q = q.where('t.recruiter_id', '=', recruiterId)
  return q.execute()
}

/**
 * The question threads of a role the caller may see (hidden role: 404). Its hiring team: one
 * thread per recruiter who asked or was asked, plus the recruiters working the role with none yet
 * (to start one). A recruiter: their own thread, if any. Participants are brought up to date (a
 * team member who joined later takes part from now on).
 */
export async function roleQuestions(tx: RecruitingTx, caller: SplitsCaller, roleId: string) {
  const role = await getRole(tx, caller, roleId)
  const team = caller.teamCompanyIds.includes(role.company_id)
  if (!team && !caller.recruiterId) {
    throw new AppError('forbidden', 'Only the role’s hiring team and recruiters take part in its questions')
  }
  const threads = team
    ? await threadsOfRole(tx, roleId)
    : await threadsOfRole(tx, roleId, caller.recruiterId ?? undefined)
  const conversations = new Map<string, string>()
  if (threads.length > 0) {
    const teamIds = await teamUserIds(tx, role.company_id)
    for (const t of threads) {
      conversations.set(
        t.id,
        await openConversation(tx, {
          subjectKind: ROLE_QUESTION_THREAD,
          subjectId: t.id,
          participants: [
            { userId: t.user_id, role: 'recruiter' },
            ...teamIds.filter((u) => u !== t.user_id).map((userId) => ({ userId, role: 'hiring_team' })),
          ],
        }),
      )
    }
  }
  const summaries = await myConversations(tx, caller.userId, {
    subjectKind: ROLE_QUESTION_THREAD,
    subjectIds: threads.map((t) => t.id),
    limit: Math.max(1, threads.length),
  })
  const byId = new Map(summaries.map((s) => [s.id, s]))
  const working = team ? await workingRecruiters(tx, roleId) : []
  const withThread = new Set(threads.map((t) => t.recruiter_id))
  return {
    role_id: role.id,
    role_title: role.title,
    viewer: team ? ('hiring_team' as const) : ('recruiter' as const),
    can_ask: !team && threads.length === 0 && role.status !== 'draft',
    data: threads.map((t) => {
      const id = conversations.get(t.id)!
      const s = byId.get(id)
      return {
        thread_id: t.id,
        recruiter_id: t.recruiter_id,
        recruiter_name: t.display_name ?? '',
        conversation_id: id,
        unread: s?.unread ?? 0,
        last_message_at: s?.last_message_at ?? null,
      }
    }),
    recruiters_without_thread: working
      .filter((r) => !withThread.has(r.id))
      .map((r) => ({ recruiter_id: r.id, recruiter_name: r.display_name ?? '' })),
  }
}

/**
 * Asks a question about a role (a recruiter who can see it: their thread, opened once) or starts
 * a thread with a recruiter working it (its hiring team, naming `recruiter_id`), and sends the
 * first message. Concurrent first questions make one thread (unique role and recruiter).
 */
export async function askRoleQuestion(
  tx: RecruitingTx,
  clock: Clock,
  caller: SplitsCaller,
  roleId: string,
  input: { text: string; recruiter_id?: string | undefined },
) {
  const role = await getRole(tx, caller, roleId)
  const team = caller.teamCompanyIds.includes(role.company_id)
  let recruiterId: string
  if (team) {
    if (!input.recruiter_id) {
      throw new AppError('validation_failed', 'recruiter_id: the hiring team names the recruiter to ask', {
        errors: [{ field: 'body.recruiter_id', message: 'required for the hiring team' }],
      })
    }
    const working = await workingRecruiters(tx, roleId)
    const existing = await threadsOfRole(tx, roleId, input.recruiter_id)
    if (existing.length === 0 && !working.some((r) => r.id === input.recruiter_id)) {
      throw new AppError('recruiter_not_on_role', 'This recruiter is not working this role', {
        errors: [{ field: 'body.recruiter_id', message: 'not working this role' }],
      })
    }
    recruiterId = input.recruiter_id
  } else {
    if (!caller.recruiterId) {
      throw new AppError('forbidden', 'Only recruiters and the role’s hiring team ask questions about a role')
    }
    if (input.recruiter_id && input.recruiter_id !== caller.recruiterId) {
      throw new AppError('forbidden', 'A recruiter asks in their own name')
    }
    if (role.status === 'draft') throw new AppError('not_found', 'No such role')
    recruiterId = caller.recruiterId
  }
  const thread = await asSystem(tx, 'recruiting.open_role_question', async () => {
    const made = await tx
      .insertInto('ats.role_question_threads')
      .values({
        role_id: roleId,
        company_id: role.company_id,
        recruiter_id: recruiterId,
        opened_by: caller.userId,
      })
      .onConflict((oc) => oc.columns(['role_id', 'recruiter_id']).doNothing())
      .returning('id')
      .executeTakeFirst()
    if (made) return { id: made.id, started: true }
    const found = await tx
      .selectFrom('ats.role_question_threads')
      .select('id')
      .where('role_id', '=', roleId)
      .where('recruiter_id', '=', recruiterId)
      .executeTakeFirstOrThrow()
    return { id: found.id, started: false }
  })
  // a recruiter starting a new thread uses one of their plan's conversations of the month
  if (thread.started && !team)
    await recruiterEntitlements().useMessageInitiation(tx, recruiterId, clock.now())
  const conversationId = await openConversation(tx, {
    subjectKind: ROLE_QUESTION_THREAD,
    subjectId: thread.id,
    participants: await participantsFor(tx, role.company_id, recruiterId),
  })
  const message = await sendMessage(tx, clock, viewerOf(caller), conversationId, input.text)
  return { thread_id: thread.id, conversation_id: conversationId, message }
}

// ---------------------------------------------------------------------------------------------
// My Splits conversations (the menu's unread count, the inbox)
// ---------------------------------------------------------------------------------------------

interface SplitsConversation {
  conversation_id: string
  kind: 'application' | 'role_question'
  title: string
  link: string
  unread: number
  last_message_at: Date | null
}

export async function mySplitsConversations(tx: RecruitingTx, caller: SplitsCaller) {
  const all = (
    await Promise.all(
      SPLITS_THREAD_KINDS.map((kind) =>
        myConversations(tx, caller.userId, { subjectKind: kind, limit: 100 }),
      ),
    )
  ).flat()
  const appIds = all.filter((c) => c.subject_kind === APPLICATION_THREAD).map((c) => c.subject_id)
  const threadIds = all.filter((c) => c.subject_kind === ROLE_QUESTION_THREAD).map((c) => c.subject_id)
  const [apps, threads] = await asSystem(tx, 'recruiting.my_chats', async () => [
    appIds.length
      ? await tx
          .selectFrom('ats.applications as a')
          .innerJoin('ats.roles as r', 'r.id', 'a.role_id')
          .innerJoin('ats.candidates as c', 'c.id', 'a.candidate_id')
          .select(['a.id', 'r.title', 'c.full_name'])
          .where('a.id', 'in', appIds)
          .execute()
      : [],
    threadIds.length
      ? await tx
          .selectFrom('ats.role_question_threads as t')
          .innerJoin('ats.roles as r', 'r.id', 't.role_id')
          .innerJoin('network.recruiters as rr', 'rr.id', 't.recruiter_id')
          .innerJoin('identity.user_directory as u', 'u.id', 'rr.user_id')
          .select(['t.id', 't.role_id', 'r.title', 'u.display_name'])
          .where('t.id', 'in', threadIds)
          .execute()
      : [],
  ])
  const appById = new Map(apps.map((a) => [a.id, a]))
  const threadById = new Map(threads.map((t) => [t.id, t]))
  const data = all
    .flatMap((c): SplitsConversation[] => {
      if (c.subject_kind === APPLICATION_THREAD) {
        const a = appById.get(c.subject_id)
        if (!a) return []
        return [
          {
            conversation_id: c.id,
            kind: 'application',
            title: `${a.full_name} · ${a.title}`,
            link: `/splits/applications/${a.id}`,
            unread: c.unread,
            last_message_at: c.last_message_at,
          },
        ]
      }
      const t = threadById.get(c.subject_id)
      if (!t) return []
      return [
        {
          conversation_id: c.id,
          kind: 'role_question',
          title: `Questions: ${t.title} · ${t.display_name}`,
          link: `/splits/roles/${t.role_id}`,
          unread: c.unread,
          last_message_at: c.last_message_at,
        },
      ]
    })
    .sort((a, b) => (b.last_message_at?.getTime() ?? 0) - (a.last_message_at?.getTime() ?? 0))
  // the badge counts every conversation, not only the 100 latest of each kind listed here
  return { data, unread: await unreadCount(tx, caller.userId, { subjectKinds: SPLITS_THREAD_KINDS }) }
}

// ---------------------------------------------------------------------------------------------
// Moderation (platform admins)
// ---------------------------------------------------------------------------------------------

export async function moderationQueue(
  tx: RecruitingTx,
  status: 'open' | 'resolved' | 'dismissed',
  limit: number,
  startingAfter?: string,
) {
  const page = await reportQueue(tx, { subjectKinds: SPLITS_THREAD_KINDS, status, limit, startingAfter })
  return {
    has_more: page.has_more,
    next_cursor: page.next_cursor,
    data: page.data.map((r) => ({
      id: r.id,
      conversation_id: r.conversation_id,
      subject_kind:
        r.subject_kind === APPLICATION_THREAD ? ('application' as const) : ('role_question' as const),
      subject_id: r.subject_id,
      reason: r.reason as ReportReason,
      note: r.note,
      status: r.status as 'open' | 'resolved' | 'dismissed',
      created_at: r.created_at,
      resolved_at: r.resolved_at,
      resolution_note: r.resolution_note,
      reporter_name: r.reporter_name ?? '',
      sender_user_id: r.sender_user_id,
      sender_name: r.sender_name ?? '',
      message_id: r.message_id,
      message_created_at: r.message_created_at,
    })),
  }
}

export async function closeModerationReport(
  tx: RecruitingTx,
  clock: Clock,
  caller: SplitsCaller,
  reportId: string,
  input: { status: 'resolved' | 'dismissed'; note?: string | undefined },
) {
  const closed = await closeReport(tx, clock, {
    reportId,
    subjectKinds: SPLITS_THREAD_KINDS,
    status: input.status,
    note: input.note,
    adminUserId: caller.userId,
  })
  await appendAudit(tx, {
    action: 'splits_chat.report_closed',
    entityType: 'conversation_report',
    entityId: reportId,
    after: { status: input.status, note: input.note ?? null, conversation_id: closed.conversation_id },
    actorUserId: caller.userId,
    actorRole: 'platform_admin',
  })
  return { id: closed.id, status: closed.status as 'resolved' | 'dismissed', resolved_at: closed.resolved_at }
}

/**
 * A platform admin reads a Splits conversation whole, as typed (moderation, disputes). Every read
 * is logged: a PII reveal (the transcript may hold a candidate's contact details) and an audit entry.
 */
export async function adminTranscript(
  tx: RecruitingTx,
  caller: SplitsCaller,
  conversationId: string,
  purpose: string,
) {
  const [found] = await transcripts(tx, [conversationId])
  if (!found || !(SPLITS_THREAD_KINDS as readonly string[]).includes(found.subject_kind)) {
    throw new AppError('not_found', 'No such Splits Network conversation')
  }
  await logPiiReveal(tx, {
    subjectType: found.subject_kind === APPLICATION_THREAD ? 'application' : 'role_question_thread',
    subjectId: found.subject_id,
    fields: ['conversation_transcript'],
    purpose: `admin.${purpose}`,
  })
  await appendAudit(tx, {
    action: 'splits_chat.transcript_read',
    entityType: 'conversation',
    entityId: conversationId,
    after: {
      subject_kind: found.subject_kind,
      subject_id: found.subject_id,
      messages: found.messages.length,
      purpose,
    },
    actorUserId: caller.userId,
    actorRole: 'platform_admin',
  })
  return {
    conversation_id: found.id,
    subject_kind:
      found.subject_kind === APPLICATION_THREAD ? ('application' as const) : ('role_question' as const),
    subject_id: found.subject_id,
    participants: found.participants,
    messages: found.messages,
  }
}

/**
 * A platform admin downloads a file of a Splits conversation (moderation, disputes): a PII reveal
 * entry (by the subject's rule) and an audit entry per download.
 */
export async function adminAttachment(
  tx: RecruitingTx,
  caller: SplitsCaller,
  conversationId: string,
  attachmentId: string,
  purpose: string,
) {
  const file = await attachmentContent(
    tx,
    { userId: caller.userId, admin: true },
    conversationId,
    attachmentId,
    purpose,
  )
  if (!(SPLITS_THREAD_KINDS as readonly string[]).includes(file.subject_kind)) {
    file.stream.destroy()
    throw new AppError('not_found', 'No such Splits Network conversation')
  }
  await appendAudit(tx, {
    action: 'splits_chat.attachment_read',
    entityType: 'conversation',
    entityId: conversationId,
    after: { attachment_id: file.id, message_id: file.message_id, file_name: file.file_name, purpose },
    actorUserId: caller.userId,
    actorRole: 'platform_admin',
  })
  return file
}

export { conversationsBySubject }
