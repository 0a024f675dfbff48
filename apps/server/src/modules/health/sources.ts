import type { AnyTx } from '../../kernel/db/database.ts'

/**
 * Counts other modules provide for a day, registered at start-up (so health does not depend on
 * modules built after it). `fraud`: fraud signals opened that UTC day.
 */
export type HealthSourceName = 'fraud'
export type HealthSource = (tx: AnyTx, day: string) => Promise<number>

const sources = new Map<HealthSourceName, HealthSource>()

/** Registers the provider of a count (the fraud module calls `provideHealthSource('fraud', fn)`). */
export function provideHealthSource(name: HealthSourceName, fn: HealthSource): void {
  sources.set(name, fn)
}

/** The provided count for the day, 0 while nothing is registered. */
export async function sourceCount(name: HealthSourceName, tx: AnyTx, day: string): Promise<number> {
  const fn = sources.get(name)
  return fn ? fn(tx, day) : 0
}
