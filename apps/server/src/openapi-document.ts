import { loadConfig } from './config/config.ts'
import { BackgroundTasks } from './kernel/background.ts'
import { systemClock } from './kernel/clock.ts'
import type { AppContext } from './kernel/context.ts'
import { connectDatabase } from './kernel/db/database.ts'
import { noAuthenticator } from './kernel/http/access.ts'
import { createMetrics } from './kernel/http/metrics.ts'
import { buildServer } from './kernel/http/server.ts'
import { JobRunner } from './kernel/jobs/job-runner.ts'
import { createLogger } from './kernel/logger.ts'
import { jobsOf } from './kernel/module.ts'
import { modules } from './modules/index.ts'

/**
 * The OpenAPI document, built without a database: route registration never queries, so a context
 * whose pool is never used is enough. Used to generate the web client's types.
 */
export async function buildOpenApiDocument(): Promise<Record<string, unknown>> {
  const offlineUrl = 'postgresql://offline@127.0.0.1:1/offline'
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: offlineUrl, DEMO_MODE: 'true' })
  const log = createLogger({ level: 'silent', pretty: false })
  const database = connectDatabase(offlineUrl, { poolMax: 1, applicationName: 'openapi' })
  const ctx: AppContext = {
    config,
    entry: 'tool',
    offline: true,
    log,
    clock: systemClock,
    db: database.db,
    pool: database.pool,
    databaseUrl: offlineUrl,
    jobs: new JobRunner<AppContext>(jobsOf(modules), { url: offlineUrl, work: false, log }),
    metrics: createMetrics(),
    auth: noAuthenticator,
    background: new BackgroundTasks(log),
    services: {} as AppContext['services'],
  }
  for (const m of modules) await m.init?.(ctx)
  const app = await buildServer(ctx, modules)
  await app.ready()
  const doc = app.swagger() as unknown as Record<string, unknown>
  await app.close()
  await database.close()
  return doc
}
