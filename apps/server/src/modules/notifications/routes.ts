import { z } from 'zod'
import { access } from '../../kernel/http/access.ts'
import { listOf, ZIdParams, ZListQueryBase } from '../../kernel/http/schemas.ts'
import { getPreferences, listInbox, markAllRead, markRead, setPreferences, unreadCount } from './inbox.ts'
import { isNoticeKind } from './kinds.ts'
import { notificationsRoute as route } from './route.ts'

const ZNotification = z.object({
  id: z.string(),
  type: z.string().describe('The notice kind (see the preferences)'),
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
const ZPreferences = z.object({ data: z.array(ZPreference) })
const own = access.authenticated(
  'The caller’s own notifications only (enforced again by row-level security).',
)

const userIdOf = (caller: { principal: { userId: string } | null }) => caller.principal!.userId

export const notificationRoutes = [
  route.define({
    method: 'GET',
    url: '/api/notifications',
    operationId: 'listNotifications',
    summary: 'My notifications, newest first',
    access: own,
    query: z.strictObject({
      unread: z
        .enum(['true', 'false'])
        .transform((v) => v === 'true')
        .optional(),
      ...ZListQueryBase,
    }),
    response: listOf(ZNotification),
    handler: ({ tx, caller, query }) =>
      listInbox(tx, userIdOf(caller), {
        unread: query.unread,
        limit: query.limit,
        startingAfter: query.starting_after,
      }),
  }),

  route.define({
    method: 'GET',
    url: '/api/notifications/unread-count',
    operationId: 'countUnreadNotifications',
    summary: 'How many unread (the bell)',
    access: own,
    response: z.object({ count: z.number().int() }),
    handler: async ({ tx, caller }) => ({ count: await unreadCount(tx, userIdOf(caller)) }),
  }),

  route.define({
    method: 'POST',
    url: '/api/notifications/:id/read',
    operationId: 'markNotificationRead',
    summary: 'Mark one read',
    access: own,
    params: ZIdParams,
    response: null,
    handler: async ({ tx, caller, params, ctx }) => {
      await markRead(tx, userIdOf(caller), params.id, ctx.clock.now())
    },
  }),

  route.define({
    method: 'POST',
    url: '/api/notifications/read-all',
    operationId: 'markAllNotificationsRead',
    summary: 'Mark all read',
    access: own,
    response: null,
    handler: async ({ tx, caller, ctx }) => {
      await markAllRead(tx, userIdOf(caller), ctx.clock.now())
    },
  }),

  route.define({
    method: 'GET',
    url: '/api/notifications/preferences',
    operationId: 'getNotificationPreferences',
    summary: 'Which notices reach me, in the app and by email',
    access: own,
    response: ZPreferences,
    handler: async ({ tx, caller }) => ({
      data: await getPreferences(tx, userIdOf(caller), caller.principal!.roles),
    }),
  }),

  route.define({
    method: 'PUT',
    url: '/api/notifications/preferences',
    operationId: 'setNotificationPreferences',
    summary: 'Choose channels per notice kind',
    access: own,
    body: z.strictObject({
      preferences: z
        .array(
          z.strictObject({
            event_type: z.string().refine(isNoticeKind, 'is not a kind of notice'),
            in_app: z.boolean(),
            email: z.boolean(),
          }),
        )
        .min(1)
        .max(50),
    }),
    response: ZPreferences,
    handler: async ({ tx, caller, body, ctx }) => {
      await setPreferences(tx, userIdOf(caller), body.preferences, ctx.clock.now())
      return { data: await getPreferences(tx, userIdOf(caller), caller.principal!.roles) }
    },
  }),
]
