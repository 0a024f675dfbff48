/**
 * Process entry point: `node apps/server/src/main.ts` (npm start wraps it). Runs the HTTP API, the
 * workers, or both (APP_ROLE), and shuts down cleanly on SIGINT/SIGTERM: stop accepting requests
 * and let in-flight ones finish, stop workers (running jobs finish or return to the queue), close
 * the pool, stop the embedded database.
 */
import { type RunningApp, startApp } from './app.ts'
import { printBanner } from './banner.ts'
import { ConfigError, loadConfig } from './config/config.ts'
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

  try {
    app = await startApp(config, { log, onStatus: status })
  } catch (err) {
    log.fatal({ err }, `start-up failed: ${(err as Error).message}`)
    process.exit(1)
  }
  if (shuttingDownSince) return
  printBanner(config, app)
}

if (import.meta.main) await main()
