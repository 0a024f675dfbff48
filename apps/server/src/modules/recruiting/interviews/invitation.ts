import type { AppContext } from '../../../kernel/context.ts'
import { asSystem } from '../../../kernel/db/transaction.ts'
import { emailAddressOf } from '../../identity/index.ts'
import type { CalendarPart } from '../../notifications/index.ts'
import type { RecruitingTx } from '../database.ts'
import { buildInvitation } from './ics.ts'
import type { InterviewDetails } from './queries.ts'

export const KIND_WORDS = { phone: 'Phone', video: 'Video', onsite: 'On-site' } as const

/** The stable UID of an interview's calendar event: one per interview, whatever its times. */
export const interviewUid = (ctx: AppContext, id: string) =>
  `interview-${id}@${new URL(ctx.config.http.publicUrl).hostname}`

/** "Name <address>" or a bare address → { name, email }. */
function mailbox(from: string): { name: string; email: string } {
  const m = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(from)
  return m
    ? { name: m[1]!.trim() || 'Splits Network', email: m[2]! }
    : { name: 'Splits Network', email: from.trim() }
}

/**
 * The interview's invitation as iCalendar text: REQUEST for a confirmed time, CANCEL when the time
 * was withdrawn (cancelled or rescheduled) — `at` is then the time being withdrawn. Attendees are
 * the interviewers and the submitting recruiter (who passes it on to the candidate); their
 * addresses are read as the system, the caller having been authorised for the interview.
 */
export async function invitationText(
  ctx: AppContext,
  tx: RecruitingTx,
  i: InterviewDetails,
  method: 'REQUEST' | 'CANCEL',
  at: { start: Date; end: Date; sequence: number },
): Promise<string> {
  const people = [
    ...i.interviewers.map((p) => ({ userId: p.user_id, name: p.name ?? 'Interviewer' })),
    { userId: i.recruiter_user_id, name: i.recruiter_name ?? 'Recruiter' },
  ]
  const attendees = await asSystem(tx, 'recruiting.interview_invitation', async () => {
    const out: { name: string; email: string }[] = []
    for (const p of people) {
      const email = await emailAddressOf(tx, p.userId)
      if (email) out.push({ name: p.name, email })
    }
    return out
  })
  const base = ctx.config.http.publicUrl
  const where = i.kind === 'onsite' ? i.location : (i.meeting_link ?? i.location)
  const description = [
    `${KIND_WORDS[i.kind as keyof typeof KIND_WORDS]} interview with ${i.candidate_name} for ${i.role_title} at ${i.company_name}.`,
    `Interviewers: ${i.interviewers.map((p) => p.name).join(', ') || '—'}. Recruiter: ${i.recruiter_name}.`,
    i.meeting_link ? `Join: ${i.meeting_link}` : '',
    i.location ? `Location: ${i.location}` : '',
    i.agenda ? `Agenda: ${i.agenda}` : '',
    `Times are in ${i.time_zone}.`,
    `Details: ${base}/splits/interviews/${i.id}`,
  ]
    .filter(Boolean)
    .join('\n')
  const organizer = mailbox(ctx.config.mail.from)
  return buildInvitation({
    method,
    uid: interviewUid(ctx, i.id),
    sequence: at.sequence,
    stamp: ctx.clock.now(),
    start: at.start,
    end: at.end,
    timeZone: i.time_zone,
    summary: `Interview: ${i.candidate_name} – ${i.role_title} (${i.company_name})`,
    description,
    location: where,
    url: i.meeting_link,
    organizer: { name: `${i.company_name} via ${organizer.name}`, email: organizer.email },
    attendees,
  })
}

export const calendarPart = (method: 'REQUEST' | 'CANCEL', content: string): CalendarPart => ({
  method,
  content,
  filename: method === 'CANCEL' ? 'cancel.ics' : 'invite.ics',
})
