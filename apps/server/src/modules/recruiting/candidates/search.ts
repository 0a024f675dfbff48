import { sql } from 'kysely'
import { escapeLike } from '../../../kernel/db/like.ts'
import { exactTime, timeIdCursor, timeIdPage } from '../../../kernel/http/pagination.ts'
import { requireRecruiter, type SplitsCaller } from '../caller.ts'
import type { RecruitingTx } from '../database.ts'

export interface CandidateFilters {
  q?: string | undefined
  skill?: string | undefined
  limit: number
  startingAfter?: string | undefined
}

/**
 * Recruiters: their own candidates. Platform admins: everyone. The page's ids come from
 * `ats.search_candidates` (migration 0009), which applies the visibility rule itself so that the
 * trigram index can serve rare words under row-level security; the rows are then read through the
 * policy again, so a page can never show a row the policy hides.
 */
export async function searchCandidates(tx: RecruitingTx, caller: SplitsCaller, f: CandidateFilters) {
  const admin = caller.isPlatformAdmin
  const recruiterId = admin ? null : requireRecruiter(caller)
  const pattern = f.q ? `%${escapeLike(f.q.toLowerCase())}%` : null
  const after = f.startingAfter ? timeIdCursor(f.startingAfter) : null
  const page = sql<string>`ats.search_candidates(${pattern}, ${f.skill ?? null}, ${recruiterId}::uuid,
    ${after?.at ?? null}::timestamptz, ${after?.id ?? null}::uuid, ${f.limit + 1})`
  const rows = await tx
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
    .where(sql<boolean>`c.id in (select ${page})`)
    .orderBy('c.created_at', 'desc')
    .orderBy('c.id', 'desc')
    .limit(f.limit + 1)
    .execute()
  return timeIdPage(rows, f.limit)
}
