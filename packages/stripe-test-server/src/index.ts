export type { Control, TransferCountFilter } from './control/control.ts'
export type { Fault, FaultKind, FaultSpec } from './engine/faults.ts'
export type { ClockFn, PayoutTiming } from './engine/sim.ts'
export type { Delivery, DeliveryAttempt, State } from './engine/state.ts'
export type { RequestRecord } from './engine/stats.ts'
export { PLATFORM } from './engine/types.ts'
export {
  type Logger,
  signatureHeader,
  type WebhookEndpoint,
  type WebhookRetryPolicy,
} from './engine/webhooks.ts'
export type { OnboardingStage } from './resources/accounts.ts'
export { TEST_PAYMENT_METHODS } from './resources/payment-methods.ts'
export {
  DEFAULT_API_VERSION,
  DEFAULT_SECRET_KEY,
  type StripeTestServer,
  type StripeTestServerOptions,
  startStripeTestServer,
} from './server.ts'
