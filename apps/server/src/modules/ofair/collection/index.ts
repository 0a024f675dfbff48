/** What other parts of OFAIR use from the payment-provider side (invoices: the payout preference). */
export { collectionAccount } from './book.ts'
export { collectionAlerts, runCollection } from './collect.ts'
export type { PaymentGateway } from './gateway.ts'
export { payoutMethodOf } from './payouts.ts'
