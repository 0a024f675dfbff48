import type { Transaction } from 'kysely'
import { defineConsumer, type EnvelopeOf } from '../../../kernel/outbox/events.ts'
import { displayNames, organizationMemberIds } from '../../identity/index.ts'
import { defineNoticeKinds, type Notice, notify } from '../../notifications/index.ts'
import type { RecruitingDatabase } from '../database.ts'

/** Who hears about notes: the other side on requests and answers, whoever may read new feedback. */
export const NOTE_NOTICES = defineNoticeKinds('recruiting', {
  'application.information_requested': {
    label: 'Someone asks you for information about a candidate',
    audience: ['recruiter', 'company_admin', 'hiring_manager'],
  },
  'application.information_answered': {
    label: 'Your information request about a candidate is answered',
    audience: ['recruiter', 'company_admin', 'hiring_manager'],
  },
  'application.feedback_added': {
    label: 'Interview feedback, a decision note or a recruiter’s pitch is added to a candidate',
    audience: ['recruiter', 'company_admin', 'hiring_manager'],
  },
})

type Tx = Transaction<RecruitingDatabase>
type Event = EnvelopeOf<'application.note_added'>

const excerpt = (text: string) => (text.length > 160 ? `${text.slice(0, 157).trimEnd()}…` : text)

async function teamOf(tx: Tx, companyId: string): Promise<string[]> {
  const company = await tx
    .selectFrom('ats.companies')
    .select('organization_id')
    .where('id', '=', companyId)
    .executeTakeFirst()
  return company
    ? organizationMemberIds(tx, company.organization_id, ['company_admin', 'hiring_manager'])
    : []
}

async function recruiterUser(tx: Tx, recruiterId: string): Promise<string[]> {
  const row = await tx
    .selectFrom('network.recruiters')
    .select('user_id')
    .where('id', '=', recruiterId)
    .executeTakeFirst()
  return row ? [row.user_id] : []
}

/** The notices a new note gives rise to (never to its author; internal notes to nobody). */
export async function noticesForNote(tx: Tx, event: Event): Promise<Notice[]> {
  const d = event.data
  if (d.kind === 'internal_note') return []
  const note = await tx
    .selectFrom('ats.application_notes')
    .select(['body'])
    .where('id', '=', d.note_id)
    .executeTakeFirst()
  const candidate =
    (
      await tx
        .selectFrom('ats.candidates')
        .select('full_name')
        .where('id', '=', d.candidate_id)
        .executeTakeFirst()
    )?.full_name ?? 'a candidate'
  const author = (await displayNames(tx, [d.author_user_id])).get(d.author_user_id) ?? 'Someone'
  const link = `/splits/applications/${d.application_id}`
  const body = excerpt(note?.body ?? '')
  const otherSide = () =>
    d.author_side === 'company' ? recruiterUser(tx, d.recruiter_id) : teamOf(tx, d.company_id)
  let kind: keyof typeof NOTE_NOTICES
  let title: string
  let people: string[]
  switch (d.kind) {
    case 'information_request':
      kind = 'application.information_requested'
      title = `${author} asks about ${candidate} (${d.role_title})`
      people = await otherSide()
      break
    case 'information_response': {
      kind = 'application.information_answered'
      title = `${author} answered your question about ${candidate}`
      const request = d.request_note_id
        ? await tx
            .selectFrom('ats.application_notes')
            .select('author_user_id')
            .where('id', '=', d.request_note_id)
            .executeTakeFirst()
        : undefined
      people = request ? [request.author_user_id] : await otherSide()
      break
    }
    case 'pitch':
      kind = 'application.feedback_added'
      title = `${author} pitched ${candidate} for ${d.role_title}`
      people = await teamOf(tx, d.company_id)
      break
    default: {
      kind = 'application.feedback_added'
      const what = d.kind === 'interview_feedback' ? 'Interview feedback' : 'A decision note'
      title = `${what} on ${candidate} (${d.role_title})`
      people = [
        ...(await teamOf(tx, d.company_id)),
        ...(d.visibility === 'both' ? await recruiterUser(tx, d.recruiter_id) : []),
      ]
    }
  }
  return [...new Set(people)]
    .filter((u) => u !== d.author_user_id)
    .map((userId) => ({ kind, userId, title, body: `${author}: ${body}`, link, sourceId: event.event_id }))
}

export const notifyNotesConsumer = defineConsumer<'application.note_added', RecruitingDatabase>({
  name: 'recruiting.notify_notes',
  description: 'Tell the other side (bell and email) about information requests, answers and new feedback',
  events: ['application.note_added'],
  handle: async (tx, event, ctx) => notify(ctx, tx, await noticesForNote(tx, event)),
})
