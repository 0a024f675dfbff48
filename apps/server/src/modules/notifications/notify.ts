import type { Transaction } from 'kysely'
import { fromKysely } from 'pg-boss'
import type { AppContext } from '../../kernel/context.ts'
import type { AnyTx } from '../../kernel/db/database.ts'
import type { NotificationsSchema } from '../../kernel/db/schema/notifications.ts'
import { asSystem } from '../../kernel/db/transaction.ts'
import { isNoticeKind, sendsSms } from './kinds.ts'

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
export const SEND_SMS_JOB = 'notifications.send_sms'

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
  // set-based: one insert for the in-app notices, one for the e-mail jobs (a payout run tells
  // hundreds of people at once)
  const inAppRows = notices
    .filter((n) => prefOf(n).in_app)
    .map((n) => ({
      user_id: n.userId,
      type: n.kind,
      title: n.title,
      body: n.body,
      link: n.link,
      event_id: n.sourceId,
    }))
  const added = inAppRows.length
    ? await tx
        .insertInto('notifications.inbox')
        .values(inAppRows)
        .onConflict((oc) => oc.columns(['user_id', 'event_id']).doNothing())
        .returning('id')
        .execute()
    : []
  const inApp = added.length
  const mails = notices.filter((n) => prefOf(n).email)
  await ctx.jobs.enqueueMany(
    SEND_EMAIL_JOB,
    mails.map((n) => ({
      payload: {
        user_id: n.userId,
        subject: n.title,
        text: `${n.body}\n\n${ctx.config.http.publicUrl}${n.link}`,
      },
      singletonKey: `${n.sourceId}:${n.userId}`,
    })),
    { db: fromKysely(tx) },
  )
  const emails = mails.length
  // kinds that also go by text message: the title and the link (the job skips people without a phone)
  await ctx.jobs.enqueueMany(
    SEND_SMS_JOB,
    notices
      .filter((n) => sendsSms(n.kind))
      .map((n) => ({
        payload: {
          user_id: n.userId,
          text: `${n.title}\n${ctx.config.http.publicUrl}${n.link}`.slice(0, 480),
        },
        singletonKey: `${n.sourceId}:${n.userId}:sms`,
      })),
    { db: fromKysely(tx) },
  )
  return { inApp, emails }
}
