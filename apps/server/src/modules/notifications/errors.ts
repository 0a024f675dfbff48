import { defineErrors } from '../../kernel/errors.ts'

/** Notifications' own refusals (besides the kernel's). */
export const NOTIFICATION_ERRORS = defineErrors('notifications', {
  unknown_channel: {
    status: 400,
    title: 'Not a notification channel (in_app, email, sms, whatsapp or push)',
  },
  unknown_notice_kind: { status: 400, title: 'Not a kind of notice that can reach you' },
  push_not_configured: { status: 409, title: 'Web push is not set up on this server (no VAPID keys)' },
  invalid_unsubscribe_token: { status: 404, title: 'No such unsubscribe link' },
})

declare module '../../kernel/errors.ts' {
  interface ErrorCatalog extends Record<keyof typeof NOTIFICATION_ERRORS, true> {}
}
