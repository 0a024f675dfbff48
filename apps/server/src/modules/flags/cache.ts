import pg from 'pg'
import type { AppContext } from '../../kernel/context.ts'
import { detachedFromTransaction } from '../../kernel/db/nested-connections.ts'
import { inTransaction, systemActor } from '../../kernel/db/transaction.ts'
import type { FlagsDatabase, FlagsTx } from './database.ts'
import type { FlagDefinition, FlagRule, FlagValue } from './evaluate.ts'

/** A row of flags.flags as evaluation holds it. */
export function definitionOf(row: {
  key: string
  kind: string
  variants: unknown
  default_variant: string
  rollout_variant: string
  enabled: boolean
  rules: unknown
  rollout_bp: number
  client_visible: boolean
  version: number
}): FlagDefinition {
  return {
    key: row.key,
    kind: row.kind as FlagDefinition['kind'],
    variants: row.variants as Record<string, FlagValue>,
    defaultVariant: row.default_variant,
    rolloutVariant: row.rollout_variant,
    enabled: row.enabled,
    rules: row.rules as FlagRule[],
    rolloutBp: row.rollout_bp,
    clientVisible: row.client_visible,
    version: row.version,
  }
}

export async function loadDefinitions(tx: FlagsTx): Promise<Map<string, FlagDefinition>> {
  const rows = await tx.selectFrom('flags.flags').selectAll().execute()
  return new Map(rows.map((r) => [r.key, definitionOf(r)]))
}

/**
 * Every flag, held in memory so an evaluation is a map look-up and a hash (microseconds). Entries
 * live `ttlMs` at most; a change made by this process invalidates at once (`invalidate`, after its
 * commit), and other processes hear of it through LISTEN `flags_changed` (migration 0084's
 * trigger, sent at commit). If that connection is lost, the TTL alone bounds staleness.
 */
export class FlagCache {
  readonly #ctx: Pick<AppContext, 'db' | 'databaseUrl' | 'log'>
  readonly #ttlMs: number
  #flags: Map<string, FlagDefinition> | null = null
  #loadedAt = 0
  #generation = 0
  #loading: Promise<Map<string, FlagDefinition>> | null = null
  #client: pg.Client | undefined
  #stopped = false
  /** How many times the flags were read from the database (tests and the bench look). */
  loads = 0

  constructor(ctx: Pick<AppContext, 'db' | 'databaseUrl' | 'log'>, options: { ttlMs?: number } = {}) {
    this.#ctx = ctx
    this.#ttlMs = options.ttlMs ?? 2000
  }

  /**
   * The current flags. Only a cache that holds nothing (never read, or a change was heard) waits
   * for the database; one that is merely past its TTL answers from memory and reads again in the
   * background. Why: evaluations run inside transactions. Waiting there for a second pool
   * connection, while other transactions hold every connection and wait on this one's locks,
   * starves the pool until its connection timeout (20 concurrent fraud detector runs did).
   */
  async all(): Promise<Map<string, FlagDefinition>> {
    return this.peek() ?? this.#load()
  }

  /** Reads the flags again without anyone waiting; a failure keeps the last flags for one more TTL. */
  #refresh(): void {
    detachedFromTransaction(() => this.#load()).catch((err) => {
      this.#loadedAt = Date.now()
      this.#ctx.log.warn({ err }, 'flags cache: reading the flags failed; serving the last ones read')
    })
  }

  /**
   * The flags held in memory, never waiting for the database: null when none are held (never read,
   * or a change was heard and the new read has not finished). Past its TTL it reads again behind.
   */
  peek(): Map<string, FlagDefinition> | null {
    const flags = this.#flags
    if (flags && Date.now() - this.#loadedAt >= this.#ttlMs && !this.#loading) this.#refresh()
    return flags
  }

  async get(key: string): Promise<FlagDefinition | undefined> {
    return (await this.all()).get(key)
  }

  /**
   * Forgets every flag and starts reading them again at once, so the next evaluation (perhaps
   * inside a transaction) finds the read under way or done rather than starting it.
   */
  invalidate(): void {
    this.#generation++
    this.#flags = null
    this.#loading = null
    if (!this.#stopped) this.#refresh()
  }

  #load(): Promise<Map<string, FlagDefinition>> {
    if (this.#loading) return this.#loading
    const generation = this.#generation
    const loading = inTransaction<Map<string, FlagDefinition>, FlagsDatabase>(
      this.#ctx.db,
      systemActor('flags.cache'),
      (tx) => loadDefinitions(tx),
    ).then(
      (flags) => {
        this.loads++
        if (this.#loading === loading) this.#loading = null
        // a change heard while reading: serve what was read, but read again next time
        if (generation === this.#generation) {
          this.#flags = flags
          this.#loadedAt = Date.now()
        }
        return flags
      },
      (err) => {
        if (this.#loading === loading) this.#loading = null
        throw err
      },
    )
    this.#loading = loading
    return loading
  }

  /** Listens to `flags_changed` on a dedicated connection (servers only). */
  async listen(): Promise<void> {
    if (this.#stopped) return
    const client = new pg.Client({ connectionString: this.#ctx.databaseUrl, application_name: 'flags-cache' })
    client.on('notification', () => this.invalidate())
    const lost = (err?: unknown) => {
      if (this.#client !== client) return
      this.#client = undefined
      client.end().catch(() => {})
      if (!this.#stopped) this.#ctx.log.warn({ err }, 'flags cache: LISTEN connection lost; TTL only')
    }
    client.on('error', lost)
    client.on('end', () => lost())
    this.#client = client
    try {
      await client.connect()
      await client.query('listen flags_changed')
    } catch (err) {
      lost(err)
    }
  }

  async stop(): Promise<void> {
    this.#stopped = true
    const client = this.#client
    this.#client = undefined
    await client?.end().catch(() => {})
  }
}
