import { ApiFailure } from '../protocol/errors.ts'
import type { Sim } from './sim.ts'
import type { SavedResponse } from './state.ts'

// Stripe prunes keys once they are at least 24 hours old; we prune exactly then.
export const KEY_LIFETIME_MS = 24 * 60 * 60 * 1000
const MAX_KEY_LENGTH = 255

export interface IdempotentRequest {
  secretKey: string
  account: string | null
  key: string
  method: string
  path: string
  fingerprint: string
}

export type IdempotencyDecision =
  | { kind: 'replay'; response: SavedResponse }
  | { kind: 'reserved'; scope: string }

/** Keys are scoped per secret key and per `Stripe-Account`, like Stripe's. */
function scopeOf(r: IdempotentRequest): string {
  return `${r.secretKey}\u0000${r.account ?? ''}\u0000${r.key}`
}

const lastPrune = new WeakMap<object, number>()

/**
 * Forgets finished keys older than Stripe keeps them. Keys sit in the map in the order they were
 * made, so the walk stops at the first young one; and it runs at most once a simulated minute
 * (it used to walk every key on every request: quadratic over a long run).
 */
function prune(sim: Sim): void {
  const now = sim.nowMs()
  const last = lastPrune.get(sim.state.idempotency)
  if (last !== undefined && now >= last && now - last < 60_000) return
  lastPrune.set(sim.state.idempotency, now)
  for (const [scope, entry] of sim.state.idempotency) {
    if (now - entry.createdAtMs < KEY_LIFETIME_MS) break
    if (entry.response !== null) sim.state.idempotency.delete(scope)
  }
}

/**
 * Looks the key up: a finished request with the same endpoint and parameters is replayed; a
 * different endpoint or parameters is an `idempotency_error`; a request still running is a 409.
 * Otherwise the key is reserved until `finish`.
 */
export function beginIdempotent(sim: Sim, r: IdempotentRequest): IdempotencyDecision {
  if (r.key.length > MAX_KEY_LENGTH) {
    throw ApiFailure.invalidRequest(
      `Idempotency-Key is too long (${r.key.length} characters); it must be at most ${MAX_KEY_LENGTH} characters.`,
    )
  }
  prune(sim)
  const scope = scopeOf(r)
  let entry = sim.state.idempotency.get(scope)
  if (entry && entry.response !== null && sim.nowMs() - entry.createdAtMs >= KEY_LIFETIME_MS) {
    // expired (the prune runs only now and then): forgotten, and made again at the map's end
    sim.state.idempotency.delete(scope)
    entry = undefined
  }
  if (!entry) {
    sim.state.idempotency.set(scope, {
      method: r.method,
      path: r.path,
      fingerprint: r.fingerprint,
      createdAtMs: sim.nowMs(),
      response: null,
    })
    return { kind: 'reserved', scope }
  }
  if (entry.response === null) {
    throw new ApiFailure(
      409,
      'invalid_request_error',
      `There is currently another in-progress request using this Idempotent Key (that probably means you submitted twice, and the other request is still going through): ${r.key}. Please try again later.`,
      { code: 'idempotency_key_in_use', saveIdempotent: false },
    )
  }
  if (entry.method !== r.method || entry.path !== r.path) {
    throw new ApiFailure(
      400,
      'idempotency_error',
      `Keys for idempotent requests can only be used for the same endpoint they were first used for ('${entry.method} ${entry.path}' vs '${r.method} ${r.path}'). Try using a key other than '${r.key}' if you meant to execute a different request.`,
      { saveIdempotent: false },
    )
  }
  if (entry.fingerprint !== r.fingerprint) {
    throw new ApiFailure(
      400,
      'idempotency_error',
      `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${r.key}' if you meant to execute a different request.`,
      { saveIdempotent: false },
    )
  }
  return { kind: 'replay', response: entry.response }
}

/** Saves the first answer under the key, or (null) frees the key so that a retry runs again. */
export function finishIdempotent(sim: Sim, scope: string, response: SavedResponse | null): void {
  const entry = sim.state.idempotency.get(scope)
  if (!entry) return
  if (response === null) sim.state.idempotency.delete(scope)
  else entry.response = response
}
