import type { Principal } from '../../kernel/http/access.ts'
import { access } from '../../kernel/http/access.ts'
import { moduleRoutes } from '../../kernel/http/route.ts'
import type { FraudDatabase } from './database.ts'

/** Who calls fraud's routes: platform admins only. */
export interface FraudCaller {
  principal: Principal | null
  userId: string
  isPlatformAdmin: boolean
}

export const fraudRoute = moduleRoutes<FraudDatabase, FraudCaller>({
  tag: 'fraud',
  resolveCaller: async (_tx, principal) => ({
    principal,
    userId: principal?.userId ?? '',
    isPlatformAdmin: principal?.roles.includes('platform_admin') ?? false,
  }),
})

export const who = { admin: access.roles(['platform_admin']) }
