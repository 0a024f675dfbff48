import type pg from 'pg'
import type { AppConfig } from '../config/config.ts'
import type { BackgroundTasks } from './background.ts'
import type { Clock } from './clock.ts'
import type { Db } from './db/database.ts'
import type { Authenticator } from './http/access.ts'
import type { Metrics } from './http/metrics.ts'
import type { JobRunner } from './jobs/job-runner.ts'
import type { Logger } from './logger.ts'

/**
 * Everything a module needs from the running process, passed in explicitly (no singletons in
 * domain code). Modules add their own providers through `AppServices` (declaration merging).
 */
export interface AppContext {
  config: AppConfig
  /**
   * What this process is: the server (HTTP and/or workers) or an operator's tool (CLI, benchmark).
   * Tools share the modules but start nothing of their own (no demo payment server, for example).
   */
  entry: 'server' | 'tool'
  /** Built without a database (the OpenAPI document): `init` must not query. */
  offline?: boolean
  log: Logger
  clock: Clock
  db: Db
  pool: pg.Pool
  /** Where the database is, for modules that need a connection of their own. */
  databaseUrl: string
  jobs: JobRunner<AppContext>
  metrics: Metrics
  auth: Authenticator
  background: BackgroundTasks
  services: AppServices
}

/** Extended by modules, e.g. `declare module '../../kernel/context.ts' { interface AppServices { mail: Mailer } }`. */
// biome-ignore lint/suspicious/noEmptyInterface: filled in by modules through declaration merging
export interface AppServices {}
