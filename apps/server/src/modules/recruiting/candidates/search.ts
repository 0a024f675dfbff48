import { sql } from 'kysely'
import { exactTime, olderThanCursor, timeIdPage } from '../../../kernel/http/pagination.ts'
import { requireRecruiter, type SplitsCaller } from '../caller.ts'
import type { RecruitingTx } from '../database.ts'
import { escapeLike } from '../reference/schemas.ts'

export interface CandidateFilters {
  q?: string | undefined
  skill?: string | undefined
  limit: number
  startingAfter?: string | undefined
}

/** Recruiters: their own candidates. Platform admins: everyone. (RLS enforces it again underneath.) */
export async function searchCandidates(tx: RecruitingTx, caller: SplitsCaller, f: CandidateFilters) {
  const admin = caller.isPlatformAdmin
  const recruiterId = admin ? null : requireRecruiter(caller)
  let q = tx
    .selectFrom('ats.candidates as c')
    .select([
      'c.id',
      'c.recruiter_id',
      'c.full_name',
      'c.current_title',
      'c.location',
      'c.skills',
      'c.years_experience',
      'c.consent_given_at',
      'c.created_at',
      exactTime('c.created_at'),
      sql<number>`(select count(*)::int from ats.applications a where a.candidate_id = c.id)`.as(
        'applications_count',
      ),
    ])
    .orderBy('c.created_at', 'desc')
    .orderBy('c.id', 'desc')
    .limit(f.limit + 1)
  if (recruiterId) q = q.where('c.recruiter_id', '=', recruiterId)
  if (f.q) q = q.where('c.search_text', 'like', `%${escapeLike(f.q.toLowerCase())}%`)
  // skills are kept as typed and matched without regard to case (an index serves lower_words(skills))
  if (f.skill) q = q.where(sql<boolean>`ats.lower_words(c.skills) @> array[lower(${f.skill})]`)
  if (f.startingAfter) q = q.where(olderThanCursor(f.startingAfter, 'c.created_at', 'c.id'))
  return timeIdPage(await q.execute(), f.limit)
}
