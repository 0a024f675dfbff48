import { Kysely, PostgresDialect, type Transaction } from 'kysely'
import pg from 'pg'
import type { Database } from './schema.ts'

export type Db = Kysely<Database>
export type Tx = Transaction<Database>
/** Anything that can run a query: the root handle or an open transaction. */
export type Queryable = Db | Tx

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
