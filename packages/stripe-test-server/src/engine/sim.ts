import { newId } from '../protocol/ids.ts'
import type { Job, JobKind, State } from './state.ts'
import { PLATFORM, type StoredObject, type StripeEvent } from './types.ts'

export type ObjectKind = StoredObject['object']
export type ObjectOf<K extends ObjectKind> = Extract<StoredObject, { object: K }>

/** Milliseconds since the epoch; tests inject their own to control time. */
export type ClockFn = () => number

export interface PayoutTiming {
  /** 'auto' moves payouts along by themselves; 'manual' leaves them pending for the control API. */
  mode: 'auto' | 'manual'
  inTransitAfterMs: number
  paidAfterMs: number
}

export interface SimConfig {
  secretKey: string
  apiVersion: string
  /** How long charge funds stay pending before they are available (0 = immediately). */
  settlementDelayMs: number
  /** How long a bank debit (SEPA, ACH) stays `processing` before it succeeds or fails. */
  asyncPaymentDelayMs: number
  payouts: PayoutTiming
  /** Stripe's processing fee on each successful charge: basis points of the amount plus a fixed part. */
  fees: { percentBps: number; fixed: number }
}

/** Where a state change came from; copied into events' `request` field. */
export interface Origin {
  requestId: string | null
  idempotencyKey: string | null
}

export const NO_ORIGIN: Origin = { requestId: null, idempotencyKey: null }

export type JobHandler = (sim: Sim, ref: string) => void

export interface EventSink {
  publish(event: StripeEvent): number
}

/**
 * The stateful core shared by every resource: objects and their owners, the clock, events and
 * scheduled work. It knows nothing about HTTP.
 */
export class Sim {
  state: State
  readonly config: SimConfig
  baseUrl = ''
  private readonly clock: ClockFn
  private readonly jobHandlers = new Map<JobKind, JobHandler>()
  private sink: EventSink = { publish: () => 0 }
  private readonly changeListeners: Array<() => void> = []

  constructor(state: State, config: SimConfig, clock: ClockFn) {
    this.state = state
    this.config = config
    this.clock = clock
  }

  nowMs(): number {
    return this.clock() + this.state.clockOffsetMs
  }

  nowSec(): number {
    return Math.floor(this.nowMs() / 1000)
  }

  setEventSink(sink: EventSink): void {
    this.sink = sink
  }

  onChange(listener: () => void): void {
    this.changeListeners.push(listener)
  }

  changed(): void {
    for (const l of this.changeListeners) l()
  }

  /**
   * Objects by kind and by kind and owner, so that lists and balances walk only their own kind
   * (over a long run a walk over every object on each request was quadratic). Rebuilt when the
   * state is replaced (reset, restore) or an object was deleted behind its back.
   */
  private index: { state: State; size: number; byKey: Map<string, Map<string, StoredObject>> } | null = null

  private indexed(): Map<string, Map<string, StoredObject>> {
    const { objects, owners } = this.state
    if (this.index?.state !== this.state || this.index.size !== objects.size) {
      const byKey = new Map<string, Map<string, StoredObject>>()
      for (const obj of objects.values()) addTo(byKey, obj, owners.get(obj.id))
      this.index = { state: this.state, size: objects.size, byKey }
    }
    return this.index.byKey
  }

  put<T extends StoredObject>(obj: T, owner: string): T {
    const index =
      this.index?.state === this.state && this.index.size === this.state.objects.size ? this.index : null
    const before = this.state.objects.get(obj.id)
    const ownerBefore = this.state.owners.get(obj.id)
    this.state.objects.set(obj.id, obj)
    this.state.owners.set(obj.id, owner)
    if (!index) this.index = null
    else if (before === undefined) {
      addTo(index.byKey, obj, owner)
      index.size++
    } else if (before.object === obj.object && ownerBefore === owner) {
      addTo(index.byKey, obj, owner) // the same place in its buckets, the new value
    } else this.index = null
    return obj
  }

  find(id: string): StoredObject | undefined {
    return this.state.objects.get(id)
  }

  ownerOf(id: string): string | undefined {
    return this.state.owners.get(id)
  }

  /** The object if it exists, has this kind and is visible to `owner`. */
  get<K extends ObjectKind>(kind: K, id: string, owner: string): ObjectOf<K> | undefined {
    const obj = this.state.objects.get(id)
    if (!obj || obj.object !== kind || this.state.owners.get(id) !== owner) return undefined
    return obj as ObjectOf<K>
  }

  /** All objects of a kind visible to `owner` (any owner when undefined), newest first. */
  all<K extends ObjectKind>(kind: K, owner?: string): Array<ObjectOf<K>> {
    const bucket = this.indexed().get(owner === undefined ? kind : `${kind}\u0000${owner}`)
    return bucket ? ([...bucket.values()] as Array<ObjectOf<K>>).reverse() : []
  }

  /**
   * Records an event for a change and hands it to webhook delivery. Events about a connected
   * account's objects carry `account`, as Connect webhooks do.
   */
  emit(
    type: string,
    object: StoredObject,
    owner: string,
    origin: Origin,
    previous?: Record<string, unknown>,
  ) {
    const event: StripeEvent = {
      id: newId('evt'),
      object: 'event',
      api_version: this.config.apiVersion,
      created: this.nowSec(),
      data: { object: structuredClone(object) },
      livemode: false,
      pending_webhooks: 0,
      request: { id: origin.requestId, idempotency_key: origin.idempotencyKey },
      type,
    }
    if (owner !== PLATFORM) event.account = owner
    if (previous && Object.keys(previous).length > 0) event.data.previous_attributes = previous
    this.put(event, owner)
    event.pending_webhooks = this.sink.publish(event)
    return event
  }

  registerJob(kind: JobKind, handler: JobHandler): void {
    this.jobHandlers.set(kind, handler)
  }

  schedule(kind: JobKind, ref: string, delayMs: number): Job {
    const job: Job = { id: newId('job'), kind, ref, dueAtMs: this.nowMs() + Math.max(0, delayMs) }
    this.state.jobs.push(job)
    return job
  }

  cancelJobs(ref: string, kind?: JobKind): void {
    this.state.jobs = this.state.jobs.filter((j) => j.ref !== ref || (kind !== undefined && j.kind !== kind))
  }

  /** Runs jobs that are due now (or all of a kind when `force`); returns how many ran. */
  runDueJobs(filter?: { kind?: JobKind; ref?: string; force?: boolean }): number {
    let ran = 0
    // Jobs can schedule further jobs (in transit → paid), so loop until nothing is due.
    for (let guard = 0; guard < 1000; guard++) {
      const now = this.nowMs()
      const due = this.state.jobs
        .filter((j) => (filter?.force ? true : j.dueAtMs <= now))
        .filter((j) => (filter?.kind ? j.kind === filter.kind : true))
        .filter((j) => (filter?.ref ? j.ref === filter.ref : true))
        .sort((a, b) => a.dueAtMs - b.dueAtMs)
      const job = due[0]
      if (!job) break
      this.state.jobs = this.state.jobs.filter((j) => j.id !== job.id)
      this.jobHandlers.get(job.kind)?.(this, job.ref)
      ran++
    }
    if (ran > 0) this.changed()
    return ran
  }
}

function addTo(byKey: Map<string, Map<string, StoredObject>>, obj: StoredObject, owner: string | undefined) {
  for (const key of owner === undefined ? [obj.object] : [obj.object, `${obj.object}\u0000${owner}`]) {
    let bucket = byKey.get(key)
    if (!bucket) {
      bucket = new Map()
      byKey.set(key, bucket)
    }
    bucket.set(obj.id, obj)
  }
}
