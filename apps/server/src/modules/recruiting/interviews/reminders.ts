import { z } from 'zod'
import type { AppContext } from '../../../kernel/context.ts'
import { inTransaction, systemActor } from '../../../kernel/db/transaction.ts'
import { uuidFromName } from '../../../kernel/ids.ts'
import { defineJob } from '../../../kernel/jobs/define-job.ts'
import { notify } from '../../notifications/index.ts'
import type { RecruitingTx } from '../database.ts'
import { KIND_WORDS } from './invitation.ts'
import { getInterview } from './queries.ts'
import { feedbackLink, requestFeedback, whenWords } from './service.ts'

const HOUR = 3_600_000

/**
 * Reminders 24 h and 1 h before each confirmed interview, and the request for feedback after it
 * ends. Each is claimed by an UPDATE of its `*_at` column from null (the row lock makes a
 * concurrent run wait and then find it claimed), and the notices go out in the same transaction:
 * once each, however often or concurrently the job runs. An interview confirmed less than an hour
 * ahead gets only the 1-hour reminder.
 */
export async function sendInterviewReminders(ctx: AppContext, now: Date) {
  return inTransaction(ctx.db, systemActor('recruiting.interview_reminders'), async (tx: RecruitingTx) => {
    const in1h = new Date(now.getTime() + HOUR)
    const in24h = new Date(now.getTime() + 24 * HOUR)
    const hour = await tx
      .updateTable('ats.interviews')
      .set((eb) => ({ reminder_1h_at: now, reminder_24h_at: eb.fn.coalesce('reminder_24h_at', eb.val(now)) }))
      .where('status', '=', 'confirmed')
      .where('reminder_1h_at', 'is', null)
      .where('starts_at', '>', now)
      .where('starts_at', '<=', in1h)
      .returning('id')
      .execute()
    const day = await tx
      .updateTable('ats.interviews')
      .set({ reminder_24h_at: now })
      .where('status', '=', 'confirmed')
      .where('reminder_24h_at', 'is', null)
      .where('starts_at', '>', in1h)
      .where('starts_at', '<=', in24h)
      .returning('id')
      .execute()
    for (const [rows, label] of [
      [hour, '1h'],
      [day, '24h'],
    ] as const) {
      for (const { id } of rows) {
        const i = await getInterview(tx, id)
        const people = [...new Set([...i.interviewers.map((p) => p.user_id), i.recruiter_user_id])]
        await notify(
          ctx,
          tx,
          people.map((userId) => ({
            kind: 'interview.reminder',
            userId,
            sourceId: uuidFromName(`interview:${i.id}:reminder:${label}:${i.sequence}`),
            title: `${label === '1h' ? 'In 1 hour' : 'Tomorrow'}: interview with ${i.candidate_name}`,
            body: `${KIND_WORDS[i.kind as keyof typeof KIND_WORDS]} interview for ${i.role_title} (${i.company_name}), ${whenWords(i.starts_at!, i.time_zone)}${i.meeting_link ? ` — ${i.meeting_link}` : ''}${i.location ? ` — ${i.location}` : ''}`,
            link: `/splits/interviews/${i.id}`,
          })),
        )
      }
    }
    const ended = await tx
      .selectFrom('ats.interviews')
      .select('id')
      .where('status', 'in', ['confirmed', 'completed'])
      .where('feedback_requested_at', 'is', null)
      .where('ends_at', '<=', now)
      .orderBy('ends_at')
      .limit(500)
      .execute()
    let feedback = 0
    for (const { id } of ended) if (await requestFeedback(ctx, tx, id, now)) feedback++
    return { reminders_24h: day.length, reminders_1h: hour.length, feedback_requested: feedback }
  })
}

export const interviewRemindersJob = defineJob({
  name: 'recruiting.interview_reminders',
  description:
    'Remind interviewers and recruiters 24 h and 1 h before interviews; ask for feedback after them',
  payload: z.object({}),
  retry: { limit: 3, delaySeconds: 30, backoff: true },
  timeoutSeconds: 120,
  concurrency: 1,
  schedule: { cron: '* * * * *', payload: {} },
  handler: (_payload, ctx: AppContext) => sendInterviewReminders(ctx, ctx.clock.now()),
})

export { feedbackLink }
