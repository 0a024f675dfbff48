import type { AppContext } from '../../kernel/context.ts'
import { isFeatureEnabled } from '../flags/index.ts'

/**
 * Whether automation rules run (flag key `automation.rules`, the Splits Network marketplace). The
 * only switch: the event consumer and the scheduled job ask it before evaluating. A database
 * without the flag (a fresh test database) runs them: switching off is a decision someone takes.
 */
export async function enabled(ctx: AppContext, key: 'automation.rules'): Promise<boolean> {
  return isFeatureEnabled(ctx, key, { marketplace: 'splits' }, true)
}
