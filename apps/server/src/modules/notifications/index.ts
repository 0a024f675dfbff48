import type { AppFastify, AppModule } from '../../kernel/module.ts'
import { type ChannelName, type MessageChannel, MessageDispatcher } from './channels.ts'
import { DevOutboxChannel } from './dev-outbox-channel.ts'
import './errors.ts'
import { HttpSmsChannel } from './http-sms-channel.ts'
import { notifyLaterJob, sendEmailJob, sendPushJob, sendSmsJob, sendWhatsAppJob } from './jobs.ts'
import { hebrewForOfair } from './messages.ts'
import { notificationsRoute } from './route.ts'
import { notificationRoutes } from './routes.ts'
import { SmtpChannel } from './smtp-channel.ts'
import { generateVapidKeys, WebPushChannel } from './web-push-channel.ts'
import { WhatsAppCloudChannel } from './whatsapp-channel.ts'

declare module '../../kernel/context.ts' {
  interface AppServices {
    messages: MessageDispatcher
    /** Web push with the VAPID keys; absent when push is off. */
    webPush: WebPushChannel | undefined
  }
}

/**
 * Telling people things: message channels (email, SMS, WhatsApp, web push, the demo-mode dev
 * outbox), the in-app bell, preferences per kind and channel, quiet hours, marketing consent, the
 * delivery log, and `notify`, which other modules call (from their own event consumers) with the
 * notices they decided on. It knows none of their events.
 */
export const notificationsModule: AppModule = {
  name: 'notifications',
  schemas: ['notifications'],
  routes(app, ctx) {
    app.register(async (child) => {
      const scope = child as unknown as AppFastify
      hebrewForOfair(scope)
      notificationsRoute.mount(scope, ctx, notificationRoutes)
    })
  },
  jobs: [sendEmailJob, sendSmsJob, sendWhatsAppJob, sendPushJob, notifyLaterJob],
  init(ctx) {
    const { mail, sms, whatsapp, demoMode } = ctx.config
    const byChannel: Partial<Record<ChannelName, MessageChannel>> = {}
    if (mail.smtpUrl) byChannel.email = new SmtpChannel(mail.smtpUrl, mail.from)
    if (sms.providerUrl) {
      const adapter = new HttpSmsChannel({ url: sms.providerUrl, token: sms.token, sender: sms.sender })
      byChannel.sms = adapter
      byChannel.whatsapp = adapter
    }
    if (whatsapp.providerUrl) {
      byChannel.whatsapp = new WhatsAppCloudChannel({ url: whatsapp.providerUrl, token: whatsapp.token })
    }
    ctx.services.messages = new MessageDispatcher(
      byChannel,
      demoMode ? new DevOutboxChannel(ctx.db) : undefined,
    )
    // VAPID: configured, or (demo mode only) a pair made now and kept in memory
    const keys =
      ctx.config.webPush ??
      (demoMode ? { ...generateVapidKeys(), subject: ctx.config.vapidSubject } : undefined)
    ctx.services.webPush = keys ? new WebPushChannel(keys) : undefined
  },
}

export type { OutboundMessage, SendResult } from './channels.ts'
export { recentDevMessages } from './dev-outbox-channel.ts'
export { CHANNELS, type Channel, defineNoticeKinds, noticeKinds } from './kinds.ts'
export { type CalendarPart, type Notice, notify } from './notify.ts'
