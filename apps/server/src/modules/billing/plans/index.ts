import './errors.ts'
import './notices.ts'
import { provideRecruiterEntitlements } from '../../recruiting/index.ts'
import { assertEntitlement } from './history.ts'
import { plansRoutes } from './routes.ts'
import { plansDemoSeed, plansHistoryDemoSeed } from './seed.ts'
import { registerPlanStripeEvents } from './stripe-events.ts'

/**
 * Recruiter plans (Starter / Pro / Partner) on Stripe Billing, a part of billing: the catalogue,
 * subscriptions with proration, trials, promo codes and dunning, the plan history the fee engine
 * reads, and the entitlements services enforce. Billing's index composes it. See README.md.
 */
export const plans = {
  /** Called once by billing's index, after every module file is loaded. */
  register() {
    registerPlanStripeEvents()
    // recruiting asks the plan before a recruiter starts a conversation (monthly allowance)
    provideRecruiterEntitlements({
      useMessageInitiation: async (tx, recruiterId, at) => {
        await assertEntitlement(tx, recruiterId, 'message_initiation', at)
      },
    })
  },
  routes: plansRoutes,
  /** The history comes before billing's demo data (its statements read it); the subscriptions after. */
  historySeeds: [plansHistoryDemoSeed],
  seeds: [plansDemoSeed],
}

export { type BillingInterval, type Entitlements, type PaidTier, PLANS } from './catalog.ts'
export { assertEntitlement, earlyAccessHours, entitlementsOf, planTierAt, switchTier } from './history.ts'
