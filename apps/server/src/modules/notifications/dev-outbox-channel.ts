import { type Kysely, sql, type Transaction } from 'kysely'
import type { NotificationsSchema } from '../../kernel/db/schema/notifications.ts'
import { inTransaction, systemActor } from '../../kernel/db/transaction.ts'
import type { MessageChannel, OutboundMessage, SendResult } from './channels.ts'

/** Demo mode only: keeps every outbound message in notifications.dev_outbox for the /dev/outbox page. */
export class DevOutboxChannel implements MessageChannel {
  readonly name = 'dev-outbox'
  // biome-ignore lint/suspicious/noExplicitAny: the process's handle; queries are typed by the callback
  readonly #db: Kysely<any>
  // biome-ignore lint/suspicious/noExplicitAny: as above
  constructor(db: Kysely<any>) {
    this.#db = db
  }

  async send(message: OutboundMessage): Promise<SendResult> {
    await inTransaction(this.#db, systemActor('dev-outbox'), (tx: Transaction<NotificationsSchema>) =>
      tx
        .insertInto('notifications.dev_outbox')
        .values({
          channel: message.channel,
          recipient: message.to,
          subject: message.subject ?? null,
          body: message.calendar
            ? `${message.text}\n\n[${message.calendar.filename} · text/calendar; method=${message.calendar.method}]\n${message.calendar.content}`
            : message.text,
        })
        .execute(),
    )
    return { ok: true }
  }
}

export interface DevMessage {
  id: string
  channel: string
  recipient: string
  subject: string | null
  body: string
  created_at: Date
}

export async function recentDevMessages(
  // biome-ignore lint/suspicious/noExplicitAny: the process's handle; the callback names its schema
  db: Kysely<any>,
  limit: number,
  recipient?: string,
): Promise<DevMessage[]> {
  return inTransaction(db, systemActor('dev-outbox'), (tx: Transaction<NotificationsSchema>) => {
    let q = tx
      .selectFrom('notifications.dev_outbox')
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
    if (recipient) q = q.where(sql`lower(recipient)`, '=', recipient.toLowerCase())
    return q.execute()
  })
}
