import type { AppContext } from '../../kernel/context.ts'
import { uuidFromName } from '../../kernel/ids.ts'
import { defineNoticeKinds, notify } from '../notifications/index.ts'
import type { MatchingCaller } from './caller.ts'
import type { IntelligenceTx } from './database.ts'

/** Who hears about decisions on suggestions. */
export const MATCH_NOTICES = defineNoticeKinds('intelligence', {
  'match.accepted_by_team': {
    label: 'A hiring team accepts a suggested match of your candidate',
    audience: ['recruiter'],
  },
})

/** Where the recruiter reviews the submission an accepted suggestion pre-fills. */
export const prefillLink = (m: { candidate_id: string; id: string }) =>
  `/splits/candidates/${m.candidate_id}?match=${m.id}`

/**
 * A hiring team (not the candidate's own recruiter) accepted a suggestion: the candidate's recruiter
 * is told, in-app and by email as their settings say, with a link to the pre-filled submission.
 * Written in the decision's transaction; once per suggestion.
 */
export async function tellRecruiterOfAcceptance(
  ctx: AppContext,
  tx: IntelligenceTx,
  caller: MatchingCaller,
  m: {
    id: string
    candidate_id: string
    company_id: string
    recruiter_id: string
    recruiter_user_id: string | null
    role_title: string
    score: number
  },
  companyName: string,
) {
  if (!m.recruiter_user_id || m.recruiter_user_id === caller.userId) return
  if (caller.recruiterId === m.recruiter_id || !caller.teamCompanyIds.includes(m.company_id)) return
  await notify(ctx, tx, [
    {
      kind: 'match.accepted_by_team',
      userId: m.recruiter_user_id,
      title: `${companyName || 'A hiring team'} wants your candidate for ${m.role_title}`,
      body: `The hiring team accepted a suggested match (${m.score}/100) of your candidate for ${m.role_title}. Review the pre-filled submission and send it if your candidate agrees.`,
      link: prefillLink(m),
      sourceId: uuidFromName(`match:${m.id}:accepted`),
    },
  ])
}
