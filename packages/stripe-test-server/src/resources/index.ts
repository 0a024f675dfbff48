import { catalogRoutes } from '../billing/catalog.ts'
import { scheduleRoutes } from '../billing/schedules.ts'
import { setupIntentRoutes } from '../billing/setup-intents.ts'
import { cycleSubscription, retryInvoice, subscriptionRoutes } from '../billing/subscriptions.ts'
import type { Route } from '../engine/route.ts'
import type { Sim } from '../engine/sim.ts'
import { accountLinkRoutes } from './account-links.ts'
import { accountRoutes } from './accounts.ts'
import { balanceRoutes } from './balance.ts'
import { chargeRoutes } from './charges.ts'
import { customerRoutes } from './customers.ts'
import { eventRoutes } from './events.ts'
import { settleAsyncPayment } from './payment-attempts.ts'
import { paymentIntentRoutes } from './payment-intents.ts'
import { paymentMethodRoutes } from './payment-methods.ts'
import { payoutArrived, payoutInTransit, payoutRoutes } from './payouts.ts'
import { refundRoutes, settleRefund } from './refunds.ts'
import { transferRoutes } from './transfers.ts'

export const apiRoutes: Route[] = [
  ...customerRoutes,
  ...paymentMethodRoutes,
  ...paymentIntentRoutes,
  ...chargeRoutes,
  ...refundRoutes,
  ...balanceRoutes,
  ...accountRoutes,
  ...accountLinkRoutes,
  ...transferRoutes,
  ...payoutRoutes,
  ...eventRoutes,
  ...catalogRoutes,
  ...setupIntentRoutes,
  ...subscriptionRoutes,
  ...scheduleRoutes,
]

/** Connects scheduled work to the resources that perform it. */
export function registerJobs(sim: Sim): void {
  sim.registerJob('async_payment', settleAsyncPayment)
  sim.registerJob('refund_settle', settleRefund)
  sim.registerJob('payout_in_transit', payoutInTransit)
  sim.registerJob('payout_paid', payoutArrived)
  sim.registerJob('subscription_cycle', cycleSubscription)
  sim.registerJob('invoice_retry', retryInvoice)
}
