import { sql } from 'kysely'
import { updatedOrConflict } from '../../../kernel/db/concurrency.ts'
import { lockLead, type OfairCaller, requireProfessional } from '../caller.ts'
import type { OfairTx } from '../database.ts'
import { emit } from '../events.ts'
import { requireOwnFiles } from '../files/service.ts'
import { refuse } from '../messages.ts'
import { createProjectForAcceptance } from '../projects/service.ts'
import type { TProposalIn } from './schemas.ts'

/** What the owner agrees to when they accept, recorded with the reveal. */
export const CONSENT_TEXT = 'אני מאשר/ת להעביר את שם הלקוח, מספר הטלפון והכתובת לבעל המקצוע שהצעתו התקבלה.'

/**
 * A professional's offer for a lead: verified, not their own lead, one live proposal per lead (a
 * unique index holds it under concurrent requests), while the lead is open. The lead's row is locked
 * first, so an acceptance and a new proposal never cross.
 */
export async function createProposal(
  tx: OfairTx,
  caller: OfairCaller,
  leadId: string,
  input: TProposalIn,
  now: Date,
): Promise<string> {
  const me = await requireProfessional(tx, caller)
  await lockLead(tx, leadId)
  const lead = await tx
    .selectFrom('ofair.leads')
    .select(['id', 'status', 'created_by_user_id'])
    .where('id', '=', leadId)
    .executeTakeFirst()
  if (!lead) throw refuse('not_found', 'No such lead')
  if (lead.created_by_user_id === caller.userId)
    throw refuse('own_lead', 'You cannot propose on your own lead')
  const pro = await tx
    .selectFrom('ofair.professionals')
    .select('status')
    .where('id', '=', me)
    .executeTakeFirstOrThrow()
  if (pro.status !== 'verified') throw refuse('not_verified', 'Your professional profile is not verified yet')
  if (lead.status !== 'active') throw refuse('lead_not_open', `The lead is ${lead.status}`)
  const live = await tx
    .selectFrom('ofair.proposals')
    .select('id')
    .where('lead_id', '=', leadId)
    .where('professional_id', '=', me)
    .where('status', 'in', ['pending', 'accepted'])
    .executeTakeFirst()
  if (live)
    throw refuse('duplicate_proposal', 'You already have a proposal on this lead', {
      meta: { proposal_id: live.id },
    })
  await requireOwnFiles(tx, caller, input.media_ids, 'proposal_media', 'body.media_ids')
  const row = await tx
    .insertInto('ofair.proposals')
    .values({
      lead_id: leadId,
      professional_id: me,
      price_minor: input.price.amount,
      description: input.description,
      scheduled_date: input.scheduled_date ?? null,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  if (input.media_ids.length) {
    await tx
      .insertInto('ofair.proposal_media')
      .values(input.media_ids.map((file_id, position) => ({ proposal_id: row.id, file_id, position })))
      .execute()
  }
  await emit(tx, 'ofair_proposal.submitted', row.id, {
    proposal_id: row.id,
    lead_id: leadId,
    professional_id: me,
    price: input.price.amount.toString(),
  })
  return row.id
}

async function ownPendingProposal(tx: OfairTx, caller: OfairCaller, id: string) {
  const me = await requireProfessional(tx, caller)
  const seen = await tx
    .selectFrom('ofair.proposals')
    .select(['lead_id', 'professional_id'])
    .where('id', '=', id)
    .executeTakeFirst()
  if (!seen) throw refuse('not_found', 'No such proposal')
  if (seen.professional_id !== me) throw refuse('forbidden', 'Only its professional changes a proposal')
  await lockLead(tx, seen.lead_id)
  const p = await tx.selectFrom('ofair.proposals').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
  if (p.status !== 'pending') throw refuse('proposal_not_pending', `The proposal is ${p.status}`)
  return p
}

export async function updateProposal(
  tx: OfairTx,
  caller: OfairCaller,
  id: string,
  input: {
    price?: { amount: bigint } | undefined
    description?: string | undefined
    scheduled_date?: string | null | undefined
    version: number
  },
  now: Date,
) {
  const p = await ownPendingProposal(tx, caller, id)
  updatedOrConflict(
    await tx
      .updateTable('ofair.proposals')
      .set({
        ...(input.price ? { price_minor: input.price.amount } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(input.scheduled_date !== undefined ? { scheduled_date: input.scheduled_date } : {}),
        updated_at: now,
        version: p.version + 1,
      })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .where('status', '=', 'pending')
      .returning('id')
      .executeTakeFirst(),
    'The proposal',
    input.version,
  )
}

export async function cancelProposal(tx: OfairTx, caller: OfairCaller, id: string, now: Date) {
  const p = await ownPendingProposal(tx, caller, id)
  updatedOrConflict(
    await tx
      .updateTable('ofair.proposals')
      .set({ status: 'cancelled', decided_at: now, updated_at: now, version: p.version + 1 })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .returning('id')
      .executeTakeFirst(),
    'The proposal',
  )
  await emit(tx, 'ofair_proposal.cancelled', id, {
    proposal_id: id,
    lead_id: p.lead_id,
    professional_id: p.professional_id,
  })
}

/**
 * The owner accepts a proposal: the one controlled database function (ofair.accept_proposal)
 * accepts it, declines the others, records the owner's consent and reveals the client's details to
 * the winner, logging the reveal with the IP address and user agent. Its SQLSTATEs become problems.
 */
export async function acceptProposal(
  tx: OfairTx,
  id: string,
  request: { ip: string; userAgent: string | undefined },
): Promise<{ leadId: string }> {
  let row:
    | {
        lead_id: string
        proposal_id: string
        winner_professional_id: string
        declined_proposal_ids: string[]
        revelation_id: string
      }
    | undefined
  try {
    row = (
      await sql<NonNullable<typeof row>>`
        select * from ofair.accept_proposal(${id}::uuid, ${CONSENT_TEXT}, ${request.ip}::inet, ${request.userAgent ?? null})`.execute(
        tx,
      )
    ).rows[0]
  } catch (err) {
    const e = err as { code?: string; detail?: string; message?: string }
    if (e.code === 'OF404') throw refuse('not_found', 'No such proposal')
    if (e.code === 'OF403') throw refuse('forbidden', 'Only the lead’s owner accepts its proposals')
    if (e.code === 'OF409') {
      throw refuse(
        e.detail === 'proposal_not_pending' ? 'proposal_not_pending' : 'lead_not_open',
        e.message ?? 'Not open',
      )
    }
    throw err
  }
  if (!row) throw new Error('ofair.accept_proposal returned nothing')
  // the accepted proposal becomes a project (milestones, status updates) in the same transaction
  await createProjectForAcceptance(tx, {
    leadId: row.lead_id,
    proposalId: id,
    performerProfessionalId: row.winner_professional_id,
  })
  await emit(tx, 'ofair_proposal.accepted', id, {
    proposal_id: id,
    lead_id: row.lead_id,
    professional_id: row.winner_professional_id,
    declined_proposal_ids: row.declined_proposal_ids,
    revelation_id: row.revelation_id,
  })
  return { leadId: row.lead_id }
}
