import { z } from 'zod'
import type { AppContext } from '../../../kernel/context.ts'
import { inTransaction, systemActor } from '../../../kernel/db/transaction.ts'
import { defineJob } from '../../../kernel/jobs/define-job.ts'
import { digestDue, markDigested } from '../../conversations/index.ts'
import { defineNoticeKinds, notify } from '../../notifications/index.ts'
import type { RecruitingDatabase } from '../database.ts'
import { APPLICATION_THREAD, SPLITS_THREAD_KINDS } from './subjects.ts'

/** Messages unread this long are e-mailed (once each). */
export const DIGEST_AFTER_MINUTES = 15

export const CHAT_NOTICES = defineNoticeKinds('recruiting', {
  'conversation.messages_unread': {
    label: 'Messages about your applications and roles you have not read (an e-mail digest)',
    audience: ['recruiter', 'company_admin', 'hiring_manager'],
    // the menu's badge shows unread messages in the app; this kind is for e-mail
    defaults: { in_app: false, email: true },
  },
})

/**
 * One pass of the digest: per person and conversation, the messages from others unread for more
 * than `DIGEST_AFTER_MINUTES` and never e-mailed; each becomes one e-mail (through notifications,
 * which applies the person's preferences), and the participant's digest cursor moves past them in
 * the same transaction — so a message is e-mailed at most once, also when passes overlap.
 */
export async function runChatDigest(ctx: AppContext): Promise<{ emailed: number }> {
  return inTransaction<{ emailed: number }, RecruitingDatabase>(
    ctx.db,
    systemActor('recruiting.chat_digest'),
    async (tx) => {
      const olderThan = new Date(ctx.clock.now().getTime() - DIGEST_AFTER_MINUTES * 60_000)
      const due = await digestDue(tx, { subjectKinds: SPLITS_THREAD_KINDS, olderThan, limit: 1000 })
      if (due.length === 0) return { emailed: 0 }
      const appIds = due.filter((d) => d.subject_kind === APPLICATION_THREAD).map((d) => d.subject_id)
      const threadIds = due.filter((d) => d.subject_kind !== APPLICATION_THREAD).map((d) => d.subject_id)
      const apps = appIds.length
        ? await tx
            .selectFrom('ats.applications as a')
            .innerJoin('ats.roles as r', 'r.id', 'a.role_id')
            .innerJoin('ats.candidates as c', 'c.id', 'a.candidate_id')
            .select(['a.id', 'r.title', 'c.full_name'])
            .where('a.id', 'in', appIds)
            .execute()
        : []
      const threads = threadIds.length
        ? await tx
            .selectFrom('ats.role_question_threads as t')
            .innerJoin('ats.roles as r', 'r.id', 't.role_id')
            .select(['t.id', 't.role_id', 'r.title'])
            .where('t.id', 'in', threadIds)
            .execute()
        : []
      const senders = await tx
        .selectFrom('identity.user_directory')
        .select(['id', 'display_name'])
        .where('id', 'in', [...new Set(due.map((d) => d.newest_sender_user_id))])
        .execute()
      const nameOf = new Map(senders.map((s) => [s.id, s.display_name]))
      const notices = []
      for (const d of due) {
        // the cursor moves first: a pass that lost the race to another sends nothing
        if (!(await markDigested(tx, d.user_id, d.conversation_id, d.newest_message_id))) continue
        const app = apps.find((a) => a.id === d.subject_id)
        const thread = threads.find((t) => t.id === d.subject_id)
        const about = app
          ? `${app.full_name} for ${app.title}`
          : `questions about ${thread?.title ?? 'a role'}`
        const link = app ? `/splits/applications/${app.id}` : `/splits/roles/${thread?.role_id ?? ''}`
        const from = nameOf.get(d.newest_sender_user_id) ?? 'Someone'
        notices.push({
          kind: 'conversation.messages_unread',
          userId: d.user_id,
          title: `${d.unread} unread message${d.unread === 1 ? '' : 's'}: ${about}`,
          // never the text itself: it may hold what this reader may not see; the app masks it.
          // Files are named with their size (the file itself only through the app, logged)
          body: `${from} wrote to you on Splits Network.${filesLine(d.attachments)} Open the conversation to read and reply.`,
          link,
          sourceId: d.newest_message_id,
        })
      }
      await notify(ctx, tx, notices)
      return { emailed: notices.length }
    },
  )
}

/** "1,200 bytes", "240 KB", "3.4 MB". */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes.toLocaleString('en-US')} bytes`
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`
}

/** The files among the unread messages: " Files: cv.pdf (240 KB), photo.png (1.2 MB)." (at most five named). */
export function filesLine(files: readonly { file_name: string; size_bytes: number }[]): string {
  if (files.length === 0) return ''
  const named = files.slice(0, 5).map((f) => `${f.file_name} (${formatFileSize(f.size_bytes)})`)
  const more = files.length > 5 ? ` and ${files.length - 5} more` : ''
  return ` ${files.length === 1 ? 'File' : 'Files'}: ${named.join(', ')}${more}.`
}

export const chatDigestJob = defineJob({
  name: 'recruiting.chat_digest',
  description: `E-mail each person the Splits Network messages unread for more than ${DIGEST_AFTER_MINUTES} minutes (once per message)`,
  payload: z.object({}),
  retry: { limit: 3, delaySeconds: 60, backoff: true },
  timeoutSeconds: 300,
  concurrency: 1,
  schedule: { cron: '*/5 * * * *', payload: {} },
  handler: async (_payload, ctx: AppContext) => runChatDigest(ctx),
})
