import type { Logger } from './logger.ts'

/**
 * Work started by a request that must not delay its response (sending a sign-in code, say).
 * Tracked so that shutdown waits for it; failures are logged, never thrown at the caller.
 */
export class BackgroundTasks {
  readonly #pending = new Set<Promise<void>>()
  readonly #log: Logger
  constructor(log: Logger) {
    this.#log = log
  }

  run(name: string, task: () => Promise<void>): void {
    const p = task()
      .catch((err) => this.#log.error({ err, task: name }, `background task failed: ${name}`))
      .finally(() => this.#pending.delete(p))
    this.#pending.add(p)
  }

  get pending(): number {
    return this.#pending.size
  }

  /** Resolves when everything started so far has finished. */
  async drain(): Promise<void> {
    while (this.#pending.size > 0) await Promise.allSettled([...this.#pending])
  }
}
