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
import { setUpPayments, tearDownPayments } from './provider-setup.ts'
import { billingAdminRoutes, billingRoutes } from './routes.ts'
import { billingDemoSeed } from './seed.ts'
import { processStripeEventJob, stripeWebhookRoutes } from './webhooks.ts'

/**
 * Splits Network's money on top of the ledger: fee statements, custom contracts and premium roles,
 * company invoices, payments and refunds, fall-off reversals, and the payout audit log. See
 * README.md.
 */
export const billingModule: AppModule = {
  name: 'billing',
  schemas: ['billing'],
  init: setUpPayments,
  stop: tearDownPayments,
  routes: (app, ctx) => {
    billingRoute.mount(app, ctx, [...billingRoutes, ...billingAdminRoutes])
    stripeWebhookRoutes(app, ctx)
  },
  consumers: [placementBillingConsumer],
  seeds: [billingDemoSeed],
  jobs: [
    sendRefundsJob,
    issueMonthlyInvoicesJob,
    issueGuaranteeEndInvoicesJob,
    invoiceRemindersJob,
    contractExpiryAlertsJob,
    processStripeEventJob,
  ],
}

export { SPLITS_BOOK } from './book.ts'
export { verifyPayoutAuditChain, writePayoutAudit } from './payout-audit.ts'
export { onStripeEvent, type StripeEventRow } from './webhooks.ts'
