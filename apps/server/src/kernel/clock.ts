/** The source of "now". Injected everywhere so schedules, expiries and holds are testable. */
export interface Clock {
  now(): Date
}

export const systemClock: Clock = { now: () => new Date() }

/** A clock tests can move by hand. */
export class FixedClock implements Clock {
  #t: number
  constructor(start: Date | string = '2026-01-01T00:00:00Z') {
    this.#t = new Date(start).getTime()
  }
  now(): Date {
    return new Date(this.#t)
  }
  set(to: Date | string): void {
    this.#t = new Date(to).getTime()
  }
  advance(ms: number): void {
    this.#t += ms
  }
}
