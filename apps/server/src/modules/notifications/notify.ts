import type { Transaction } from 'kysely'
import { fromKysely } from 'pg-boss'
import type { AppContext } from '../../kernel/context.ts'
import type { AnyTx } from '../../kernel/db/database.ts'
import type { NotificationsSchema } from '../../kernel/db/schema/notifications.ts'
import { asSystem } from '../../kernel/db/transaction.ts'
import { type NoticeKind, noticeKind, type OutboundChannel } from './kinds.ts'
import { effectiveChannels, quietHoursOf, unsubscribeTokenOf } from './preferences.ts'
import { DEFAULT_QUIET_HOURS, sendAfterQuietHours } from './quiet-hours.ts'

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
  /** Goes out at once even in quiet hours (otherwise the kind's declaration decides). */
  urgent?: boolean
  /**
   * Told this many minutes later (everything, in-app too): OFAIR's subscribers hear about new
   * leads first, the others after a while.
   */
  delayMinutes?: number
  /** WhatsApp template variables (else the title, body and link). */
  whatsappParams?: string[]
  /** Email only: an iCalendar invitation (RFC 5545) sent as a text/calendar part and an .ics file. */
  calendar?: CalendarPart
}

/** An invitation for the person's calendar: REQUEST invites or updates, CANCEL withdraws. */
export interface CalendarPart {
  method: 'REQUEST' | 'CANCEL' | 'PUBLISH'
  content: string
  filename: string
}

export const SEND_EMAIL_JOB = 'notifications.send_email'
export const SEND_SMS_JOB = 'notifications.send_sms'
export const SEND_WHATSAPP_JOB = 'notifications.send_whatsapp'
export const SEND_PUSH_JOB = 'notifications.send_push'
export const NOTIFY_LATER_JOB = 'notifications.notify_later'

export const JOB_OF: Record<OutboundChannel, string> = {
  email: SEND_EMAIL_JOB,
  sms: SEND_SMS_JOB,
  whatsapp: SEND_WHATSAPP_JOB,
  push: SEND_PUSH_JOB,
}

/**
 * Tells people, in the caller's transaction: the in-app notice, and one delivery per outbound
 * channel each person chose for that kind (a row of the delivery log and a job, held until their
 * quiet hours end unless urgent). Marketing kinds reach only those who opted in. Nothing is sent
 * unless the caller commits.
 */
export async function notify(
  ctx: AppContext,
  anyTx: AnyTx,
  notices: readonly Notice[],
): Promise<{ inApp: number; emails: number; deliveries: number; later: number }> {
  if (notices.length === 0) return { inApp: 0, emails: 0, deliveries: 0, later: 0 }
  // The calling module decided who hears what (it checked its own rules); writing into other
  // people's inboxes and reading their preferences is notifications' own work, as the system.
  return asSystem(anyTx, 'notifications.notify', () =>
    deliver(ctx, anyTx as Transaction<NotificationsSchema>, notices),
  )
}

const OUTBOUND: readonly OutboundChannel[] = ['email', 'sms', 'whatsapp', 'push']

async function deliver(ctx: AppContext, tx: Transaction<NotificationsSchema>, all: readonly Notice[]) {
  const kinds = new Map<string, NoticeKind>()
  for (const n of all) {
    const k = noticeKind(n.kind)
    if (!k) throw new Error(`notice kind ${n.kind} is not declared (defineNoticeKinds)`)
    kinds.set(n.kind, k)
  }
  const now = ctx.clock.now()
  // told later: the whole notice waits in a job, then comes back here without the delay
  const later = all.filter((n) => (n.delayMinutes ?? 0) > 0)
  await ctx.jobs.enqueueMany(
    NOTIFY_LATER_JOB,
    later.map(({ delayMinutes, ...n }) => ({
      payload: { notice: n },
      singletonKey: `${n.sourceId}:${n.userId}:later`,
      startAfter: new Date(now.getTime() + delayMinutes! * 60_000),
    })),
    { db: fromKysely(tx) },
  )
  let notices = all.filter((n) => !((n.delayMinutes ?? 0) > 0))
  if (notices.length === 0) return { inApp: 0, emails: 0, deliveries: 0, later: later.length }

  const users = [...new Set(notices.map((n) => n.userId))]
  const [prefs, settings] = await Promise.all([
    tx
      .selectFrom('notifications.preferences')
      .select(['user_id', 'event_type', 'in_app', 'email', 'sms', 'whatsapp', 'push'])
      .where('user_id', 'in', users)
      .where('event_type', 'in', [...kinds.keys()])
      .execute(),
    tx.selectFrom('notifications.settings').selectAll().where('user_id', 'in', users).execute(),
  ])
  const settingsOf = (userId: string) => settings.find((s) => s.user_id === userId)
  // marketing: only with the person's explicit, recorded opt-in
  notices = notices.filter(
    (n) => !kinds.get(n.kind)!.marketing || settingsOf(n.userId)?.marketing_opt_in === true,
  )
  const channelsOf = (n: Notice) =>
    effectiveChannels(
      kinds.get(n.kind)!,
      prefs.find((p) => p.user_id === n.userId && p.event_type === n.kind),
    )

  // set-based: one insert for the in-app notices (a payout run tells hundreds of people at once)
  const inAppRows = notices
    .filter((n) => channelsOf(n).in_app)
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

  // the delivery log: one row per notice and outbound channel; a repeated notice adds none
  const planned = notices.flatMap((n) => {
    const on = channelsOf(n)
    const kind = kinds.get(n.kind)!
    const s = settingsOf(n.userId)
    // the person's own quiet hours; else the default, for kinds that declare it (OFAIR's)
    const quiet = s ? quietHoursOf(s) : kind.quietHours ? DEFAULT_QUIET_HOURS : undefined
    const sendAfter = n.urgent || kind.urgent || !quiet ? now : sendAfterQuietHours(quiet, now)
    return OUTBOUND.filter((c) => on[c]).map((channel) => ({ n, channel, sendAfter }))
  })
  if (planned.length === 0) return { inApp: added.length, emails: 0, deliveries: 0, later: later.length }
  const rows = await tx
    .insertInto('notifications.deliveries')
    .values(
      planned.map((p) => ({
        user_id: p.n.userId,
        kind: p.n.kind,
        channel: p.channel,
        source_id: p.n.sourceId,
        title: p.n.title,
        send_after: p.sendAfter,
      })),
    )
    .onConflict((oc) => oc.columns(['user_id', 'source_id', 'channel']).doNothing())
    .returning(['id', 'user_id', 'source_id', 'channel'])
    .execute()
  const idOf = new Map(rows.map((r) => [`${r.user_id}:${r.source_id}:${r.channel}`, r.id]))
  const fresh = planned.flatMap((p) => {
    const id = idOf.get(`${p.n.userId}:${p.n.sourceId}:${p.channel}`)
    return id ? [{ ...p, id }] : []
  })
  const url = (n: Notice) => `${ctx.config.http.publicUrl}${n.link}`
  const footer = new Map<string, string>()
  for (const p of fresh) {
    if (kinds.get(p.n.kind)!.marketing && !footer.has(p.n.userId)) {
      const token = await unsubscribeTokenOf(tx, p.n.userId)
      footer.set(
        p.n.userId,
        `\n\nלהסרה מרשימת הדיוור / unsubscribe: ${ctx.config.http.publicUrl}/notifications/unsubscribe?token=${token}`,
      )
    }
  }
  const tail = (n: Notice) => footer.get(n.userId) ?? ''
  const byChannel = (c: OutboundChannel) => fresh.filter((p) => p.channel === c)
  const db = fromKysely(tx)
  await ctx.jobs.enqueueMany(
    SEND_EMAIL_JOB,
    byChannel('email').map(({ n, id, sendAfter }) => ({
      payload: {
        user_id: n.userId,
        delivery_id: id,
        subject: n.title,
        text: `${n.body}\n\n${url(n)}${tail(n)}`.slice(0, 5000),
        ...(n.calendar ? { calendar: n.calendar } : {}),
      },
      singletonKey: `${n.sourceId}:${n.userId}`,
      startAfter: sendAfter,
    })),
    { db },
  )
  await ctx.jobs.enqueueMany(
    SEND_SMS_JOB,
    byChannel('sms').map(({ n, id, sendAfter }) => ({
      payload: { user_id: n.userId, delivery_id: id, text: `${n.title}\n${url(n)}${tail(n)}`.slice(0, 480) },
      singletonKey: `${n.sourceId}:${n.userId}:sms`,
      startAfter: sendAfter,
    })),
    { db },
  )
  await ctx.jobs.enqueueMany(
    SEND_WHATSAPP_JOB,
    byChannel('whatsapp').map(({ n, id, sendAfter }) => ({
      payload: {
        user_id: n.userId,
        delivery_id: id,
        template: n.kind.replace(/\./g, '_'),
        params: (n.whatsappParams ?? [n.title, n.body, url(n)]).map((p) => p.slice(0, 1000)),
        text: `${n.title}\n${n.body}\n${url(n)}${tail(n)}`.slice(0, 4000),
      },
      singletonKey: `${n.sourceId}:${n.userId}:whatsapp`,
      startAfter: sendAfter,
    })),
    { db },
  )
  await ctx.jobs.enqueueMany(
    SEND_PUSH_JOB,
    byChannel('push').map(({ n, id, sendAfter }) => ({
      payload: {
        user_id: n.userId,
        delivery_id: id,
        title: n.title,
        body: n.body.slice(0, 1000),
        link: n.link,
        urgent: Boolean(n.urgent || kinds.get(n.kind)!.urgent),
      },
      singletonKey: `${n.sourceId}:${n.userId}:push`,
      startAfter: sendAfter,
    })),
    { db },
  )
  return {
    inApp: added.length,
    emails: byChannel('email').length,
    deliveries: fresh.length,
    later: later.length,
  }
}
