import { newId } from '../protocol/ids.ts'

export type FaultKind = 'api_error' | 'rate_limit' | 'network' | 'delay'

export interface FaultSpec {
  /**
   * api_error: HTTP 500 `api_error`; rate_limit: HTTP 429 `rate_limit`; network: the connection is
   * dropped without an answer; delay: the answer is held back for `delayMs`.
   */
  kind: FaultKind
  /** Path to match: exact, or with `*` wildcards (`/v1/transfers*`). */
  path: string
  /** HTTP method to match; any when absent. */
  method?: string
  /** How many matching requests to affect (default 1). */
  times?: number
  /**
   * 'before' (default): the request is not executed (nothing changes, no idempotent result saved).
   * 'after': the request runs and its result is saved, then the answer is lost (network), replaced
   * by a 500 (api_error) or delayed (delay). This is the case that makes idempotency keys matter.
   */
  when?: 'before' | 'after'
  /** For `delay`: milliseconds (default 1000). A 'before' delay keeps the idempotency key in flight. */
  delayMs?: number
  /** Sets `Stripe-Should-Retry: true|false` on api_error / rate_limit answers. */
  shouldRetry?: boolean
}

export interface Fault extends Required<Omit<FaultSpec, 'method' | 'shouldRetry'>> {
  id: string
  method: string | null
  shouldRetry: boolean | null
  remaining: number
  hits: number
}

export type FaultPhase = 'edge' | 'execute' | 'after'

function globToRegExp(glob: string): RegExp {
  const source = glob
    .split('*')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*')
  return new RegExp(`^${source}$`)
}

/** The phase a fault acts in: at the edge (before idempotency), inside execution, or after it. */
function phaseOf(f: Fault): FaultPhase {
  if (f.when === 'after') return 'after'
  return f.kind === 'delay' ? 'execute' : 'edge'
}

export class FaultInjector {
  private faults: Fault[] = []

  add(spec: FaultSpec): Fault {
    const times = spec.times ?? 1
    if (!Number.isInteger(times) || times < 1) throw new Error('fault times must be a positive integer')
    if (!['api_error', 'rate_limit', 'network', 'delay'].includes(spec.kind))
      throw new Error(`unknown fault kind ${spec.kind}`)
    if (spec.when === 'after' && spec.kind === 'rate_limit')
      throw new Error('a rate limit happens before execution')
    const fault: Fault = {
      id: newId('fault'),
      kind: spec.kind,
      path: spec.path,
      method: spec.method ? spec.method.toUpperCase() : null,
      times,
      when: spec.when ?? 'before',
      delayMs: spec.delayMs ?? 1000,
      shouldRetry: spec.shouldRetry ?? null,
      remaining: times,
      hits: 0,
    }
    this.faults.push(fault)
    return fault
  }

  /** Consumes one use of the first fault matching this request in this phase. */
  take(method: string, path: string, phase: FaultPhase): Fault | null {
    const fault = this.faults.find(
      (f) =>
        f.remaining > 0 &&
        phaseOf(f) === phase &&
        (f.method === null || f.method === method) &&
        globToRegExp(f.path).test(path),
    )
    if (!fault) return null
    fault.remaining--
    fault.hits++
    return fault
  }

  list(): Fault[] {
    return this.faults.map((f) => ({ ...f }))
  }

  clear(): void {
    this.faults = []
  }
}
