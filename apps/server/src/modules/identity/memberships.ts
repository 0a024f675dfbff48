import type { IdentityTx } from './route.ts'

/** A person's roles with the organisation each is held in, by marketplace then organisation name. */
export function membershipsOf(tx: IdentityTx, userId: string) {
  return tx
    .selectFrom('identity.memberships as m')
    .innerJoin('identity.organizations as o', 'o.id', 'm.organization_id')
    .select([
      'm.id',
      'm.role',
      'm.created_at',
      'o.id as organization_id',
      'o.name as organization_name',
      'o.kind',
      'o.marketplace',
    ])
    .where('m.user_id', '=', userId)
    .orderBy('o.marketplace')
    .orderBy('o.name')
    .execute()
}
