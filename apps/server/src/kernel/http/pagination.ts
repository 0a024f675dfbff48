import { type Expression, type SqlBool, sql } from 'kysely'
import { AppError } from '../errors.ts'
import { UUID_PATTERN } from '../ids.ts'

/**
 * Opaque cursors for keyset pagination (`starting_after`): the sort key of the last row of the
 * previous page, base64url-encoded JSON. Anything that does not decode is a 400 invalid_cursor.
 */
export function encodeCursor(values: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url')
}

export function decodeCursor(cursor: string, shape: readonly ('string' | 'number')[]): (string | number)[] {
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown
    if (
      Array.isArray(values) &&
      values.length === shape.length &&
      values.every((v, i) => typeof v === shape[i])
    ) {
      return values as (string | number)[]
    }
  } catch {
    // fall through
  }
  throw invalidCursor()
}

const invalidCursor = () =>
  new AppError('invalid_cursor', 'starting_after is not a cursor returned by this endpoint', {
    errors: [{ field: 'querystring.starting_after', message: 'is not a valid cursor' }],
  })

/** Splits a fetched `limit + 1` rows into the page and whether more exist. */
export function pageOf<T>(rows: T[], limit: number, cursorOf: (row: T) => (string | number)[]) {
  const hasMore = rows.length > limit
  const data = hasMore ? rows.slice(0, limit) : rows
  const last = data.at(-1)
  return { data, has_more: hasMore, next_cursor: hasMore && last ? encodeCursor(cursorOf(last)) : null }
}

const EXACT_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/

/**
 * A row's sort time as PostgreSQL holds it, to the microsecond, for its cursor. A JavaScript Date
 * keeps milliseconds only: a cursor built from one skips every row that shares the millisecond
 * but sorts after it. Select it as `cursor_at` next to the id and page with `timeIdPage`.
 */
export function exactTime(column: string) {
  return sql<string>`to_char(${sql.ref(column)} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as(
    'cursor_at',
  )
}

/** `pageOf` for rows sorted by `(time desc, id desc)` that selected `exactTime(...)`. */
export function timeIdPage<T extends { cursor_at: string; id: string }>(rows: T[], limit: number) {
  const page = pageOf(rows, limit, (r) => [r.cursor_at, r.id])
  return { ...page, data: page.data.map(({ cursor_at: _, ...row }) => row) }
}

/**
 * The rows after a `(time, id)` cursor in newest-first order, as one row comparison
 * `(time, id) < (t, i)`, which a btree index on `(time desc, id desc)` serves directly.
 */
export function olderThanCursor(cursor: string, timeColumn: string, idColumn: string): Expression<SqlBool> {
  const { at, id } = timeIdCursor(cursor)
  return sql<SqlBool>`(${sql.ref(timeColumn)}, ${sql.ref(idColumn)}) < (${at}::timestamptz, ${id}::uuid)`
}

/** `olderThanCursor`'s mirror for oldest-first lists: `(time, id) > (t, i)`. */
export function newerThanCursor(cursor: string, timeColumn: string, idColumn: string): Expression<SqlBool> {
  const { at, id } = timeIdCursor(cursor)
  return sql<SqlBool>`(${sql.ref(timeColumn)}, ${sql.ref(idColumn)}) > (${at}::timestamptz, ${id}::uuid)`
}

/**
 * The `(time, id)` of a newest-first cursor, checked, for queries that take them as values. The
 * time stays the exact text PostgreSQL gave (microseconds): a Date would round it to milliseconds.
 */
export function timeIdCursor(cursor: string): { at: string; id: string } {
  const [at, id] = decodeCursor(cursor, ['string', 'string'])
  if (!EXACT_TIME.test(String(at)) || !UUID_PATTERN.test(String(id))) throw invalidCursor()
  return { at: String(at), id: String(id) }
}

/** The rows after an id cursor (UUIDv7 ids sort by creation), newest first. */
export function beforeIdCursor(cursor: string): string {
  const [id] = decodeCursor(cursor, ['string'])
  if (!UUID_PATTERN.test(String(id))) throw invalidCursor()
  return String(id)
}

/** The `(text, id)` of a cursor for lists sorted by a non-unique text (a name), then id. */
export function textIdCursor(cursor: string): { text: string; id: string } {
  const [text, id] = decodeCursor(cursor, ['string', 'string'])
  if (!UUID_PATTERN.test(String(id))) throw invalidCursor()
  return { text: String(text), id: String(id) }
}
