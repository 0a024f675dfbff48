import type { Transaction } from 'kysely'
import type { NotificationsSchema } from '../../kernel/db/schema/notifications.ts'
import { asSystem } from '../../kernel/db/transaction.ts'

type Tx = Transaction<NotificationsSchema>

/**
 * Stores a browser's PushSubscription for the caller. An endpoint belongs to one browser profile:
 * if another person had signed in on it, the subscription moves to the caller (as the system:
 * row-level security hides the other person's row).
 */
export async function subscribePush(
  tx: Tx,
  userId: string,
  sub: { endpoint: string; keys: { p256dh: string; auth: string } },
  userAgent: string | undefined,
): Promise<{ id: string }> {
  return asSystem(tx, 'notifications.subscribe_push', async () => {
    const row = await tx
      .insertInto('notifications.push_subscriptions')
      .values({
        user_id: userId,
        endpoint: sub.endpoint,
        p256dh: sub.keys.p256dh,
        auth: sub.keys.auth,
        user_agent: userAgent?.slice(0, 300) ?? null,
      })
      .onConflict((oc) =>
        oc.column('endpoint').doUpdateSet({
          user_id: userId,
          p256dh: sub.keys.p256dh,
          auth: sub.keys.auth,
          user_agent: userAgent?.slice(0, 300) ?? null,
        }),
      )
      .returning('id')
      .executeTakeFirstOrThrow()
    return row
  })
}

/** Removes the caller's subscription of this endpoint (nothing if it is not theirs). */
export async function unsubscribePush(tx: Tx, userId: string, endpoint: string): Promise<void> {
  await tx
    .deleteFrom('notifications.push_subscriptions')
    .where('user_id', '=', userId)
    .where('endpoint', '=', endpoint)
    .execute()
}

export async function pushSubscriptionCount(tx: Tx, userId: string): Promise<number> {
  const row = await tx
    .selectFrom('notifications.push_subscriptions')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}
