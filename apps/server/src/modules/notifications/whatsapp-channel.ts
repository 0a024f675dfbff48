import type { MessageChannel, OutboundMessage, SendResult } from './channels.ts'

/**
 * WhatsApp through a Cloud-API-style provider (`WHATSAPP_PROVIDER_URL`, e.g. Meta's
 * `…/{phone-number-id}/messages`, or a BSP speaking the same JSON): business-initiated messages must
 * use a pre-approved template, so a notice goes as its template name with body parameters:
 * `{messaging_product: "whatsapp", to, type: "template", template: {name, language: {code},
 * components: [{type: "body", parameters: [{type: "text", text}]}]}}`, `Authorization: Bearer`.
 */
export class WhatsAppCloudChannel implements MessageChannel {
  readonly name = 'whatsapp-cloud'
  readonly options: { url: string; token: string | undefined; timeoutMs?: number }

  constructor(options: { url: string; token: string | undefined; timeoutMs?: number }) {
    this.options = options
  }

  async send(message: OutboundMessage): Promise<SendResult> {
    const to = message.to.replace(/^\+/, '')
    const body = message.template
      ? {
          messaging_product: 'whatsapp',
          recipient_type: 'individual',
          to,
          type: 'template',
          template: {
            name: message.template.name,
            language: { code: message.template.language },
            components: [
              {
                type: 'body',
                parameters: message.template.params.map((text) => ({
                  type: 'text',
                  text: text.slice(0, 1000),
                })),
              },
            ],
          },
        }
      : {
          messaging_product: 'whatsapp',
          recipient_type: 'individual',
          to,
          type: 'text',
          text: { body: message.text },
        }
    try {
      const res = await fetch(this.options.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(this.options.token ? { authorization: `Bearer ${this.options.token}` } : {}),
        },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
      })
      if (res.ok) {
        const answer = (await res.json().catch(() => ({}))) as { messages?: { id?: string }[] }
        const id = answer.messages?.[0]?.id
        return { ok: true, ...(id ? { providerId: String(id) } : {}) }
      }
      const detail = await res.text().catch(() => '')
      return {
        ok: false,
        retryable: res.status === 429 || res.status >= 500,
        error: `WhatsApp provider answered ${res.status}${detail ? `: ${detail.slice(0, 200)}` : ''}`,
      }
    } catch (err) {
      return { ok: false, retryable: true, error: (err as Error).message }
    }
  }
}
