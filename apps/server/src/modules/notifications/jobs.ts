import { z } from 'zod'
import type { AppContext } from '../../kernel/context.ts'
import { inTransaction, systemActor } from '../../kernel/db/transaction.ts'
import { defineJob, NonRetryableJobError } from '../../kernel/jobs/define-job.ts'
import { emailAddressOf, phoneNumberOf } from '../identity/index.ts'
import { SEND_EMAIL_JOB, SEND_SMS_JOB } from './notify.ts'

/** One notification email; retried with backoff when the mail server has trouble. */
export const sendEmailJob = defineJob({
  name: SEND_EMAIL_JOB,
  description: 'Send one notification email',
  payload: z.object({ user_id: z.uuid(), subject: z.string().min(1).max(300), text: z.string().max(5000) }),
  retry: { limit: 6, delaySeconds: 30, backoff: true, maxDelaySeconds: 3600 },
  timeoutSeconds: 60,
  concurrency: 2,
  handler: async (payload, ctx: AppContext) => {
    const to = await inTransaction(ctx.db, systemActor(SEND_EMAIL_JOB), (tx) =>
      emailAddressOf(tx, payload.user_id),
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

/** One notification text message (kinds declared with `sms: true`); retried like email. */
export const sendSmsJob = defineJob({
  name: SEND_SMS_JOB,
  description: 'Send one notification text message',
  payload: z.object({ user_id: z.uuid(), text: z.string().min(1).max(480) }),
  retry: { limit: 6, delaySeconds: 30, backoff: true, maxDelaySeconds: 3600 },
  timeoutSeconds: 60,
  concurrency: 2,
  handler: async (payload, ctx: AppContext) => {
    const to = await inTransaction(ctx.db, systemActor(SEND_SMS_JOB), (tx) =>
      phoneNumberOf(tx, payload.user_id),
    )
    if (!to) return { skipped: 'no mobile number' }
    const sent = await ctx.services.messages.send({ channel: 'sms', to, text: payload.text })
    if (!sent.ok) {
      if (!sent.retryable) throw new NonRetryableJobError(sent.error)
      throw new Error(sent.error)
    }
    return { sent: true }
  },
})
