import { type Kysely, sql, type Transaction } from 'kysely'
import { holdingConnection } from './nested-connections.ts'
import type { Database } from './schema/index.ts'

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
  /**
   * How often to retry on serialization failure or deadlock: 3 by default under repeatable read
   * and serializable; under read committed only when asked (a deadlock there is retried only by
   * a caller whose whole transaction may run again).
   */
  retries?: number
}

const RETRYABLE = new Set(['40001', '40P01'])

/**
 * Runs `fn` in one transaction as `actor`: switches to the application role (RLS applies even when
 * the connection is a superuser) and sets `app.*` settings for policies, audit and outbox defaults.
 *
 * BEGIN and the settings go to the server as one request (a request-scoped transaction otherwise
 * pays an extra round trip on every call); the values are checked and quoted, see `literal`.
 */
export async function inTransaction<T, DB = Database>(
  // biome-ignore lint/suspicious/noExplicitAny: the process's handle; the callback names the schemas it uses
  db: Kysely<any>,
  actor: Actor,
  fn: (tx: Transaction<DB>) => Promise<T>,
  options: TransactionOptions = {},
): Promise<T> {
  const isolation = options.isolation ?? 'read committed'
  const maxAttempts = 1 + (options.retries ?? (isolation === 'read committed' ? 0 : 3))
  const opening = sql.raw(`begin isolation level ${isolation}; ${actorSettingsSql(actor, options.requestId)}`)
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.connection().execute(async (conn) => {
        await opening.execute(conn)
        actorOf.set(conn, actorSettingValues(actor))
        try {
          // A connection-bound Kysely is all a service needs from a transaction: it only queries.
          const result = await holdingConnection(() => fn(conn as unknown as Transaction<DB>))
          await sql`commit`.execute(conn)
          return result
        } catch (err) {
          await sql`rollback`.execute(conn).catch(() => {})
          throw err
        }
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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const TOKEN = /^[A-Za-z0-9._:, -]{0,256}$/

/** A quoted SQL literal of a value that was checked against a narrow pattern first. */
function literal(value: string, pattern: RegExp): string {
  if (!pattern.test(value)) throw new Error(`refusing an unexpected actor setting: ${JSON.stringify(value)}`)
  return `'${value.replaceAll("'", "''")}'`
}

function actorSettingsSql(actor: Actor, requestId: string | undefined): string {
  const userId = actor.kind === 'user' ? literal(actor.userId, UUID) : "''"
  const roles = actor.kind === 'user' ? literal(actor.roles.join(','), TOKEN) : "''"
  const name = actor.kind === 'system' ? literal(actor.name, TOKEN) : "''"
  return `select set_config('role', '${APP_DB_ROLE}', true), set_config('app.actor_kind', ${literal(actor.kind, TOKEN)}, true),
    set_config('app.actor_name', ${name}, true), set_config('app.user_id', ${userId}, true),
    set_config('app.roles', ${roles}, true), set_config('app.request_id', ${literal(requestId ?? '', TOKEN)}, true)`
}

/**
 * Runs part of a transaction as the system (e.g. the identity writes behind "add a team member"),
 * then restores the caller's actor. Use sparingly: the caller must already be authorised.
 */
// biome-ignore lint/suspicious/noExplicitAny: any module's transaction
export async function asSystem<T>(tx: Transaction<any>, name: string, fn: () => Promise<T>): Promise<T> {
  // The transaction's actor is known without asking the server when inTransaction opened it (one
  // round trip less per switch); a handle it did not open is asked.
  const saved = actorOf.get(tx) ??
    (
      await sql<ActorSettings>`select current_setting('app.actor_kind', true) as kind,
        current_setting('app.actor_name', true) as name`.execute(tx)
    ).rows[0] ?? { kind: '', name: '' }
  // already the system: nothing to switch (the name only labels the session; no policy reads it)
  if (saved.kind === 'system') return fn()
  await sql`select set_config('app.actor_kind', 'system', true), set_config('app.actor_name', ${name}, true)`.execute(
    tx,
  )
  actorOf.set(tx, { kind: 'system', name })
  try {
    return await fn()
  } finally {
    await sql`select set_config('app.actor_kind', ${saved.kind}, true),
      set_config('app.actor_name', ${saved.name}, true)`.execute(tx)
    actorOf.set(tx, saved)
  }
}

interface ActorSettings {
  kind: string
  name: string
}

/** The `app.actor_kind` / `app.actor_name` a transaction handle opened by inTransaction runs with now. */
// biome-ignore lint/suspicious/noExplicitAny: any module's transaction
const actorOf = new WeakMap<Kysely<any>, ActorSettings>()

function actorSettingValues(actor: Actor): ActorSettings {
  return { kind: actor.kind, name: actor.kind === 'system' ? actor.name : '' }
}
