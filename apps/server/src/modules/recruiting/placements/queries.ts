import { sql } from 'kysely'
import { AppError } from '../../../kernel/errors.ts'
import { exactTime, olderThanCursor, timeIdPage } from '../../../kernel/http/pagination.ts'
import type { SplitsCaller } from '../caller.ts'
import type { RecruitingTx } from '../database.ts'
import { FEE_ROLES, type FeeRole } from '../reference/vocabularies.ts'

const NOBODY = '00000000-0000-0000-0000-000000000000'

/** A placement the caller may see (its company's team, the recruiters on it, platform admins), or 404. */
export async function visiblePlacement(tx: RecruitingTx, caller: SplitsCaller, id: string) {
  const pl = await tx
    .selectFrom('ats.placements as pl')
    .selectAll('pl')
    .select(
      sql<boolean>`exists (select 1 from ats.placement_splits s where s.placement_id = pl.id and s.recruiter_id = ${caller.recruiterId ?? NOBODY})`.as(
        'on_it',
      ),
    )
    .where('pl.id', '=', id)
    .executeTakeFirst()
  if (!pl) throw new AppError('not_found', 'No such placement')
  const team = caller.isPlatformAdmin || caller.teamCompanyIds.includes(pl.company_id)
  if (!pl.on_it && !team) throw new AppError('not_found', 'No such placement')
  return { pl, onIt: pl.on_it, team }
}

export async function getPlacement(tx: RecruitingTx, caller: SplitsCaller, id: string) {
  const { pl } = await visiblePlacement(tx, caller, id)
  const details = await tx
    .selectFrom('ats.placements as pl')
    .innerJoin('ats.roles as r', 'r.id', 'pl.role_id')
    .innerJoin('ats.companies as co', 'co.id', 'pl.company_id')
    .innerJoin('ats.candidates as c', 'c.id', 'pl.candidate_id')
    .select(['r.title as role_title', 'co.name as company_name', 'c.full_name as candidate_name'])
    .where('pl.id', '=', id)
    .executeTakeFirstOrThrow()
  const splits = await tx
    .selectFrom('ats.placement_splits as s')
    .innerJoin('network.recruiters as r', 'r.id', 's.recruiter_id')
    .innerJoin('identity.user_directory as u', 'u.id', 'r.user_id')
    .select([
      's.fee_role',
      's.recruiter_id',
      'u.display_name as recruiter_name',
      's.share_bps',
      's.agreed_at',
    ])
    .where('s.placement_id', '=', id)
    .execute()
  const order = (r: string) => FEE_ROLES.indexOf(r as FeeRole)
  return { ...pl, ...details, splits: splits.sort((a, b) => order(a.fee_role) - order(b.fee_role)) }
}

/** Placements the caller is part of (all, for platform admins), newest first, with an exact cursor. */
export async function listPlacements(
  tx: RecruitingTx,
  caller: SplitsCaller,
  f: {
    company_id?: string | undefined
    status?: string | undefined
    limit: number
    startingAfter?: string | undefined
  },
) {
  const me = caller.recruiterId
  const companies = [...caller.teamCompanyIds]
  let q = tx
    .selectFrom('ats.placements as pl')
    .innerJoin('ats.roles as r', 'r.id', 'pl.role_id')
    .innerJoin('ats.companies as co', 'co.id', 'pl.company_id')
    .innerJoin('ats.candidates as c', 'c.id', 'pl.candidate_id')
    .select([
      'pl.id',
      'pl.role_id',
      'r.title as role_title',
      'pl.company_id',
      'co.name as company_name',
      'c.full_name as candidate_name',
      'pl.base_salary',
      'pl.currency',
      'pl.start_date',
      'pl.guarantee_ends_on',
      'pl.fee_rate_bps',
      'pl.status',
      'pl.split_status',
      'pl.created_at',
      exactTime('pl.created_at'),
    ])
    .orderBy('pl.created_at', 'desc')
    .orderBy('pl.id', 'desc')
    .limit(f.limit + 1)
  if (!caller.isPlatformAdmin) {
    q = q.where((eb) => {
      const ors = []
      if (companies.length) ors.push(eb('pl.company_id', 'in', companies))
      if (me) {
        ors.push(
          eb.exists(
            eb
              .selectFrom('ats.placement_splits as s')
              .select('s.id')
              .whereRef('s.placement_id', '=', 'pl.id')
              .where('s.recruiter_id', '=', me),
          ),
        )
      }
      return ors.length ? eb.or(ors) : eb.val(false)
    })
  }
  if (f.company_id) q = q.where('pl.company_id', '=', f.company_id)
  if (f.status) q = q.where('pl.status', '=', f.status)
  if (f.startingAfter) q = q.where(olderThanCursor(f.startingAfter, 'pl.created_at', 'pl.id'))
  return timeIdPage(await q.execute(), f.limit)
}
