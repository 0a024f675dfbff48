import { type Db as BossDb, type Job, type JobResult, PgBoss } from 'pg-boss'
import { ZodError } from 'zod'
import { JOBS_SCHEMA } from '../db/migrate.ts'
import type { Logger } from '../logger.ts'
import { type AnyJobDefinition, deadLetterQueueOf, NonRetryableJobError } from './define-job.ts'

export interface JobRunnerOptions {
  url: string
  /** Run handlers and cron schedules in this process. */
  work: boolean
  log: Logger
  poolMax?: number
  pollingIntervalSeconds?: number
  onJobFinished?: (queue: string, outcome: 'completed' | 'failed', seconds: number) => void
}

export interface DeadJob {
  id: string
  queue: string
  sourceQueue: string | null
  data: unknown
  error: unknown
  retryCount: number
  createdOn: Date
}

/**
 * The process's handle on pg-boss. Every process can enqueue and administer jobs; only processes
 * in the `worker` role run handlers and schedules (`work: true`). pg-boss fetches with SKIP
 * LOCKED, so several workers against one database never run the same job twice.
 */
export class JobRunner<TDeps> {
  readonly boss: PgBoss
  readonly #catalog: Map<string, AnyJobDefinition<TDeps>>
  readonly #options: JobRunnerOptions
  #deps: TDeps | undefined
  #started = false
  #starting: Promise<void> | undefined

  constructor(catalog: readonly AnyJobDefinition<TDeps>[], options: JobRunnerOptions) {
    this.#catalog = new Map(catalog.map((d) => [d.name, d]))
    this.#options = options
    this.boss = new PgBoss({
      connectionString: options.url,
      schema: JOBS_SCHEMA,
      max: options.poolMax ?? 4,
      application_name: options.work ? 'jobs-worker' : 'jobs-client',
      supervise: options.work,
      schedule: options.work,
      migrate: false,
      useListenNotify: options.work,
      instanceName: options.work ? 'worker' : 'web',
    })
    this.boss.on('error', (err) => options.log.error({ err }, 'job queue error'))
  }

  get catalog(): readonly AnyJobDefinition<TDeps>[] {
    return [...this.#catalog.values()]
  }

  definition(name: string): AnyJobDefinition<TDeps> | undefined {
    return this.#catalog.get(name)
  }

  /**
   * Starts pg-boss and creates every queue of the catalog with its dead-letter queue. Work enqueued
   * meanwhile waits for it (start-up loads the demo data while the queues are being created).
   */
  start(deps: TDeps): Promise<void> {
    this.#starting ??= this.#start(deps)
    return this.#starting
  }

  /** Enqueuing needs the queues; before `start` was called, pg-boss answers for itself. */
  async #ready(): Promise<void> {
    if (this.#starting) await this.#starting
  }

  async #start(deps: TDeps): Promise<void> {
    this.#deps = deps
    await this.boss.start()
    this.#started = true
    const existing = new Set((await this.boss.getQueues()).map((q) => q.name))
    // the queues side by side, a few at a time (one after another cost a third of a second at
    // start-up with 45 kinds of job)
    const defs = [...this.#catalog.values()]
    const prepare = async (def: (typeof defs)[number]) => {
      const dead = deadLetterQueueOf(def.name)
      if (!existing.has(dead)) await this.boss.createQueue(dead, { retentionSeconds: 60 * 60 * 24 * 30 })
      const options = {
        retryLimit: def.retry.limit,
        retryDelay: def.retry.delaySeconds,
        retryBackoff: def.retry.backoff,
        ...(def.retry.maxDelaySeconds ? { retryDelayMax: def.retry.maxDelaySeconds } : {}),
        expireInSeconds: def.timeoutSeconds,
        deadLetter: dead,
        notify: true,
      }
      if (existing.has(def.name)) await this.boss.updateQueue(def.name, options)
      else await this.boss.createQueue(def.name, options)
    }
    for (let i = 0; i < defs.length; i += 6) await Promise.all(defs.slice(i, i + 6).map(prepare))
    if (!this.#options.work) return
    for (const def of this.#catalog.values()) {
      const polling = this.#options.pollingIntervalSeconds ?? 2
      await this.boss.work<
        unknown,
        unknown,
        {
          localConcurrency: number
          batchSize: number
          perJobResults: true
          burstWhenBatchFull: true
          pollingIntervalSeconds: number
          notifyPollingIntervalSeconds: number
        }
      >(
        def.name,
        {
          localConcurrency: def.concurrency ?? 2,
          // Batches with per-job results: one fetch serves several jobs, and each job succeeds,
          // retries or dead-letters on its own. A full batch makes the worker fetch again at once.
          batchSize: def.batchSize ?? 5,
          perJobResults: true,
          burstWhenBatchFull: true,
          pollingIntervalSeconds: polling,
          // retries become due without a NOTIFY, so the notify-mode poll must stay short too
          notifyPollingIntervalSeconds: polling,
        },
        (jobs: Job<unknown>[]) =>
          def.batchHandler && jobs.length > 1
            ? this.#handleBatch(def, jobs)
            : Promise.all(jobs.map((job) => this.#handle(def, job))),
      )
      if (def.schedule) {
        await this.boss.schedule(def.name, def.schedule.cron, def.schedule.payload as object, {
          tz: def.schedule.tz ?? 'UTC',
        })
      }
    }
  }

  /**
   * A batch through the definition's `batchHandler`: every job completes with its own output, or,
   * when the batch throws, each job runs alone through `handler` (a poison job then fails by
   * itself). Payloads that do not parse never enter the batch: they dead-letter on their own.
   */
  async #handleBatch(def: AnyJobDefinition<TDeps>, jobs: Job<unknown>[]): Promise<JobResult[]> {
    const results: JobResult[] = []
    const ready: { job: Job<unknown>; payload: unknown }[] = []
    for (const job of jobs) {
      const parsed = def.payload.safeParse(job.data)
      if (parsed.success) ready.push({ job, payload: parsed.data })
      else results.push(await this.#handle(def, job))
    }
    if (ready.length < 2)
      return [...results, ...(await Promise.all(ready.map(({ job }) => this.#handle(def, job))))]
    const log = this.#options.log.child({ job: def.name, batch: ready.length })
    const started = performance.now()
    try {
      const outputs = await def.batchHandler!(
        ready.map(({ job, payload }) => ({
          payload,
          run: {
            id: job.id,
            name: def.name,
            retryCount: job.retryCount,
            signal: job.signal,
            log: log.child({ job_id: job.id, attempt: job.retryCount + 1 }),
          },
        })),
        this.#deps as TDeps,
      )
      if (outputs.length !== ready.length) {
        throw new Error(`batchHandler returned ${outputs.length} outputs for ${ready.length} jobs`)
      }
      // each job waited for the whole batch: that is its duration
      const seconds = (performance.now() - started) / 1000
      return [
        ...results,
        ...ready.map(({ job }, i) => {
          this.#options.onJobFinished?.(def.name, 'completed', seconds)
          return { id: job.id, status: 'completed' as const, output: (outputs[i] ?? null) as object }
        }),
      ]
    } catch (err) {
      log.warn({ err }, 'batch failed: running its jobs one by one')
      const one: JobResult[] = []
      for (const { job } of ready) one.push(await this.#handle(def, job))
      return [...results, ...one]
    }
  }

  async #handle(def: AnyJobDefinition<TDeps>, job: Job<unknown>): Promise<JobResult> {
    const log = this.#options.log.child({ job: def.name, job_id: job.id, attempt: job.retryCount + 1 })
    const started = performance.now()
    const finished = (outcome: 'completed' | 'failed') =>
      this.#options.onJobFinished?.(def.name, outcome, (performance.now() - started) / 1000)
    try {
      const payload = def.payload.parse(job.data)
      const output = await def.handler(payload, this.#deps as TDeps, {
        id: job.id,
        name: def.name,
        retryCount: job.retryCount,
        signal: job.signal,
        log,
      })
      finished('completed')
      return { id: job.id, status: 'completed', output: (output ?? null) as object }
    } catch (err) {
      finished('failed')
      // A payload that does not parse, or a failure the handler marks final, will not get better
      // by retrying: straight to the dead-letter queue.
      const final = err instanceof ZodError || err instanceof NonRetryableJobError
      log.warn({ err }, final ? 'job failed permanently' : 'job attempt failed')
      const error = err as Error
      return {
        id: job.id,
        status: final ? 'deadletter' : 'failed',
        output: { name: error.name, message: error.message },
      }
    }
  }

  /**
   * Enqueues a job. Pass `db` (from `fromKysely(tx)`) to enqueue inside your transaction; prefer
   * emitting a domain event through the outbox when the work reacts to a state change.
   */
  async enqueue(
    name: string,
    payload: unknown,
    options: { db?: BossDb; startAfter?: Date | number; singletonKey?: string } = {},
  ): Promise<string | null> {
    const def = this.#catalog.get(name)
    if (!def) throw new Error(`Unknown job ${name}`)
    const data = def.payload.parse(payload) as object
    await this.#ready()
    return this.boss.send(name, data, {
      ...(options.db ? { db: options.db } : {}),
      ...(options.startAfter !== undefined ? { startAfter: options.startAfter } : {}),
      ...(options.singletonKey ? { singletonKey: options.singletonKey } : {}),
    })
  }

  /**
   * Enqueues many jobs of one kind in one statement (same options as `enqueue`, a singleton key per
   * job). Duplicates of a singleton key are skipped, as with `enqueue`.
   */
  async enqueueMany(
    name: string,
    jobs: readonly { payload: unknown; singletonKey?: string; startAfter?: Date }[],
    options: { db?: BossDb } = {},
  ): Promise<void> {
    if (jobs.length === 0) return
    const def = this.#catalog.get(name)
    if (!def) throw new Error(`Unknown job ${name}`)
    await this.#ready()
    await this.boss.insert(
      name,
      jobs.map((j) => ({
        data: def.payload.parse(j.payload) as object,
        ...(j.singletonKey ? { singletonKey: j.singletonKey } : {}),
        ...(j.startAfter ? { startAfter: j.startAfter } : {}),
      })),
      options.db ? { db: options.db } : undefined,
    )
  }

  /** Runs a job's handler in this process right now (operators' "run now"); no queue involved. */
  async runInline(name: string, payload: unknown, log: Logger): Promise<unknown> {
    const def = this.#catalog.get(name)
    if (!def) throw new Error(`Unknown job ${name}; known jobs: ${[...this.#catalog.keys()].join(', ')}`)
    const parsed = def.payload.parse(payload)
    return def.handler(parsed, this.#deps as TDeps, {
      id: 'inline',
      name,
      retryCount: 0,
      signal: new AbortController().signal,
      log,
    })
  }

  async queueSummaries() {
    const queues = await this.boss.getQueues()
    return queues.map((q) => ({
      name: q.name,
      queued: q.queuedCount,
      active: q.activeCount,
      failed: q.failedCount,
      deferred: q.deferredCount,
      total: q.totalCount,
    }))
  }

  /** Jobs that exhausted their retries, newest last. */
  async deadJobs(name?: string, limit = 100): Promise<DeadJob[]> {
    const names = name ? [name] : [...this.#catalog.keys()]
    const out: DeadJob[] = []
    for (const n of names) {
      const jobs = await this.boss.findJobs<unknown>(deadLetterQueueOf(n), { queued: true, limit })
      for (const j of jobs) {
        out.push({
          id: j.id,
          queue: n,
          sourceQueue: j.sourceName,
          data: j.data,
          error: j.sourceOutput,
          retryCount: j.sourceRetryCount ?? 0,
          createdOn: j.createdOn,
        })
      }
    }
    return out.sort((a, b) => a.createdOn.getTime() - b.createdOn.getTime())
  }

  /** Moves a dead-lettered job back to its queue for a fresh set of attempts. */
  async retryDead(name: string, deadJobId: string): Promise<boolean> {
    const moved = await this.boss.redrive(deadLetterQueueOf(name), { ids: [deadJobId], destination: name })
    return moved > 0
  }

  /** Stops fetching; waits up to `timeoutMs` for running jobs. Jobs not finished by then expire and are retried. */
  async stop(timeoutMs: number): Promise<void> {
    // stopping during start-up: let the start finish (or fail) first
    if (this.#starting) await this.#starting.catch(() => {})
    if (!this.#started) return
    this.#started = false
    await this.boss.stop({ graceful: true, timeout: timeoutMs, close: true })
  }
}
