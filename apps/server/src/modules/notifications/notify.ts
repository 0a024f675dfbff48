import type { Transaction } from 'kysely'
import { fromKysely } from 'pg-boss'
import type { AppContext } from '../../kernel/context.ts'
import type { AnyTx } from '../../kernel/db/database.ts'
import type { NotificationsSchema } from '../../kernel/db/schema/notifications.ts'
import { asSystem } from '../../kernel/db/transaction.ts'
import { isNoticeKind } from './kinds.ts'

/** One person to tell about something, and what to tell them. */
export interface Notice {
  /** A declared notice kind (`defineNoticeKinds`): the preference that governs it. */
  kind: string
  userId: string
  title: string
  body: string
  /** Where in the app the notice leads. */
  link: string
  /**
   * What this notice is about, once per person (an event id, usually): telling someone twice
   * about the same thing does nothing, so a producer may safely retry.
   */
  sourceId: string
}

export const SEND_EMAIL_JOB = 'notifications.send_email'

/**
 * Tells people, in the caller's transaction: an in-app notice and an email job per person, as
 * each chose for that kind (both on by default). Nothing is sent unless the caller commits.
 */
export async function notify(
  ctx: AppContext,
  anyTx: AnyTx,
  notices: readonly Notice[],
): Promise<{ inApp: number; emails: number }> {
  if (notices.length === 0) return { inApp: 0, emails: 0 }
  // The calling module decided who hears what (it checked its own rules); writing into other
  // people's inboxes and reading their preferences is notifications' own work, as the system.
  return asSystem(anyTx, 'notifications.notify', () =>
    deliver(ctx, anyTx as Transaction<NotificationsSchema>, notices),
  )
}

async function deliver(
  ctx: AppContext,
  tx: Transaction<NotificationsSchema>,
  notices: readonly Notice[],
): Promise<{ inApp: number; emails: number }> {
  for (const n of notices) {
    if (!isNoticeKind(n.kind)) throw new Error(`notice kind ${n.kind} is not declared (defineNoticeKinds)`)
  }
  const prefs = await tx
    .selectFrom('notifications.preferences')
    .select(['user_id', 'event_type', 'in_app', 'email'])
    .where('user_id', 'in', [...new Set(notices.map((n) => n.userId))])
    .where('event_type', 'in', [...new Set(notices.map((n) => n.kind))])
    .execute()
  const prefOf = (n: Notice) =>
    prefs.find((p) => p.user_id === n.userId && p.event_type === n.kind) ?? { in_app: true, email: true }
  let inApp = 0
  let emails = 0
  for (const n of notices) {
    const pref = prefOf(n)
    if (pref.in_app) {
      const added = await tx
        .insertInto('notifications.inbox')
        .values({
          user_id: n.userId,
          type: n.kind,
          title: n.title,
          body: n.body,
          link: n.link,
          event_id: n.sourceId,
        })
        .onConflict((oc) => oc.columns(['user_id', 'event_id']).doNothing())
        .returning('id')
        .executeTakeFirst()
      if (added) inApp++
    }
    if (pref.email) {
      await ctx.jobs.enqueue(
        SEND_EMAIL_JOB,
        { user_id: n.userId, subject: n.title, text: `${n.body}\n\n${ctx.config.http.publicUrl}${n.link}` },
        { db: fromKysely(tx), singletonKey: `${n.sourceId}:${n.userId}` },
      )
      emails++
    }
  }
  return { inApp, emails }
}
