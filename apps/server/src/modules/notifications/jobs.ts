import type { Transaction } from 'kysely'
import { z } from 'zod'
import type { AppContext } from '../../kernel/context.ts'
import type { NotificationsSchema } from '../../kernel/db/schema/notifications.ts'
import { inTransaction, systemActor } from '../../kernel/db/transaction.ts'
import {
  defineJob,
  type JobRunInfo,
  NonRetryableJobError,
  type RetryPolicy,
} from '../../kernel/jobs/define-job.ts'
import { emailAddressOf, phoneNumberOf } from '../identity/index.ts'
import type { SendResult } from './channels.ts'
import {
  NOTIFY_LATER_JOB,
  notify,
  SEND_EMAIL_JOB,
  SEND_PUSH_JOB,
  SEND_SMS_JOB,
  SEND_WHATSAPP_JOB,
} from './notify.ts'

type Tx = Transaction<NotificationsSchema>
const system = (what: string) => systemActor(what)

/** Retried with backoff (30 s, 1 min, 2 min … up to an hour), seven attempts in all. */
export const DELIVERY_RETRY: RetryPolicy = {
  limit: 6,
  delaySeconds: 30,
  backoff: true,
  maxDelaySeconds: 3600,
}

type Outcome = SendResult | { skipped: string }

/**
 * One attempt of one delivery: sends, then writes what happened to the delivery log (attempts,
 * status, the last error) in a transaction of its own. A retryable failure rethrows so that the
 * queue tries again; the last attempt, or a permanent refusal, marks the delivery failed (and
 * dead-letters the job, where an operator can retry it).
 */
export async function attemptDelivery(
  ctx: AppContext,
  deliveryId: string | undefined,
  run: Pick<JobRunInfo, 'retryCount'>,
  send: () => Promise<Outcome>,
): Promise<unknown> {
  let outcome: Outcome
  try {
    outcome = await send()
  } catch (err) {
    outcome = { ok: false, retryable: true, error: (err as Error).message }
  }
  const last = run.retryCount >= DELIVERY_RETRY.limit
  const now = ctx.clock.now()
  const status =
    'skipped' in outcome
      ? 'skipped'
      : outcome.ok
        ? 'sent'
        : !outcome.retryable || last
          ? 'failed'
          : 'retrying'
  if (deliveryId) {
    await inTransaction(ctx.db, system('notifications.delivery'), (tx: Tx) =>
      tx
        .updateTable('notifications.deliveries')
        .set((eb) => ({
          attempts: eb('attempts', '+', 1),
          status,
          updated_at: now,
          last_error:
            'skipped' in outcome ? outcome.skipped : outcome.ok ? null : outcome.error.slice(0, 1000),
          ...(status === 'sent' ? { sent_at: now } : {}),
        }))
        .where('id', '=', deliveryId)
        .execute(),
    )
  }
  if ('skipped' in outcome) return { skipped: outcome.skipped }
  if (outcome.ok) return { sent: true }
  if (!outcome.retryable) throw new NonRetryableJobError(outcome.error)
  throw new Error(outcome.error)
}

/** One notification email; retried with backoff when the mail server has trouble. */
export const sendEmailJob = defineJob({
  name: SEND_EMAIL_JOB,
  description: 'Send one notification email',
  payload: z.object({
    user_id: z.uuid(),
    delivery_id: z.uuid().optional(),
    subject: z.string().min(1).max(300),
    text: z.string().max(5000),
    calendar: z
      .object({
        method: z.enum(['REQUEST', 'CANCEL', 'PUBLISH']),
        content: z.string().max(50_000),
        filename: z.string().regex(/^[\w.-]{1,100}$/),
      })
      .optional(),
  }),
  retry: DELIVERY_RETRY,
  timeoutSeconds: 60,
  concurrency: 2,
  handler: (payload, ctx: AppContext, run) =>
    attemptDelivery(ctx, payload.delivery_id, run, async () => {
      const to = await inTransaction(ctx.db, system(SEND_EMAIL_JOB), (tx) =>
        emailAddressOf(tx, payload.user_id),
      )
      if (!to) return { skipped: 'no email address' }
      return ctx.services.messages.send({
        channel: 'email',
        to,
        subject: payload.subject,
        text: payload.text,
        ...(payload.calendar ? { calendar: payload.calendar } : {}),
      })
    }),
})

/** One notification text message; retried like email. */
export const sendSmsJob = defineJob({
  name: SEND_SMS_JOB,
  description: 'Send one notification text message',
  payload: z.object({
    user_id: z.uuid(),
    delivery_id: z.uuid().optional(),
    text: z.string().min(1).max(480),
  }),
  retry: DELIVERY_RETRY,
  timeoutSeconds: 60,
  concurrency: 2,
  handler: (payload, ctx: AppContext, run) =>
    attemptDelivery(ctx, payload.delivery_id, run, async () => {
      const to = await inTransaction(ctx.db, system(SEND_SMS_JOB), (tx) => phoneNumberOf(tx, payload.user_id))
      if (!to) return { skipped: 'no mobile number' }
      return ctx.services.messages.send({ channel: 'sms', to, text: payload.text })
    }),
})

/** One WhatsApp template message; retried like email. */
export const sendWhatsAppJob = defineJob({
  name: SEND_WHATSAPP_JOB,
  description: 'Send one notification WhatsApp message (a template with parameters)',
  payload: z.object({
    user_id: z.uuid(),
    delivery_id: z.uuid().optional(),
    template: z.string().regex(/^[a-z0-9_]{1,512}$/),
    params: z.array(z.string().max(1000)).max(10),
    text: z.string().min(1).max(4000),
  }),
  retry: DELIVERY_RETRY,
  timeoutSeconds: 60,
  concurrency: 2,
  handler: (payload, ctx: AppContext, run) =>
    attemptDelivery(ctx, payload.delivery_id, run, async () => {
      const to = await inTransaction(ctx.db, system(SEND_WHATSAPP_JOB), (tx) =>
        phoneNumberOf(tx, payload.user_id),
      )
      if (!to) return { skipped: 'no mobile number' }
      return ctx.services.messages.send({
        channel: 'whatsapp',
        to,
        text: payload.text,
        template: { name: payload.template, language: ctx.config.whatsapp.language, params: payload.params },
      })
    }),
})

/**
 * One web-push notification to each browser the person enabled; subscriptions the push service
 * calls gone (404/410) are removed. Sent when at least one browser took it.
 */
export const sendPushJob = defineJob({
  name: SEND_PUSH_JOB,
  description: 'Send one web-push notification to each of a person’s browsers',
  payload: z.object({
    user_id: z.uuid(),
    delivery_id: z.uuid().optional(),
    title: z.string().min(1).max(300),
    body: z.string().max(1000),
    link: z.string().startsWith('/'),
    urgent: z.boolean().default(false),
  }),
  retry: DELIVERY_RETRY,
  timeoutSeconds: 60,
  concurrency: 2,
  handler: (payload, ctx: AppContext, run) =>
    attemptDelivery(ctx, payload.delivery_id, run, async () => {
      const push = ctx.services.webPush
      if (!push) return { ok: false, retryable: false, error: 'web push is not configured (no VAPID keys)' }
      const subs = await inTransaction(ctx.db, system(SEND_PUSH_JOB), (tx: Tx) =>
        tx
          .selectFrom('notifications.push_subscriptions')
          .select(['id', 'endpoint', 'p256dh', 'auth'])
          .where('user_id', '=', payload.user_id)
          .execute(),
      )
      if (subs.length === 0) return { skipped: 'no push subscription' }
      const results = await Promise.all(
        subs.map(async (s) => ({
          s,
          r: await push.send(
            s,
            {
              title: payload.title,
              body: payload.body,
              url: payload.link,
              tag: payload.delivery_id ?? payload.link,
            },
            { urgent: payload.urgent },
          ),
        })),
      )
      const gone = results.filter((x) => !x.r.ok && x.r.gone).map((x) => x.s.id)
      const delivered = results.filter((x) => x.r.ok).map((x) => x.s.id)
      const now = ctx.clock.now()
      await inTransaction(ctx.db, system(SEND_PUSH_JOB), async (tx: Tx) => {
        if (gone.length)
          await tx.deleteFrom('notifications.push_subscriptions').where('id', 'in', gone).execute()
        if (delivered.length)
          await tx
            .updateTable('notifications.push_subscriptions')
            .set({ last_success_at: now })
            .where('id', 'in', delivered)
            .execute()
      })
      if (delivered.length) return { ok: true }
      const errors = results.map((x) => (x.r.ok ? '' : x.r.error)).filter(Boolean)
      const retryable = results.some((x) => !x.r.ok && x.r.retryable)
      return {
        ok: false,
        retryable,
        error:
          gone.length === subs.length ? `subscription expired (${errors.join('; ')})` : errors.join('; '),
      }
    }),
})

const ZLaterNotice = z.object({
  kind: z.string().min(1),
  userId: z.uuid(),
  title: z.string().min(1).max(300),
  body: z.string().max(2000),
  link: z.string().startsWith('/'),
  sourceId: z.uuid(),
  urgent: z.boolean().optional(),
  whatsappParams: z.array(z.string()).optional(),
})

/** A notice told later (OFAIR's non-subscribers hear about a new lead after the subscribers). */
export const notifyLaterJob = defineJob({
  name: NOTIFY_LATER_JOB,
  description: 'Tell a person about something a while after it happened (priority for subscribers)',
  payload: z.object({ notice: ZLaterNotice }),
  retry: { limit: 5, delaySeconds: 30, backoff: true, maxDelaySeconds: 1800 },
  timeoutSeconds: 60,
  handler: async (payload, ctx: AppContext) => {
    const n = payload.notice
    const told = await inTransaction(ctx.db, system(NOTIFY_LATER_JOB), (tx) =>
      notify(ctx, tx, [
        {
          ...n,
          ...(n.urgent !== undefined ? { urgent: n.urgent } : {}),
          ...(n.whatsappParams ? { whatsappParams: n.whatsappParams } : {}),
        },
      ]),
    )
    return told
  },
})
