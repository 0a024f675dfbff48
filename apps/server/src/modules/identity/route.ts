import type { Transaction } from 'kysely'
import type { IdentitySchema } from '../../kernel/db/schema/identity.ts'
import { AppError } from '../../kernel/errors.ts'
import type { Principal } from '../../kernel/http/access.ts'
import { type BaseCaller, moduleRoutes } from '../../kernel/http/route.ts'

/** Identity's transactions name identity's tables only (the kernel's audit and PII log go through its functions). */
export type IdentityTx = Transaction<IdentitySchema>

/**
 * Identity's route kits, one per section of the API reference. The principal is all identity needs
 * to know about the caller, so no resolver: the runner passes `{ principal }`.
 */
export const identityRoute = moduleRoutes<IdentitySchema>({ tag: 'account' })
export const authRoute = moduleRoutes<IdentitySchema>({ tag: 'auth' })
export const adminRoute = moduleRoutes<IdentitySchema>({ tag: 'admin' })
export const devRoute = moduleRoutes<IdentitySchema>({ tag: 'dev' })

/** The caller of a route that requires sign-in (the access check already refused anonymous calls). */
export function signedIn(caller: BaseCaller): Principal {
  if (!caller.principal) throw new AppError('unauthenticated', 'Sign in to use this endpoint')
  return caller.principal
}
