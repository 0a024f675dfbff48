import { z } from 'zod'
import type { AppContext } from '../../kernel/context.ts'
import { inTransaction } from '../../kernel/db/transaction.ts'
import { access, actorOf } from '../../kernel/http/access.ts'
import { listOf, ZIdParams, ZListQueryBase, ZProblem } from '../../kernel/http/schemas.ts'
import { principalOf } from '../../kernel/http/server.ts'
import type { AppFastify } from '../../kernel/module.ts'
import { NOTIFIABLE_EVENT_TYPES } from './catalog.ts'
import { getPreferences, listInbox, markAllRead, markRead, setPreferences, unreadCount } from './inbox.ts'

const ZNotification = z.object({
  id: z.string(),
  type: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  created_at: z.iso.datetime(),
  read_at: z.iso.datetime().nullable(),
})
const ZPreference = z.object({
  event_type: z.string(),
  label: z.string(),
  in_app: z.boolean(),
  email: z.boolean(),
})

export function notificationRoutes(app: AppFastify, ctx: AppContext): void {
  const own = access.authenticated('The caller’s own notifications only.')
  const run = <T>(
    request: Parameters<typeof principalOf>[0],
    fn: (tx: Parameters<Parameters<typeof inTransaction<T>>[2]>[0], userId: string) => Promise<T>,
  ) => {
    const p = principalOf(request)
    return inTransaction(ctx.db, actorOf(p), (tx) => fn(tx, p.userId), { requestId: request.id })
  }

  app.get(
    '/api/notifications',
    {
      config: { access: own },
      schema: {
        tags: ['notifications'],
        summary: 'My notifications, newest first',
        querystring: z.strictObject({
          unread: z
            .enum(['true', 'false'])
            .transform((v) => v === 'true')
            .optional(),
          ...ZListQueryBase,
        }),
        response: { 200: listOf(ZNotification), 400: ZProblem },
      },
    },
    async (request) => {
      const page = await run(request, (tx, userId) =>
        listInbox(tx, userId, {
          unread: request.query.unread,
          limit: request.query.limit,
          startingAfter: request.query.starting_after,
        }),
      )
      return {
        ...page,
        data: page.data.map((n) => ({
          ...n,
          created_at: n.created_at.toISOString(),
          read_at: n.read_at?.toISOString() ?? null,
        })),
      }
    },
  )

  app.get(
    '/api/notifications/unread-count',
    {
      config: { access: own },
      schema: {
        tags: ['notifications'],
        summary: 'How many unread (the bell)',
        response: { 200: z.object({ count: z.number().int() }) },
      },
    },
    async (request) => ({ count: await run(request, (tx, userId) => unreadCount(tx, userId)) }),
  )

  app.post(
    '/api/notifications/:id/read',
    {
      config: { access: own },
      schema: {
        tags: ['notifications'],
        summary: 'Mark one read',
        params: ZIdParams,
        response: { 204: z.null(), 404: ZProblem },
      },
    },
    async (request, reply) => {
      await run(request, (tx, userId) => markRead(tx, userId, request.params.id, ctx.clock.now()))
      return reply.status(204).send(null)
    },
  )

  app.post(
    '/api/notifications/read-all',
    {
      config: { access: own },
      schema: { tags: ['notifications'], summary: 'Mark all read', response: { 204: z.null() } },
    },
    async (request, reply) => {
      await run(request, (tx, userId) => markAllRead(tx, userId, ctx.clock.now()))
      return reply.status(204).send(null)
    },
  )

  app.get(
    '/api/notifications/preferences',
    {
      config: { access: own },
      schema: {
        tags: ['notifications'],
        summary: 'Which events reach me, in the app and by email',
        response: { 200: z.object({ data: z.array(ZPreference) }) },
      },
    },
    async (request) => ({ data: await run(request, (tx, userId) => getPreferences(tx, userId)) }),
  )

  app.put(
    '/api/notifications/preferences',
    {
      config: { access: own },
      schema: {
        tags: ['notifications'],
        summary: 'Choose channels per event type',
        body: z.strictObject({
          preferences: z
            .array(
              z.strictObject({
                event_type: z.enum(NOTIFIABLE_EVENT_TYPES as [string, ...string[]]),
                in_app: z.boolean(),
                email: z.boolean(),
              }),
            )
            .min(1)
            .max(20),
        }),
        response: { 200: z.object({ data: z.array(ZPreference) }), 400: ZProblem },
      },
    },
    async (request) => ({
      data: await run(request, async (tx, userId) => {
        await setPreferences(tx, userId, request.body.preferences as never, ctx.clock.now())
        return getPreferences(tx, userId)
      }),
    }),
  )
}
