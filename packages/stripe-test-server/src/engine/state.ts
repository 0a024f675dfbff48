import { newId } from '../protocol/ids.ts'
import type { AccountLinkRecord, StoredObject } from './types.ts'

export type JobKind =
  | 'async_payment'
  | 'refund_settle'
  | 'payout_in_transit'
  | 'payout_paid'
  | 'subscription_cycle'
  | 'invoice_retry'

/** Work due at a time of the injectable clock (async debits settle, payouts arrive, …). */
export interface Job {
  id: string
  kind: JobKind
  ref: string
  dueAtMs: number
}

export interface SavedResponse {
  status: number
  body: string
  headers: Record<string, string>
  requestId: string
}

/** One idempotency key's record; `response` is null while the first request is still running. */
export interface IdempotencyEntry {
  method: string
  path: string
  fingerprint: string
  createdAtMs: number
  response: SavedResponse | null
}

export interface DeliveryAttempt {
  at: string
  status: number | null
  error: string | null
  durationMs: number
}

export interface Delivery {
  id: string
  eventId: string
  eventType: string
  url: string
  status: 'pending' | 'succeeded' | 'failed'
  attempts: DeliveryAttempt[]
}

export interface State {
  platformAccountId: string
  clockOffsetMs: number
  /** Every API object by id, in creation order (lists walk it backwards: newest first). */
  objects: Map<string, StoredObject>
  /** Who may see an object: 'platform' or the connected account's id. */
  owners: Map<string, string>
  accountLinks: Map<string, AccountLinkRecord>
  idempotency: Map<string, IdempotencyEntry>
  jobs: Job[]
  deliveries: Delivery[]
}

export function createState(): State {
  return {
    platformAccountId: newId('acct'),
    clockOffsetMs: 0,
    objects: new Map(),
    owners: new Map(),
    accountLinks: new Map(),
    idempotency: new Map(),
    jobs: [],
    deliveries: [],
  }
}

interface SerializedState {
  format: 'stripe-test-server/1'
  platformAccountId: string
  clockOffsetMs: number
  objects: Array<[string, StoredObject]>
  owners: Array<[string, string]>
  accountLinks: Array<[string, AccountLinkRecord]>
  idempotency: Array<[string, IdempotencyEntry]>
  jobs: Job[]
  deliveries: Delivery[]
}

export function serializeState(state: State): string {
  const data: SerializedState = {
    format: 'stripe-test-server/1',
    platformAccountId: state.platformAccountId,
    clockOffsetMs: state.clockOffsetMs,
    objects: [...state.objects],
    owners: [...state.owners],
    accountLinks: [...state.accountLinks],
    // A request that was running when we saved never finished; its key must be usable again.
    idempotency: [...state.idempotency].filter(([, e]) => e.response !== null),
    jobs: state.jobs,
    deliveries: state.deliveries,
  }
  return JSON.stringify(data)
}

export function deserializeState(text: string): State {
  const data = JSON.parse(text) as SerializedState
  if (data.format !== 'stripe-test-server/1') throw new Error(`unknown state format: ${String(data.format)}`)
  return {
    platformAccountId: data.platformAccountId,
    clockOffsetMs: data.clockOffsetMs,
    objects: new Map(data.objects),
    owners: new Map(data.owners),
    accountLinks: new Map(data.accountLinks),
    idempotency: new Map(data.idempotency),
    jobs: data.jobs,
    deliveries: data.deliveries,
  }
}
