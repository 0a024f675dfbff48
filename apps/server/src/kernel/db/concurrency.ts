import { sql, type Transaction } from 'kysely'
import { AppError } from '../errors.ts'

/**
 * The platform's two concurrency idioms (ARCHITECTURE.md, "Concurrency"):
 *
 * 1. Edits and state changes of one record are optimistic: the table has a `version` column and
 *    the UPDATE carries `where id = ? and version = ?` (plus the expected state for transitions),
 *    setting `version = version + 1`. Zero rows updated means someone else changed it first: a
 *    409 `version_conflict`, never a silent overwrite. Under READ COMMITTED a concurrent UPDATE
 *    waits for the first one's row lock and then re-checks the WHERE clause, so exactly one wins.
 * 2. Invariants across rows (limits, duplicates, balances) are serialised: a unique constraint
 *    where one can express the rule, else a transaction-scoped lock on the natural key
 *    (`lockKey`) or `SELECT … FOR UPDATE` of the rows in a fixed order (ledger accounts), taken
 *    before the check.
 */
export function versionConflict(what: string, expected?: number): AppError {
  return new AppError(
    'version_conflict',
    `${what} changed since it was loaded${expected !== undefined ? ` (you had version ${expected})` : ''}; reload and try again`,
    { meta: expected !== undefined ? { expected_version: expected } : {} },
  )
}

/** The row an optimistic UPDATE … RETURNING gave back, or a 409 when the guard did not match. */
export function updatedOrConflict<T>(row: T | undefined, what: string, expected?: number): T {
  if (row === undefined) throw versionConflict(what, expected)
  return row
}

/** Serialises work on one natural key inside the transaction (released at commit or rollback). */
// biome-ignore lint/suspicious/noExplicitAny: any module's transaction
export async function lockKey(tx: Transaction<any>, key: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`.execute(tx)
}
