import type { Transaction } from 'kysely'
import type { NotificationsSchema } from '../../kernel/db/schema/notifications.ts'
import { AppError } from '../../kernel/errors.ts'
import { exactTime, olderThanCursor, timeIdPage } from '../../kernel/http/pagination.ts'

type Tx = Transaction<NotificationsSchema>

/** The signed-in person's notifications; row-level security keeps everyone to their own. */
export async function listInbox(
  tx: Tx,
  userId: string,
  f: { unread?: boolean | undefined; limit: number; startingAfter?: string | undefined },
) {
  let q = tx
    .selectFrom('notifications.inbox')
    .select(['id', 'type', 'title', 'body', 'link', 'created_at', 'read_at', exactTime('created_at')])
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(f.limit + 1)
  if (f.unread) q = q.where('read_at', 'is', null)
  if (f.startingAfter) q = q.where(olderThanCursor(f.startingAfter, 'created_at', 'id'))
  return timeIdPage(await q.execute(), f.limit)
}

export async function unreadCount(tx: Tx, userId: string): Promise<number> {
  const row = await tx
    .selectFrom('notifications.inbox')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function markRead(tx: Tx, userId: string, id: string, now: Date): Promise<void> {
  const row = await tx
    .updateTable('notifications.inbox')
    .set({ read_at: now })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .returning('id')
    .executeTakeFirst()
  if (!row) {
    const exists = await tx
      .selectFrom('notifications.inbox')
      .select('id')
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .executeTakeFirst()
    if (!exists) throw new AppError('not_found', 'No such notification of yours')
  }
}

export async function markAllRead(tx: Tx, userId: string, now: Date): Promise<void> {
  await tx
    .updateTable('notifications.inbox')
    .set({ read_at: now })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .execute()
}
