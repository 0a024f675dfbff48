import type { AppContext } from '../../kernel/context.ts'
import { featureEnabledFromMemory, isFeatureEnabled } from '../flags/index.ts'

/**
 * Whether automation rules run (flag key `automation.rules`, the Splits Network marketplace). The
 * only switch: the event consumer and the scheduled job ask it before evaluating. A database
 * without the flag (a fresh test database) runs them: switching off is a decision someone takes.
 */
export async function enabled(ctx: AppContext, key: 'automation.rules'): Promise<boolean> {
  return isFeatureEnabled(ctx, key, { marketplace: 'splits' }, true)
}

/** `enabled` from memory only (inside a transaction): undefined when the flags are not held just now. */
export function enabledFromMemory(ctx: AppContext, key: 'automation.rules'): boolean | undefined {
  return featureEnabledFromMemory(ctx, key, { marketplace: 'splits' }, true)
}
