import type { Transaction } from 'kysely'
import type { AppContext } from '../../kernel/context.ts'
import type { Principal } from '../../kernel/http/access.ts'
import { moduleRoutes } from '../../kernel/http/route.ts'
import { type SplitsParts, splitsPartsOf } from '../recruiting/index.ts'
import type { BillingDatabase } from './database.ts'

/** Who calls billing's routes, resolved once per request: admin, the companies they run, their recruiter id. */
export interface BillingCaller extends SplitsParts {
  principal: Principal | null
}

async function resolveBillingCaller(
  tx: Transaction<BillingDatabase>,
  principal: Principal | null,
  _ctx: AppContext,
): Promise<BillingCaller> {
  return { principal, ...(await splitsPartsOf(tx, principal)) }
}

export const billingRoute = moduleRoutes<BillingDatabase, BillingCaller>({
  tag: 'billing',
  resolveCaller: resolveBillingCaller,
})
