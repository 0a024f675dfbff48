import { z } from 'zod'
import { asSystem } from '../../kernel/db/transaction.ts'
import { AppError } from '../../kernel/errors.ts'
import { access } from '../../kernel/http/access.ts'
import { listOf, ZIdParams, ZListQueryBase } from '../../kernel/http/schemas.ts'
import { displayNames } from '../identity/index.ts'
import { DELIVERY_STATUSES, listDeliveries } from './deliveries.ts'
import { listInbox, markAllRead, markRead, unreadCount } from './inbox.ts'
import { CHANNELS } from './kinds.ts'
import {
  getPreferences,
  getSettings,
  setPreferences,
  setSettings,
  unsubscribeByToken,
} from './preferences.ts'
import { pushSubscriptionCount, subscribePush, unsubscribePush } from './push-subscriptions.ts'
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
  marketing: z.boolean().describe('Marketing: sent only with the opt-in of the settings'),
  in_app: z.boolean(),
  email: z.boolean(),
  sms: z.boolean(),
  whatsapp: z.boolean(),
  push: z.boolean(),
})
const ZPreferences = z.object({ data: z.array(ZPreference) })
const own = access.authenticated(
  'The caller’s own notifications only (enforced again by row-level security).',
)

const ZClock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time HH:MM (24 hours)')
const ZSettings = z.object({
  quiet_hours: z.object({
    enabled: z.boolean(),
    start: z.string().describe('HH:MM, Israel time'),
    end: z.string().describe('HH:MM, Israel time; before the start: the next morning'),
    time_zone: z.literal('Asia/Jerusalem'),
  }),
  marketing: z.object({
    opted_in: z.boolean(),
    opted_in_at: z.iso.datetime().nullable(),
    opted_out_at: z.iso.datetime().nullable(),
  }),
  push: z.object({
    public_key: z
      .string()
      .nullable()
      .describe('VAPID public key for PushManager.subscribe; null: push is off'),
    subscriptions: z.number().int().describe('Browsers of mine that receive push'),
  }),
})
const ZDelivery = z.object({
  id: z.string(),
  user_id: z.string(),
  user_name: z.string().nullable(),
  kind: z.string(),
  channel: z.enum(['email', 'sms', 'whatsapp', 'push']),
  title: z.string(),
  status: z.enum(DELIVERY_STATUSES),
  attempts: z.number().int(),
  last_error: z.string().nullable(),
  send_after: z.iso.datetime(),
  created_at: z.iso.datetime(),
  updated_at: z.iso.datetime(),
  sent_at: z.iso.datetime().nullable(),
})
const admins = access.roles(
  ['platform_admin', 'ofair_admin'],
  'Platform and OFAIR admins (row-level security lets them read the delivery log).',
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
    description:
      'Each item names a notice kind of mine and the channels to turn on or off: `channels` (any of ' +
      CHANNELS.join(', ') +
      '), or the older `in_app` / `email` fields. Channels not named keep their value. An unknown kind is a 400 `unknown_notice_kind`, an unknown channel a 400 `unknown_channel`; nothing is saved then.',
    access: own,
    body: z.strictObject({
      preferences: z
        .array(
          z.strictObject({
            event_type: z.string().min(1).max(100),
            in_app: z.boolean().optional(),
            email: z.boolean().optional(),
            channels: z
              .record(z.string().min(1).max(40), z.boolean())
              .optional()
              .describe(`Channel → on/off (${CHANNELS.join(', ')})`),
          }),
        )
        .min(1)
        .max(50),
    }),
    response: ZPreferences,
    handler: async ({ tx, caller, body, ctx }) => {
      await setPreferences(tx, userIdOf(caller), caller.principal!.roles, body.preferences, ctx.clock.now())
      return { data: await getPreferences(tx, userIdOf(caller), caller.principal!.roles) }
    },
  }),

  route.define({
    method: 'GET',
    url: '/api/notifications/settings',
    operationId: 'getNotificationSettings',
    summary: 'My quiet hours, marketing consent and web push',
    access: own,
    response: ZSettings,
    handler: async ({ tx, caller, ctx }) => ({
      ...(await getSettings(tx, userIdOf(caller))),
      push: {
        public_key: ctx.services.webPush?.keys.publicKey ?? null,
        subscriptions: await pushSubscriptionCount(tx, userIdOf(caller)),
      },
    }),
  }),

  route.define({
    method: 'PUT',
    url: '/api/notifications/settings',
    operationId: 'setNotificationSettings',
    summary: 'Set my quiet hours and marketing consent',
    description:
      'Quiet hours are Israel time; messages that are not urgent wait until they end (in-app notices are not held). Marketing reaches me only while I have opted in; the time of each opt-in and opt-out is kept.',
    access: own,
    body: z.strictObject({
      quiet_hours: z.strictObject({ enabled: z.boolean(), start: ZClock, end: ZClock }).optional(),
      marketing_opt_in: z.boolean().optional(),
    }),
    response: ZSettings,
    handler: async ({ tx, caller, body, ctx }) => ({
      ...(await setSettings(tx, userIdOf(caller), body, ctx.clock.now())),
      push: {
        public_key: ctx.services.webPush?.keys.publicKey ?? null,
        subscriptions: await pushSubscriptionCount(tx, userIdOf(caller)),
      },
    }),
  }),

  route.define({
    method: 'POST',
    url: '/api/notifications/marketing/unsubscribe',
    operationId: 'unsubscribeFromMarketing',
    summary: 'Opt out of marketing with the link of a message',
    description: 'The token of the opt-out link is the secret; no sign-in needed.',
    access: access.public('Anyone holding the opt-out link of a marketing message.'),
    body: z.strictObject({ token: z.uuid() }),
    errors: [404],
    response: null,
    handler: async ({ tx, body, ctx }) => {
      await asSystem(tx, 'notifications.unsubscribe', () =>
        unsubscribeByToken(tx, body.token, ctx.clock.now()),
      )
    },
  }),

  route.define({
    method: 'POST',
    url: '/api/notifications/push/subscriptions',
    operationId: 'subscribeToPush',
    summary: 'Receive web push on this browser',
    description: 'The body is the browser’s `PushSubscription.toJSON()`.',
    access: own,
    body: z.strictObject({
      endpoint: z
        .url()
        .max(1000)
        .refine(
          (u) => /^https:\/\//.test(u) || /^http:\/\/(127\.0\.0\.1|localhost)[:/]/.test(u),
          'must be an https URL',
        ),
      expirationTime: z.number().nullable().optional(),
      keys: z.strictObject({
        p256dh: z.string().regex(/^[A-Za-z0-9_-]{80,100}=*$/, 'must be a base64url P-256 key'),
        auth: z.string().regex(/^[A-Za-z0-9_-]{16,30}=*$/, 'must be a base64url secret'),
      }),
    }),
    errors: [409],
    status: 201,
    response: z.object({ id: z.string() }),
    handler: async ({ tx, caller, body, ctx, request }) => {
      if (!ctx.services.webPush) throw new AppError('push_not_configured', 'Web push is off (no VAPID keys)')
      return subscribePush(tx, userIdOf(caller), body, request.headers['user-agent'])
    },
  }),

  route.define({
    method: 'POST',
    url: '/api/notifications/push/unsubscribe',
    operationId: 'unsubscribeFromPush',
    summary: 'Stop web push on this browser',
    access: own,
    body: z.strictObject({ endpoint: z.url().max(1000) }),
    response: null,
    handler: async ({ tx, caller, body }) => {
      await unsubscribePush(tx, userIdOf(caller), body.endpoint)
    },
  }),

  route.define({
    method: 'GET',
    url: '/api/admin/notifications/deliveries',
    operationId: 'listNotificationDeliveries',
    summary: 'The delivery log: failed (and other) messages, newest first',
    tags: ['admin'],
    access: admins,
    query: z.strictObject({
      status: z.enum(DELIVERY_STATUSES).optional(),
      channel: z.enum(['email', 'sms', 'whatsapp', 'push']).optional(),
      kind_prefix: z
        .string()
        .regex(/^[a-z_.]{1,60}$/)
        .optional()
        .describe('Notice kinds starting with this (ofair_ for OFAIR’s)'),
      user_id: z.uuid().optional(),
      ...ZListQueryBase,
    }),
    response: listOf(ZDelivery),
    handler: async ({ tx, query }) => {
      const page = await listDeliveries(tx, {
        status: query.status,
        channel: query.channel,
        kindPrefix: query.kind_prefix,
        userId: query.user_id,
        limit: query.limit,
        startingAfter: query.starting_after,
      })
      const names = await displayNames(
        tx,
        page.data.map((d) => d.user_id),
      )
      return { ...page, data: page.data.map((d) => ({ ...d, user_name: names.get(d.user_id) ?? null })) }
    },
  }),
]
