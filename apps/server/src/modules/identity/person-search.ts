import type { ExpressionBuilder, Nullable } from 'kysely'
import { containsPattern } from '../../kernel/db/like.ts'
import type { IdentityUserContactsTable, IdentityUsersTable } from '../../kernel/db/schema/identity.ts'

/** A query of people: users as `u`, their contacts left-joined as `c`. */
type PeopleQuery = { u: IdentityUsersTable; c: Nullable<IdentityUserContactsTable> }

/**
 * The filter behind every "find a person" box: part of the name or email as typed, or four or
 * more digits of the phone number (a leading 0 of a national number ignored, as stored in E.164).
 */
export function personMatches(q: string) {
  const like = containsPattern(q)
  const digits = q.replace(/\D/g, '')
  return (eb: ExpressionBuilder<PeopleQuery, 'u' | 'c'>) =>
    eb.or([
      eb('u.display_name', 'ilike', like),
      eb('c.email', 'ilike', like),
      ...(digits.length >= 4 ? [eb('c.phone', 'like', `%${digits.replace(/^0/, '')}%`)] : []),
    ])
}
