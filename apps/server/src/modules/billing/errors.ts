import { defineErrors } from '../../kernel/errors.ts'

/** Billing's error codes (besides the kernel's and the ledger's). */
export const BILLING_ERRORS = defineErrors('billing', {
  invoice_not_payable: { status: 409, title: 'This invoice cannot take a payment' },
  overpayment: { status: 422, title: 'The payment is more than the invoice still owes' },
  payment_failed: { status: 422, title: 'The payment did not go through' },
  contract_overlap: { status: 409, title: 'Another contract of this company covers those dates' },
  payments_unavailable: { status: 503, title: 'Card payments are not configured' },
  webhook_signature_invalid: { status: 400, title: 'The webhook signature does not verify' },
})

declare module '../../kernel/errors.ts' {
  interface ErrorCatalog extends Record<keyof typeof BILLING_ERRORS, true> {}
}
