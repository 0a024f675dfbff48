import { sql } from 'kysely'
import type { Tx } from '../../kernel/db/database.ts'
import type { EventEnvelope } from '../../kernel/outbox/outbox.ts'
import type { NotifiableEvent } from './catalog.ts'

/** One person to tell about an event, and what to tell them. */
export interface Notice {
  userId: string
  title: string
  body: string
  link: string
}

const STAGE_LABEL: Record<string, string> = {
  submitted: 'submitted',
  screening: 'screening',
  interview: 'interview',
  offer: 'offer',
  hired: 'hired',
  rejected: 'rejected',
  withdrawn: 'withdrawn',
}

async function teamUserIds(tx: Tx, companyId: string, except?: string | null): Promise<string[]> {
  const rows = await sql<{ user_id: string }>`
    select distinct m.user_id from identity.memberships m join ats.companies c on c.organization_id = m.organization_id
     where c.id = ${companyId} and m.role in ('company_admin', 'hiring_manager')`.execute(tx)
  return rows.rows.map((r) => r.user_id).filter((id) => id !== except)
}

async function recruiterUserId(tx: Tx, recruiterId: string): Promise<string | null> {
  const row = await tx
    .selectFrom('network.recruiters')
    .select('user_id')
    .where('id', '=', recruiterId)
    .executeTakeFirst()
  return row?.user_id ?? null
}

async function names(tx: Tx, candidateId: string, recruiterId: string | null) {
  const row = (
    await sql<{ candidate: string; recruiter: string | null }>`
      select c.full_name as candidate,
             (select u.display_name from network.recruiters r join identity.users u on u.id = r.user_id where r.id = ${recruiterId}) as recruiter
        from ats.candidates c where c.id = ${candidateId}`.execute(tx)
  ).rows[0]
  return { candidate: row?.candidate ?? 'A candidate', recruiter: row?.recruiter ?? 'A recruiter' }
}

/**
 * Who hears about a marketplace event (never the person who caused it):
 * submission → the company's hiring team; stage change → the submitting recruiter, or the hiring
 * team when the recruiter withdrew; placement → the hiring team and every recruiter on the split.
 * Runs as the system (it reads across tenants to address people), inside the consumer's transaction.
 */
export async function noticesFor(tx: Tx, event: EventEnvelope): Promise<Notice[]> {
  const d = event.data as Record<string, string | null>
  const type = event.event as NotifiableEvent
  switch (type) {
    case 'application.submitted': {
      const n = await names(tx, d.candidate_id!, d.recruiter_id ?? null)
      return (await teamUserIds(tx, d.company_id!, d.submitted_by)).map((userId) => ({
        userId,
        title: `New candidate for ${d.role_title}`,
        body: `${n.recruiter} submitted ${n.candidate}.`,
        link: `/splits/applications/${d.application_id}`,
      }))
    }
    case 'application.stage_changed': {
      const n = await names(tx, d.candidate_id!, d.recruiter_id ?? null)
      const stage = STAGE_LABEL[d.new_stage ?? ''] ?? d.new_stage
      const reason = d.reason ? ` Reason: ${d.reason}` : ''
      if (d.new_stage === 'withdrawn') {
        return (await teamUserIds(tx, d.company_id!, d.changed_by)).map((userId) => ({
          userId,
          title: `${n.candidate} withdrew from ${d.role_title}`,
          body: `${n.recruiter} withdrew the candidate.${reason}`,
          link: `/splits/applications/${d.application_id}`,
        }))
      }
      const recruiter = await recruiterUserId(tx, d.recruiter_id!)
      if (!recruiter || recruiter === d.changed_by) return []
      return [
        {
          userId: recruiter,
          title: `${n.candidate}: ${stage} for ${d.role_title}`,
          body: `Moved from ${STAGE_LABEL[d.old_stage ?? ''] ?? d.old_stage} to ${stage}.${reason}`,
          link: `/splits/applications/${d.application_id}`,
        },
      ]
    }
    case 'placement.created': {
      const n = await names(tx, d.candidate_id!, null)
      const role =
        (await tx.selectFrom('ats.roles').select('title').where('id', '=', d.role_id!).executeTakeFirst())
          ?.title ?? 'a role'
      const splits = (event.data.splits as { recruiter_id: string }[] | undefined) ?? []
      const recruiters = (await Promise.all(splits.map((s) => recruiterUserId(tx, s.recruiter_id)))).filter(
        (u): u is string => u !== null,
      )
      const everyone = [...new Set([...(await teamUserIds(tx, d.company_id!)), ...recruiters])]
      return everyone.map((userId) => ({
        userId,
        title: `Placement: ${n.candidate} hired for ${role}`,
        body: `Starts ${d.start_date}; the guarantee runs to ${d.guarantee_ends_on}.`,
        link: `/splits/placements/${d.placement_id}`,
      }))
    }
    default:
      return []
  }
}
