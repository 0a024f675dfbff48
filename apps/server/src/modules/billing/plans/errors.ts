import { defineErrors } from '../../../kernel/errors.ts'

/** Error codes of recruiter plans (besides billing's `payment_failed`, `payments_unavailable`…). */
export const PLAN_ERRORS = defineErrors('billing.plans', {
  promo_code_expired: { status: 400, title: 'This promo code has expired' },
  promo_code_exhausted: { status: 400, title: 'This promo code has been used up' },
  promo_code_unknown: { status: 400, title: 'There is no such promo code' },
  payment_pending: { status: 409, title: 'A payment of your plan is pending; settle it first' },
  already_subscribed: { status: 409, title: 'You already have a subscription; change it instead' },
  no_subscription: { status: 404, title: 'You have no paid plan' },
  plan_unchanged: { status: 409, title: 'You are already on this plan' },
  change_already_scheduled: {
    status: 409,
    title: 'Another change of your plan is already scheduled; call it off first',
  },
  no_scheduled_change: { status: 404, title: 'No change of your plan is scheduled' },
  card_required: { status: 422, title: 'Add a card before subscribing' },
  plan_limit_reached: { status: 429, title: 'Your plan’s monthly allowance is used up' },
  plan_invoice_not_found: { status: 404, title: 'There is no such plan invoice' },
  plan_invoice_not_paid: { status: 409, title: 'This plan invoice is not paid: there is nothing to refund' },
  refund_exceeds_paid: { status: 422, title: 'The refund is more than what is left of what was paid' },
})

declare module '../../../kernel/errors.ts' {
  interface ErrorCatalog extends Record<keyof typeof PLAN_ERRORS, true> {}
}
