import { sql } from 'kysely'
import { AppError } from '../../../kernel/errors.ts'
import { decodeCursor, timeIdPage } from '../../../kernel/http/pagination.ts'
import { UUID_PATTERN } from '../../../kernel/ids.ts'
import type { RecruitingTx } from '../database.ts'

interface MyApplicationRow {
  id: string
  role_title: string
  company_name: string
  stage: string
  submitted_at: Date
  stage_changed_at: Date
  cursor_at: string
}

/**
 * A candidate's own applications, newest submission first: those of the candidate records whose
 * contact email is her signed-in account's verified email. `ats.my_applications` (SECURITY
 * DEFINER, migration 0025) applies that rule itself and returns only these columns; she can read
 * no application, candidate record or note directly.
 */
export async function listMyApplications(
  tx: RecruitingTx,
  f: { limit: number; startingAfter?: string | undefined },
) {
  let afterAt: string | null = null
  let afterId: string | null = null
  if (f.startingAfter) {
    const [at, id] = decodeCursor(f.startingAfter, ['string', 'string']) as [string, string]
    if (!UUID_PATTERN.test(id) || Number.isNaN(Date.parse(at))) {
      throw new AppError('invalid_cursor', 'starting_after is not a cursor returned by this endpoint', {
        errors: [{ field: 'querystring.starting_after', message: 'is not a valid cursor' }],
      })
    }
    afterAt = at
    afterId = id
  }
  const rows =
    await sql<MyApplicationRow>`select * from ats.my_applications(${afterAt}::timestamptz, ${afterId}::uuid, ${f.limit + 1})`.execute(
      tx,
    )
  return timeIdPage(rows.rows, f.limit)
}
