import { createHash } from 'node:crypto'
import { Kysely, PostgresDialect, type Transaction } from 'kysely'
import pg from 'pg'
import { watchNestedConnections } from './nested-connections.ts'
import type { Database } from './schema/index.ts'

/** A database handle typed with the schemas `DB` names: a module passes its own (see `AppModule.schemas`). */
export type Db<DB = Database> = Kysely<DB>
export type Tx<DB = Database> = Transaction<DB>
/** Anything that can run a query: the root handle or an open transaction. */
export type Queryable<DB = Database> = Db<DB> | Tx<DB>
/** Any module's transaction: what kernel services (outbox, audit, PII log) accept and narrow themselves. */
// biome-ignore lint/suspicious/noExplicitAny: deliberately schema-agnostic
export type AnyTx = Transaction<any>

const { types } = pg

/**
 * Type parsers for our pool only (pg-boss keeps the driver defaults):
 * int8 → bigint (money is stored in minor units as BIGINT), date → 'YYYY-MM-DD' string (no time-zone
 * drift), numeric → string (exact rates).
 */
const parsers: Record<number, (value: string) => unknown> = {
  [types.builtins.INT8]: (v) => BigInt(v),
  [types.builtins.DATE]: (v) => v,
  [types.builtins.NUMERIC]: (v) => v,
}
const typeOverrides = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    parsers[oid] ?? types.getTypeParser(oid, format ?? 'text')) as typeof types.getTypeParser,
}

export interface DatabaseHandle {
  db: Db
  pool: pg.Pool
  url: string
  close(): Promise<void>
}

export function connectDatabase(
  url: string,
  options: { poolMax: number; applicationName: string },
): DatabaseHandle {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolMax,
    application_name: options.applicationName,
    types: typeOverrides,
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: 10_000,
  })
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', () => {})
  watchNestedConnections(pool)
  pool.on('connect', (client) => preparedStatements(client))
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
  return {
    db,
    pool,
    url,
    async close() {
      await db.destroy()
    },
  }
}

/** Replaces the database name in a connection URL. */
export function withDatabaseName(url: string, database: string): string {
  const u = new URL(url)
  u.pathname = `/${database}`
  return u.toString()
}

export function databaseNameOf(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, '')) || 'postgres'
}

/**
 * Parameterised queries become named prepared statements on their connection: PostgreSQL parses
 * and plans each distinct statement once per connection instead of on every request (a large
 * share of a small query's cost). Names are a hash of the SQL text; queries without parameters
 * (multi-statement batches) are sent as they are. The number of distinct statements is bounded by
 * the code's query shapes, and per connection the cache is capped.
 */
/**
 * Text searches stay unnamed: their best plan depends on how rare the words are (an index for a
 * rare word, a scan for a common one), and a prepared statement's generic plan would fix one
 * choice for every word.
 */
const SELECTIVITY_DEPENDENT = / @@ | i?like /i

export function preparedStatements(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown
  const names = new Set<string>()
  ;(client as unknown as { query: (...args: unknown[]) => unknown }).query = (
    text: unknown,
    values?: unknown,
    callback?: unknown,
  ) => {
    if (
      typeof text !== 'string' ||
      !Array.isArray(values) ||
      values.length === 0 ||
      text.length > 20_000 ||
      SELECTIVITY_DEPENDENT.test(text)
    ) {
      return query(text, values, callback)
    }
    const name = `q${createHash('sha1').update(text).digest('base64url').slice(0, 20)}`
    if (!names.has(name)) {
      if (names.size >= 500) return query(text, values, callback) // beyond the cap: unnamed, planned each time
      names.add(name)
    }
    return query({ name, text, values }, callback)
  }
}

/**
 * A small pool whose connections start as the application role with fixed `app.*` settings
 * (PostgreSQL startup options), for one narrow purpose such as the session check: each lookup is
 * then a single prepared statement, with row-level security as for everyone else.
 */
export function connectScopedPool(
  url: string,
  options: { max: number; applicationName: string; settings: Record<string, string> },
): pg.Pool {
  const startup = Object.entries({ role: 'app_runtime', ...options.settings })
    .map(([k, v]) => {
      if (!/^[a-z_.]+$/.test(k) || !/^[A-Za-z0-9_.-]+$/.test(v))
        throw new Error(`bad startup setting ${k}=${v}`)
      return `-c ${k}=${v}`
    })
    .join(' ')
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max,
    application_name: options.applicationName,
    options: startup,
    types: typeOverrides,
    idleTimeoutMillis: 30_000,
  })
  pool.on('error', () => {})
  pool.on('connect', (client) => preparedStatements(client))
  return pool
}
