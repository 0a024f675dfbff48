import { createHash } from 'node:crypto'
import { sql, type Transaction } from 'kysely'
import type { AnyTx } from '../db/database.ts'
import type { PlatformSchema } from '../db/schema/platform.ts'
import { AppError } from '../errors.ts'

/**
 * `Idempotency-Key` on money-moving requests, as Stripe's API has it. The key row is inserted in
 * the request's own transaction before the handler runs: a concurrent twin waits on it and then
 * replays the stored answer; if the first request fails, its transaction (and key) roll back and
 * the twin runs instead. Keys are per signed-in person and kept for 24 hours.
 */
export const IDEMPOTENCY_HEADER = 'idempotency-key'
const KEY_SHAPE = /^[\x21-\x7e]{1,255}$/

export interface StoredAnswer {
  status: number
  body: unknown
}

/** The key of a request, or undefined; a malformed key is a 400 naming the header. */
export function idempotencyKeyOf(headers: Record<string, string | string[] | undefined>): string | undefined {
  const raw = headers[IDEMPOTENCY_HEADER]
  if (raw === undefined) return undefined
  const key = Array.isArray(raw) ? raw[0] : raw
  if (key === undefined || !KEY_SHAPE.test(key)) {
    throw new AppError(
      'validation_failed',
      'headers.idempotency-key: must be 1-255 visible ASCII characters',
      {
        errors: [{ field: 'headers.idempotency-key', message: 'must be 1-255 visible ASCII characters' }],
      },
    )
  }
  return key
}

/** A stable digest of what the request asks for (method, path and body, keys sorted). */
export function requestHash(method: string, path: string, body: unknown): string {
  return createHash('sha256')
    .update(`${method} ${path}\n${canonicalJson(body)}`)
    .digest('hex')
}

export function canonicalJson(value: unknown): string {
  if (value === undefined) return 'null'
  if (typeof value === 'bigint') return JSON.stringify(value.toString())
  if (value === null || typeof value !== 'object') return JSON.stringify(value)
  if (value instanceof Date) return JSON.stringify(value.toISOString())
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
}

/**
 * Claims the key for this request, or returns the answer stored by the request that claimed it.
 * Must run inside the request's transaction, before its effects.
 */
export async function claimIdempotencyKey(
  anyTx: AnyTx,
  claim: { scope: string; key: string; hash: string; method: string; path: string },
): Promise<StoredAnswer | undefined> {
  const tx = anyTx as Transaction<PlatformSchema>
  const inserted = await tx
    .insertInto('platform.idempotency_keys')
    .values({
      scope: claim.scope,
      key: claim.key,
      request_hash: claim.hash,
      method: claim.method,
      path: claim.path,
    })
    .onConflict((oc) => oc.columns(['scope', 'key']).doNothing())
    .returning('key')
    .executeTakeFirst()
  if (inserted) return undefined
  const first = await tx
    .selectFrom('platform.idempotency_keys')
    .select(['request_hash', 'response_status', 'response_body', 'method', 'path'])
    .where('scope', '=', claim.scope)
    .where('key', '=', claim.key)
    .executeTakeFirstOrThrow()
  if (first.request_hash !== claim.hash) {
    throw new AppError(
      'idempotency_key_reused',
      `This Idempotency-Key was used for a different request (${first.method} ${first.path}); use a new key for a new request`,
    )
  }
  if (first.response_status === null) {
    // cannot happen once the first committed (it stores its answer in the same transaction)
    throw new AppError('idempotency_in_progress', 'A request with this Idempotency-Key is still in progress')
  }
  return { status: first.response_status, body: first.response_body }
}

export async function storeIdempotentAnswer(
  anyTx: AnyTx,
  scope: string,
  key: string,
  answer: StoredAnswer,
): Promise<void> {
  const tx = anyTx as Transaction<PlatformSchema>
  await tx
    .updateTable('platform.idempotency_keys')
    .set({
      response_status: answer.status,
      response_body: sql`${JSON.stringify(answer.body ?? null)}::jsonb`,
    })
    .where('scope', '=', scope)
    .where('key', '=', key)
    .execute()
}

/** Forgets a claimed key whose request failed, so that a retry with it runs again. */
export async function releaseIdempotencyKey(anyTx: AnyTx, scope: string, key: string): Promise<void> {
  await (anyTx as Transaction<PlatformSchema>)
    .deleteFrom('platform.idempotency_keys')
    .where('scope', '=', scope)
    .where('key', '=', key)
    .where('response_status', 'is', null)
    .execute()
}
