import { sql } from 'kysely'
import type { AppContext } from '../../../kernel/context.ts'
import { inTransaction, systemActor } from '../../../kernel/db/transaction.ts'
import type { SeedStep } from '../../../kernel/module.ts'
import { normalizeEmail, userIdsByEmail } from '../../identity/index.ts'
import { recruiterIdOfUser, recruiterPlanTier } from '../../recruiting/index.ts'
import type { BillingCaller } from '../caller.ts'
import type { BillingTx } from '../database.ts'
import type { BillingInterval, PaidTier } from './catalog.ts'
import { saveCard, subscribe } from './subscriptions.ts'

/**
 * Plans in the demo: Rachel is on Pro (monthly) and Tom on Partner (yearly), each since they joined
 * (Starter before: the history starts there), with a real subscription at the local Stripe test
 * server when there is one (demo mode), so changing plan works on the page. About ten in-process
 * Stripe calls; with no Stripe (tests, bank-transfer mode) only the history is written.
 */
const view = (tx: unknown) => tx as BillingTx
const DEMO: ReadonlyArray<{ email: string; tier: PaidTier; interval: BillingInterval }> = [
  { email: 'rachel@recruiters.demo', tier: 'pro', interval: 'month' },
  { email: 'tom@talentbridge.demo', tier: 'partner', interval: 'year' },
]

export const plansDemoSeed: SeedStep = {
  name: 'billing.plans_demo',
  version: 1,
  description: 'recruiter plans demo data (Rachel on Pro, Tom on Partner, their history)',
  after: ['recruiting.demo_marketplace'],
  async run(ctx: AppContext) {
    const counts = { history: 0, subscriptions: 0 }
    // the two recruiters side by side: their Stripe calls overlap (start-up stays short)
    await Promise.all(
      DEMO.map(async (d) => {
        const who = await inTransaction(ctx.db, systemActor('billing.plans.seed'), async (tx) => {
          const email = normalizeEmail(d.email)
          const userId = email ? (await userIdsByEmail(tx, [email])).get(email) : undefined
          const recruiterId = userId ? await recruiterIdOfUser(tx, userId) : null
          if (!userId || !recruiterId) return null
          const tier = await recruiterPlanTier(tx, recruiterId)
          if (tier !== d.tier) return null
          // the personas joined a year ago (recruiting's demo data): on this plan ever since
          const since = new Date(ctx.clock.now().getTime() - 365 * 86_400_000)
          const inserted = await view(tx)
            .insertInto('billing.plan_periods')
            .values([
              {
                recruiter_id: recruiterId,
                tier: 'starter',
                valid_from: sql<Date>`'-infinity'::timestamptz`,
                valid_to: since,
                reason: 'seed',
              },
              { recruiter_id: recruiterId, tier: d.tier, valid_from: since, reason: 'seed' },
            ])
            .onConflict((oc) => oc.doNothing())
            .returning('id')
            .execute()
          counts.history += inserted.length
          return { userId, recruiterId }
        })
        if (!who || !ctx.services.stripe) return
        const caller: BillingCaller = {
          principal: null,
          userId: who.userId,
          isPlatformAdmin: false,
          adminCompanyIds: [],
          teamCompanyIds: [],
          recruiterId: who.recruiterId,
        }
        await saveCard(ctx, caller, 'pm_card_visa')
        await subscribe(ctx, caller, { tier: d.tier, interval: d.interval }, { trial: false })
        counts.subscriptions++
      }),
    )
    return counts
  },
}
