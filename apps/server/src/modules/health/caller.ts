import type { Transaction } from 'kysely'
import type { Principal } from '../../kernel/http/access.ts'
import { access } from '../../kernel/http/access.ts'
import { moduleRoutes } from '../../kernel/http/route.ts'
import { type SplitsParts, splitsPartsOf } from '../recruiting/index.ts'
import type { HealthDatabase } from './database.ts'

/** Who asks: a platform admin sees the marketplace; a recruiter or hiring team their own deals' risk. */
export interface HealthCaller extends SplitsParts {
  principal: Principal | null
}

async function resolveHealthCaller(
  tx: Transaction<HealthDatabase>,
  principal: Principal | null,
): Promise<HealthCaller> {
  return { principal, ...(await splitsPartsOf(tx, principal)) }
}

export const healthRoute = moduleRoutes<HealthDatabase, HealthCaller>({
  tag: 'health',
  resolveCaller: resolveHealthCaller,
})

export const who = {
  admin: access.roles(['platform_admin']),
  deals: access.roles(
    ['recruiter', 'company_admin', 'hiring_manager', 'platform_admin'],
    'Platform admins (every deal), recruiters (their own deals), hiring teams (their company’s).',
  ),
}
