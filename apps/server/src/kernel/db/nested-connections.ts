import { AsyncLocalStorage } from 'node:async_hooks'
import { appendFileSync } from 'node:fs'
import type pg from 'pg'

/**
 * A diagnostic, off unless `DB_NESTED_CONNECTIONS_LOG` names a file: appends the stack of every
 * pool connection taken by code that already holds a transaction's connection. Such code starves
 * the pool under load — when every connection is held by a request waiting for a second one, none
 * is ever returned, and all of them wait out the connection timeout. Run the integration suite
 * with it set and read the stacks (ARCHITECTURE.md, "One connection per flow").
 */
const logFile = process.env.DB_NESTED_CONNECTIONS_LOG
const holding = new AsyncLocalStorage<true>()

/** Runs a transaction's body, marked as holding a connection when the diagnostic is on. */
export function holdingConnection<T>(fn: () => Promise<T>): Promise<T> {
  return logFile ? holding.run(true, fn) : fn()
}

/** Watches a pool's `connect` for callers that already hold a connection (diagnostic only). */
export function watchNestedConnections(pool: pg.Pool): void {
  if (!logFile) return
  const connect = pool.connect.bind(pool) as (...args: unknown[]) => unknown
  ;(pool as unknown as { connect: (...args: unknown[]) => unknown }).connect = (...args: unknown[]) => {
    if (holding.getStore()) appendFileSync(logFile, `${new Error('nested connection').stack}\n---\n`)
    return connect(...args)
  }
}

/** Runs `fn` as work of its own (a background refresh nobody waits for), not the transaction's. */
export function detachedFromTransaction<T>(fn: () => T): T {
  return logFile ? holding.exit(fn) : fn()
}
