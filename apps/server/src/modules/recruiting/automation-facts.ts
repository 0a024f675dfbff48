import type { AnyTx } from '../../kernel/db/database.ts'
import { asSystem } from '../../kernel/db/transaction.ts'
import { transitionApplication } from './applications/stage.ts'
import type { SplitsCaller } from './caller.ts'
import type { RecruitingTx } from './database.ts'
import { STAGE_TRANSITIONS, type Stage } from './reference/vocabularies.ts'

/** An open application as automation rules see it: where it is and for how long. */
export interface ApplicationInStage {
  application_id: string
  role_id: string
  company_id: string
  candidate_id: string
  recruiter_id: string
  stage: string
  stage_entered_at: string
  days_in_stage: number
  days_since_submitted: number
}

const OPEN: readonly Stage[] = ['submitted', 'screening', 'interview', 'offer']

/** Open applications (not hired, rejected or withdrawn), oldest stage first; for scheduled automation. */
export async function openApplicationsInStage(
  anyTx: AnyTx,
  now: Date,
  limit = 5000,
): Promise<ApplicationInStage[]> {
  const rows = await asSystem(anyTx, 'recruiting.automation_facts', () =>
    (anyTx as RecruitingTx)
      .selectFrom('ats.applications')
      .select([
        'id',
        'role_id',
        'company_id',
        'candidate_id',
        'recruiter_id',
        'stage',
        'stage_changed_at',
        'submitted_at',
      ])
      .where('stage', 'in', [...OPEN])
      .orderBy('stage_changed_at')
      .limit(limit)
      .execute(),
  )
  const day = 86_400_000
  return rows.map((r) => ({
    application_id: r.id,
    role_id: r.role_id,
    company_id: r.company_id,
    candidate_id: r.candidate_id,
    recruiter_id: r.recruiter_id,
    stage: r.stage,
    stage_entered_at: r.stage_changed_at.toISOString(),
    days_in_stage: Math.floor((now.getTime() - r.stage_changed_at.getTime()) / day),
    days_since_submitted: Math.floor((now.getTime() - r.submitted_at.getTime()) / day),
  }))
}

/**
 * Moves an application on by the marketplace's own command (its checks, history and event apply),
 * acting for a platform admin who approved it (or the rule's owner). `to` defaults to the next
 * stage forward; hired is never reached this way (a hire needs salary and start date).
 */
export async function advanceApplicationFor(
  tx: AnyTx,
  actor: { userId: string },
  applicationId: string,
  move: { to?: string | undefined; reason: string; expectStage?: string | undefined },
  now: Date,
): Promise<{ from: string; to: string }> {
  const app = await (tx as RecruitingTx)
    .selectFrom('ats.applications')
    .select(['stage'])
    .where('id', '=', applicationId)
    .executeTakeFirst()
  const from = (app?.stage ?? 'submitted') as Stage
  const to = (move.to ?? STAGE_TRANSITIONS[from]?.[0] ?? 'hired') as Stage
  await transitionApplication(
    tx as RecruitingTx,
    adminCaller(actor.userId),
    applicationId,
    {
      to,
      reason: move.reason,
    },
    now,
  )
  return { from, to }
}

/** The stage an application is at now, or null when there is no such application. */
export async function applicationStageNow(tx: AnyTx, applicationId: string): Promise<string | null> {
  const row = await (tx as RecruitingTx)
    .selectFrom('ats.applications')
    .select('stage')
    .where('id', '=', applicationId)
    .executeTakeFirst()
  return row?.stage ?? null
}

function adminCaller(userId: string): SplitsCaller {
  return {
    principal: null,
    userId,
    isPlatformAdmin: true,
    recruiterId: null,
    recruiterEarlyAccess: false,
    teamCompanyIds: [],
    adminCompanyIds: [],
    isCandidate: false,
  }
}
