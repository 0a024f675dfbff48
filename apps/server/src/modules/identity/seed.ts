import { inTransaction, systemActor } from '../../kernel/db/transaction.ts'
import type { SeedStep } from '../../kernel/module.ts'
import { normalizeIsraeliMobile } from './contacts.ts'
import { DEMO_ORGANIZATIONS, DEMO_PERSONAS } from './personas.ts'

/** Demo organisations and one person per role (upserts: safe to re-run). */
export const demoPersonasSeed: SeedStep = {
  name: 'identity.demo_personas',
  version: 2,
  description: 'demo people for every role in both marketplaces',
  // reads nothing another step writes: it starts at once, beside the feature flags
  after: [],
  async run(ctx, progress) {
    await inTransaction(ctx.db, systemActor('seed'), async (tx) => {
      for (const org of DEMO_ORGANIZATIONS) {
        await tx
          .insertInto('identity.organizations')
          .values({ ...org })
          .onConflict((oc) => oc.column('slug').doNothing())
          .execute()
      }
      const orgs = new Map(
        (await tx.selectFrom('identity.organizations').select(['id', 'slug']).execute()).map((o) => [
          o.slug,
          o.id,
        ]),
      )
      let done = 0
      for (const p of DEMO_PERSONAS) {
        const email = p.email ?? null
        const phone = p.phone ? normalizeIsraeliMobile(p.phone) : null
        const existing = await tx
          .selectFrom('identity.user_contacts')
          .select('user_id')
          .where((eb) => eb.or([eb('email', '=', email ?? '-'), eb('phone', '=', phone ?? '-')]))
          .executeTakeFirst()
        const userId =
          existing?.user_id ??
          (
            await tx
              .insertInto('identity.users')
              .values({ display_name: p.name, locale: p.locale })
              .returning('id')
              .executeTakeFirstOrThrow()
          ).id
        // demo addresses count as verified (signing in verifies them anyway): a candidate persona's
        // own applications are found through her verified address
        const verified = ctx.clock.now()
        if (!existing)
          await tx
            .insertInto('identity.user_contacts')
            .values({
              user_id: userId,
              email,
              phone,
              email_verified_at: email ? verified : null,
              phone_verified_at: phone ? verified : null,
            })
            .execute()
        else
          await tx
            .updateTable('identity.user_contacts')
            .set((eb) => ({
              email_verified_at: eb.fn.coalesce('email_verified_at', eb.val(email ? verified : null)),
              phone_verified_at: eb.fn.coalesce('phone_verified_at', eb.val(phone ? verified : null)),
            }))
            .where('user_id', '=', userId)
            .execute()
        for (const m of p.memberships) {
          await tx
            .insertInto('identity.memberships')
            .values({ user_id: userId, organization_id: orgs.get(m.org)!, role: m.role })
            .onConflict((oc) => oc.columns(['user_id', 'organization_id', 'role']).doNothing())
            .execute()
        }
        progress(++done, DEMO_PERSONAS.length)
      }
    })
    return { personas: DEMO_PERSONAS.length }
  },
}
