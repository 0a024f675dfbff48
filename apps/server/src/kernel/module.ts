import type { IncomingMessage, ServerResponse } from 'node:http'
import type { FastifyInstance, RawServerDefault } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import type { AppContext } from './context.ts'
import type { AnyJobDefinition } from './jobs/define-job.ts'
import type { Logger } from './logger.ts'
import type { Consumer } from './outbox/events.ts'

export type AppFastify = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  Logger,
  ZodTypeProvider
>

/** A step of demo/reference data. Runs once per `version`; must itself be safe to re-run. */
export interface SeedStep {
  name: string
  version: number
  description: string
  /**
   * The steps whose data this one reads. Without it the step waits for every step listed before
   * it; with it, it starts as soon as those are done, alongside the others (start-up stays short
   * as marketplaces add demo data).
   */
  after?: readonly string[]
  run(
    ctx: AppContext,
    progress: (done: number, total: number) => void,
  ): Promise<Record<string, unknown> | undefined>
}

/**
 * A bounded context of the platform. `src/modules/index.ts` lists them; the app wires their
 * routes, jobs, event consumers and seeds. A module owns its tables (its SQL schemas) and exposes
 * its services through its own `index.ts`; no other module names its tables.
 */
export interface AppModule {
  name: string
  /**
   * The PostgreSQL schemas this module owns. Only its code may name their tables: its transaction
   * type is built from them, and modules/boundaries.test.ts checks the sources.
   */
  schemas?: readonly string[]
  routes?: (app: AppFastify, ctx: AppContext) => void | Promise<void>
  jobs?: readonly AnyJobDefinition<AppContext>[]
  /** Outbox consumers (`defineConsumer`): jobs of this module that receive the listed event types. */
  consumers?: readonly Consumer[]
  seeds?: readonly SeedStep[]
  /** Called once at start-up, before routes: attach providers to `ctx.services`. */
  init?: (ctx: AppContext) => void | Promise<void>
  /** Operator commands this module adds to the CLI. */
  commands?: readonly CliCommand[]
  /** Lines for the start-up banner (how to use this module), printed after the URLs. */
  banner?: (ctx: AppContext) => string[]
  /** Called on shutdown after HTTP and workers stopped, before the main pool closes. */
  stop?: (ctx: AppContext) => Promise<void>
}

/** What a module's command gets to talk to the operator. */
export interface CliTools {
  out(line?: string): void
  /** A progress bar: call the returned function with (step, done, total) as work advances. */
  progress(label: string): (step: string, done: number, total: number) => void
  /** Ends any progress bar (before printing results). */
  done(): void
}

/** An operator command (`npm run cli -- <name>`), run with a full app context. */
export interface CliCommand {
  name: string
  description: string
  /** Returns the exit code. */
  run(ctx: AppContext, tools: CliTools, args: readonly string[]): Promise<number>
}

/** Every job of the modules: their own and their consumers'. */
export function jobsOf(modules: readonly AppModule[]): AnyJobDefinition<AppContext>[] {
  return modules.flatMap((m) => [...(m.jobs ?? []), ...(m.consumers ?? []).map((c) => c.job)])
}
