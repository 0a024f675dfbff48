import { createAppContext } from '../../../apps/server/src/app.ts'
import { loadConfig } from '../../../apps/server/src/config/config.ts'
import type { Clock } from '../../../apps/server/src/kernel/clock.ts'
import type { AppContext } from '../../../apps/server/src/kernel/context.ts'
import type { DatabaseHandle } from '../../../apps/server/src/kernel/db/database.ts'
import { createLogger } from '../../../apps/server/src/kernel/logger.ts'

/**
 * An application context on a test database without HTTP, modules or job workers: what a seed
 * step or a service needs when a test drives it directly. Demo mode by default (the demo seeds
 * check it); close the returned database handle after the file.
 */
export function seedContext(
  url: string,
  options: { clock?: Clock; demo?: boolean } = {},
): { ctx: AppContext; database: DatabaseHandle } {
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: url,
    LOG_LEVEL: 'silent',
    ...(options.demo === false ? {} : { DEMO_MODE: 'true' }),
  })
  return createAppContext(config, url, {
    log: createLogger({ level: 'silent', pretty: false }),
    modules: [],
    work: false,
    ...(options.clock ? { clock: options.clock } : {}),
  })
}
