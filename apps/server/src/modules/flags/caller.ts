import { access } from '../../kernel/http/access.ts'
import { moduleRoutes } from '../../kernel/http/route.ts'
import type { FlagsDatabase } from './database.ts'

export const flagsRoute = moduleRoutes<FlagsDatabase>({ tag: 'flags' })

export const who = {
  admin: access.roles(['platform_admin'], 'Platform admins only.'),
  anyone: access.public(
    'Anyone; a signed-in caller gets the flags evaluated for their roles, organisations, plan tier and marketplace.',
  ),
}
