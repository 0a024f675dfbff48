import type { MessageChannel, OutboundMessage, SendResult } from './channels.ts'

/**
 * SMS or WhatsApp through an HTTP provider: `POST {url}` with a JSON body
 * `{channel, to, from, text}` and `Authorization: Bearer {token}`. Providers differ in shape; this
 * is the adapter to specialise (Twilio, GreenAPI, 019, InforU…) while callers stay unchanged.
 */
export class HttpSmsChannel implements MessageChannel {
  readonly name = 'http-sms'
  readonly options: { url: string; token: string | undefined; sender: string; timeoutMs?: number }

  constructor(options: { url: string; token: string | undefined; sender: string; timeoutMs?: number }) {
    this.options = options
  }

  async send(message: OutboundMessage): Promise<SendResult> {
    try {
      const res = await fetch(this.options.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(this.options.token ? { authorization: `Bearer ${this.options.token}` } : {}),
        },
        body: JSON.stringify({
          channel: message.channel,
          to: message.to,
          from: this.options.sender,
          text: message.text,
        }),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
      })
      if (res.ok) {
        const body = (await res.json().catch(() => ({}))) as { id?: string }
        return { ok: true, ...(body.id ? { providerId: String(body.id) } : {}) }
      }
      // 429 and 5xx may pass on retry; other 4xx will not.
      return {
        ok: false,
        retryable: res.status === 429 || res.status >= 500,
        error: `provider answered ${res.status}`,
      }
    } catch (err) {
      return { ok: false, retryable: true, error: (err as Error).message }
    }
  }
}
