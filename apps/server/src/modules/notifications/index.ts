import type { AppModule } from '../../kernel/module.ts'
import { type ChannelName, type MessageChannel, MessageDispatcher } from './channels.ts'
import { DevOutboxChannel } from './dev-outbox-channel.ts'
import { HttpSmsChannel } from './http-sms-channel.ts'
import { SmtpChannel } from './smtp-channel.ts'

declare module '../../kernel/context.ts' {
  interface AppServices {
    messages: MessageDispatcher
  }
}

/** Delivery of messages to people over email, SMS and WhatsApp (plus the demo-mode dev outbox). */
export const notificationsModule: AppModule = {
  name: 'notifications',
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
