import type { OfairCaller } from '../caller.ts'
import type { OfairTx } from '../database.ts'
import { refuse } from '../messages.ts'
import { shekels } from '../schemas.ts'
import { projectFor } from './service.ts'

/** A project with its milestones (oldest first) and status updates (newest first), for its two sides. */
export async function projectView(tx: OfairTx, caller: OfairCaller, projectId: string) {
  const { project, isOwner, isPerformer } = await projectFor(tx, caller, projectId)
  const [performer, milestones, updates] = await Promise.all([
    tx
      .selectFrom('ofair.professionals')
      .select(['id', 'display_name'])
      .where('id', '=', project.performer_professional_id)
      .executeTakeFirstOrThrow(),
    tx
      .selectFrom('ofair.project_milestones')
      .selectAll()
      .where('project_id', '=', project.id)
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
    tx
      .selectFrom('ofair.project_updates')
      .select(['id', 'body', 'created_at'])
      .where('project_id', '=', project.id)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(100)
      .execute(),
  ])
  return {
    id: project.id,
    lead_id: project.lead_id,
    proposal_id: project.proposal_id,
    title: project.title,
    performer,
    you: { is_owner: isOwner, is_performer: isPerformer },
    progress: { done: milestones.filter((m) => m.status === 'done').length, total: milestones.length },
    milestones: milestones.map((m) => ({
      id: m.id,
      title: m.title,
      due_date: m.due_date,
      amount: shekels(m.amount_minor),
      status: m.status as 'pending' | 'in_progress' | 'done',
      done_at: m.done_at,
      created_at: m.created_at,
      version: m.version,
    })),
    updates,
    created_at: project.created_at,
  }
}

/** The project of a lead (404 when there is none or the caller is not one of its sides). */
export async function leadProject(tx: OfairTx, caller: OfairCaller, leadId: string) {
  const row = await tx
    .selectFrom('ofair.projects')
    .select('id')
    .where('lead_id', '=', leadId)
    .executeTakeFirst()
  if (!row) throw refuse('not_found', 'This lead has no project (yet), or it is not yours')
  return projectView(tx, caller, row.id)
}
