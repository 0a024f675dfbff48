import { sql } from 'kysely'
import { fromKysely } from 'pg-boss'
import { z } from 'zod'
import type { AppContext } from '../../kernel/context.ts'
import { inTransaction, systemActor } from '../../kernel/db/transaction.ts'
import { defineJob, NonRetryableJobError } from '../../kernel/jobs/define-job.ts'
import type { EventEnvelope } from '../../kernel/outbox/outbox.ts'
import { NOTIFIABLE_EVENT_TYPES } from './catalog.ts'
import { noticesFor } from './fan-out.ts'

export const ZEventEnvelope = z.object({
  event_id: z.uuid(),
  event: z.string(),
  timestamp: z.string(),
  aggregate: z.object({ type: z.string(), id: z.string() }),
  request_id: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
})

const CONSUMER = 'notifications.on_marketplace_event'

/**
 * Outbox consumer: turns a marketplace event into in-app notifications and email jobs, once.
 * The event id is recorded in the same transaction, so a redelivered job does nothing; emails are
 * separate jobs enqueued in that transaction, so a failing mail server retries only the email.
 */
export const onMarketplaceEventJob = defineJob({
  name: CONSUMER,
  description: 'Notify people (bell and email) about submissions, stage changes and placements',
  payload: ZEventEnvelope,
  retry: { limit: 5, delaySeconds: 5, backoff: true, maxDelaySeconds: 600 },
  timeoutSeconds: 60,
  concurrency: 2,
  batchSize: 10,
  handler: async (event, ctx: AppContext) => {
    return inTransaction(ctx.db, systemActor(CONSUMER), async (tx) => {
      const first = await tx
        .insertInto('platform.processed_events')
        .values({ consumer: CONSUMER, event_id: event.event_id })
        .onConflict((oc) => oc.columns(['consumer', 'event_id']).doNothing())
        .returning('event_id')
        .executeTakeFirst()
      if (!first) return { skipped: 'already processed' }
      const notices = await noticesFor(tx, event as EventEnvelope)
      if (notices.length === 0) return { notified: 0 }
      const prefs = new Map(
        (
          await tx
            .selectFrom('notifications.preferences')
            .select(['user_id', 'in_app', 'email'])
            .where('event_type', '=', event.event)
            .where(
              'user_id',
              'in',
              notices.map((n) => n.userId),
            )
            .execute()
        ).map((p) => [p.user_id, p]),
      )
      let inApp = 0
      let emails = 0
      for (const n of notices) {
        const pref = prefs.get(n.userId) ?? { in_app: true, email: true }
        if (pref.in_app) {
          await tx
            .insertInto('notifications.inbox')
            .values({
              user_id: n.userId,
              type: event.event,
              title: n.title,
              body: n.body,
              link: n.link,
              event_id: event.event_id,
            })
            .onConflict((oc) => oc.columns(['user_id', 'event_id']).doNothing())
            .execute()
          inApp++
        }
        if (pref.email) {
          await ctx.jobs.enqueue(
            SEND_EMAIL,
            {
              user_id: n.userId,
              subject: n.title,
              text: `${n.body}\n\n${ctx.config.http.publicUrl}${n.link}`,
            },
            { db: fromKysely(tx), singletonKey: `${event.event_id}:${n.userId}` },
          )
          emails++
        }
      }
      return { in_app: inApp, emails }
    })
  },
})

const SEND_EMAIL = 'notifications.send_email'

/** One notification email; retried with backoff when the mail server has trouble. */
export const sendEmailJob = defineJob({
  name: SEND_EMAIL,
  description: 'Send one notification email',
  payload: z.object({ user_id: z.uuid(), subject: z.string().min(1).max(300), text: z.string().max(5000) }),
  retry: { limit: 6, delaySeconds: 30, backoff: true, maxDelaySeconds: 3600 },
  timeoutSeconds: 60,
  concurrency: 2,
  handler: async (payload, ctx: AppContext) => {
    const to = await inTransaction(
      ctx.db,
      systemActor(SEND_EMAIL),
      async (tx) =>
        (
          await sql<{
            email: string | null
          }>`select email from identity.user_contacts where user_id = ${payload.user_id}`.execute(tx)
        ).rows[0]?.email,
    )
    if (!to) return { skipped: 'no email address' }
    const sent = await ctx.services.messages.send({
      channel: 'email',
      to,
      subject: payload.subject,
      text: payload.text,
    })
    if (!sent.ok) {
      if (!sent.retryable) throw new NonRetryableJobError(sent.error)
      throw new Error(sent.error)
    }
    return { sent: true }
  },
})

export const notificationConsumers = [{ job: CONSUMER, events: NOTIFIABLE_EVENT_TYPES }] as const
