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

/**
 * The rows after a `(time, id)` cursor in newest-first order, as one row comparison
 * `(time, id) < (t, i)`, which a btree index on `(time desc, id desc)` serves directly.
 */
export function olderThanCursor(cursor: string, timeColumn: string, idColumn: string): Expression<SqlBool> {
  const { at, id } = timeIdCursor(cursor)
  return sql<SqlBool>`(${sql.ref(timeColumn)}, ${sql.ref(idColumn)}) < (${at}::timestamptz, ${id}::uuid)`
}

/** The `(time, id)` of a newest-first cursor, checked, for queries that take them as values. */
export function timeIdCursor(cursor: string): { at: Date; id: string } {
  const [at, id] = decodeCursor(cursor, ['string', 'string'])
  const when = new Date(String(at))
  if (Number.isNaN(when.getTime()) || !UUID_PATTERN.test(String(id))) throw invalidCursor()
  return { at: when, id: String(id) }
}
