import { z } from 'zod'
import { access } from '../../../kernel/http/access.ts'
import { ZIdParams } from '../../../kernel/http/schemas.ts'
import { authRoute, identityRoute, signedIn } from '../route.ts'
import { ZRevokeBody, ZSessionInfo, ZWhoAmI } from './schemas.ts'
import { endOwnSession, listOwnSessions, SESSION_COOKIE, whoAmI } from './service.ts'

const own = access.authenticated('Only the caller’s own sessions; another person’s session answers 404.')

/** Who am I, signing out, and the caller's own sessions (devices). */
export const authSessionRoutes = [
  authRoute.define({
    method: 'GET',
    url: '/api/auth/session',
    operationId: 'getCurrentSession',
    summary: 'Who am I? The current session, its CSRF token and roles',
    access: access.public('Answers for anyone; signed_in tells whether the caller has a session.'),
    optionalAuth: true,
    // an anonymous answer needs no database: the service opens a transaction only for a caller
    transaction: false,
    response: ZWhoAmI,
    handler: ({ caller, ctx, request }) => whoAmI(ctx, caller.principal, request.id),
  }),

  authRoute.define({
    method: 'POST',
    url: '/api/auth/sign-out',
    operationId: 'signOut',
    summary: 'Sign out: revoke the current session',
    access: access.authenticated('Ends the caller’s own session.'),
    // a bearer JWT from an identity provider is not a session: nothing to end (422)
    errors: [422],
    response: null,
    handler: async ({ tx, caller, ctx, reply }) => {
      const ended = await endOwnSession(tx, signedIn(caller), undefined, ctx.clock.now())
      if (ended.current) reply.clearCookie(SESSION_COOKIE, { path: '/' })
    },
  }),

  authRoute.define({
    method: 'POST',
    url: '/api/auth/revoke',
    operationId: 'revokeSession',
    summary: 'Revoke a session of mine (the current one if no id is given)',
    access: own,
    body: ZRevokeBody,
    errors: [404, 422],
    response: null,
    handler: async ({ tx, caller, body, ctx, reply }) => {
      const ended = await endOwnSession(tx, signedIn(caller), body?.session_id, ctx.clock.now())
      if (ended.current) reply.clearCookie(SESSION_COOKIE, { path: '/' })
    },
  }),
]

export const accountSessionRoutes = [
  identityRoute.define({
    method: 'GET',
    url: '/api/account/sessions',
    operationId: 'listMySessions',
    summary: 'My live sessions',
    access: own,
    response: z.object({ data: z.array(ZSessionInfo) }),
    handler: async ({ tx, caller, ctx }) => ({
      data: await listOwnSessions(tx, signedIn(caller), ctx.clock.now()),
    }),
  }),

  identityRoute.define({
    method: 'DELETE',
    url: '/api/account/sessions/:id',
    operationId: 'revokeMySession',
    summary: 'Revoke one of my sessions (sign another device out)',
    access: own,
    params: ZIdParams,
    response: null,
    handler: async ({ tx, caller, params, ctx }) => {
      await endOwnSession(tx, signedIn(caller), params.id, ctx.clock.now())
    },
  }),
]
