import { sql } from 'kysely'
import { updatedOrConflict } from '../../../kernel/db/concurrency.ts'
import type { OfairCaller } from '../caller.ts'
import type { OfairTx } from '../database.ts'
import { refuse } from '../messages.ts'
import { emitReviewEvent } from '../reviews/events.ts'
import type { MILESTONE_STATUSES, TMilestoneIn } from './schemas.ts'

/**
 * Projects: the acceptance of a proposal makes one (in its transaction, as the lead's owner);
 * both sides add milestones, the performer moves them forward and posts status updates. Only the
 * two sides see a project (row-level security: anyone else finds nothing).
 */
export async function createProjectForAcceptance(
  tx: OfairTx,
  accepted: { leadId: string; proposalId: string; performerProfessionalId: string },
): Promise<string> {
  const lead = await tx
    .selectFrom('ofair.leads')
    .select(['title', 'created_by_user_id'])
    .where('id', '=', accepted.leadId)
    .executeTakeFirstOrThrow()
  const row = await tx
    .insertInto('ofair.projects')
    .values({
      lead_id: accepted.leadId,
      proposal_id: accepted.proposalId,
      owner_user_id: lead.created_by_user_id,
      performer_professional_id: accepted.performerProfessionalId,
      title: lead.title.slice(0, 120),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await emitReviewEvent(tx, 'ofair_project.created', row.id, {
    project_id: row.id,
    lead_id: accepted.leadId,
    proposal_id: accepted.proposalId,
    performer_professional_id: accepted.performerProfessionalId,
  })
  return row.id
}

/** The project as the caller may see it (404 for anyone but its two sides), and which side they are. */
export async function projectFor(tx: OfairTx, caller: OfairCaller, projectId: string) {
  const p = await tx.selectFrom('ofair.projects').selectAll().where('id', '=', projectId).executeTakeFirst()
  if (!p) throw refuse('not_found', 'No such project')
  return {
    project: p,
    isOwner: p.owner_user_id === caller.userId,
    isPerformer: !!caller.professionalId && p.performer_professional_id === caller.professionalId,
  }
}

export async function addMilestone(
  tx: OfairTx,
  caller: OfairCaller,
  projectId: string,
  input: TMilestoneIn,
  now: Date,
): Promise<string> {
  const { project } = await projectFor(tx, caller, projectId)
  const row = await tx
    .insertInto('ofair.project_milestones')
    .values({
      project_id: project.id,
      title: input.title.trim(),
      due_date: input.due_date ?? null,
      amount_minor: input.amount?.amount ?? null,
      created_by_user_id: caller.userId,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await tx.updateTable('ofair.projects').set({ updated_at: now }).where('id', '=', project.id).execute()
  await emitReviewEvent(tx, 'ofair_project.milestone_changed', project.id, {
    project_id: project.id,
    milestone_id: row.id,
    status: 'pending',
  })
  return row.id
}

const NEXT: Record<string, string> = { pending: 'in_progress', in_progress: 'done' }

/** The performer moves a milestone one step forward (optimistic: the version they loaded). */
export async function advanceMilestone(
  tx: OfairTx,
  caller: OfairCaller,
  projectId: string,
  milestoneId: string,
  input: { status: (typeof MILESTONE_STATUSES)[number]; version: number },
  now: Date,
): Promise<void> {
  const { project, isPerformer } = await projectFor(tx, caller, projectId)
  const m = await tx
    .selectFrom('ofair.project_milestones')
    .select(['id', 'status', 'version'])
    .where('id', '=', milestoneId)
    .where('project_id', '=', project.id)
    .executeTakeFirst()
  if (!m) throw refuse('not_found', 'No such milestone')
  if (!isPerformer) throw refuse('forbidden', 'Only the performer moves milestones forward')
  if (m.version === input.version && NEXT[m.status] !== input.status) {
    throw refuse(
      'milestone_transition_not_allowed',
      `A milestone goes ${m.status} → ${NEXT[m.status] ?? 'nowhere'}`,
      {
        field: 'body.status',
      },
    )
  }
  updatedOrConflict(
    await tx
      .updateTable('ofair.project_milestones')
      .set({
        status: input.status,
        done_at: input.status === 'done' ? now : null,
        updated_at: now,
        version: sql`version + 1`,
      })
      .where('id', '=', m.id)
      .where('version', '=', input.version)
      .returning('id')
      .executeTakeFirst(),
    'The milestone',
    input.version,
  )
  await emitReviewEvent(tx, 'ofair_project.milestone_changed', project.id, {
    project_id: project.id,
    milestone_id: m.id,
    status: input.status,
  })
}

/** The performer posts a status update (append-only) for the lead's owner. */
export async function postProjectUpdate(
  tx: OfairTx,
  caller: OfairCaller,
  projectId: string,
  body: string,
  now: Date,
): Promise<string> {
  const { project, isPerformer } = await projectFor(tx, caller, projectId)
  if (!isPerformer) throw refuse('forbidden', 'Only the performer posts status updates')
  const row = await tx
    .insertInto('ofair.project_updates')
    .values({
      project_id: project.id,
      author_professional_id: project.performer_professional_id,
      body: body.trim(),
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await emitReviewEvent(tx, 'ofair_project.update_posted', project.id, {
    project_id: project.id,
    update_id: row.id,
  })
  return row.id
}
