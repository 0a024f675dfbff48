import { AppError } from '../../../kernel/errors.ts'
import { exactTime, olderThanCursor, timeIdPage } from '../../../kernel/http/pagination.ts'
import type { SplitsCaller } from '../caller.ts'
import type { RecruitingTx } from '../database.ts'
import { STAGE_BACK, STAGE_TRANSITIONS, type Stage } from '../reference/vocabularies.ts'

/** Applications with the names people read: role, company, candidate, recruiter. */
function applicationRows(tx: RecruitingTx) {
  return tx
    .selectFrom('ats.applications as a')
    .innerJoin('ats.roles as r', 'r.id', 'a.role_id')
    .innerJoin('ats.companies as co', 'co.id', 'a.company_id')
    .innerJoin('ats.candidates as c', 'c.id', 'a.candidate_id')
    .innerJoin('network.recruiters as rr', 'rr.id', 'a.recruiter_id')
    .innerJoin('identity.user_directory as ru', 'ru.id', 'rr.user_id')
    .select([
      'a.id',
      'a.role_id',
      'r.title as role_title',
      'a.company_id',
      'co.name as company_name',
      'a.candidate_id',
      'c.full_name as candidate_name',
      'c.current_title as candidate_title',
      'a.recruiter_id',
      'ru.display_name as recruiter_name',
      'a.stage',
      'a.submitted_at',
      'a.stage_changed_at',
    ])
}

/**
 * The application as a command needs it. Row-level security: only the submitting recruiter, the
 * company's team and admins find it.
 */
export async function loadApplication(tx: RecruitingTx, id: string) {
  const app = await tx
    .selectFrom('ats.applications as a')
    .innerJoin('ats.roles as r', 'r.id', 'a.role_id')
    .select([
      'a.id',
      'a.role_id',
      'a.company_id',
      'a.candidate_id',
      'a.recruiter_id',
      'a.stage',
      'a.version',
      'r.title as role_title',
    ])
    .where('a.id', '=', id)
    .executeTakeFirst()
  if (!app) throw new AppError('not_found', 'No such application')
  return app
}
export type LoadedApplication = Awaited<ReturnType<typeof loadApplication>>

export async function getApplication(tx: RecruitingTx, _caller: SplitsCaller, id: string) {
  const app = await applicationRows(tx)
    .innerJoin('ats.representations as rep', 'rep.id', 'a.representation_id')
    .leftJoin('ats.placements as pl', 'pl.application_id', 'a.id')
    .select([
      'a.note',
      'a.closed_reason',
      'a.version',
      'rep.expires_at as represented_until',
      'rep.ownership',
      'pl.id as placement_id',
    ])
    .where('a.id', '=', id)
    .executeTakeFirst()
  if (!app) throw new AppError('not_found', 'No such application')
  const history = await tx
    .selectFrom('ats.application_stage_history as h')
    .leftJoin('identity.user_directory as u', 'u.id', 'h.changed_by')
    .select([
      'h.id',
      'h.from_stage',
      'h.to_stage',
      'h.changed_by',
      'u.display_name as changed_by_name',
      'h.changed_at',
      'h.reason',
    ])
    .where('h.application_id', '=', id)
    .orderBy('h.changed_at')
    .orderBy('h.id')
    .execute()
  return {
    ...app,
    history,
    allowed_next: [...STAGE_TRANSITIONS[app.stage as Stage]],
    allowed_back: [...STAGE_BACK[app.stage as Stage]],
  }
}

export interface ApplicationFilters {
  role_id?: string | undefined
  company_id?: string | undefined
  candidate_id?: string | undefined
  stage?: Stage[] | undefined
  mine?: boolean | undefined
  limit: number
  startingAfter?: string | undefined
}

/**
 * Applications the caller may see (recruiters: theirs; hiring teams: their companies'; admins:
 * all), most recently moved first, with an exact cursor. Row-level security applies the same rule underneath.
 */
export async function listApplications(tx: RecruitingTx, caller: SplitsCaller, f: ApplicationFilters) {
  const admin = caller.isPlatformAdmin
  const recruiterId = caller.recruiterId
  const companies = admin ? [] : [...caller.teamCompanyIds]
  let q = applicationRows(tx)
    .select(exactTime('a.stage_changed_at'))
    .orderBy('a.stage_changed_at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(f.limit + 1)
  if (!admin || f.mine) {
    q = q.where((eb) => {
      const ors = []
      if (recruiterId) ors.push(eb('a.recruiter_id', '=', recruiterId))
      if (companies.length && !f.mine) ors.push(eb('a.company_id', 'in', companies))
      return ors.length ? eb.or(ors) : eb.val(false)
    })
  }
  if (f.role_id) q = q.where('a.role_id', '=', f.role_id)
  if (f.company_id) q = q.where('a.company_id', '=', f.company_id)
  if (f.candidate_id) q = q.where('a.candidate_id', '=', f.candidate_id)
  if (f.stage?.length) q = q.where('a.stage', 'in', f.stage)
  if (f.startingAfter) q = q.where(olderThanCursor(f.startingAfter, 'a.stage_changed_at', 'a.id'))
  return timeIdPage(await q.execute(), f.limit)
}
