import { appendAudit } from '../../../kernel/audit/audit.ts'
import { updatedOrConflict, versionConflict } from '../../../kernel/db/concurrency.ts'
import { asSystem } from '../../../kernel/db/transaction.ts'
import { AppError } from '../../../kernel/errors.ts'
import type { SplitsCaller } from '../caller.ts'
import type { RecruitingTx } from '../database.ts'
import { emit } from '../events.ts'
import { RTR_MONTHS } from '../reference/vocabularies.ts'
import { getDispute } from './queries.ts'
import { addMonths } from './service.ts'

/**
 * The blocked recruiter contests the other's right to represent; an admin will decide. Guarded by
 * the record's version and status: of concurrent attempts one wins, the others answer 409.
 */
export async function openDispute(
  tx: RecruitingTx,
  caller: SplitsCaller,
  id: string,
  reason: string,
  expectedVersion: number | undefined,
  now: Date,
): Promise<void> {
  const d = await getDispute(tx, caller, id)
  if (d.claimant_recruiter_id !== caller.recruiterId) {
    throw new AppError('forbidden', 'Only the recruiter whose submission was blocked can dispute it')
  }
  if (expectedVersion !== undefined && expectedVersion !== d.version)
    throw versionConflict('The record', expectedVersion)
  if (d.status !== 'recorded')
    throw new AppError('invalid_state_transition', `This record is already ${d.status}`)
  updatedOrConflict(
    await tx
      .updateTable('ats.ownership_disputes')
      .set({ status: 'disputed', claimant_reason: reason, disputed_at: now, version: d.version + 1 })
      .where('id', '=', id)
      .where('version', '=', d.version)
      .where('status', '=', 'recorded')
      .returning('id')
      .executeTakeFirst(),
    'The record',
    expectedVersion,
  )
  // the representation is the holder's: the claimant marks it disputed through the system
  await asSystem(tx, 'recruiting.dispute_opened', () =>
    tx
      .updateTable('ats.representations')
      .set({ ownership: 'disputed' })
      .where('id', '=', d.representation_id)
      .execute(),
  )
  await appendAudit(tx, {
    action: 'ownership.disputed',
    entityType: 'ownership_dispute',
    entityId: id,
    before: { status: 'recorded' },
    after: { status: 'disputed', reason },
    actorRole: 'recruiter',
  })
  await emit(tx, 'ownership.dispute_opened', id, {
    dispute_id: id,
    company_id: d.company_id,
    holder_recruiter_id: d.holder_recruiter_id,
    claimant_recruiter_id: d.claimant_recruiter_id,
  })
}

/**
 * A platform admin decides, with a reason. Upheld: the holder keeps the right (now verified).
 * Overturned: the holder's right is revoked and the claimant gets it for 12 months. Decided once:
 * of concurrent decisions one wins, the others answer 409.
 */
export async function resolveDispute(
  tx: RecruitingTx,
  caller: SplitsCaller,
  id: string,
  decision: { outcome: 'upheld' | 'overturned'; reason: string; version?: number | undefined },
  now: Date,
): Promise<void> {
  const { outcome, reason, version: expectedVersion } = decision
  const d = await getDispute(tx, caller, id)
  if (expectedVersion !== undefined && expectedVersion !== d.version)
    throw versionConflict('The record', expectedVersion)
  if (d.status !== 'recorded' && d.status !== 'disputed') {
    throw new AppError('invalid_state_transition', `This record was already resolved (${d.status})`)
  }
  const claimant = updatedOrConflict(
    await tx
      .updateTable('ats.ownership_disputes')
      .set({
        status: outcome,
        resolution_reason: reason,
        resolved_by: caller.userId,
        resolved_at: now,
        version: d.version + 1,
      })
      .where('id', '=', id)
      .where('version', '=', d.version)
      .where('status', 'in', ['recorded', 'disputed'])
      .returning('claimant_candidate_id')
      .executeTakeFirst(),
    'The record',
    expectedVersion,
  )
  if (outcome === 'upheld') {
    await tx
      .updateTable('ats.representations')
      .set({ ownership: 'verified' })
      .where('id', '=', d.representation_id)
      .execute()
  } else {
    await tx
      .updateTable('ats.representations')
      .set({ status: 'revoked', revoked_reason: `ownership dispute overturned: ${reason}` })
      .where('id', '=', d.representation_id)
      .execute()
    await tx
      .insertInto('ats.representations')
      .values({
        candidate_id: claimant.claimant_candidate_id,
        recruiter_id: d.claimant_recruiter_id,
        company_id: d.company_id,
        starts_at: now,
        expires_at: addMonths(now, RTR_MONTHS),
        ownership: 'verified',
        created_at: now,
      })
      .execute()
  }
  await appendAudit(tx, {
    action: 'ownership.dispute_resolved',
    entityType: 'ownership_dispute',
    entityId: id,
    before: { status: d.status, holder_recruiter_id: d.holder_recruiter_id },
    after: { status: outcome, reason, claimant_recruiter_id: d.claimant_recruiter_id },
    actorRole: 'platform_admin',
  })
  await emit(tx, 'ownership.dispute_resolved', id, {
    dispute_id: id,
    outcome,
    company_id: d.company_id,
    holder_recruiter_id: d.holder_recruiter_id,
    claimant_recruiter_id: d.claimant_recruiter_id,
  })
}
