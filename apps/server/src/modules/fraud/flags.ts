import type { AppContext } from '../../kernel/context.ts'
import type { AnyTx } from '../../kernel/db/database.ts'
import { isFeatureEnabled } from '../flags/index.ts'

export type FraudFlag = 'fraud.detection' | 'fraud.throttling'

/** The app whose flags fraud reads (set by the module's init; the guard and detectors get a transaction only). */
let flagsOf: Pick<AppContext, 'services'> | null = null
export function readFlagsFrom(ctx: Pick<AppContext, 'services'>): void {
  flagsOf = ctx
}

/**
 * Whether a fraud capability is on (Splits Network): `fraud.detection` for the detectors,
 * `fraud.throttling` for holds on submissions. The only place fraud asks. Where the flag does not
 * exist (a fresh test database), detection runs — a signal only asks a person to look — but
 * throttling, which refuses someone's work, needs the flag switched on.
 */
export async function enabled(_tx: AnyTx, key: FraudFlag, _subject?: string | null): Promise<boolean> {
  const whenMissing = key === 'fraud.detection'
  if (!flagsOf) return whenMissing
  return isFeatureEnabled(flagsOf, key, { marketplace: 'splits' }, whenMissing)
}
