import { sql } from 'kysely'
import { appendAudit } from '../../../kernel/audit/audit.ts'
import { updatedOrConflict, versionConflict } from '../../../kernel/db/concurrency.ts'
import { AppError } from '../../../kernel/errors.ts'
import type { SplitsCaller } from '../caller.ts'
import type { RecruitingTx } from '../database.ts'
import { emit } from '../events.ts'
import type { FeeRole } from '../reference/vocabularies.ts'
import { visiblePlacement } from './queries.ts'

export interface SplitShare {
  fee_role: FeeRole
  recruiter_id: string
  share_bps: number
}

/** Default split of the recruiter pool: all to a lone recruiter, 50/50 with a company-side job owner. */
export function defaultSplits(
  candidateRecruiterId: string,
  jobOwnerRecruiterId: string | null,
): SplitShare[] {
  if (!jobOwnerRecruiterId || jobOwnerRecruiterId === candidateRecruiterId) {
    return [{ fee_role: 'candidate_recruiter', recruiter_id: candidateRecruiterId, share_bps: 10_000 }]
  }
  return [
    { fee_role: 'candidate_recruiter', recruiter_id: candidateRecruiterId, share_bps: 5_000 },
    { fee_role: 'job_owner', recruiter_id: jobOwnerRecruiterId, share_bps: 5_000 },
  ]
}

/** Refuses splits that are not exactly 100% of the pool, repeat a fee role or miss the candidate recruiter. */
export function validateSplits(splits: SplitShare[]): void {
  const total = splits.reduce((sum, s) => sum + s.share_bps, 0)
  if (total !== 10_000) {
    throw new AppError(
      'validation_failed',
      `body.splits: the shares must sum to 100% (they sum to ${total / 100}%)`,
      {
        errors: [{ field: 'body.splits', message: `shares sum to ${total / 100}%, not 100%` }],
      },
    )
  }
  const roles = splits.map((s) => s.fee_role)
  if (new Set(roles).size !== roles.length) {
    throw new AppError('validation_failed', 'body.splits: each fee role may appear once', {
      errors: [{ field: 'body.splits', message: 'a fee role appears twice' }],
    })
  }
  if (!roles.includes('candidate_recruiter')) {
    throw new AppError('validation_failed', 'body.splits: the candidate recruiter must have a share', {
      errors: [{ field: 'body.splits', message: 'candidate_recruiter is missing' }],
    })
  }
}

/**
 * Proposes a new split of the recruiter pool. Every recruiter on it must agree again (the
 * proposer agrees by proposing). Recruiters on the placement or platform admins. Optimistic: the
 * placement's version guards the change, so of concurrent proposals one wins.
 */
export async function proposeSplits(
  tx: RecruitingTx,
  caller: SplitsCaller,
  id: string,
  splits: SplitShare[],
  expectedVersion: number | undefined,
  now: Date,
): Promise<void> {
  const { pl, onIt } = await visiblePlacement(tx, caller, id)
  if (!onIt && !caller.isPlatformAdmin) {
    throw new AppError('forbidden', 'Only the recruiters on the placement can change its split')
  }
  if (expectedVersion !== undefined && expectedVersion !== pl.version)
    throw versionConflict('The placement', expectedVersion)
  if (pl.status !== 'active')
    throw new AppError('invalid_state_transition', 'The placement fell off; its split is final')
  validateSplits(splits)
  const ids = [...new Set(splits.map((s) => s.recruiter_id))]
  const found = await tx.selectFrom('network.recruiters').select('id').where('id', 'in', ids).execute()
  if (found.length !== ids.length) {
    throw new AppError('unprocessable', 'body.splits: some recruiters do not exist', {
      errors: [{ field: 'body.splits', message: 'names an unknown recruiter' }],
    })
  }
  // the submitting recruiter: every split names them as the candidate recruiter (checked below on
  // each proposal). Read from the split, which every recruiter on it may see; the application is
  // row-level secured to its submitter and the company, and a job owner is neither.
  const candidateRecruiter = (
    await tx
      .selectFrom('ats.placement_splits')
      .select('recruiter_id')
      .where('placement_id', '=', id)
      .where('fee_role', '=', 'candidate_recruiter')
      .executeTakeFirstOrThrow()
  ).recruiter_id
  if (splits.find((s) => s.fee_role === 'candidate_recruiter')!.recruiter_id !== candidateRecruiter) {
    throw new AppError(
      'unprocessable',
      'body.splits: the candidate recruiter is the recruiter who submitted the candidate',
      {
        errors: [{ field: 'body.splits', message: 'candidate_recruiter must be the submitting recruiter' }],
      },
    )
  }
  const me = caller.recruiterId
  const allAgreed = splits.every((s) => s.recruiter_id === me)
  // the guard first: it takes the placement's row lock, so the split rows below change under it
  updatedOrConflict(
    await tx
      .updateTable('ats.placements')
      .set({ split_status: allAgreed ? 'agreed' : 'pending', updated_at: now, version: pl.version + 1 })
      .where('id', '=', id)
      .where('version', '=', pl.version)
      .where('status', '=', 'active')
      .returning('id')
      .executeTakeFirst(),
    'The placement',
    expectedVersion,
  )
  const before = await tx
    .selectFrom('ats.placement_splits')
    .select(['fee_role', 'recruiter_id', 'share_bps'])
    .where('placement_id', '=', id)
    .execute()
  await tx.deleteFrom('ats.placement_splits').where('placement_id', '=', id).execute()
  await tx
    .insertInto('ats.placement_splits')
    .values(splits.map((s) => ({ ...s, placement_id: id, agreed_at: s.recruiter_id === me ? now : null })))
    .execute()
  await appendAudit(tx, {
    action: 'placement.splits_proposed',
    entityType: 'placement',
    entityId: id,
    before,
    after: splits,
    actorRole: caller.isPlatformAdmin ? 'platform_admin' : 'recruiter',
  })
  await emit(tx, 'placement.splits_proposed', id, {
    placement_id: id,
    company_id: pl.company_id,
    proposed_by: caller.userId,
    splits,
    previous_recruiter_ids: [...new Set(before.map((b) => b.recruiter_id))],
  })
}

/**
 * A recruiter on the placement agrees to the current split; when all have, it is agreed. The
 * placement's row is locked first (serialising agreements, so two last agreements both count),
 * and `version`, when given, must be the split the recruiter saw.
 */
export async function agreeSplits(
  tx: RecruitingTx,
  caller: SplitsCaller,
  id: string,
  expectedVersion: number | undefined,
  now: Date,
): Promise<void> {
  const { onIt } = await visiblePlacement(tx, caller, id)
  if (!onIt) throw new AppError('forbidden', 'Only the recruiters on the placement agree to its split')
  const pl = await tx
    .selectFrom('ats.placements')
    .select(['company_id', 'split_status', 'version'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirstOrThrow()
  if (expectedVersion !== undefined && expectedVersion !== pl.version)
    throw versionConflict('The split', expectedVersion)
  if (pl.split_status === 'agreed')
    throw new AppError('invalid_state_transition', 'The split is already agreed')
  const me = caller.recruiterId!
  await tx
    .updateTable('ats.placement_splits')
    .set({ agreed_at: now })
    .where('placement_id', '=', id)
    .where('recruiter_id', '=', me)
    .execute()
  const open = await sql<{ n: number }>`select count(*)::int as n from ats.placement_splits
    where placement_id = ${id} and agreed_at is null`.execute(tx)
  const agreed = (open.rows[0]?.n ?? 0) === 0
  await tx
    .updateTable('ats.placements')
    .set({ ...(agreed ? { split_status: 'agreed' } : {}), updated_at: now, version: pl.version + 1 })
    .where('id', '=', id)
    .execute()
  if (agreed) {
    const splits = await tx
      .selectFrom('ats.placement_splits')
      .select(['fee_role', 'recruiter_id', 'share_bps'])
      .where('placement_id', '=', id)
      .execute()
    await appendAudit(tx, {
      action: 'placement.splits_agreed',
      entityType: 'placement',
      entityId: id,
      after: splits,
      actorRole: 'recruiter',
    })
    await emit(tx, 'placement.splits_agreed', id, {
      placement_id: id,
      company_id: pl.company_id,
      splits: splits.map((s) => ({ ...s, fee_role: s.fee_role as FeeRole })),
    })
  }
}
