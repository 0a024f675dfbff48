import pg from 'pg'
import type { Logger } from '../../../kernel/logger.ts'

/**
 * Principals of sessions, kept for a few seconds so that a signed-in request does not read its
 * session first. Correct only while it hears about changes: a dedicated connection LISTENs to
 * `identity_changed` (migration 0012: a session revoked, an account suspended, a role granted or
 * taken — sent at commit by triggers), and the person's cached sessions are forgotten at once. If
 * that connection drops, the cache empties and stays unused until it listens again; every entry
 * also expires after `ttlMs`.
 */
export interface CachedSession<T> {
  userId: string
  value: T
  cachedAt: number
}

export class SessionCache<T> {
  readonly #url: string
  readonly #ttlMs: number
  readonly #max: number
  readonly #log: Logger
  readonly #entries = new Map<string, CachedSession<T>>()
  readonly #byUser = new Map<string, Set<string>>()
  #client: pg.Client | undefined
  #listening = false
  #stopped = false
  #retry: NodeJS.Timeout | undefined

  constructor(options: { url: string; ttlMs: number; max?: number; log: Logger }) {
    this.#url = options.url
    this.#ttlMs = options.ttlMs
    this.#max = options.max ?? 20_000
    this.#log = options.log
  }

  get listening(): boolean {
    return this.#listening
  }

  async start(): Promise<void> {
    if (this.#stopped || this.#ttlMs <= 0) return
    const client = new pg.Client({ connectionString: this.#url, application_name: 'session-cache' })
    client.on('notification', (n) => {
      if (n.payload) this.forgetUser(n.payload)
    })
    const lost = (err?: unknown) => {
      if (this.#client !== client) return
      this.#listening = false
      this.clear()
      this.#client = undefined
      client.end().catch(() => {})
      if (this.#stopped) return
      this.#log.warn({ err }, 'session cache: lost its LISTEN connection; not caching until it is back')
      this.#retry = setTimeout(() => void this.start().catch(() => {}), 1000)
    }
    client.on('error', lost)
    client.on('end', () => lost())
    this.#client = client
    try {
      await client.connect()
      await client.query('listen identity_changed')
      this.#listening = true
    } catch (err) {
      lost(err)
    }
  }

  get(key: string, now = Date.now()): T | undefined {
    if (!this.#listening) return undefined
    const entry = this.#entries.get(key)
    if (!entry) return undefined
    if (now - entry.cachedAt > this.#ttlMs) {
      this.#drop(key, entry.userId)
      return undefined
    }
    return entry.value
  }

  set(key: string, userId: string, value: T, now = Date.now()): void {
    if (!this.#listening) return
    if (this.#entries.size >= this.#max) this.clear()
    this.#entries.set(key, { userId, value, cachedAt: now })
    const keys = this.#byUser.get(userId) ?? new Set<string>()
    keys.add(key)
    this.#byUser.set(userId, keys)
  }

  forgetUser(userId: string): void {
    for (const key of this.#byUser.get(userId) ?? []) this.#entries.delete(key)
    this.#byUser.delete(userId)
  }

  forget(key: string): void {
    const entry = this.#entries.get(key)
    if (entry) this.#drop(key, entry.userId)
  }

  clear(): void {
    this.#entries.clear()
    this.#byUser.clear()
  }

  async stop(): Promise<void> {
    this.#stopped = true
    this.#listening = false
    clearTimeout(this.#retry)
    const client = this.#client
    this.#client = undefined
    this.clear()
    await client?.end().catch(() => {})
  }

  #drop(key: string, userId: string) {
    this.#entries.delete(key)
    this.#byUser.get(userId)?.delete(key)
  }
}
