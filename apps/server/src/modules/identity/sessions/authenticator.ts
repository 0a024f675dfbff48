import type { FastifyRequest } from 'fastify'
import { sql } from 'kysely'
import type { AppContext } from '../../../kernel/context.ts'
import { connectScopedPool } from '../../../kernel/db/database.ts'
import { inTransaction, systemActor } from '../../../kernel/db/transaction.ts'
import { AppError } from '../../../kernel/errors.ts'
import type { Authenticator, Membership, Principal, Role } from '../../../kernel/http/access.ts'
import type { IdentityTx } from '../route.ts'
import { OidcVerifier } from './oidc.ts'
import { type CheckedSession, lookupSession, SESSION_COOKIE, SESSION_TOKEN_PREFIX } from './service.ts'
import { SessionCache } from './session-cache.ts'

/**
 * Who is calling: a session cookie (`sid`, browsers; mutations need the CSRF header), a session
 * token as `Authorization: Bearer ses_…` (API clients), or a JWT from the configured OIDC issuer.
 * Errors thrown here become 401s on protected routes; public routes ignore them.
 */
export function createAuthenticator(ctx: AppContext): Authenticator & { close(): Promise<void> } {
  const oidc = ctx.config.auth.oidc ? new OidcVerifier(ctx.config.auth.oidc) : undefined
  const sessionPool = connectScopedPool(ctx.databaseUrl, {
    max: 8,
    applicationName: 'session-check',
    settings: { 'app.actor_kind': 'system', 'app.actor_name': 'session-check' },
  })
  // a signed-in request skips reading its session when it was read a moment ago (session-cache.ts)
  const ttlMs = ctx.config.auth.sessionCacheSeconds * 1000
  const cache =
    ttlMs > 0 && ctx.entry === 'server'
      ? new SessionCache<CheckedSession>({
          url: ctx.databaseUrl,
          ttlMs,
          log: ctx.log.child({ component: 'session-cache' }),
        })
      : undefined
  void cache?.start()

  async function principalForUser(userId: string): Promise<Principal> {
    return inTransaction(ctx.db, systemActor('jwt-check'), async (tx: IdentityTx) => {
      const row = (
        await sql<{
          display_name: string
          status: string
          memberships: { organization_id: string; role: Role }[]
        }>`
          select u.display_name, u.status,
                 coalesce((select json_agg(json_build_object('organization_id', m.organization_id, 'role', m.role))
                             from identity.memberships m where m.user_id = u.id), '[]') as memberships
            from identity.users u where u.id = ${userId}`.execute(tx)
      ).rows[0]
      if (!row)
        throw new AppError('unauthenticated', 'Bearer token refused: the linked account no longer exists')
      const memberships: Membership[] = row.memberships.map((m) => ({
        organizationId: m.organization_id,
        role: m.role,
      }))
      return {
        userId,
        displayName: row.display_name,
        roles: [...new Set(memberships.map((m) => m.role))],
        memberships,
        via: 'bearer',
        suspended: row.status !== 'active',
      }
    })
  }

  return {
    close: async () => {
      await cache?.stop()
      await sessionPool.end()
    },
    async authenticate(request: FastifyRequest): Promise<Principal | null> {
      const header = request.headers.authorization
      if (header) {
        const match = /^Bearer\s+(\S+)$/i.exec(header)
        if (!match) throw new AppError('unauthenticated', 'The Authorization header must be "Bearer <token>"')
        const token = match[1]!
        if (token.startsWith(SESSION_TOKEN_PREFIX)) {
          const found = await lookupSession(ctx.db, sessionPool, ctx.config, token, ctx.clock.now(), cache)
          if (found.kind === 'expired')
            throw new AppError('session_expired', 'The session has expired; sign in again')
          if (found.kind === 'unknown')
            throw new AppError('unauthenticated', 'The session token is not valid')
          return { ...found.principal, via: 'bearer' }
        }
        if (!oidc)
          throw new AppError(
            'unauthenticated',
            'Bearer JWTs are not accepted: no identity provider is configured',
          )
        const payload = await oidc.verify(token)
        return principalForUser(await oidc.userIdFor(ctx.db, payload))
      }
      const cookie = request.cookies?.[SESSION_COOKIE]
      if (!cookie) return null
      const found = await lookupSession(ctx.db, sessionPool, ctx.config, cookie, ctx.clock.now(), cache)
      if (found.kind === 'expired')
        throw new AppError('session_expired', 'The session has expired; sign in again')
      if (found.kind === 'unknown') return null
      return found.principal
    },
  }
}
