import { z } from 'zod'
import type { AppContext } from '../../kernel/context.ts'
import { access } from '../../kernel/http/access.ts'
import type { AppFastify } from '../../kernel/module.ts'
import { recentDevMessages } from '../notifications/index.ts'
import { DEMO_PERSONAS } from './personas.ts'

/**
 * Demo mode only (never registered otherwise; production refuses demo mode): the messages the
 * platform "sent", and the demo personas, so a newcomer can sign in without a mailbox or phone.
 */
export function devRoutes(app: AppFastify, ctx: AppContext): void {
  if (!ctx.config.demoMode) return
  const demo = access.public('Demo mode only: this route does not exist in production.')

  app.get(
    '/api/dev/outbox',
    {
      config: { access: demo },
      schema: {
        tags: ['demo'],
        summary: 'The latest messages sent (emails, SMS), newest first',
        querystring: z.strictObject({
          recipient: z.string().max(254).optional().describe('Only messages to this address or E.164 number'),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: {
          200: z.object({
            data: z.array(
              z.object({
                id: z.string(),
                channel: z.string(),
                recipient: z.string(),
                subject: z.string().nullable(),
                body: z.string(),
                created_at: z.iso.datetime(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const rows = await recentDevMessages(ctx.db, request.query.limit, request.query.recipient)
      return { data: rows.map((m) => ({ ...m, created_at: m.created_at.toISOString() })) }
    },
  )

  app.get(
    '/api/dev/personas',
    {
      config: { access: demo },
      schema: {
        tags: ['demo'],
        summary: 'Demo people you can sign in as',
        response: {
          200: z.object({
            data: z.array(
              z.object({
                key: z.string(),
                marketplace: z.enum(['splits', 'ofair']),
                name: z.string(),
                email: z.string().nullable(),
                phone: z.string().nullable(),
                description: z.string(),
                roles: z.array(z.string()),
              }),
            ),
          }),
        },
      },
    },
    async () => ({
      data: DEMO_PERSONAS.map((p) => ({
        key: p.key,
        marketplace: p.marketplace,
        name: p.name,
        email: p.email ?? null,
        phone: p.phone ?? null,
        description: p.description,
        roles: [...new Set(p.memberships.map((m) => m.role))],
      })),
    }),
  )
}
