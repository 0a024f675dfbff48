import { z } from 'zod'
import { access } from '../../../kernel/http/access.ts'
import { recentDevMessages } from '../../notifications/index.ts'
import { DEMO_PERSONAS } from '../personas.ts'
import { devRoute as route } from '../route.ts'

const demo = access.public('Demo mode only: this route does not exist in production.')

const ZDevMessage = z.object({
  id: z.string(),
  channel: z.string(),
  recipient: z.string(),
  subject: z.string().nullable(),
  body: z.string(),
  created_at: z.iso.datetime(),
})

const ZPersona = z.object({
  key: z.string(),
  marketplace: z.enum(['splits', 'ofair']),
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  description: z.string(),
  roles: z.array(z.string()),
})

/**
 * Demo mode only (mounted only then; production refuses demo mode): the messages the platform
 * "sent", and the demo personas, so a newcomer can sign in without a mailbox or phone.
 */
export const devRoutes = [
  route.define({
    method: 'GET',
    url: '/api/dev/outbox',
    operationId: 'listDevOutbox',
    summary: 'The latest messages sent (emails, SMS), newest first',
    access: demo,
    // the notifications module reads its own capture table in its own transaction
    transaction: false,
    query: z.strictObject({
      recipient: z.string().max(254).optional().describe('Only messages to this address or E.164 number'),
      limit: z.coerce.number().int().min(1).max(200).default(50),
    }),
    response: z.object({ data: z.array(ZDevMessage) }),
    handler: async ({ query, ctx }) => ({
      data: await recentDevMessages(ctx.db, query.limit, query.recipient),
    }),
  }),

  route.define({
    method: 'GET',
    url: '/api/dev/personas',
    operationId: 'listDemoPersonas',
    summary: 'Demo people you can sign in as',
    access: demo,
    transaction: false,
    response: z.object({ data: z.array(ZPersona) }),
    handler: async () => ({
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
  }),
]
