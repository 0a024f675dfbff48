import './errors.ts'
import type { AppModule } from '../../kernel/module.ts'
import { billingRoute } from './caller.ts'
import { placementBillingConsumer } from './consumer.ts'
import {
  contractExpiryAlertsJob,
  invoiceRemindersJob,
  issueGuaranteeEndInvoicesJob,
  issueMonthlyInvoicesJob,
  sendRefundsJob,
} from './jobs.ts'
import { payouts } from './payouts/index.ts'
import { plans } from './plans/index.ts'
import { setUpPayments, tearDownPayments } from './provider-setup.ts'
import { billingAdminRoutes, billingRoutes } from './routes.ts'
import { billingDemoSeed } from './seed.ts'
import { processStripeEventJob, stripeWebhookRoutes } from './webhooks.ts'

payouts.register()
plans.register()

/**
 * Splits Network's money on top of the ledger: fee statements, custom contracts and premium roles,
 * company invoices, payments and refunds, fall-off reversals, the payout audit log, and paying
 * recruiters (payouts/: Stripe Connect, escrow holds, payout schedules, payouts). See README.md.
 */
export const billingModule: AppModule = {
  name: 'billing',
  schemas: ['billing'],
  init: setUpPayments,
  stop: tearDownPayments,
  routes: (app, ctx) => {
    billingRoute.mount(app, ctx, [
      ...billingRoutes,
      ...billingAdminRoutes,
      ...payouts.routes,
      ...plans.routes,
    ])
    stripeWebhookRoutes(app, ctx)
  },
  consumers: [placementBillingConsumer],
  seeds: [...plans.historySeeds, billingDemoSeed, ...payouts.seeds, ...plans.seeds],
  commands: payouts.commands,
  jobs: [
    sendRefundsJob,
    issueMonthlyInvoicesJob,
    issueGuaranteeEndInvoicesJob,
    invoiceRemindersJob,
    contractExpiryAlertsJob,
    processStripeEventJob,
    ...payouts.jobs,
  ],
}

export { SPLITS_BOOK } from './book.ts'
export { moneyDayFacts } from './health-facts.ts'
export { companySpendFacts, platformTakingsFacts, recruiterEarningsFacts } from './home-facts.ts'
export { verifyPayoutAuditChain, writePayoutAudit } from './payout-audit.ts'
export {
  type GuaranteeEnded,
  guaranteeEndedHolds,
  reholdReleasedHold,
  releaseHoldFor,
} from './payouts/automation-facts.ts'
export {
  assertEntitlement,
  type Entitlements,
  earlyAccessHours,
  entitlementsOf,
  PLANS,
  planTierAt,
} from './plans/index.ts'
export { onStripeEvent, type StripeEventRow } from './webhooks.ts'
