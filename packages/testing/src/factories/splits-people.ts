/** People for marketplace tests: made and signed in at once (identity's own factories are in people.ts). */
import { randomUUID } from 'node:crypto'
import type { AppContext } from '../../../../apps/server/src/kernel/context.ts'
import { inTransaction, systemActor } from '../../../../apps/server/src/kernel/db/transaction.ts'
import { sessionFor, type TestSession } from '../sessions.ts'

/** A person made for one test: unique name and address, signed in. */
export interface TestPerson extends TestSession {
  name: string
  email: string
}

export type MarketplaceRole = 'recruiter' | 'platform_admin' | 'candidate'

/** A short random tag that keeps names and addresses unique across tests and runs. */
export const uniqueTag = () => randomUUID().slice(0, 8)

/**
 * A person with a verified email address and, optionally, marketplace-wide roles (memberships in
 * the Splits Network organisation), signed in. Tests set up worlds directly in identity's tables;
 * product code never does.
 */
export async function makePerson(
  ctx: AppContext,
  options: { name?: string; email?: string; roles?: readonly MarketplaceRole[]; verified?: boolean } = {},
): Promise<TestPerson> {
  const tag = uniqueTag()
  const name = options.name ?? `Person ${tag}`
  const email = (options.email ?? `person-${tag}@factory.test`).toLowerCase()
  await inTransaction(ctx.db, systemActor('test-factory'), async (tx) => {
    const user = await tx
      .insertInto('identity.users')
      .values({ display_name: name })
      .returning('id')
      .executeTakeFirstOrThrow()
    await tx
      .insertInto('identity.user_contacts')
      .values({
        user_id: user.id,
        email,
        email_verified_at: options.verified === false ? null : ctx.clock.now(),
      })
      .execute()
    if (options.roles?.length) {
      const splits = await tx
        .selectFrom('identity.organizations')
        .select('id')
        .where('slug', '=', 'splits-network')
        .executeTakeFirstOrThrow()
      await tx
        .insertInto('identity.memberships')
        .values(options.roles.map((role) => ({ user_id: user.id, organization_id: splits.id, role })))
        .execute()
    }
  })
  return { ...(await sessionFor(ctx, { email })), name, email }
}

/** Grants a person a role in an organisation at once (a world's starting state, not the invitation flow). */
export async function grantMembership(
  ctx: AppContext,
  userId: string,
  organizationId: string,
  role: 'company_admin' | 'hiring_manager' | 'recruiter' | 'candidate' | 'platform_admin',
): Promise<void> {
  await inTransaction(ctx.db, systemActor('test-factory'), (tx) =>
    tx
      .insertInto('identity.memberships')
      .values({ user_id: userId, organization_id: organizationId, role })
      .execute(),
  )
}
