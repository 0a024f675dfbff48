import { z } from 'zod'
import type { AppContext } from '../../kernel/context.ts'
import { inTransaction } from '../../kernel/db/transaction.ts'
import { AppError } from '../../kernel/errors.ts'
import { access, actorOf } from '../../kernel/http/access.ts'
import { ZProblem } from '../../kernel/http/schemas.ts'
import { principalOf } from '../../kernel/http/server.ts'
import type { AppFastify } from '../../kernel/module.ts'
import { ZSelf, ZSessionInfo } from './schemas.ts'
import { selfView } from './self.ts'
import { listOwnSessions, revokeSession } from './sessions.ts'
import { updateOwnProfile } from './users.ts'

const own = access.authenticated('The caller’s own account only.')

export function accountRoutes(app: AppFastify, ctx: AppContext): void {
  app.get(
    '/api/account',
    {
      config: { access: own },
      schema: {
        tags: ['account'],
        summary: 'My profile, contacts and memberships',
        response: { 200: ZSelf },
      },
    },
    async (request) => {
      const p = principalOf(request)
      return inTransaction(ctx.db, actorOf(p), (tx) => selfView(tx, p.userId), { requestId: request.id })
    },
  )

  app.patch(
    '/api/account',
    {
      config: { access: own },
      schema: {
        tags: ['account'],
        summary: 'Change my display name or language',
        body: z
          .strictObject({
            display_name: z.string().trim().min(1).max(120).optional(),
            locale: z.enum(['en', 'he']).optional(),
          })
          .refine((b) => Object.keys(b).length > 0, 'give at least one field'),
        response: { 200: ZSelf, 400: ZProblem },
      },
    },
    async (request) => {
      const p = principalOf(request)
      return inTransaction(
        ctx.db,
        actorOf(p),
        async (tx) => {
          await updateOwnProfile(tx, p.userId, request.body, ctx.clock.now())
          return selfView(tx, p.userId)
        },
        { requestId: request.id },
      )
    },
  )

  app.get(
    '/api/account/sessions',
    {
      config: { access: own },
      schema: {
        tags: ['account'],
        summary: 'My live sessions',
        response: { 200: z.object({ data: z.array(ZSessionInfo) }) },
      },
    },
    async (request) => {
      const p = principalOf(request)
      const rows = await inTransaction(ctx.db, actorOf(p), (tx) => listOwnSessions(tx, ctx.clock.now()), {
        requestId: request.id,
      })
      return {
        data: rows.map((s) => ({
          id: s.id,
          marketplace: s.marketplace as 'splits' | 'ofair',
          via: s.via,
          created_at: s.created_at.toISOString(),
          last_seen_at: s.last_seen_at.toISOString(),
          expires_at: s.idle_expires_at.toISOString(),
          ip: s.ip,
          user_agent: s.user_agent,
          current: s.id === p.sessionId,
        })),
      }
    },
  )

  app.delete(
    '/api/account/sessions/:id',
    {
      config: {
        access: access.authenticated('Only the caller’s own sessions; another person’s session answers 404.'),
      },
      schema: {
        tags: ['account'],
        summary: 'Revoke one of my sessions (sign another device out)',
        params: z.strictObject({ id: z.uuid() }),
        response: { 204: z.null(), 404: ZProblem },
      },
    },
    async (request, reply) => {
      const p = principalOf(request)
      const revoked = await inTransaction(
        ctx.db,
        actorOf(p),
        (tx) => revokeSession(tx, request.params.id, 'revoked by its owner', ctx.clock.now()),
        { requestId: request.id },
      )
      if (!revoked) throw new AppError('not_found', 'No such live session of yours')
      return reply.status(204).send(null)
    },
  )
}
