import type { z } from 'zod'
import type { Logger } from '../logger.ts'

export interface RetryPolicy {
  /** Attempts after the first one. */
  limit: number
  /** Seconds before the first retry; doubled each time when `backoff` is on (with jitter). */
  delaySeconds: number
  backoff: boolean
  maxDelaySeconds?: number
}

export interface JobRunInfo {
  id: string
  name: string
  retryCount: number
  signal: AbortSignal
}

/**
 * One entry of the job catalog: a named unit of background work with a validated payload, retry
 * policy, timeout and (optionally) a cron schedule. Failed jobs that exhaust their retries land on
 * the queue `<name>.dead` where an operator can inspect and retry them.
 */
export interface JobDefinition<
  TName extends string = string,
  TSchema extends z.ZodType = z.ZodType,
  TDeps = unknown,
> {
  name: TName
  description: string
  payload: TSchema
  retry: RetryPolicy
  timeoutSeconds: number
  /** Workers for this queue in one process (each takes a batch at a time). */
  concurrency?: number
  /** Jobs one worker fetches at once (default 5). */
  batchSize?: number
  schedule?: { cron: string; tz?: string; payload: z.input<TSchema> }
  handler(payload: z.output<TSchema>, deps: TDeps, run: JobRunInfo & { log: Logger }): Promise<unknown>
  /**
   * Optional: handles a whole fetched batch at once (one transaction, set-based work). The runner
   * calls it when it holds two or more jobs whose payloads parse, and expects one output per job,
   * in order. If it throws, the runner runs `handler` on each job of the batch one by one, so a
   * poison job fails (retries, dead-letters) alone and the others complete.
   */
  batchHandler?(jobs: readonly BatchJob<z.output<TSchema>>[], deps: TDeps): Promise<readonly unknown[]>
}

/** One job of a batch handed to `batchHandler`: its parsed payload and its run info. */
export interface BatchJob<T> {
  payload: T
  run: JobRunInfo & { log: Logger }
}

export function defineJob<TName extends string, TSchema extends z.ZodType, TDeps>(
  def: JobDefinition<TName, TSchema, TDeps>,
): JobDefinition<TName, TSchema, TDeps> {
  if (!/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_-]*)+$/.test(def.name)) {
    throw new Error(`Job name ${def.name} must look like "module.verb_noun"`)
  }
  return def
}

/** A definition of any payload type (the catalog holds many). */
export type AnyJobDefinition<TDeps> = JobDefinition<string, z.ZodType, TDeps>

export const deadLetterQueueOf = (name: string) => `${name}.dead`

/** Thrown by a handler when retrying cannot help (bad data, a refused operation): the job is dead-lettered at once. */
export class NonRetryableJobError extends Error {
  override name = 'NonRetryableJobError'
}
