import type { Principal } from '../../kernel/http/access.ts'
import { access } from '../../kernel/http/access.ts'
import { moduleRoutes } from '../../kernel/http/route.ts'
import type { AutomationDatabase } from './database.ts'

/** Who calls automation's routes: platform admins only. */
export interface AutomationCaller {
  principal: Principal | null
  userId: string
}

export const automationRoute = moduleRoutes<AutomationDatabase, AutomationCaller>({
  tag: 'automation',
  resolveCaller: async (_tx, principal) => ({ principal, userId: principal?.userId ?? '' }),
})

export const who = { admin: access.roles(['platform_admin']) }
