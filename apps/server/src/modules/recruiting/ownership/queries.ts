import { AppError } from '../../../kernel/errors.ts'
import { beforeIdCursor, pageOf } from '../../../kernel/http/pagination.ts'
import type { SplitsCaller } from '../caller.ts'
import type { RecruitingTx } from '../database.ts'

const disputeSelect = (tx: RecruitingTx) =>
  tx
    .selectFrom('ats.ownership_disputes as d')
    .innerJoin('ats.companies as c', 'c.id', 'd.company_id')
    .innerJoin('ats.representations as r', 'r.id', 'd.representation_id')
    .innerJoin('network.recruiters as hr', 'hr.id', 'd.holder_recruiter_id')
    .innerJoin('identity.user_directory as hu', 'hu.id', 'hr.user_id')
    .innerJoin('network.recruiters as cr', 'cr.id', 'd.claimant_recruiter_id')
    .innerJoin('identity.user_directory as cu', 'cu.id', 'cr.user_id')
    .leftJoin('ats.roles as ro', 'ro.id', 'd.role_id')
    .select([
      'd.id',
      'd.status',
      'd.company_id',
      'c.name as company_name',
      'd.role_id',
      'ro.title as role_title',
      'd.representation_id',
      'r.ownership as representation_ownership',
      'r.status as representation_status',
      'r.starts_at as represented_since',
      'r.expires_at as represented_until',
      'd.holder_recruiter_id',
      'hu.display_name as holder_name',
      'd.claimant_recruiter_id',
      'cu.display_name as claimant_name',
      'd.matched_on',
      'd.claimant_reason',
      'd.resolution_reason',
      'd.created_at',
      'd.disputed_at',
      'd.resolved_at',
      'd.version',
    ])

export type DisputeRow = Awaited<ReturnType<ReturnType<typeof disputeSelect>['executeTakeFirstOrThrow']>>

/** Ownership records the caller is party to (all, for platform admins), newest first. */
export async function listDisputes(
  tx: RecruitingTx,
  caller: SplitsCaller,
  f: { status?: string | undefined; limit: number; startingAfter?: string | undefined },
) {
  let q = disputeSelect(tx)
    .orderBy('d.id', 'desc')
    .limit(f.limit + 1)
  if (!caller.isPlatformAdmin) {
    const me = caller.recruiterId
    if (!me) return pageOf<DisputeRow>([], f.limit, () => [])
    q = q.where((eb) => eb.or([eb('d.holder_recruiter_id', '=', me), eb('d.claimant_recruiter_id', '=', me)]))
  }
  if (f.status) q = q.where('d.status', '=', f.status)
  if (f.startingAfter) q = q.where('d.id', '<', beforeIdCursor(f.startingAfter))
  return pageOf(await q.execute(), f.limit, (r) => [r.id])
}

/** One record, to the two recruiters involved and platform admins; 404 to anyone else. */
export async function getDispute(tx: RecruitingTx, caller: SplitsCaller, id: string): Promise<DisputeRow> {
  const d = await disputeSelect(tx).where('d.id', '=', id).executeTakeFirst()
  const me = caller.recruiterId
  if (!d || (!caller.isPlatformAdmin && d.holder_recruiter_id !== me && d.claimant_recruiter_id !== me)) {
    throw new AppError('not_found', 'No such ownership record')
  }
  return d
}
