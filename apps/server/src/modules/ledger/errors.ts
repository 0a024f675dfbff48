import { defineErrors } from '../../kernel/errors.ts'

/** What can go wrong when money moves (besides the kernel's idempotency and state codes). */
export const LEDGER_ERRORS = defineErrors('ledger', {
  insufficient_funds: { status: 409, title: 'The account does not hold enough for this' },
  currency_mismatch: { status: 422, title: 'The currency does not match the account or document' },
  unbalanced_posting: { status: 422, title: 'The entries of a posting must balance per currency' },
})

declare module '../../kernel/errors.ts' {
  interface ErrorCatalog extends Record<keyof typeof LEDGER_ERRORS, true> {}
}
