import { defineErrors } from '../../kernel/errors.ts'

/** Error codes of fraud detection and throttling. */
export const FRAUD_ERRORS = defineErrors('fraud', {
  recruiter_on_fraud_hold: {
    status: 403,
    title: 'Submissions are on hold while a fraud signal about this recruiter is reviewed',
  },
  fraud_signal_transition_invalid: {
    status: 409,
    title: 'The signal is not in a state that allows this (active → reviewed → resolved | false_positive)',
  },
  fraud_hold_not_active: { status: 409, title: 'This recruiter is not on hold' },
})

declare module '../../kernel/errors.ts' {
  interface ErrorCatalog extends Record<keyof typeof FRAUD_ERRORS, true> {}
}
