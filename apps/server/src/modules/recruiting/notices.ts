import type { Transaction } from 'kysely'
import { defineConsumer, type EnvelopeOf } from '../../kernel/outbox/events.ts'
import { displayNames, organizationMemberIds } from '../identity/index.ts'
import { defineNoticeKinds, type Notice, notify } from '../notifications/index.ts'
import type { RecruitingDatabase } from './database.ts'
import type { RecruitingEvent } from './events.ts'

/**
 * Who hears about what happens in the marketplace, and in which words. Recruiting decides (it
 * knows its roles, teams and splits); notifications delivers. Never the person who acted.
 */
export const RECRUITING_NOTICES = defineNoticeKinds('recruiting', {
  'application.submitted': {
    label: 'A candidate is submitted to one of your company’s roles',
    audience: ['company_admin', 'hiring_manager'],
  },
  'application.stage_changed': {
    label: 'A candidate moves stage (or is withdrawn)',
    audience: ['recruiter', 'company_admin', 'hiring_manager'],
  },
  'placement.created': {
    label: 'A placement is made',
    audience: ['recruiter', 'company_admin', 'hiring_manager'],
  },
  'placement.splits_proposed': {
    label: 'A split of a placement’s fee is proposed to you',
    audience: ['recruiter'],
  },
})

type Tx = Transaction<RecruitingDatabase>
type NoticeEvent = keyof typeof RECRUITING_NOTICES & RecruitingEvent

const STAGE_WORDS: Record<string, string> = {
  submitted: 'Submitted',
  screening: 'Screening',
  interview: 'Interview',
  offer: 'Offer',
  hired: 'Hired',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
}
const stageWord = (stage: string) => STAGE_WORDS[stage] ?? stage

const FEE_ROLE_WORDS: Record<string, string> = {
  candidate_recruiter: 'candidate recruiter',
  candidate_sourcer: 'candidate sourcer',
  company_sourcer: 'company sourcer',
  job_owner: 'job owner',
  hiring_facilitator: 'hiring facilitator',
}

/** A calendar date as people read it: "1 Mar 2027" (dates carry no time zone). */
export function dateWords(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number)
  return new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y!, (m ?? 1) - 1, d ?? 1)))
}

const percent = (bps: number) => `${(bps / 100).toLocaleString('en-US', { maximumFractionDigits: 2 })}%`

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

async function recruiterUsers(tx: Tx, recruiterIds: readonly string[]): Promise<Map<string, string>> {
  if (recruiterIds.length === 0) return new Map()
  const rows = await tx
    .selectFrom('network.recruiters')
    .select(['id', 'user_id'])
    .where('id', 'in', [...new Set(recruiterIds)])
    .execute()
  return new Map(rows.map((r) => [r.id, r.user_id]))
}

async function candidateName(tx: Tx, candidateId: string): Promise<string> {
  const row = await tx
    .selectFrom('ats.candidates')
    .select('full_name')
    .where('id', '=', candidateId)
    .executeTakeFirst()
  return row?.full_name ?? 'A candidate'
}

async function recruiterName(tx: Tx, recruiterId: string): Promise<string> {
  const userId = (await recruiterUsers(tx, [recruiterId])).get(recruiterId)
  return (userId && (await displayNames(tx, [userId])).get(userId)) || 'A recruiter'
}

/** The notices an event gives rise to. Runs as the system inside the consumer's transaction. */
export async function noticesFor(tx: Tx, event: EnvelopeOf<NoticeEvent>): Promise<Notice[]> {
  const to = (
    userIds: readonly string[],
    except: string | null,
    n: Omit<Notice, 'userId' | 'kind' | 'sourceId'>,
  ) =>
    [...new Set(userIds)]
      .filter((u) => u !== except)
      .map((userId) => ({ ...n, userId, kind: event.event, sourceId: event.event_id }))

  switch (event.event) {
    case 'application.submitted': {
      const d = event.data
      const [candidate, recruiter] = [
        await candidateName(tx, d.candidate_id),
        await recruiterName(tx, d.recruiter_id),
      ]
      return to(await teamOf(tx, d.company_id), d.submitted_by, {
        title: `New candidate for ${d.role_title}`,
        body: `${recruiter} submitted ${candidate}.`,
        link: `/splits/applications/${d.application_id}`,
      })
    }
    case 'application.stage_changed': {
      const d = event.data
      const candidate = await candidateName(tx, d.candidate_id)
      const reason = d.reason ? ` Reason: ${d.reason}` : ''
      if (d.new_stage === 'withdrawn') {
        const recruiter = await recruiterName(tx, d.recruiter_id)
        return to(await teamOf(tx, d.company_id), d.changed_by, {
          title: `${candidate} withdrew from ${d.role_title}`,
          body: `${recruiter} withdrew the candidate.${reason}`,
          link: `/splits/applications/${d.application_id}`,
        })
      }
      const recruiterUser = (await recruiterUsers(tx, [d.recruiter_id])).get(d.recruiter_id)
      return to(recruiterUser ? [recruiterUser] : [], d.changed_by, {
        title: `${candidate}: ${stageWord(d.new_stage)} for ${d.role_title}`,
        body: `Moved from ${stageWord(d.old_stage)} to ${stageWord(d.new_stage)}.${reason}`,
        link: `/splits/applications/${d.application_id}`,
      })
    }
    case 'placement.created': {
      const d = event.data
      const candidate = await candidateName(tx, d.candidate_id)
      const role =
        (await tx.selectFrom('ats.roles').select('title').where('id', '=', d.role_id).executeTakeFirst())
          ?.title ?? 'a role'
      const recruiters = await recruiterUsers(
        tx,
        d.splits.map((s) => s.recruiter_id),
      )
      return to([...(await teamOf(tx, d.company_id)), ...recruiters.values()], null, {
        title: `Placement: ${candidate} hired for ${role}`,
        body: `Starts ${dateWords(d.start_date)}; the guarantee runs to ${dateWords(d.guarantee_ends_on)}.`,
        link: `/splits/placements/${d.placement_id}`,
      })
    }
    case 'placement.splits_proposed': {
      const d = event.data
      const everyone = [...d.splits.map((s) => s.recruiter_id), ...d.previous_recruiter_ids]
      const users = await recruiterUsers(tx, everyone)
      const proposer = (await displayNames(tx, [d.proposed_by])).get(d.proposed_by) ?? 'Someone'
      const terms = d.splits
        .map((s) => `${FEE_ROLE_WORDS[s.fee_role] ?? s.fee_role} ${percent(s.share_bps)}`)
        .join(', ')
      return to([...users.values()], d.proposed_by, {
        title: 'A new split is proposed for a placement',
        body: `${proposer} proposed: ${terms}. Open the placement to agree.`,
        link: `/splits/placements/${d.placement_id}`,
      })
    }
  }
}

/** The consumer that turns marketplace events into notices, once per event. */
export const notifyPeopleConsumer = defineConsumer<NoticeEvent, RecruitingDatabase>({
  name: 'recruiting.notify_people',
  description:
    'Tell people (bell and email) about submissions, stage changes, placements and split proposals',
  events: Object.keys(RECRUITING_NOTICES) as NoticeEvent[],
  handle: async (tx, event, ctx) => {
    const notices = await noticesFor(tx, event)
    return notify(ctx, tx, notices)
  },
})
