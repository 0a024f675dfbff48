import type { IdentitySchema } from '../../kernel/db/schema/identity.ts'
import { moduleRoutes } from '../../kernel/http/route.ts'

/** Identity's routes: the principal is all it needs to know about the caller. */
export const identityRoute = moduleRoutes<IdentitySchema>({ tag: 'account' })
