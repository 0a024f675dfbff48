import type { FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import type { AppContext } from '../../kernel/context.ts'
import { inTransaction } from '../../kernel/db/transaction.ts'
import { AppError } from '../../kernel/errors.ts'
import { access, actorOf } from '../../kernel/http/access.ts'
import { ZProblem } from '../../kernel/http/schemas.ts'
import { principalOf } from '../../kernel/http/server.ts'
import type { AppFastify } from '../../kernel/module.ts'
import { ZChallenge, ZSelf, ZSessionDelivery, ZSignedIn } from './schemas.ts'
import { selfView } from './self.ts'
import { revokeSession, SESSION_COOKIE } from './sessions.ts'
import { consumeMagicLink, type SignedIn, startSignIn, verifySignInCode } from './sign-in.ts'

const errors = { 400: ZProblem, 422: ZProblem, 429: ZProblem }

export function authRoutes(app: AppFastify, ctx: AppContext): void {
  const signedInBody = async (
    request: FastifyRequest,
    reply: FastifyReply,
    signedIn: SignedIn,
    delivery: 'cookie' | 'token',
  ) => {
    if (delivery === 'cookie') {
      reply.setCookie(SESSION_COOKIE, signedIn.session.token, {
        httpOnly: true,
        secure: ctx.config.auth.secureCookies,
        sameSite: 'lax',
        path: '/',
        expires: signedIn.session.absoluteExpiresAt,
      })
    }
    const user = await inTransaction(
      ctx.db,
      { kind: 'user', userId: signedIn.userId, roles: [] },
      (tx) => selfView(tx, signedIn.userId),
      { requestId: request.id },
    )
    return {
      user,
      marketplace: signedIn.marketplace,
      is_new_user: signedIn.isNewUser,
      csrf_token: signedIn.session.csrfToken,
      session: { id: signedIn.session.id, expires_at: signedIn.session.idleExpiresAt.toISOString() },
      ...(delivery === 'token' ? { token: signedIn.session.token } : {}),
    }
  }

  const publicAuth = { access: access.public('Sign-in.'), csrf: false }

  const startRoute = (
    url: string,
    channel: 'email' | 'sms',
    field: 'email' | 'phone',
    summary: string,
    description: string,
  ) =>
    app.post(
      url,
      {
        config: publicAuth,
        schema: {
          tags: ['auth'],
          summary,
          description,
          body: z.strictObject({
            [field]: z
              .string()
              .min(3)
              .max(field === 'email' ? 254 : 32),
          }),
          response: { 202: ZChallenge, ...errors },
        },
      },
      async (request, reply) => {
        const destination = (request.body as Record<string, string>)[field]!
        const started = await startSignIn(ctx, { channel, destination, ip: request.ip })
        return reply.status(202).send({
          challenge_id: started.challengeId,
          expires_at: started.expiresAt.toISOString(),
          sent_to: started.sentTo,
        })
      },
    )

  startRoute(
    '/api/auth/email/start',
    'email',
    'email',
    'Splits Network: email a one-time code and a magic link',
    'Always answers 202 with a challenge, whether or not an account exists. Limits: 1 a minute, 5 an hour, 10 a day per address and per client IP.',
  )
  startRoute(
    '/api/auth/phone/start',
    'sms',
    'phone',
    'OFAIR: text a one-time code to an Israeli mobile number',
    'Accepts 050-…, +972…, 972… or 00972…; only valid Israeli mobile numbers. Errors carry a Hebrew `user_message`. Limits: 1 a minute, 5 an hour, 10 a day per number and per client IP.',
  )

  app.post(
    '/api/auth/verify',
    {
      config: publicAuth,
      schema: {
        tags: ['auth'],
        summary: 'Exchange a one-time code for a session',
        description:
          'Five wrong codes lock the challenge. A new sign-in ends the session this client held before.',
        body: z.strictObject({
          challenge_id: z.uuid(),
          code: z.string().regex(/^\d{6}$/, 'must be the 6 digits from the message'),
          session_delivery: ZSessionDelivery,
        }),
        response: { 200: ZSignedIn, ...errors, 403: ZProblem },
      },
    },
    async (request, reply) => {
      const signedIn = await verifySignInCode(ctx, {
        challengeId: request.body.challenge_id,
        code: request.body.code,
        ip: request.ip,
        userAgent: request.headers['user-agent'],
        previousToken: request.cookies[SESSION_COOKIE],
      })
      return signedInBody(request, reply, signedIn, request.body.session_delivery)
    },
  )

  app.post(
    '/api/auth/magic-link',
    {
      config: publicAuth,
      schema: {
        tags: ['auth'],
        summary: 'Consume a magic link (the POST from its confirmation page)',
        description:
          "The link's GET only shows a confirmation page, so mail scanners that fetch links cannot use it up.",
        body: z.strictObject({ token: z.string().min(10).max(100), session_delivery: ZSessionDelivery }),
        response: { 200: ZSignedIn, ...errors, 403: ZProblem },
      },
    },
    async (request, reply) => {
      const signedIn = await consumeMagicLink(ctx, {
        token: request.body.token,
        ip: request.ip,
        userAgent: request.headers['user-agent'],
        previousToken: request.cookies[SESSION_COOKIE],
      })
      return signedInBody(request, reply, signedIn, request.body.session_delivery)
    },
  )

  app.get(
    '/api/auth/session',
    {
      config: {
        access: access.public('Answers for anyone; signed_in tells whether the caller has a session.'),
        optionalAuth: true,
      },
      schema: {
        tags: ['auth'],
        summary: 'Who am I? The current session, its CSRF token and roles',
        response: {
          200: z.object({
            signed_in: z.boolean(),
            demo_mode: z.boolean().describe('Demo personas and the dev outbox are available'),
            user: ZSelf.optional(),
            csrf_token: z.string().optional(),
            via: z.enum(['session', 'bearer']).optional(),
          }),
        },
      },
    },
    async (request) => {
      const principal = request.principal
      const demo_mode = ctx.config.demoMode
      if (!principal) return { signed_in: false, demo_mode }
      const user = await inTransaction(ctx.db, actorOf(principal), (tx) => selfView(tx, principal.userId), {
        requestId: request.id,
      })
      return {
        signed_in: true,
        demo_mode,
        user,
        via: principal.via,
        ...(principal.csrfToken && principal.via === 'session' ? { csrf_token: principal.csrfToken } : {}),
      }
    },
  )

  const endSession = async (request: FastifyRequest, reply: FastifyReply, sessionId: string | undefined) => {
    const principal = principalOf(request)
    const target = sessionId ?? principal.sessionId
    if (!target) throw new AppError('unprocessable', 'This credential is not a session; give session_id')
    const revoked = await inTransaction(
      ctx.db,
      actorOf(principal),
      (tx) =>
        revokeSession(
          tx,
          target,
          target === principal.sessionId ? 'signed out' : 'revoked by its owner',
          ctx.clock.now(),
        ),
      { requestId: request.id },
    )
    if (!revoked) throw new AppError('not_found', 'No such live session of yours')
    if (target === principal.sessionId) reply.clearCookie(SESSION_COOKIE, { path: '/' })
    return reply.status(204).send(null)
  }

  app.post(
    '/api/auth/sign-out',
    {
      config: { access: access.authenticated('Ends the caller’s own session.') },
      schema: {
        tags: ['auth'],
        summary: 'Sign out: revoke the current session',
        response: { 204: z.null() },
      },
    },
    (request, reply) => endSession(request, reply, undefined),
  )

  app.post(
    '/api/auth/revoke',
    {
      config: {
        access: access.authenticated(
          'Only the caller’s own sessions; another person’s session id answers 404.',
        ),
      },
      schema: {
        tags: ['auth'],
        summary: 'Revoke a session (the current one if no id is given)',
        body: z.strictObject({ session_id: z.uuid().optional() }).nullish(),
        response: { 204: z.null(), 404: ZProblem },
      },
    },
    (request, reply) => endSession(request, reply, request.body?.session_id),
  )
}
