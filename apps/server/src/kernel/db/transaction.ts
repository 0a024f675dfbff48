import { sql } from 'kysely'
import type { Db, Tx } from './database.ts'

/**
 * Who a transaction runs for. Row-level security policies read these settings, so a query that
 * forgets its WHERE clause still only sees what this actor may see.
 */
export type Actor =
  | { kind: 'user'; userId: string; roles: readonly string[] }
  | { kind: 'system'; name: string }
  | { kind: 'anonymous' }

export const systemActor = (name: string): Actor => ({ kind: 'system', name })
export const anonymousActor: Actor = { kind: 'anonymous' }

/** The non-owner role every application transaction switches to; created by migration 0001. */
export const APP_DB_ROLE = 'app_runtime'

export interface TransactionOptions {
  isolation?: 'read committed' | 'repeatable read' | 'serializable'
  requestId?: string | undefined
  /** How often to retry on serialization failure or deadlock (only with repeatable read/serializable). */
  retries?: number
}

const RETRYABLE = new Set(['40001', '40P01'])

/**
 * Runs `fn` in one transaction as `actor`: switches to the application role (RLS applies even when
 * the connection is a superuser) and sets `app.*` settings for policies, audit and outbox defaults.
 */
export async function inTransaction<T>(
  db: Db,
  actor: Actor,
  fn: (tx: Tx) => Promise<T>,
  options: TransactionOptions = {},
): Promise<T> {
  const isolation = options.isolation ?? 'read committed'
  const maxAttempts = isolation === 'read committed' ? 1 : 1 + (options.retries ?? 3)
  for (let attempt = 1; ; attempt++) {
    try {
      return await db
        .transaction()
        .setIsolationLevel(isolation)
        .execute(async (tx) => {
          await applyActor(tx, actor, options.requestId)
          return fn(tx)
        })
    } catch (err) {
      const code = (err as { code?: string }).code
      if (attempt < maxAttempts && code && RETRYABLE.has(code)) {
        await new Promise((r) => setTimeout(r, 5 * attempt + Math.random() * 20))
        continue
      }
      throw err
    }
  }
}

export async function applyActor(tx: Tx, actor: Actor, requestId: string | undefined): Promise<void> {
  const userId = actor.kind === 'user' ? actor.userId : ''
  const roles = actor.kind === 'user' ? actor.roles.join(',') : ''
  const name = actor.kind === 'system' ? actor.name : ''
  await sql`select
      set_config('role', ${APP_DB_ROLE}, true),
      set_config('app.actor_kind', ${actor.kind}, true),
      set_config('app.actor_name', ${name}, true),
      set_config('app.user_id', ${userId}, true),
      set_config('app.roles', ${roles}, true),
      set_config('app.request_id', ${requestId ?? ''}, true)`.execute(tx)
}

/**
 * Runs part of a transaction as the system (e.g. the identity writes behind "add a team member"),
 * then restores the caller's actor. Use sparingly: the caller must already be authorised.
 */
export async function asSystem<T>(tx: Tx, name: string, fn: () => Promise<T>): Promise<T> {
  const saved = (
    await sql<{ kind: string; name: string }>`select current_setting('app.actor_kind', true) as kind,
      current_setting('app.actor_name', true) as name`.execute(tx)
  ).rows[0]
  await sql`select set_config('app.actor_kind', 'system', true), set_config('app.actor_name', ${name}, true)`.execute(
    tx,
  )
  try {
    return await fn()
  } finally {
    await sql`select set_config('app.actor_kind', ${saved?.kind ?? ''}, true),
      set_config('app.actor_name', ${saved?.name ?? ''}, true)`.execute(tx)
  }
}
