import type { AppContext } from '../../../apps/server/src/kernel/context.ts'
import { inTransaction, systemActor } from '../../../apps/server/src/kernel/db/transaction.ts'

/**
 * The Acme Robotics company record for the demo `acme-robotics` organisation (whose hiring team
 * the personas dana@ and eli@acme.demo are), as tests need it without loading all demo data.
 */
export async function addAcmeCompany(
  ctx: AppContext,
  options: { paymentTerms?: 'net_30' | 'net_60' | 'net_90'; billingEmail?: string } = {},
): Promise<string> {
  return inTransaction(ctx.db, systemActor('test-fixture'), async (tx) => {
    const org = await tx
      .selectFrom('identity.organizations')
      .select('id')
      .where('slug', '=', 'acme-robotics')
      .executeTakeFirstOrThrow()
    const acme = await tx
      .insertInto('ats.companies')
      .values({
        organization_id: org.id,
        name: 'Acme Robotics',
        payment_terms: options.paymentTerms ?? 'net_30',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await tx
      .insertInto('ats.company_billing')
      .values({ company_id: acme.id, billing_email: options.billingEmail ?? null })
      .execute()
    return acme.id
  })
}
