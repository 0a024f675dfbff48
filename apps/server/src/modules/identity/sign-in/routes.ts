import type { FastifyReply } from 'fastify'
import type { AppContext } from '../../../kernel/context.ts'
import { access } from '../../../kernel/http/access.ts'
import { authRoute as route } from '../route.ts'
import { SESSION_COOKIE } from '../sessions/service.ts'
import { ZChallenge, ZEmailStart, ZMagicLinkBody, ZPhoneStart, ZSignedIn, ZVerifyBody } from './schemas.ts'
import { consumeMagicLink, type SignedIn, startSignIn, verifySignInCode } from './service.ts'

const publicAuth = access.public('Sign-in.')

/** The answer to a completed sign-in: the session as a cookie (browsers) or a bearer token (API clients). */
function deliver(ctx: AppContext, reply: FastifyReply, signedIn: SignedIn, delivery: 'cookie' | 'token') {
  if (delivery === 'cookie') {
    reply.setCookie(SESSION_COOKIE, signedIn.session.token, {
      httpOnly: true,
      secure: ctx.config.auth.secureCookies,
      sameSite: 'lax',
      path: '/',
      expires: signedIn.session.absoluteExpiresAt,
    })
  }
  return {
    user: signedIn.user,
    marketplace: signedIn.marketplace,
    is_new_user: signedIn.isNewUser,
    csrf_token: signedIn.session.csrfToken,
    session: { id: signedIn.session.id, expires_at: signedIn.session.idleExpiresAt },
    ...(delivery === 'token' ? { token: signedIn.session.token } : {}),
  }
}

const challengeOf = (started: Awaited<ReturnType<typeof startSignIn>>) => ({
  challenge_id: started.challengeId,
  expires_at: started.expiresAt,
  sent_to: started.sentTo,
})

/**
 * Passwordless sign-in. Each step manages its own transactions (`transaction: false`): a wrong
 * code's attempt must be recorded even though the request fails, and messages are sent after
 * the challenge commits.
 */
export const signInRoutes = [
  route.define({
    method: 'POST',
    url: '/api/auth/email/start',
    operationId: 'startEmailSignIn',
    summary: 'Splits Network: email a one-time code and a magic link',
    description:
      'Always answers 202 with a challenge, whether or not an account exists. Limits: 1 a minute, 5 an hour, 10 a day per address; a configurable ceiling per client network address.',
    access: publicAuth,
    csrf: false,
    transaction: false,
    body: ZEmailStart,
    status: 202,
    errors: [429],
    response: ZChallenge,
    handler: async ({ body, ctx, request }) =>
      challengeOf(await startSignIn(ctx, { channel: 'email', destination: body.email, ip: request.ip })),
  }),

  route.define({
    method: 'POST',
    url: '/api/auth/phone/start',
    operationId: 'startPhoneSignIn',
    summary: 'OFAIR: text a one-time code to an Israeli mobile number',
    description:
      'Accepts 050-…, +972…, 972… or 00972…; only valid Israeli mobile numbers. Errors carry a Hebrew `user_message`. Limits: 1 a minute, 5 an hour, 10 a day per number; a configurable ceiling per client network address.',
    access: publicAuth,
    csrf: false,
    transaction: false,
    body: ZPhoneStart,
    status: 202,
    errors: [429],
    response: ZChallenge,
    handler: async ({ body, ctx, request }) =>
      challengeOf(await startSignIn(ctx, { channel: 'sms', destination: body.phone, ip: request.ip })),
  }),

  route.define({
    method: 'POST',
    url: '/api/auth/verify',
    operationId: 'verifySignInCode',
    summary: 'Exchange a one-time code for a session',
    description:
      'Five wrong codes lock the challenge. A new sign-in ends the session this client held before.',
    access: publicAuth,
    csrf: false,
    transaction: false,
    body: ZVerifyBody,
    errors: [403, 422, 429],
    response: ZSignedIn,
    handler: async ({ body, ctx, request, reply }) => {
      const signedIn = await verifySignInCode(ctx, {
        challengeId: body.challenge_id,
        code: body.code,
        ip: request.ip,
        userAgent: request.headers['user-agent'],
        previousToken: request.cookies[SESSION_COOKIE],
      })
      return deliver(ctx, reply, signedIn, body.session_delivery)
    },
  }),

  route.define({
    method: 'POST',
    url: '/api/auth/magic-link',
    operationId: 'consumeMagicLink',
    summary: 'Consume a magic link (the POST from its confirmation page)',
    description:
      "The link's GET only shows a confirmation page, so mail scanners that fetch links cannot use it up.",
    access: publicAuth,
    csrf: false,
    transaction: false,
    body: ZMagicLinkBody,
    errors: [403, 422, 429],
    response: ZSignedIn,
    handler: async ({ body, ctx, request, reply }) => {
      const signedIn = await consumeMagicLink(ctx, {
        token: body.token,
        ip: request.ip,
        userAgent: request.headers['user-agent'],
        previousToken: request.cookies[SESSION_COOKIE],
      })
      return deliver(ctx, reply, signedIn, body.session_delivery)
    },
  }),
]
