import type { AnyTx } from '../../kernel/db/database.ts'

export type FraudFlag = 'fraud.detection' | 'fraud.throttling'

/**
 * Whether a fraud capability is on: `fraud.detection` for the detectors, `fraud.throttling` for
 * holds on submissions. The only place fraud asks.
 */
export async function enabled(_tx: AnyTx, _key: FraudFlag, _subject?: string | null): Promise<boolean> {
  return true /* LEAD: wire to flags */
}
