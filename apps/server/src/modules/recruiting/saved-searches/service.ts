import { sql } from 'kysely'
import { lockKey, updatedOrConflict } from '../../../kernel/db/concurrency.ts'
import { AppError } from '../../../kernel/errors.ts'
import { requireRecruiter, type SplitsCaller } from '../caller.ts'
import type { RecruitingTx } from '../database.ts'
import {
  SAVED_FILTER_KEYS,
  SAVED_SEARCH_LIMIT,
  type TSavedSearchCreate,
  type TSavedSearchUpdate,
} from './schemas.ts'

/**
 * The filters as stored: only known keys (any other is a 400 unknown_filter naming it), empty
 * ones left out, amounts as strings of minor units.
 */
export function storedFilters(filters: Record<string, unknown>): Record<string, string> {
  const known = new Set<string>(SAVED_FILTER_KEYS)
  const unknown = Object.keys(filters).filter((k) => !known.has(k))
  if (unknown.length) {
    throw new AppError('unknown_filter', `Unknown filter: ${unknown.join(', ')}`, {
      errors: unknown.map((k) => ({
        field: `body.filters.${k}`,
        message: `is not a filter of the role marketplace (use ${SAVED_FILTER_KEYS.join(', ')})`,
      })),
    })
  }
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(filters)) {
    if (v !== undefined && v !== null && v !== '') out[k] = String(v)
  }
  return out
}

const nameTaken = (name: string) =>
  new AppError('saved_search_name_taken', `You already have a saved search named “${name}”`, {
    errors: [{ field: 'body.name', message: 'is the name of another of your saved searches' }],
  })

async function assertNameFree(tx: RecruitingTx, recruiterId: string, name: string, except?: string) {
  let q = tx
    .selectFrom('network.saved_searches')
    .select('id')
    .where('recruiter_id', '=', recruiterId)
    .where(sql<boolean>`lower(name) = lower(${name})`)
  if (except) q = q.where('id', '<>', except)
  if (await q.executeTakeFirst()) throw nameTaken(name)
}

/**
 * Saves a search. A recruiter's saves are serialised (a lock on the recruiter), so the limit and
 * the unique name hold however many arrive at once.
 */
export async function createSavedSearch(
  tx: RecruitingTx,
  caller: SplitsCaller,
  body: TSavedSearchCreate,
  now: Date,
): Promise<string> {
  const me = requireRecruiter(caller)
  const filters = storedFilters(body.filters)
  await lockKey(tx, `saved-searches:${me}`)
  const { n } = await tx
    .selectFrom('network.saved_searches')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('recruiter_id', '=', me)
    .executeTakeFirstOrThrow()
  if (n >= SAVED_SEARCH_LIMIT) {
    throw new AppError(
      'saved_search_limit',
      `You can keep ${SAVED_SEARCH_LIMIT} saved searches; delete one to save another`,
      { meta: { limit: SAVED_SEARCH_LIMIT } },
    )
  }
  await assertNameFree(tx, me, body.name)
  const row = await tx
    .insertInto('network.saved_searches')
    .values({
      recruiter_id: me,
      name: body.name,
      filters: JSON.stringify(filters),
      sort: body.sort,
      alert_frequency: body.alert_frequency,
      channel: body.channel,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/** Changes a search of the caller's own (404 for anyone else's); `version` guards concurrent edits. */
export async function updateSavedSearch(
  tx: RecruitingTx,
  caller: SplitsCaller,
  id: string,
  body: TSavedSearchUpdate,
  now: Date,
): Promise<void> {
  const me = requireRecruiter(caller)
  const current = await ownSearch(tx, me, id)
  const filters = body.filters ? storedFilters(body.filters) : undefined
  await lockKey(tx, `saved-searches:${me}`)
  if (body.name !== undefined) await assertNameFree(tx, me, body.name, id)
  const expected = body.version ?? current.version
  const row = await tx
    .updateTable('network.saved_searches')
    .set({
      ...(body.name !== undefined ? { name: body.name } : {}),
      ...(filters ? { filters: JSON.stringify(filters) } : {}),
      ...(body.sort ? { sort: body.sort } : {}),
      ...(body.alert_frequency ? { alert_frequency: body.alert_frequency } : {}),
      ...(body.channel ? { channel: body.channel } : {}),
      updated_at: now,
      version: sql`version + 1`,
    })
    .where('id', '=', id)
    .where('version', '=', expected)
    .returning('id')
    .executeTakeFirst()
  updatedOrConflict(row, 'saved search', expected)
  // a search that stops alerting drops what it had not told yet
  if (
    body.alert_frequency === 'off' ||
    (body.alert_frequency === 'instant' && current.alert_frequency === 'daily')
  ) {
    await tx
      .updateTable('network.saved_search_matches')
      .set({ notified_at: now })
      .where('saved_search_id', '=', id)
      .where('notified_at', 'is', null)
      .execute()
  }
}

export async function deleteSavedSearch(tx: RecruitingTx, caller: SplitsCaller, id: string): Promise<void> {
  const me = requireRecruiter(caller)
  await ownSearch(tx, me, id)
  await tx.deleteFrom('network.saved_searches').where('id', '=', id).execute()
}

async function ownSearch(tx: RecruitingTx, recruiterId: string, id: string) {
  const row = await tx
    .selectFrom('network.saved_searches')
    .select(['id', 'version', 'alert_frequency'])
    .where('id', '=', id)
    .where('recruiter_id', '=', recruiterId)
    .executeTakeFirst()
  if (!row) throw new AppError('not_found', 'No such saved search')
  return row
}
