import { canSee } from './helpers.ts'
import { HOUR_MS, type Rng } from './prng.ts'
import type { Candidate, Recruiter, Role } from './types.ts'
import type { Fn } from './words.ts'

/**
 * Chooses whom a recruiter submits to a role: someone who consented before, has not been
 * submitted to the role yet, has few applications, and whose recruiter can see the role.
 * Second records of someone another recruiter holds are never submitted.
 */
export class CandidatePicker {
  readonly #rng: Rng
  readonly #consented: Candidate[]
  readonly #byFn = new Map<Fn, Candidate[]>()
  readonly #byRecruiter = new Map<Recruiter, Candidate[]>()
  /** `role id:candidate id` of every submission so far. */
  readonly #applied = new Set<string>()

  constructor(rng: Rng, candidates: readonly Candidate[]) {
    this.#rng = rng
    this.#consented = candidates.filter((c) => c.consentAt !== null && !c.duplicateOf)
    for (const c of this.#consented) this.#byFn.set(c.fn, [...(this.#byFn.get(c.fn) ?? []), c])
    for (const c of this.#consented)
      this.#byRecruiter.set(c.recruiter, [...(this.#byRecruiter.get(c.recruiter) ?? []), c])
  }

  eligible(c: Candidate, role: Role, t0: number, maxApps = 4): boolean {
    return (
      c.consentAt !== null &&
      c.consentAt <= t0 - HOUR_MS &&
      !this.#applied.has(`${role.id}:${c.id}`) &&
      c.apps < maxApps &&
      canSee(c.recruiter, role)
    )
  }

  /** Someone eligible for `role` at `t0` (of `recruiter` if given), mostly in the role's function; null after 80 misses. */
  pick(role: Role, t0: number, recruiter?: Recruiter): Candidate | null {
    const rng = this.#rng
    for (let tries = 0; tries < 80; tries++) {
      let pool: Candidate[] | undefined
      if (recruiter) pool = this.#byRecruiter.get(recruiter)
      else if (role.visibility === 'assigned') pool = this.#byRecruiter.get(rng.pick(role.assigned))
      else pool = rng.chance(0.85) ? this.#byFn.get(role.fn) : this.#consented
      if (!pool?.length) continue
      const fit = recruiter || role.visibility === 'assigned' ? pool.filter((c) => c.fn === role.fn) : pool
      const c = rng.pick(fit.length && rng.chance(0.8) ? fit : pool)
      if (this.eligible(c, role, t0)) return c
    }
    return null
  }

  /** Any eligible candidate at all (hires must find someone). */
  scan(role: Role, t0: number): Candidate | null {
    const consented = this.#consented
    const from = this.#rng.int(0, consented.length - 1)
    for (let k = 0; k < consented.length; k++) {
      const c = consented[(from + k) % consented.length]!
      if (this.eligible(c, role, t0)) return c
    }
    return null
  }

  markSubmitted(role: Role, c: Candidate) {
    this.#applied.add(`${role.id}:${c.id}`)
    c.apps++
  }
}
