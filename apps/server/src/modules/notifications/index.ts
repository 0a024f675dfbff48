import type { AppModule } from '../../kernel/module.ts'
import { type ChannelName, type MessageChannel, MessageDispatcher } from './channels.ts'
import { DevOutboxChannel } from './dev-outbox-channel.ts'
import { HttpSmsChannel } from './http-sms-channel.ts'
import { sendEmailJob, sendSmsJob } from './jobs.ts'
import { notificationsRoute } from './route.ts'
import { notificationRoutes } from './routes.ts'
import { SmtpChannel } from './smtp-channel.ts'

declare module '../../kernel/context.ts' {
  interface AppServices {
    messages: MessageDispatcher
  }
}

/**
 * Telling people things: message channels (email, SMS, WhatsApp, the demo-mode dev outbox), the
 * in-app bell with per-kind preferences, and `notify`, which other modules call (from their own
 * event consumers) with the notices they decided on. It knows none of their events.
 */
export const notificationsModule: AppModule = {
  name: 'notifications',
  schemas: ['notifications'],
  routes: (app, ctx) => notificationsRoute.mount(app, ctx, notificationRoutes),
  jobs: [sendEmailJob, sendSmsJob],
  init(ctx) {
    const { mail, sms, demoMode } = ctx.config
    const byChannel: Partial<Record<ChannelName, MessageChannel>> = {}
    if (mail.smtpUrl) byChannel.email = new SmtpChannel(mail.smtpUrl, mail.from)
    if (sms.providerUrl) {
      const adapter = new HttpSmsChannel({ url: sms.providerUrl, token: sms.token, sender: sms.sender })
      byChannel.sms = adapter
      byChannel.whatsapp = adapter
    }
    ctx.services.messages = new MessageDispatcher(
      byChannel,
      demoMode ? new DevOutboxChannel(ctx.db) : undefined,
    )
  },
}

export type { OutboundMessage, SendResult } from './channels.ts'
export { recentDevMessages } from './dev-outbox-channel.ts'
export { defineNoticeKinds, noticeKinds } from './kinds.ts'
export { type Notice, notify } from './notify.ts'
