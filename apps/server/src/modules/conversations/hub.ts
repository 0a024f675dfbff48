import pg from 'pg'
import type { WebSocket } from 'ws'
import type { AppContext } from '../../kernel/context.ts'
import { inTransaction, systemActor } from '../../kernel/db/transaction.ts'
import { messagesForReaders, readStatesForReaders } from './service.ts'

/** The channel every web process LISTENs on; payloads carry ids only (`{c, m}` or `{c, r}`). */
export const CHANNEL = 'conversations'
const HEARTBEAT_MS = 30_000

interface Notice {
  c: string
  m?: string
  r?: string
}

/**
 * A process's side of the fan-out. Every message insert and read receipt NOTIFYs (in its
 * transaction, so only committed ones); each process LISTENs on one dedicated connection and pushes
 * to the sockets connected to it, reading each message as its reader sees it (masking decided by
 * the subject's module). Long polls of this process wait here too.
 */
export class ConversationHub {
  private client: pg.Client | undefined
  private readonly sockets = new Map<string, Set<WebSocket>>()
  private readonly waiters = new Map<string, Set<() => void>>()
  private stopped = false
  private retryMs = 250
  private heartbeat: NodeJS.Timeout | undefined
  private readonly alive = new WeakSet<WebSocket>()

  private readonly ctx: AppContext

  constructor(ctx: AppContext) {
    this.ctx = ctx
  }

  async start(): Promise<void> {
    await this.connect()
    this.heartbeat = setInterval(() => this.ping(), HEARTBEAT_MS)
    this.heartbeat.unref()
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({
      connectionString: this.ctx.databaseUrl,
      application_name: 'conversations-listen',
    })
    client.on('notification', (n) => {
      if (n.channel === CHANNEL && n.payload) this.onNotice(n.payload)
    })
    const lost = (err?: Error) => {
      if (this.client !== client) return
      this.client = undefined
      if (this.stopped) return
      this.ctx.log.warn({ err }, 'conversations: LISTEN connection lost; reconnecting')
      client.end().catch(() => {})
      setTimeout(() => void this.reconnect(), this.retryMs).unref()
    }
    client.on('error', lost)
    client.on('end', () => lost())
    await client.connect()
    await client.query(`LISTEN ${CHANNEL}`)
    this.client = client
    this.retryMs = 250
  }

  private async reconnect(): Promise<void> {
    if (this.stopped || this.client) return
    try {
      await this.connect()
      // notices sent while we were away are lost: every client reads what it missed
      this.broadcast({ type: 'resync' })
      for (const set of this.waiters.values()) for (const wake of set) wake()
    } catch (err) {
      this.retryMs = Math.min(this.retryMs * 2, 10_000)
      this.ctx.log.warn({ err, retry_ms: this.retryMs }, 'conversations: LISTEN reconnect failed')
      setTimeout(() => void this.reconnect(), this.retryMs).unref()
    }
  }

  /** Registers a signed-in person's socket; returns the function that removes it. */
  add(userId: string, socket: WebSocket): () => void {
    let set = this.sockets.get(userId)
    if (!set) {
      set = new Set()
      this.sockets.set(userId, set)
    }
    set.add(socket)
    this.alive.add(socket)
    socket.on('pong', () => this.alive.add(socket))
    return () => {
      const s = this.sockets.get(userId)
      s?.delete(socket)
      if (s && s.size === 0) this.sockets.delete(userId)
    }
  }

  /** Local sockets (for tests and metrics). */
  get connections(): number {
    let n = 0
    for (const s of this.sockets.values()) n += s.size
    return n
  }

  /**
   * Resolves when something happens in the conversation (a message or a read receipt committed by
   * any process), or after `ms`. Register before reading, then wait: nothing is missed in between.
   */
  waiter(conversationId: string, ms: number): { promise: Promise<void>; cancel: () => void } {
    let set = this.waiters.get(conversationId)
    if (!set) {
      set = new Set()
      this.waiters.set(conversationId, set)
    }
    let wake!: () => void
    const promise = new Promise<void>((resolve) => {
      wake = resolve
    })
    const timer = setTimeout(() => done(), ms)
    const done = () => {
      clearTimeout(timer)
      const s = this.waiters.get(conversationId)
      s?.delete(done)
      if (s && s.size === 0) this.waiters.delete(conversationId)
      wake()
    }
    set.add(done)
    return { promise, cancel: done }
  }

  private pending: Notice[] = []
  private flushing = false

  /**
   * Notices are handled in batches: one transaction reads every message of the batch for every
   * local reader, however many arrived meanwhile (one flush at a time, so under load the batches
   * grow instead of the transactions).
   */
  private onNotice(payload: string): void {
    let notice: Notice
    try {
      notice = JSON.parse(payload) as Notice
    } catch {
      return
    }
    const waiting = this.waiters.get(notice.c)
    if (waiting) for (const wake of [...waiting]) wake()
    if (this.sockets.size === 0) return
    this.pending.push(notice)
    if (!this.flushing) {
      this.flushing = true
      setImmediate(() => void this.flush())
    }
  }

  private async flush(): Promise<void> {
    try {
      while (this.pending.length > 0) {
        const batch = this.pending
        this.pending = []
        const readers = [...this.sockets.keys()]
        const messageIds = batch.filter((n) => n.m).map((n) => n.m!)
        const reads = batch.filter((n) => n.r).map((n) => ({ conversationId: n.c, userId: n.r! }))
        try {
          await inTransaction(this.ctx.db, systemActor('conversations.fanout'), async (tx) => {
            for (const { reader, message } of await messagesForReaders(tx, messageIds, readers)) {
              this.sendTo(reader, {
                type: 'message',
                message: { ...message, created_at: message.created_at.toISOString() },
              })
            }
            for (const { state, readers: to } of await readStatesForReaders(tx, reads, readers)) {
              const event = {
                type: 'read',
                conversation_id: state.conversation_id,
                user_id: state.user_id,
                last_read_message_id: state.last_read_message_id,
                last_read_at: state.last_read_at?.toISOString() ?? null,
              }
              for (const userId of to) this.sendTo(userId, event)
            }
          })
        } catch (err) {
          this.ctx.log.error({ err }, 'conversations: fan-out failed')
        }
      }
    } finally {
      this.flushing = false
    }
  }

  private sendTo(userId: string, event: unknown): void {
    const data = JSON.stringify(event)
    for (const socket of this.sockets.get(userId) ?? []) {
      if (socket.readyState === socket.OPEN) socket.send(data)
    }
  }

  private broadcast(event: unknown): void {
    for (const userId of this.sockets.keys()) this.sendTo(userId, event)
  }

  private ping(): void {
    for (const set of this.sockets.values()) {
      for (const socket of set) {
        if (!this.alive.has(socket)) {
          socket.terminate()
          continue
        }
        this.alive.delete(socket)
        socket.ping()
      }
    }
  }

  async stop(): Promise<void> {
    this.stopped = true
    if (this.heartbeat) clearInterval(this.heartbeat)
    for (const set of this.sockets.values())
      for (const socket of set) socket.close(1001, 'server shutting down')
    this.sockets.clear()
    for (const set of this.waiters.values()) for (const wake of [...set]) wake()
    const client = this.client
    this.client = undefined
    await client?.end().catch(() => {})
  }
}
