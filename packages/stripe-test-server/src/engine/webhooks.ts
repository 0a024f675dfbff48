import { createHmac } from 'node:crypto'
import { newId } from '../protocol/ids.ts'
import type { Sim } from './sim.ts'
import type { Delivery } from './state.ts'
import type { StripeEvent } from './types.ts'

export interface WebhookEndpoint {
  url: string
  /** The endpoint's signing secret (`whsec_…`). */
  secret: string
  /** Event types to send (`*` or absent: all). */
  events?: string[]
  /**
   * true: only connected-account events (a Connect endpoint); false: only the platform's own
   * events; absent: both (a convenience; on Stripe these are two endpoints with two secrets).
   */
  connect?: boolean
}

export interface WebhookRetryPolicy {
  /** Attempts in total, the first included. */
  maxAttempts: number
  /** Wait before attempt n+1 after attempt n failed (n starts at 1). */
  backoffMs: (attempt: number) => number
  /** How long to wait for the endpoint's answer. */
  timeoutMs: number
}

export type Logger = (message: string, details?: Record<string, unknown>) => void

/** `Stripe-Signature` value: `t=<unix>,v1=<hex HMAC-SHA256 of "t.payload">`. */
export function signatureHeader(payload: string, secret: string, timestampSec: number): string {
  const v1 = createHmac('sha256', secret).update(`${timestampSec}.${payload}`, 'utf8').digest('hex')
  return `t=${timestampSec},v1=${v1}`
}

function wants(endpoint: WebhookEndpoint, event: StripeEvent): boolean {
  if (endpoint.connect === true && event.account === undefined) return false
  if (endpoint.connect === false && event.account !== undefined) return false
  const types = endpoint.events
  return !types || types.length === 0 || types.includes('*') || types.includes(event.type)
}

/**
 * Sends each event to every matching endpoint, signed the way Stripe signs, and retries failures
 * with the configured backoff (real timers: retries are about the receiver, not the simulated clock).
 */
export class WebhookDispatcher {
  endpoints: WebhookEndpoint[]
  private readonly sim: Sim
  private readonly policy: WebhookRetryPolicy
  private readonly log: Logger
  private readonly timers = new Set<NodeJS.Timeout>()
  private readonly aborts = new Set<AbortController>()
  private active = 0
  private waiters: Array<() => void> = []
  private stopped = false
  // Bumped by stop(): callbacks of an older generation no longer count or record anything.
  private generation = 0

  constructor(sim: Sim, endpoints: WebhookEndpoint[], policy: WebhookRetryPolicy, log: Logger) {
    this.sim = sim
    this.endpoints = endpoints
    this.policy = policy
    this.log = log
  }

  publish(event: StripeEvent): number {
    let count = 0
    for (const endpoint of this.endpoints) {
      if (!wants(endpoint, event)) continue
      const delivery: Delivery = {
        id: newId('whd'),
        eventId: event.id,
        eventType: event.type,
        url: endpoint.url,
        status: 'pending',
        attempts: [],
      }
      this.sim.state.deliveries.push(delivery)
      this.later(delivery, 0)
      count++
    }
    return count
  }

  /** Picks up deliveries left pending by a previous run (state loaded from a file). */
  resumePending(): void {
    for (const d of this.sim.state.deliveries) if (d.status === 'pending') this.later(d, 0)
  }

  /** Resolves once no delivery is waiting or running (retries included). */
  idle(): Promise<void> {
    if (this.active === 0) return Promise.resolve()
    return new Promise((resolve) => this.waiters.push(resolve))
  }

  stop(): void {
    this.stopped = true
    this.generation++
    for (const t of this.timers) clearTimeout(t)
    this.timers.clear()
    for (const a of this.aborts) a.abort()
    this.aborts.clear()
    this.active = 0
    this.settleWaiters()
  }

  /** Accepts deliveries again after stop() (used by reset). */
  restart(): void {
    this.stopped = false
  }

  private later(delivery: Delivery, delayMs: number): void {
    if (this.stopped) return
    const generation = this.generation
    this.active++
    const timer = setTimeout(() => {
      this.timers.delete(timer)
      void this.attempt(delivery, generation).finally(() => {
        if (generation !== this.generation) return
        this.active--
        this.settleWaiters()
      })
    }, delayMs)
    this.timers.add(timer)
  }

  private settleWaiters(): void {
    if (this.active > 0) return
    const waiters = this.waiters
    this.waiters = []
    for (const w of waiters) w()
  }

  private async attempt(delivery: Delivery, generation: number): Promise<void> {
    const event = this.sim.find(delivery.eventId) as StripeEvent | undefined
    const endpoint = this.endpoints.find((e) => e.url === delivery.url)
    if (!event || !endpoint) {
      delivery.status = 'failed'
      return
    }
    // Stripe sends pretty-printed JSON; the signature covers these exact bytes.
    const payload = JSON.stringify(event, null, 2)
    const header = signatureHeader(payload, endpoint.secret, Math.floor(Date.now() / 1000))
    const started = performance.now()
    const abort = new AbortController()
    this.aborts.add(abort)
    const timeout = setTimeout(() => abort.abort(), this.policy.timeoutMs)
    let status: number | null = null
    let error: string | null = null
    try {
      const res = await fetch(endpoint.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'stripe-signature': header,
          'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
        },
        body: payload,
        redirect: 'manual',
        signal: abort.signal,
      })
      status = res.status
      await res.arrayBuffer().catch(() => undefined)
    } catch (err) {
      error = abort.signal.aborted
        ? `timed out after ${this.policy.timeoutMs} ms`
        : String((err as Error).message)
    } finally {
      clearTimeout(timeout)
      this.aborts.delete(abort)
    }
    if (generation !== this.generation) return
    delivery.attempts.push({
      at: new Date().toISOString(),
      status,
      error,
      durationMs: Math.round(performance.now() - started),
    })
    const ok = status !== null && status >= 200 && status < 300
    if (ok) {
      delivery.status = 'succeeded'
      event.pending_webhooks = Math.max(0, event.pending_webhooks - 1)
    } else if (delivery.attempts.length >= this.policy.maxAttempts) {
      delivery.status = 'failed'
      this.log('webhook delivery gave up', {
        event: event.id,
        type: event.type,
        url: endpoint.url,
        status,
        error,
      })
    } else {
      this.later(delivery, this.policy.backoffMs(delivery.attempts.length))
    }
    this.sim.changed()
  }
}
