import { Gauge } from 'prom-client'
import type { AppConfig } from './config/config.ts'
import { BackgroundTasks } from './kernel/background.ts'
import { type Clock, systemClock } from './kernel/clock.ts'
import type { AppContext } from './kernel/context.ts'
import { connectDatabase, type DatabaseHandle } from './kernel/db/database.ts'
import type { EmbeddedPostgres } from './kernel/db/embedded-postgres.ts'
import { migrate } from './kernel/db/migrate.ts'
import { type OpenedDatabase, openDatabaseUrl } from './kernel/db/open.ts'
import { noAuthenticator } from './kernel/http/access.ts'
import { createMetrics } from './kernel/http/metrics.ts'
import { buildServer } from './kernel/http/server.ts'
import { JobRunner } from './kernel/jobs/job-runner.ts'
import { createLogger, type Logger } from './kernel/logger.ts'
import { type AppFastify, type AppModule, jobsOf } from './kernel/module.ts'
import { OutboxRelay } from './kernel/outbox/relay.ts'
import { closePdfPrinter } from './kernel/pdf.ts'
import { runSeeds } from './kernel/seed.ts'
import { modules as allModules } from './modules/index.ts'

export { EMBEDDED_DATABASE_NAME, openDatabaseUrl } from './kernel/db/open.ts'

export interface RunningApp {
  ctx: AppContext
  server: AppFastify | undefined
  relay: OutboxRelay | undefined
  /** Where the HTTP server listens (web role), e.g. http://127.0.0.1:3000 */
  address: string | undefined
  embedded: EmbeddedPostgres | undefined
  stop(): Promise<void>
}

export interface StartOptions {
  log?: Logger
  clock?: Clock
  modules?: readonly AppModule[]
  /** Skip migrating (tests that migrated a template already). */
  skipMigrate?: boolean
  onStatus?: (line: string) => void
  /**
   * The database, already being opened: the process entry starts the embedded PostgreSQL (initdb,
   * pg_ctl: child processes) before it imports this file, so the two overlap.
   */
  database?: Promise<OpenedDatabase>
}

/** The context of a process (server, worker or CLI): database pool, job client, metrics, services. */
export function createAppContext(
  config: AppConfig,
  url: string,
  options: {
    log: Logger
    modules: readonly AppModule[]
    work: boolean
    clock?: Clock
    entry?: 'server' | 'tool'
  },
): { ctx: AppContext; database: DatabaseHandle } {
  const database = connectDatabase(url, { poolMax: config.db.poolMax, applicationName: `app-${config.role}` })
  const metrics = createMetrics()
  const jobs = new JobRunner<AppContext>(jobsOf(options.modules), {
    url,
    work: options.work,
    log: options.log.child({ component: 'jobs' }),
    onJobFinished: (queue, outcome, seconds) => {
      metrics.jobsFinished.inc({ queue, outcome })
      metrics.jobDuration.observe({ queue }, seconds)
    },
  })
  const ctx: AppContext = {
    config,
    entry: options.entry ?? 'tool',
    log: options.log,
    clock: options.clock ?? systemClock,
    db: database.db,
    pool: database.pool,
    databaseUrl: url,
    jobs,
    metrics,
    auth: noAuthenticator,
    background: new BackgroundTasks(options.log),
    services: {} as AppContext['services'],
  }
  return { ctx, database }
}

/** Starts the process in its configured role(s). Throws if anything fails; partial start-up is undone. */
export async function startApp(config: AppConfig, options: StartOptions = {}): Promise<RunningApp> {
  const log = options.log ?? createLogger(config.log)
  const status = options.onStatus ?? ((line: string) => log.info(line))
  const modules = options.modules ?? allModules
  const web = config.role !== 'worker'
  const worker = config.role !== 'web'
  const cleanups: { name: string; fn: () => Promise<void> }[] = []
  const undo = async () => {
    for (const step of cleanups.reverse()) {
      const started = performance.now()
      await step.fn().catch((err) => log.error({ err }, `shutdown step failed: ${step.name}`))
      log.debug(`shutdown: ${step.name} (${Math.round(performance.now() - started)} ms)`)
    }
  }

  try {
    const { url, embedded } = await (options.database ?? openDatabaseUrl(config, status))
    if (embedded?.owned) cleanups.push({ name: 'stop embedded PostgreSQL', fn: () => embedded.stop() })

    if (!options.skipMigrate) {
      const result = await migrate(url, { log: status })
      if (result.applied.length === 0) status(`database schema is current (migration ${result.current})`)
    }

    const { ctx, database } = createAppContext(config, url, {
      log,
      modules,
      work: worker,
      entry: 'server',
      ...(options.clock ? { clock: options.clock } : {}),
    })
    cleanups.push({ name: 'close database pool', fn: () => database.close() })
    cleanups.push({ name: 'close the PDF printer', fn: () => closePdfPrinter() })
    cleanups.push({
      name: 'stop modules',
      fn: async () => {
        for (const m of modules) await m.stop?.(ctx)
      },
    })
    cleanups.push({ name: 'finish background tasks', fn: () => ctx.background.drain() })
    const { jobs, metrics } = ctx
    registerProcessGauges(ctx)
    for (const m of modules) {
      const started = performance.now()
      await m.init?.(ctx)
      log.debug(`init ${m.name} (${Math.round(performance.now() - started)} ms)`)
    }

    // The job queues are created while the demo data loads (a seed that enqueues waits for them);
    // both are on the way to ready, and neither needs the other.
    const jobsStarted = performance.now()
    const jobsStarting = jobs.start(ctx).then(() => {
      log.debug(`job workers started (${Math.round(performance.now() - jobsStarted)} ms)`)
    })
    jobsStarting.catch(() => {}) // awaited below; failing while seeds run is reported there
    cleanups.push({ name: 'stop job workers', fn: () => jobs.stop(config.shutdownTimeoutMs) })

    let server: AppFastify | undefined
    let address: string | undefined
    // The HTTP server is built (routes, schemas compiled) while the demo data loads: it is mostly
    // the event loop's work, the seeds mostly the database's. It listens only once the data is in.
    const serverBuilding = web
      ? buildServer(ctx, modules).then(async (s) => {
          // closed here if start-up fails before it listens; once listening, by the step below
          cleanups.push({
            name: 'close the unused HTTP server',
            fn: async () => (address ? undefined : s.close()),
          })
          await s.ready()
          return s
        })
      : undefined
    serverBuilding?.catch(() => {}) // awaited below; failing while seeds run is reported there

    if (config.seedDemoData) await runSeeds(ctx, modules, status)
    await jobsStarting

    let relay: OutboxRelay | undefined
    if (worker) {
      const routes = new Map<string, string[]>()
      for (const m of modules) {
        for (const { route } of m.consumers ?? []) {
          for (const e of route.events) routes.set(e, [...(routes.get(e) ?? []), route.job])
        }
      }
      relay = new OutboxRelay({
        pool: database.pool,
        boss: jobs.boss,
        route: (type) => routes.get(type) ?? [],
        log: log.child({ component: 'outbox' }),
        pollMs: config.outboxPollMs,
        onRelayed: (n) => metrics.outboxRelayed.inc(n),
      })
      await relay.start()
      const r = relay
      cleanups.push({ name: 'stop outbox relay', fn: () => r.stop() })
    }

    if (serverBuilding) {
      server = await serverBuilding
      address = await server.listen({ host: config.http.host, port: config.http.port })
      const s = server
      // Closing first: stop accepting, let in-flight requests finish, then the rest shuts down.
      cleanups.push({ name: 'close HTTP server', fn: () => s.close() })
    }

    let stopping: Promise<void> | undefined
    return {
      ctx,
      server,
      relay,
      address,
      embedded,
      stop: () => {
        stopping ??= undo()
        return stopping
      },
    }
  } catch (err) {
    await undo()
    throw err
  }
}

function registerProcessGauges(ctx: AppContext): void {
  const { registry } = ctx.metrics
  const pool = ctx.pool
  new Gauge({
    name: 'db_pool_connections',
    help: 'Database pool connections by state',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      this.set({ state: 'total' }, pool.totalCount)
      this.set({ state: 'idle' }, pool.idleCount)
      this.set({ state: 'waiting' }, pool.waitingCount)
    },
  })
  new Gauge({
    name: 'job_queue_jobs',
    help: 'Jobs per queue and state (pg-boss counts, refreshed by its monitor)',
    labelNames: ['queue', 'state'],
    registers: [registry],
    async collect() {
      for (const q of await ctx.jobs.queueSummaries()) {
        this.set({ queue: q.name, state: 'queued' }, q.queued)
        this.set({ queue: q.name, state: 'active' }, q.active)
        this.set({ queue: q.name, state: 'failed' }, q.failed)
      }
    },
  })
}
