import type { NotificationsSchema } from '../../kernel/db/schema/notifications.ts'
import { moduleRoutes } from '../../kernel/http/route.ts'

/** Notification routes: the caller's own inbox and preferences, on this module's tables only. */
export const notificationsRoute = moduleRoutes<NotificationsSchema>({ tag: 'notifications' })
