import { defineErrors } from '../../../kernel/errors.ts'

/** Error codes of paying recruiters (besides the kernel's `invalid_state_transition`, `version_conflict`…). */
export const PAYOUT_ERRORS = defineErrors('billing.payouts', {
  placement_not_paid: { status: 422, title: 'The placement has no paid invoice yet' },
  nothing_to_pay: { status: 422, title: 'There is no money to pay out here' },
  placement_fell_off: { status: 409, title: 'The placement fell off; its money is being taken back' },
  payout_in_progress: { status: 409, title: 'This payout is being sent right now' },
  connect_unavailable: { status: 503, title: 'Stripe Connect is not configured here' },
  stripe_unreachable: { status: 503, title: 'Stripe did not answer; try again shortly' },
  webhook_replayed: { status: 400, title: 'This signed webhook delivery was already received' },
})

declare module '../../../kernel/errors.ts' {
  interface ErrorCatalog extends Record<keyof typeof PAYOUT_ERRORS, true> {}
}
