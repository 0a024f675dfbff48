import type { FormHash } from '../protocol/form.ts'
import type { FaultKind } from './faults.ts'

export interface RequestRecord {
  /** Simulated-clock time of the request, ISO 8601. */
  at: string
  method: string
  path: string
  /** Route template (`POST /v1/transfers/:id/reversals`), or null for an unknown URL. */
  route: string | null
  account: string | null
  idempotencyKey: string | null
  /** HTTP status sent, or null when the connection was dropped by a fault. */
  status: number | null
  replayed: boolean
  fault: FaultKind | null
  params: FormHash
}

// Enough history for any test; old entries fall off so a long demo run does not grow forever.
const MAX_RECORDS = 20_000

/** Counts calls per endpoint and keeps a log of requests, for tests that prove "exactly once". */
export class RequestStats {
  private readonly counts = new Map<string, number>()
  private records: RequestRecord[] = []

  record(r: RequestRecord): void {
    const key = r.route ?? `${r.method} ${r.path}`
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1)
    this.records.push(r)
    if (this.records.length > MAX_RECORDS) this.records = this.records.slice(-MAX_RECORDS / 2)
  }

  calls(): Record<string, number> {
    return Object.fromEntries([...this.counts].sort(([a], [b]) => a.localeCompare(b)))
  }

  requests(): RequestRecord[] {
    return [...this.records]
  }

  reset(): void {
    this.counts.clear()
    this.records = []
  }
}
