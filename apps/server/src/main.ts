/**
 * Process entry point: `node apps/server/src/main.ts` (npm start wraps it). Runs the HTTP API, the
 * workers, or both (APP_ROLE), and shuts down cleanly on SIGINT/SIGTERM: stop accepting requests
 * and let in-flight ones finish, stop workers (running jobs finish or return to the queue), close
 * the pool, stop the embedded database.
 */
import type { RunningApp } from './app.ts'
import { ConfigError, loadConfig } from './config/config.ts'
import { type OpenedDatabase, openDatabaseUrl } from './kernel/db/open.ts'
import { createLogger } from './kernel/logger.ts'

export async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>
  try {
    config = loadConfig()
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message)
      process.exit(78) // EX_CONFIG
    }
    throw err
  }
  const log = createLogger(config.log)
  const status = (line: string) => log.info(line)

  let app: RunningApp | undefined
  let shuttingDownSince = 0
  const shutdown = async (signal: string) => {
    if (shuttingDownSince) {
      // A terminal Ctrl-C reaches both npm and us, so one press can arrive twice: only a press
      // after a pause means "stop waiting".
      if (Date.now() - shuttingDownSince < 2000) return
      log.warn(`${signal} again: exiting now without waiting`)
      app?.embedded?.stopNow()
      process.exit(130)
    }
    shuttingDownSince = Date.now()
    log.info(`${signal} received: shutting down (in-flight work finishes first)`)
    const force = setTimeout(() => {
      log.error('shutdown took too long; exiting')
      app?.embedded?.stopNow()
      process.exit(1)
    }, config.shutdownTimeoutMs + 15_000)
    force.unref()
    await app?.stop()
    log.info('stopped cleanly')
    process.exit(0)
  }
  process.on('SIGINT', () => void shutdown('SIGINT'))
  process.on('SIGTERM', () => void shutdown('SIGTERM'))

  let database: Promise<OpenedDatabase> | undefined
  try {
    // The database starts (initdb and pg_ctl are child processes) while the application's modules
    // load: on a fresh machine the two take about a second each, and they overlap.
    let busy = () => {}
    const startedOrDone = new Promise<void>((resolve) => {
      busy = resolve
    })
    database = openDatabaseUrl(config, status, busy)
    // awaited in startApp; this settles the wait below when no child process was needed (an external
    // DATABASE_URL, a server already running) and keeps an early failure from counting as unhandled
    database.then(busy, busy)
    // Loading the modules blocks the event loop: let initdb or pg_ctl be spawned first.
    await startedOrDone
    const [{ startApp }, { printBanner }] = await Promise.all([import('./app.ts'), import('./banner.ts')])
    app = await startApp(config, { log, onStatus: status, database })
    if (!shuttingDownSince) printBanner(config, app)
  } catch (err) {
    log.fatal({ err }, `start-up failed: ${(err as Error).message}`)
    // started here but the application never took it over (its import failed): stop it again
    const opened = await database?.catch(() => undefined)
    if (!app && opened?.embedded?.owned) await opened.embedded.stop().catch(() => {})
    process.exit(1)
  }
}

if (import.meta.main) await main()
