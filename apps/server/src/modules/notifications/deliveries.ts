import type { Transaction } from 'kysely'
import type { NotificationsSchema } from '../../kernel/db/schema/notifications.ts'
import { exactTime, olderThanCursor, timeIdPage } from '../../kernel/http/pagination.ts'

type Tx = Transaction<NotificationsSchema>

export const DELIVERY_STATUSES = ['queued', 'retrying', 'sent', 'failed', 'skipped'] as const

/**
 * The delivery log for admins (row-level security lets platform and OFAIR admins read it): newest
 * first, filtered by status, channel, kind (prefix: `ofair_` for OFAIR's) and person.
 */
export async function listDeliveries(
  tx: Tx,
  f: {
    status?: string | undefined
    channel?: string | undefined
    kindPrefix?: string | undefined
    userId?: string | undefined
    limit: number
    startingAfter?: string | undefined
  },
) {
  let q = tx
    .selectFrom('notifications.deliveries')
    .select([
      'id',
      'user_id',
      'kind',
      'channel',
      'title',
      'status',
      'attempts',
      'last_error',
      'send_after',
      'created_at',
      'updated_at',
      'sent_at',
      exactTime('created_at'),
    ])
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(f.limit + 1)
  if (f.status) q = q.where('status', '=', f.status)
  if (f.channel) q = q.where('channel', '=', f.channel)
  if (f.kindPrefix) q = q.where('kind', 'like', `${f.kindPrefix.replace(/[%_\\]/g, (c) => `\\${c}`)}%`)
  if (f.userId) q = q.where('user_id', '=', f.userId)
  if (f.startingAfter) q = q.where(olderThanCursor(f.startingAfter, 'created_at', 'id'))
  return timeIdPage(await q.execute(), f.limit)
}
