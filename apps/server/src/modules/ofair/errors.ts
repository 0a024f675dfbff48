import { defineErrors } from '../../kernel/errors.ts'

/**
 * OFAIR's error codes (besides the kernel's). Each reaches people as a Hebrew `user_message`
 * (messages.ts); the `title` is for developers.
 */
export const OFAIR_ERRORS = defineErrors('ofair', {
  share_too_high: { status: 422, title: 'A referrer share may be 0-90%, and a chain at most 90% in total' },
  self_referral: { status: 422, title: 'A professional cannot refer a lead to themselves' },
  referral_loop: { status: 422, title: 'The receiver is already in this lead’s referral chain' },
  referral_chain_too_long: { status: 422, title: 'A referral chain has at most 4 levels' },
  already_referred: { status: 409, title: 'This professional already has an offer of this lead' },
  lead_already_claimed: { status: 409, title: 'Someone already accepted this level of the lead’s chain' },
  lead_not_shareable: {
    status: 422,
    title: 'Only professional leads are referred (consumer requests are not)',
  },
  referral_not_pending: { status: 409, title: 'The referral was already answered' },
  not_in_chain: { status: 403, title: 'Only the uploader or a receiver who accepted may refer this lead' },
  lead_not_open: { status: 409, title: 'The lead is not open any more' },
  proposal_not_pending: { status: 409, title: 'The proposal was already decided or cancelled' },
  own_lead: { status: 422, title: 'A professional cannot propose on their own lead' },
  duplicate_proposal: { status: 409, title: 'You already have a proposal on this lead' },
  not_verified: { status: 403, title: 'Only verified professionals may do this' },
  unknown_locality: { status: 422, title: 'No such locality' },
  unknown_category: { status: 422, title: 'No such category' },
  invalid_phone: { status: 400, title: 'Not a valid Israeli mobile number' },
  invalid_business_number: { status: 400, title: 'Not a valid Israeli business number (check digit)' },
  phone_not_verified: { status: 403, title: 'Confirm the phone number with a one-time code first' },
  file_too_large: { status: 413, title: 'The file is larger than allowed' },
  file_type_not_allowed: { status: 415, title: 'Only JPEG, PNG, WebP images and PDF files are accepted' },
  file_not_usable: { status: 422, title: 'The file is not yours or is for another purpose' },
  link_expired: { status: 403, title: 'The file link expired or is not valid' },
  amount_below_minimum: { status: 422, title: 'The final amount is below the minimum job amount' },
  month_already_closed: { status: 409, title: 'This month was already invoiced and is closed' },
  month_not_ended: { status: 422, title: 'A month is invoiced only after it has ended (Asia/Jerusalem)' },
  invoice_run_in_progress: { status: 409, title: 'This month is being invoiced right now' },
  invoice_awaiting_allocation: {
    status: 409,
    title: 'The invoice waits for its Tax Authority allocation number',
  },
  allocation_not_required: { status: 422, title: 'This document takes no allocation number' },
  allocation_already_entered: { status: 409, title: 'The allocation number was already entered' },
  not_creditable: { status: 409, title: 'Only an issued tax invoice can be credited' },
  credit_exceeds_invoice: { status: 422, title: 'The credit is more than what is left on the invoice' },
  psp_unavailable: { status: 503, title: 'The payment provider is not reachable; try again shortly' },
  webhook_timestamp_too_old: { status: 400, title: 'The webhook is older than 5 minutes' },
  no_payment_method: { status: 409, title: 'No saved payment method' },
  bank_details_required: { status: 422, title: 'A bank transfer needs bank, branch and account numbers' },
  payout_not_pending: { status: 409, title: 'The payout was already marked paid or failed' },
  final_amount_below_minimum: {
    status: 422,
    title: 'The final amount is below the lead’s minimum job amount',
  },
  performer_part_negative: {
    status: 422,
    title: 'The commission and the referral shares would leave the performer less than nothing',
  },
  job_already_completed: { status: 409, title: 'The job was already marked done' },
  already_confirmed: { status: 409, title: 'The job was already confirmed' },
  payment_disputed: { status: 409, title: 'The job is under dispute until an admin resolves it' },
  dispute_not_allowed: {
    status: 409,
    title: 'A dispute opens before settlement (B2B) or inside the hold period (captured payments)',
  },
  dispute_not_open: { status: 409, title: 'The dispute was already resolved' },
  dispute_already_answered: { status: 409, title: 'The other side already answered this dispute' },
  dispute_own: {
    status: 422,
    title: 'The party who opened a dispute does not answer it; the other side does',
  },
  insufficient_balance: { status: 422, title: 'The amount is more than the available balance' },
  withdrawal_not_pending: { status: 409, title: 'The withdrawal was already decided' },
  payment_not_payable: { status: 409, title: 'The job cannot take this payment in its state or mode' },
  not_releasable: { status: 409, title: 'The job’s funds are not waiting in the hold period' },
  terms_locked: {
    status: 409,
    title: 'The lead’s commission terms are fixed once it has referrals or proposals',
  },
})

declare module '../../kernel/errors.ts' {
  interface ErrorCatalog extends Record<keyof typeof OFAIR_ERRORS, true> {}
}

export type OfairErrorCode = keyof typeof OFAIR_ERRORS
