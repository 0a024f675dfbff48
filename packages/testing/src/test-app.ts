import { type RunningApp, startApp } from '../../../apps/server/src/app.ts'
import { loadConfig } from '../../../apps/server/src/config/config.ts'
import type { Clock } from '../../../apps/server/src/kernel/clock.ts'
import { createLogger, type Logger } from '../../../apps/server/src/kernel/logger.ts'
import type { AppModule } from '../../../apps/server/src/kernel/module.ts'

export interface TestAppOptions {
  role?: 'web' | 'worker' | 'all'
  env?: Record<string, string>
  clock?: Clock
  modules?: readonly AppModule[]
  /** A logger of the test's own, e.g. one that captures lines (see captureLogger). */
  log?: Logger
}

/**
 * The real application against a test database, listening on a random port. Demo seeding is off;
 * TEST_HOOKS are on. `baseUrl` is where to send requests.
 */
export async function startTestApp(
  databaseUrl: string,
  options: TestAppOptions = {},
): Promise<RunningApp & { baseUrl: string }> {
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    PORT: '0',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    SEED_DEMO_DATA: 'false',
    TEST_HOOKS: 'true',
    APP_ROLE: options.role ?? 'all',
    OUTBOX_POLL_MS: '200',
    ...options.env,
  })
  const log = options.log ?? createLogger({ level: config.log.level, pretty: false })
  const app = await startApp(config, {
    log,
    skipMigrate: true,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.modules ? { modules: options.modules } : {}),
  })
  return { ...app, baseUrl: app.address ?? '' }
}
