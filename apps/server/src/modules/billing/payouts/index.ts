import './errors.ts'
import './notices.ts'
import { payoutCommands } from './commands.ts'
import {
  processPayoutSchedulesJob,
  reconcilePayoutsJob,
  redriveStuckPayoutsJob,
  releaseEscrowHoldsJob,
} from './jobs.ts'
import { payoutsRoutes } from './routes.ts'
import { payoutsDemoSeed } from './seed.ts'
import {
  processRecruiterPayoutsJob,
  registerPayoutStripeEvents,
  sendBankPayoutsJob,
} from './stripe-events.ts'
import { recoverDebtJob } from './take-back.ts'

/**
 * Paying recruiters (Money II), a part of billing: Stripe Connect onboarding, escrow holds,
 * payout schedules, payouts and the bank-transfer batch. Billing's index composes it. See README.md.
 */
export const payouts = {
  /** Called once by billing's index, after every module file is loaded. */
  register: registerPayoutStripeEvents,
  routes: payoutsRoutes,
  jobs: [
    processPayoutSchedulesJob,
    releaseEscrowHoldsJob,
    redriveStuckPayoutsJob,
    reconcilePayoutsJob,
    processRecruiterPayoutsJob,
    sendBankPayoutsJob,
    recoverDebtJob,
  ],
  commands: payoutCommands,
  seeds: [payoutsDemoSeed],
}

export { collected, flush } from './engine.ts'
export { distributeRecruiterShares } from './escrow.ts'
export { afterTakeBacks, takeBackFromRecruiter } from './take-back.ts'
