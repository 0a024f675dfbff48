import type { Role } from '../../../kernel/http/access.ts'
import { membershipsOf } from '../memberships.ts'
import type { IdentityTx } from '../route.ts'

/** The signed-in person as the API shows them to themselves: profile, own contacts, memberships. */
export async function selfView(tx: IdentityTx, userId: string) {
  const user = await tx
    .selectFrom('identity.users')
    .select(['id', 'display_name', 'locale'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow()
  const contacts = await tx
    .selectFrom('identity.user_contacts')
    .select(['email', 'phone'])
    .where('user_id', '=', userId)
    .executeTakeFirst()
  const memberships = await membershipsOf(tx, userId)
  return {
    id: user.id,
    display_name: user.display_name,
    locale: user.locale as 'en' | 'he',
    email: contacts?.email ?? null,
    phone: contacts?.phone ?? null,
    roles: [...new Set(memberships.map((m) => m.role as Role))],
    memberships: memberships.map((m) => ({
      id: m.id,
      role: m.role as Role,
      organization_id: m.organization_id,
      organization_name: m.organization_name,
      kind: m.kind as 'platform' | 'company' | 'agency',
      marketplace: m.marketplace as 'splits' | 'ofair',
    })),
  }
}

export type SelfView = Awaited<ReturnType<typeof selfView>>

/** Name or language; contacts are how the person signs in, so they are not changed here. */
export async function updateOwnProfile(
  tx: IdentityTx,
  userId: string,
  patch: { display_name?: string | undefined; locale?: 'en' | 'he' | undefined },
  now: Date,
): Promise<void> {
  const set: { display_name?: string; locale?: string; updated_at: Date } = { updated_at: now }
  if (patch.display_name !== undefined) set.display_name = patch.display_name
  if (patch.locale !== undefined) set.locale = patch.locale
  await tx.updateTable('identity.users').set(set).where('id', '=', userId).execute()
}
