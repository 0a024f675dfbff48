import { sql } from 'kysely'
import { AppError } from '../../../kernel/errors.ts'
import { requireRecruiter, type SplitsCaller } from '../caller.ts'
import type { RecruitingTx } from '../database.ts'

const searchRows = (tx: RecruitingTx, recruiterId: string) =>
  tx
    .selectFrom('network.saved_searches as s')
    .select([
      's.id',
      's.name',
      's.filters',
      's.sort',
      's.alert_frequency',
      's.channel',
      's.created_at',
      's.updated_at',
      's.version',
      sql<number>`(select count(*)::int from network.saved_search_matches m where m.saved_search_id = s.id)`.as(
        'matched_roles',
      ),
      sql<number>`(select count(*)::int from network.saved_search_matches m
                    where m.saved_search_id = s.id and m.notified_at is null)`.as('pending_alerts'),
    ])
    .where('s.recruiter_id', '=', recruiterId)

export type SavedSearchRow = Awaited<ReturnType<ReturnType<typeof searchRows>['execute']>>[number]

/** The caller's saved searches, by name. */
export async function listSavedSearches(tx: RecruitingTx, caller: SplitsCaller) {
  return searchRows(tx, requireRecruiter(caller)).orderBy(sql`lower(s.name)`).orderBy('s.id').execute()
}

/** One of the caller's saved searches, or 404 (another recruiter's is not told apart from none). */
export async function getSavedSearch(tx: RecruitingTx, caller: SplitsCaller, id: string) {
  const row = await searchRows(tx, requireRecruiter(caller)).where('s.id', '=', id).executeTakeFirst()
  if (!row) throw new AppError('not_found', 'No such saved search')
  return row
}
