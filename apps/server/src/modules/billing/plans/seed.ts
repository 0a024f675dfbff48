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

/** The demo recruiters on a paid plan and since when: the fee statements of their placements read it. */
async function demoRecruiters(ctx: AppContext) {
  return inTransaction(ctx.db, systemActor('billing.plans.seed'), async (tx) => {
    const found: Array<{ userId: string; recruiterId: string; tier: PaidTier; interval: BillingInterval }> =
      []
    for (const d of DEMO) {
      const email = normalizeEmail(d.email)
      const userId = email ? (await userIdsByEmail(tx, [email])).get(email) : undefined
      const recruiterId = userId ? await recruiterIdOfUser(tx, userId) : null
      if (!userId || !recruiterId) continue
      if ((await recruiterPlanTier(tx, recruiterId)) !== d.tier) continue
      found.push({ userId, recruiterId, tier: d.tier, interval: d.interval })
    }
    return found
  })
}

/**
 * The plan history first and on its own (a few rows, no Stripe): billing's demo invoices wait for
 * it, so every demo statement reads the tier the recruiter held at its placement, on every start.
 */
export const plansHistoryDemoSeed: SeedStep = {
  name: 'billing.plans_history_demo',
  version: 1,
  description: 'recruiter plan history demo data (Rachel on Pro, Tom on Partner, since they joined)',
  after: ['recruiting.demo_marketplace'],
  async run(ctx: AppContext) {
    // the personas joined a year ago (recruiting's demo data): on this plan ever since
    const since = new Date(ctx.clock.now().getTime() - 365 * 86_400_000)
    const who = await demoRecruiters(ctx)
    const inserted = await inTransaction(ctx.db, systemActor('billing.plans.seed'), (tx) =>
      who.length === 0
        ? Promise.resolve([])
        : view(tx)
            .insertInto('billing.plan_periods')
            .values(
              who.flatMap((w) => [
                {
                  recruiter_id: w.recruiterId,
                  tier: 'starter',
                  valid_from: sql<Date>`'-infinity'::timestamptz`,
                  valid_to: since,
                  reason: 'seed',
                },
                { recruiter_id: w.recruiterId, tier: w.tier, valid_from: since, reason: 'seed' },
              ]),
            )
            .onConflict((oc) => oc.doNothing())
            .returning('id')
            .execute(),
    )
    return { history: inserted.length }
  },
}

/**
 * Their subscriptions at the local Stripe test server (demo mode), so changing plan works on the
 * page: about ten in-process Stripe calls, beside billing's demo data rather than before it.
 */
export const plansDemoSeed: SeedStep = {
  name: 'billing.plans_demo',
  version: 1,
  description: 'recruiter subscriptions demo data (Rachel on Pro monthly, Tom on Partner yearly)',
  after: ['billing.plans_history_demo'],
  async run(ctx: AppContext) {
    if (!ctx.services.stripe) return { subscriptions: 0 }
    const who = await demoRecruiters(ctx)
    // the two recruiters side by side: their Stripe calls overlap (start-up stays short)
    await Promise.all(
      who.map(async (w) => {
        const caller: BillingCaller = {
          principal: null,
          userId: w.userId,
          isPlatformAdmin: false,
          adminCompanyIds: [],
          teamCompanyIds: [],
          recruiterId: w.recruiterId,
        }
        await saveCard(ctx, caller, 'pm_card_visa')
        await subscribe(ctx, caller, { tier: w.tier, interval: w.interval }, { trial: false })
      }),
    )
    return { subscriptions: who.length }
  },
}
