import type { ApiList } from '../engine/types.ts'
import type { Metadata } from '../protocol/params.ts'

// Stripe Billing objects, with the fields platforms read (API 2026-10-28: periods live on the
// subscription items, an invoice names its subscription under `parent.subscription_details`).

interface Base {
  id: string
  created: number
  livemode: false
}

export interface Product extends Base {
  object: 'product'
  active: boolean
  default_price: string | null
  description: string | null
  metadata: Metadata
  name: string
  type: 'service'
  updated: number
}

export type Interval = 'day' | 'week' | 'month' | 'year'

export interface Price extends Base {
  object: 'price'
  active: boolean
  billing_scheme: 'per_unit'
  currency: string
  lookup_key: string | null
  metadata: Metadata
  nickname: string | null
  product: string
  recurring: { interval: Interval; interval_count: number; usage_type: 'licensed'; meter: null } | null
  tax_behavior: 'unspecified'
  type: 'one_time' | 'recurring'
  unit_amount: number
  unit_amount_decimal: string
}

export interface Coupon extends Base {
  object: 'coupon'
  amount_off: number | null
  currency: string | null
  duration: 'once' | 'repeating' | 'forever'
  duration_in_months: number | null
  max_redemptions: number | null
  metadata: Metadata
  name: string | null
  percent_off: number | null
  redeem_by: number | null
  times_redeemed: number
  valid: boolean
}

export interface PromotionCode extends Base {
  object: 'promotion_code'
  active: boolean
  code: string
  customer: string | null
  expires_at: number | null
  max_redemptions: number | null
  metadata: Metadata
  promotion: { type: 'coupon'; coupon: string }
  restrictions: {
    first_time_transaction: boolean
    minimum_amount: number | null
    minimum_amount_currency: string | null
  }
  times_redeemed: number
}

export interface SetupIntentError {
  type: 'card_error'
  code: string
  decline_code: string
  message: string
  payment_method: unknown
}

export interface SetupIntent extends Base {
  object: 'setup_intent'
  cancellation_reason: null
  client_secret: string
  customer: string | null
  description: string | null
  last_setup_error: SetupIntentError | null
  latest_attempt: null
  metadata: Metadata
  next_action: null
  payment_method: string | null
  payment_method_types: string[]
  status: 'requires_payment_method' | 'requires_confirmation' | 'succeeded' | 'canceled'
  usage: 'off_session' | 'on_session'
}

export interface Discount {
  id: string
  object: 'discount'
  coupon: Coupon
  promotion_code: string | null
  start: number
  end: number | null
  subscription: string | null
  customer: string
}

export interface SubscriptionItem {
  id: string
  object: 'subscription_item'
  created: number
  current_period_start: number
  current_period_end: number
  metadata: Metadata
  price: Price
  quantity: number
  subscription: string
}

export type SubscriptionStatus =
  | 'incomplete'
  | 'incomplete_expired'
  | 'trialing'
  | 'active'
  | 'past_due'
  | 'canceled'
  | 'unpaid'

/** A proration line waiting for the next invoice (`proration_behavior: create_prorations`). */
export interface PendingLine {
  description: string
  amount: number
  proration: boolean
  period: { start: number; end: number }
  price: string
}

export interface Subscription extends Base {
  object: 'subscription'
  billing_cycle_anchor: number
  cancel_at: number | null
  cancel_at_period_end: boolean
  canceled_at: number | null
  cancellation_details: { comment: null; feedback: null; reason: string | null } | null
  collection_method: 'charge_automatically'
  currency: string
  customer: string
  default_payment_method: string | null
  discounts: string[]
  ended_at: number | null
  items: ApiList<SubscriptionItem>
  latest_invoice: string | null
  metadata: Metadata
  pending_setup_intent: null
  start_date: number
  status: SubscriptionStatus
  trial_end: number | null
  trial_start: number | null
  /** The subscription schedule that manages it (its phases change the price at period ends). */
  schedule: string | null
  /** Not Stripe's: proration lines for the next invoice, and the discount in force. */
  _pending_lines: PendingLine[]
  _discount: Discount | null
}

export interface InvoiceLine {
  id: string
  object: 'line_item'
  amount: number
  currency: string
  description: string
  discount_amounts: Array<{ amount: number; discount: string }>
  metadata: Metadata
  parent: {
    type: 'subscription_item_details'
    subscription_item_details: { proration: boolean; subscription: string; subscription_item: string }
  }
  period: { start: number; end: number }
  pricing: {
    type: 'price_details'
    price_details: { price: string; product: string }
    unit_amount_decimal: string
  }
  quantity: number
}

export interface Invoice extends Base {
  object: 'invoice'
  amount_due: number
  amount_paid: number
  amount_remaining: number
  attempt_count: number
  attempted: boolean
  billing_reason: 'subscription_create' | 'subscription_cycle' | 'subscription_update'
  collection_method: 'charge_automatically'
  currency: string
  customer: string
  default_payment_method: string | null
  hosted_invoice_url: string
  lines: ApiList<InvoiceLine>
  metadata: Metadata
  next_payment_attempt: number | null
  number: string
  parent: {
    type: 'subscription_details'
    quote_details: null
    subscription_details: { metadata: Metadata; subscription: string }
  }
  period_end: number
  period_start: number
  starting_balance: number
  ending_balance: number
  status: 'draft' | 'open' | 'paid' | 'uncollectible' | 'void'
  status_transitions: { finalized_at: number | null; paid_at: number | null; voided_at: number | null }
  subtotal: number
  total: number
  total_discount_amounts: Array<{ amount: number; discount: string }>
  last_finalization_error: null
  /** Not Stripe's: the last payment error, for the test's eyes. */
  _last_payment_error: string | null
}

export interface SchedulePhase {
  start_date: number
  end_date: number
  items: Array<{ price: string; quantity: number; metadata: Metadata }>
  proration_behavior: 'create_prorations' | 'none' | 'always_invoice'
  metadata: Metadata
}

/** A subscription schedule: phases of prices over time (API 2026-10-28: `duration`, no `iterations`). */
export interface SubscriptionSchedule extends Base {
  object: 'subscription_schedule'
  canceled_at: number | null
  completed_at: number | null
  current_phase: { start_date: number; end_date: number } | null
  customer: string
  end_behavior: 'release' | 'cancel'
  metadata: Metadata
  phases: SchedulePhase[]
  released_at: number | null
  released_subscription: string | null
  status: 'not_started' | 'active' | 'completed' | 'released' | 'canceled'
  subscription: string | null
  test_clock: null
}

/**
 * The mapping between an invoice and the payment that paid it (API 2025-03-31 on: invoices no longer
 * carry `charge` / `payment_intent`; `GET /v1/invoice_payments?invoice=` answers it).
 */
export interface InvoicePayment {
  id: string
  object: 'invoice_payment'
  amount_paid: number | null
  amount_requested: number
  created: number
  currency: string
  invoice: string
  is_default: boolean
  livemode: false
  payment: { type: 'payment_intent'; payment_intent: string }
  status: 'open' | 'paid' | 'canceled'
  status_transitions: { canceled_at: number | null; paid_at: number | null }
}

export type BillingObject =
  | InvoicePayment
  | Product
  | Price
  | Coupon
  | PromotionCode
  | SetupIntent
  | Subscription
  | Invoice
  | SubscriptionSchedule
