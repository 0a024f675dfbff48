import nodemailer, { type Transporter } from 'nodemailer'
import type { MessageChannel, OutboundMessage, SendResult } from './channels.ts'

/** Email through any SMTP server (SMTP_URL), with nodemailer. */
export class SmtpChannel implements MessageChannel {
  readonly name = 'smtp'
  readonly #transport: Transporter
  readonly #from: string

  constructor(smtpUrl: string, from: string) {
    this.#transport = nodemailer.createTransport(smtpUrl)
    this.#from = from
  }

  async send(message: OutboundMessage): Promise<SendResult> {
    try {
      const info = await this.#transport.sendMail({
        from: this.#from,
        to: message.to,
        subject: message.subject ?? '',
        text: message.text,
        ...(message.html ? { html: message.html } : {}),
        ...(message.calendar
          ? {
              icalEvent: {
                method: message.calendar.method,
                filename: message.calendar.filename,
                content: message.calendar.content,
              },
            }
          : {}),
      })
      return { ok: true, providerId: info.messageId }
    } catch (err) {
      const e = err as { responseCode?: number; code?: string; message: string }
      // 5xx SMTP replies are permanent (bad mailbox); connection problems and 4xx may pass.
      const permanent = typeof e.responseCode === 'number' && e.responseCode >= 500
      return { ok: false, retryable: !permanent, error: e.message }
    }
  }

  close(): void {
    this.#transport.close()
  }
}
