/**
 * OFAIR II settlement: completed jobs, commissions, the `ofair` ledger book, balances, captured
 * payments, disputes and withdrawals. What other parts of OFAIR (invoices, collection, payouts)
 * use comes from here.
 */
export { OFAIR_ACCOUNTS, OFAIR_BOOK, OFAIR_CURRENCY, ofairAccount } from './book.ts'
export {
  type ChainLevel,
  COMMISSION_RULE_VERSION,
  type Commission,
  CommissionError,
  type CommissionInput,
  computeCommission,
  type ReferrerFee,
} from './commission.ts'
export { releaseHeldPayments } from './jobs.ts'
export { markCapturedPaymentPaid, releasePayment, settlementSettings } from './service.ts'
export { type ProfessionalBalance, professionalBalance } from './wallet.ts'
