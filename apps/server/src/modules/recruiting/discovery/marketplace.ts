import { sql } from 'kysely'
import { AppError } from '../../../kernel/errors.ts'
import { decodeCursor, encodeCursor, exactTime } from '../../../kernel/http/pagination.ts'
import { UUID_PATTERN } from '../../../kernel/ids.ts'
import type { SplitsCaller } from '../caller.ts'
import type { RecruitingTx } from '../database.ts'
import { type RoleFilters, roleConditions, roleSummaryRows } from '../roles/queries.ts'

/** The marketplace's orders. Each ends in the id, so rows that tie never skip or repeat. */
export const ROLE_SORTS = ['newest', 'fee', 'salary', 'fewest_submissions'] as const
export type RoleSort = (typeof ROLE_SORTS)[number]

/**
 * Each order as (key column, direction), the id following in the same direction:
 * newest (created_at desc), fee (the fee on the top of the salary range, desc), salary (the top of
 * the range, desc), fewest submissions (asc; among equals the oldest first, the longest waiting).
 */
const ORDER: Record<RoleSort, { column: string; dir: 'asc' | 'desc'; kind: 'time' | 'bigint' | 'int' }> = {
  newest: { column: 'r.created_at', dir: 'desc', kind: 'time' },
  fee: { column: 'r.fee_max', dir: 'desc', kind: 'bigint' },
  salary: { column: 'r.salary_max', dir: 'desc', kind: 'bigint' },
  fewest_submissions: { column: 'r.submissions_count', dir: 'asc', kind: 'int' },
}

const EXACT_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/
const invalidCursor = () =>
  new AppError('invalid_cursor', 'starting_after is not a cursor of this list in this order', {
    errors: [{ field: 'querystring.starting_after', message: 'is not a valid cursor for this sort' }],
  })

/** A cursor is [sort, key, id]: a cursor of another order is refused rather than misread. */
function cursorAfter(sort: RoleSort, cursor: string) {
  const [s, key, id] = decodeCursor(cursor, ['string', 'string', 'string']).map(String) as [
    string,
    string,
    string,
  ]
  const o = ORDER[sort]
  const keyOk = o.kind === 'time' ? EXACT_TIME.test(key) : /^\d{1,19}$/.test(key)
  if (s !== sort || !keyOk || !UUID_PATTERN.test(id)) throw invalidCursor()
  const typed =
    o.kind === 'time'
      ? sql`${key}::timestamptz`
      : o.kind === 'bigint'
        ? sql`${key}::bigint`
        : sql`${key}::int`
  const cmp = o.dir === 'desc' ? sql`<` : sql`>`
  return sql<boolean>`(${sql.ref(o.column)}, r.id) ${cmp} (${typed}, ${id}::uuid)`
}

export interface MarketplaceQuery extends RoleFilters {
  sort: RoleSort
}

/**
 * The role marketplace: the roles the caller may see, filtered, in the chosen order, one keyset
 * page, with the exact number of roles matching the filters, and whether the caller (a recruiter)
 * already works on each (has submitted to it).
 */
export async function searchMarketplace(tx: RecruitingTx, caller: SplitsCaller, f: MarketplaceQuery) {
  const o = ORDER[f.sort]
  const me = caller.recruiterId
  let q = roleSummaryRows(tx)
    .select([
      o.kind === 'time' ? exactTime(o.column) : sql<string>`${sql.ref(o.column)}::text`.as('cursor_at'),
      me
        ? sql<boolean>`exists (select 1 from ats.applications a where a.role_id = r.id and a.recruiter_id = ${me})`.as(
            'working_on',
          )
        : sql<boolean>`false`.as('working_on'),
    ])
    .orderBy(sql.ref(o.column), o.dir)
    .orderBy('r.id', o.dir)
    .limit(f.limit + 1)
  q = q.where(roleConditions(caller, f))
  if (f.startingAfter) q = q.where(cursorAfter(f.sort, f.startingAfter))
  const countQuery = tx
    .selectFrom('ats.roles as r')
    .select(sql<number>`count(*)::int`.as('n'))
    .where(roleConditions(caller, f))
  const [rows, count] = [await q.execute(), await countQuery.executeTakeFirstOrThrow()]
  const hasMore = rows.length > f.limit
  const data = hasMore ? rows.slice(0, f.limit) : rows
  const last = data.at(-1)
  return {
    data: data.map(({ cursor_at: _, ...row }) => row),
    has_more: hasMore,
    next_cursor: hasMore && last ? encodeCursor([f.sort, last.cursor_at, last.id]) : null,
    total_count: count.n,
  }
}
