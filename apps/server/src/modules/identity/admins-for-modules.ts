import { sql } from 'kysely'
import type { AnyTx } from '../../kernel/db/database.ts'
import { asSystem } from '../../kernel/db/transaction.ts'

/** The active users holding the platform_admin role (whom platform alerts and digests reach). */
export async function platformAdminUserIds(tx: AnyTx): Promise<string[]> {
  return asSystem(tx, 'identity.platform_admins', async () => {
    const { rows } = await sql<{ user_id: string }>`
      select distinct m.user_id from identity.memberships m join identity.users u on u.id = m.user_id
       where m.role = 'platform_admin' and u.status = 'active' order by m.user_id`.execute(tx)
    return rows.map((r) => r.user_id)
  })
}
