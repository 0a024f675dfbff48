import type { RouteCase } from '../../security/route-cases.ts'

/** Who may call each of this module's routes, and how the security test proves it (see security/route-matrix.ts). */
export const notificationsRouteMatrix: Record<string, RouteCase> = {
  // notifications (each person's own; row-level security keeps it so)
  'GET /api/notifications': { access: 'authenticated' },
  'GET /api/notifications/unread-count': { access: 'authenticated' },
  'POST /api/notifications/:id/read': { access: 'authenticated' },
  'POST /api/notifications/read-all': { access: 'authenticated' },
  'GET /api/notifications/preferences': { access: 'authenticated' },
  'PUT /api/notifications/preferences': { access: 'authenticated' },
  'GET /api/notifications/settings': { access: 'authenticated' },
  'PUT /api/notifications/settings': { access: 'authenticated' },
  'POST /api/notifications/push/subscriptions': { access: 'authenticated' },
  'POST /api/notifications/push/unsubscribe': { access: 'authenticated' },
  'POST /api/notifications/marketing/unsubscribe': {
    access: 'public',
    why: 'The opt-out link of a marketing message: its random token is the secret; it only turns marketing off.',
  },
  // the delivery log (names, titles, errors; no addresses)
  'GET /api/admin/notifications/deliveries': { access: 'roles', wrongRole: 'ofair-electrician' },
}
