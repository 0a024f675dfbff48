/**
 * Outbound messages to people: email, SMS, WhatsApp. Adapters return a Result rather than throw,
 * with `retryable` telling the caller whether trying again may help.
 */
export type ChannelName = 'email' | 'sms' | 'whatsapp'

export interface OutboundMessage {
  channel: ChannelName
  /** Email address or E.164 phone number. */
  to: string
  subject?: string
  text: string
  html?: string
  /** WhatsApp: a pre-approved template and its body parameters (the text is the fallback). */
  template?: { name: string; language: string; params: string[] }
  /** Email: an iCalendar invitation, sent as a text/calendar alternative and an .ics attachment. */
  calendar?: { method: 'REQUEST' | 'CANCEL' | 'PUBLISH'; content: string; filename: string }
}

export type SendResult = { ok: true; providerId?: string } | { ok: false; retryable: boolean; error: string }

export interface MessageChannel {
  readonly name: string
  send(message: OutboundMessage): Promise<SendResult>
}

/** Routes each message to the adapter for its channel, and also to the dev outbox in demo mode. */
export class MessageDispatcher {
  readonly #byChannel: Partial<Record<ChannelName, MessageChannel>>
  readonly #capture: MessageChannel | undefined

  constructor(byChannel: Partial<Record<ChannelName, MessageChannel>>, capture?: MessageChannel) {
    this.#byChannel = byChannel
    this.#capture = capture
  }

  async send(message: OutboundMessage): Promise<SendResult> {
    if (this.#capture) await this.#capture.send(message)
    const adapter = this.#byChannel[message.channel]
    if (!adapter) {
      // Demo mode without a provider: the dev outbox is the delivery.
      return this.#capture
        ? { ok: true }
        : { ok: false, retryable: false, error: `no ${message.channel} provider configured` }
    }
    return adapter.send(message)
  }
}
