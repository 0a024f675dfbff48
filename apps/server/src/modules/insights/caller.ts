import type { Transaction } from 'kysely'
import type { Principal } from '../../kernel/http/access.ts'
import { moduleRoutes } from '../../kernel/http/route.ts'
import { type SplitsParts, splitsPartsOf } from '../recruiting/index.ts'

/**
 * Insights names no table of its own: every figure comes from the services of the modules that own
 * the data (recruiting, billing, the job runner). Its transaction is the request's, as the caller.
 */
// biome-ignore lint/complexity/noBannedTypes: a module without tables has an empty database type
export type InsightsDatabase = {}

/** Who is asking, resolved once per request: the homes they get follow their roles. */
export interface InsightsCaller extends SplitsParts {
  principal: Principal | null
}

async function resolveInsightsCaller(
  tx: Transaction<InsightsDatabase>,
  principal: Principal | null,
): Promise<InsightsCaller> {
  return { principal, ...(await splitsPartsOf(tx, principal)) }
}

export const insightsRoute = moduleRoutes<InsightsDatabase, InsightsCaller>({
  tag: 'insights',
  resolveCaller: resolveInsightsCaller,
})
