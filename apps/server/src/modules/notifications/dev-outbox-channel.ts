import { sql } from 'kysely'
import type { Db } from '../../kernel/db/database.ts'
import { inTransaction, systemActor } from '../../kernel/db/transaction.ts'
import type { MessageChannel, OutboundMessage, SendResult } from './channels.ts'

/** Demo mode only: keeps every outbound message in platform.dev_outbox for the /dev/outbox page. */
export class DevOutboxChannel implements MessageChannel {
  readonly name = 'dev-outbox'
  readonly #db: Db
  constructor(db: Db) {
    this.#db = db
  }

  async send(message: OutboundMessage): Promise<SendResult> {
    await inTransaction(this.#db, systemActor('dev-outbox'), (tx) =>
      tx
        .insertInto('platform.dev_outbox')
        .values({
          channel: message.channel,
          recipient: message.to,
          subject: message.subject ?? null,
          body: message.text,
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

export async function recentDevMessages(db: Db, limit: number, recipient?: string): Promise<DevMessage[]> {
  return inTransaction(db, systemActor('dev-outbox'), (tx) => {
    let q = tx
      .selectFrom('platform.dev_outbox')
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
    if (recipient) q = q.where(sql`lower(recipient)`, '=', recipient.toLowerCase())
    return q.execute()
  })
}
