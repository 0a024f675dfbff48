import type { Tx } from '../../kernel/db/database.ts'
import type { Role } from '../../kernel/http/access.ts'
import { describeSelf } from './users.ts'

/** The signed-in person as the API shows them to themselves. */
export async function selfView(tx: Tx, userId: string) {
  const self = await describeSelf(tx, userId)
  return {
    id: self.user.id,
    display_name: self.user.display_name,
    locale: self.user.locale as 'en' | 'he',
    email: self.email,
    phone: self.phone,
    roles: [...new Set(self.memberships.map((m) => m.role as Role))],
    memberships: self.memberships.map((m) => ({
      id: m.id,
      role: m.role as Role,
      organization_id: m.organization_id,
      organization_name: m.organization_name,
      kind: m.kind as 'platform' | 'company' | 'agency',
      marketplace: m.marketplace as 'splits' | 'ofair',
    })),
  }
}
