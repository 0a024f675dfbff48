import { asSystem } from '../../../kernel/db/transaction.ts'
import { defineConversationSubject, maskContactDetails } from '../../conversations/index.ts'
import { organizationMemberIds } from '../../identity/index.ts'
import type { RecruitingTx } from '../database.ts'

/** A conversation about one application: the submitting recruiter and the company's hiring team. */
export const APPLICATION_THREAD = 'splits_application'
/** A conversation about one role with one recruiter working it (questions about the role). */
export const ROLE_QUESTION_THREAD = 'splits_role_question'
export const SPLITS_THREAD_KINDS = [APPLICATION_THREAD, ROLE_QUESTION_THREAD] as const

export const TEAM_ROLES = ['company_admin', 'hiring_manager'] as const

/** Why contact details were hidden from a reader. */
export const MASK_REASONS = {
  candidateContacts: 'candidate_contact_details_hidden',
  roleQuestions: 'contact_details_in_role_questions',
} as const

const typed = (text: string) => ({ text, mask_reason: null })
const masking = (reason: string) => (text: string) => {
  const r = maskContactDetails(text)
  return { text: r.text, mask_reason: r.masked ? reason : null }
}

/**
 * Application threads: a reader sees phone numbers and e-mail addresses as typed only if they may
 * see the candidate's contact details (the same rule as `ats.candidate_contacts_visible`: the
 * representing recruiter, the hiring team of the company the person was submitted to, platform
 * admins); anyone else — someone who left the hiring team — sees `•••`. Decided at every read.
 */
/**
 * Who may see an application's candidate contacts changes rarely (a team member leaves), while a
 * busy thread is read at every push to every reader: the answer is kept for a few seconds per
 * process (so a member who left sees contact details masked within {@link VISIBILITY_TTL_MS}).
 */
const VISIBILITY_TTL_MS = 15_000
const visibility = new Map<string, { visible: boolean; until: number }>()
/** Forgets the kept answers (tests: as if the time had passed). */
export const forgetContactVisibility = () => visibility.clear()

defineConversationSubject({
  kind: APPLICATION_THREAD,
  refuseMarkup: true,
  // a file sent about an application (a CV, references) is the candidate's personal data: each
  // download is logged against the candidate, as a download of their documents is
  attachments: {
    async piiSubject(tx, applicationId) {
      const app = await asSystem(tx, 'recruiting.chat_attachment', () =>
        (tx as RecruitingTx)
          .selectFrom('ats.applications')
          .select('candidate_id')
          .where('id', '=', applicationId)
          .executeTakeFirst(),
      )
      return app
        ? { subjectType: 'candidate', subjectId: app.candidate_id }
        : { subjectType: 'application', subjectId: applicationId }
    },
  },
  async presenter(tx, applicationId, viewer) {
    if (viewer.admin) return typed
    const key = `${applicationId}:${viewer.userId}`
    const now = Date.now()
    const cached = visibility.get(key)
    if (cached && cached.until > now) return cached.visible ? typed : masking(MASK_REASONS.candidateContacts)
    const visible = await asSystem(tx, 'recruiting.chat_mask', async () => {
      const app = await (tx as RecruitingTx)
        .selectFrom('ats.applications as a')
        .innerJoin('ats.candidates as c', 'c.id', 'a.candidate_id')
        .innerJoin('network.recruiters as rr', 'rr.id', 'c.recruiter_id')
        .innerJoin('ats.companies as co', 'co.id', 'a.company_id')
        .select(['rr.user_id as owner_user_id', 'co.organization_id'])
        .where('a.id', '=', applicationId)
        .executeTakeFirst()
      if (!app) return false
      if (app.owner_user_id === viewer.userId) return true
      return (await organizationMemberIds(tx, app.organization_id, TEAM_ROLES)).includes(viewer.userId)
    })
    if (visibility.size > 50_000) visibility.clear()
    visibility.set(key, { visible, until: now + VISIBILITY_TTL_MS })
    return visible ? typed : masking(MASK_REASONS.candidateContacts)
  },
})

/**
 * Role questions come before any submission: a candidate's details reach a company only by
 * submitting them (the right to represent), and deals stay on the platform. Phone numbers, e-mail
 * and street addresses in these threads are hidden from every reader but an admin.
 */
defineConversationSubject({
  kind: ROLE_QUESTION_THREAD,
  refuseMarkup: true,
  // files about a role (a fuller brief, an org chart); one may still carry someone's data, so
  // each download is logged against the thread
  attachments: {
    async piiSubject(_tx, threadId) {
      return { subjectType: 'role_question_thread', subjectId: threadId }
    },
  },
  async presenter(_tx, _threadId, viewer) {
    return viewer.admin ? typed : masking(MASK_REASONS.roleQuestions)
  },
})
