import type { BillingObject } from '../billing/types.ts'
import type { Metadata } from '../protocol/params.ts'

/** Owner of an object: the platform, or a connected account id (`acct_…`). */
export const PLATFORM = 'platform'

export interface ApiList<T> {
  object: 'list'
  data: T[]
  has_more: boolean
  url: string
  total_count?: number
}

interface Base {
  id: string
  created: number
  livemode: false
}

export interface Customer extends Base {
  object: 'customer'
  address: null
  balance: number
  currency: string | null
  default_source: null
  delinquent: boolean
  description: string | null
  email: string | null
  invoice_prefix: string
  invoice_settings: {
    custom_fields: null
    default_payment_method: string | null
    footer: null
    rendering_options: null
  }
  metadata: Metadata
  name: string | null
  phone: string | null
  preferred_locales: string[]
  shipping: null
  tax_exempt: 'none'
  test_clock: null
}

export interface CardDetails {
  brand: string
  checks: { address_line1_check: null; address_postal_code_check: null; cvc_check: 'pass' }
  country: string
  display_brand: string
  exp_month: number
  exp_year: number
  fingerprint: string
  funding: 'credit' | 'debit'
  last4: string
  networks: { available: string[]; preferred: null }
  three_d_secure_usage: { supported: boolean }
  wallet: null
}

export interface BillingDetails {
  address: null
  email: string | null
  name: string | null
  phone: string | null
}

export type PaymentMethodType = 'card' | 'sepa_debit' | 'us_bank_account'

export interface PaymentMethod extends Base {
  object: 'payment_method'
  allow_redisplay: 'unspecified'
  billing_details: BillingDetails
  customer: string | null
  metadata: Metadata
  type: PaymentMethodType
  card?: CardDetails
  sepa_debit?: { bank_code: string; branch_code: string; country: string; fingerprint: string; last4: string }
  us_bank_account?: {
    account_holder_type: 'individual' | 'company'
    account_type: 'checking' | 'savings'
    bank_name: string
    fingerprint: string
    last4: string
    routing_number: string
  }
}

export type PaymentIntentStatus =
  | 'requires_payment_method'
  | 'requires_confirmation'
  | 'requires_action'
  | 'processing'
  | 'succeeded'
  | 'canceled'

export interface LastPaymentError {
  type: string
  code: string
  decline_code?: string
  message: string
  charge?: string
  doc_url?: string
  payment_method?: PaymentMethod
}

export interface NextAction {
  type: 'redirect_to_url' | 'use_stripe_sdk'
  redirect_to_url?: { return_url: string; url: string }
  use_stripe_sdk?: { type: 'three_d_secure_redirect'; stripe_js: string; source: string }
}

export interface PaymentIntent extends Base {
  object: 'payment_intent'
  allowed_payment_method_types: string[] | null
  amount: number
  amount_capturable: number
  amount_received: number
  application: null
  application_fee_amount: null
  automatic_payment_methods: { enabled: boolean; allow_redirects?: 'always' | 'never' } | null
  canceled_at: number | null
  cancellation_reason: string | null
  capture_method: 'automatic' | 'automatic_async'
  client_secret: string
  confirmation_method: 'automatic' | 'manual'
  currency: string
  customer: string | null
  description: string | null
  excluded_payment_method_types: string[] | null
  last_payment_error: LastPaymentError | null
  latest_charge: string | null
  metadata: Metadata
  next_action: NextAction | null
  on_behalf_of: null
  payment_method: string | null
  payment_method_configuration_details: null
  payment_method_options: Record<string, unknown>
  payment_method_types: string[]
  processing: null
  receipt_email: string | null
  review: null
  setup_future_usage: string | null
  shipping: null
  source: null
  statement_descriptor: string | null
  statement_descriptor_suffix: string | null
  status: PaymentIntentStatus
  transfer_data: null
  transfer_group: string | null
}

export interface Charge extends Base {
  object: 'charge'
  amount: number
  amount_captured: number
  amount_refunded: number
  application: null
  application_fee: null
  application_fee_amount: null
  balance_transaction: string | null
  billing_details: BillingDetails
  calculated_statement_descriptor: string
  captured: boolean
  currency: string
  customer: string | null
  description: string | null
  destination: null
  disputed: boolean
  failure_balance_transaction: null
  failure_code: string | null
  failure_message: string | null
  fraud_details: Record<string, never>
  metadata: Metadata
  on_behalf_of: null
  outcome: {
    network_status: string
    reason: string | null
    risk_level: 'normal'
    risk_score: number
    seller_message: string
    type: string
  } | null
  paid: boolean
  payment_intent: string | null
  payment_method: string
  payment_method_details: { type: PaymentMethodType; [detail: string]: unknown }
  receipt_email: string | null
  receipt_url: string | null
  refunded: boolean
  review: null
  source_transfer: null
  statement_descriptor: string | null
  statement_descriptor_suffix: string | null
  status: 'succeeded' | 'pending' | 'failed'
  transfer_data: null
  transfer_group: string | null
}

export interface Refund extends Base {
  object: 'refund'
  amount: number
  balance_transaction: string | null
  charge: string
  currency: string
  destination_details: { type: string; [detail: string]: unknown }
  failure_reason?: string
  metadata: Metadata
  payment_intent: string | null
  reason: string | null
  receipt_number: null
  source_transfer_reversal: null
  status: 'pending' | 'succeeded' | 'failed' | 'canceled'
  transfer_reversal: null
}

export type BalanceTransactionType =
  | 'charge'
  | 'payment'
  | 'refund'
  | 'payment_refund'
  | 'transfer'
  | 'transfer_refund'
  | 'payout'
  | 'payout_cancel'
  | 'payout_failure'
  | 'adjustment'

export interface BalanceTransaction extends Base {
  object: 'balance_transaction'
  amount: number
  available_on: number
  balance_type: 'payments'
  currency: string
  description: string | null
  exchange_rate: null
  fee: number
  fee_details: Array<{
    amount: number
    application: null
    currency: string
    description: string
    type: 'stripe_fee'
  }>
  net: number
  reporting_category: string
  source: string | null
  status: 'available' | 'pending'
  type: BalanceTransactionType
}

export type CapabilityStatus = 'inactive' | 'pending' | 'active'

export interface Requirements {
  alternatives: never[]
  current_deadline: number | null
  currently_due: string[]
  disabled_reason: string | null
  errors: never[]
  eventually_due: string[]
  past_due: string[]
  pending_verification: string[]
}

export interface ExternalBankAccount {
  id: string
  object: 'bank_account'
  account: string
  account_holder_name: string | null
  account_holder_type: 'individual'
  bank_name: string
  country: string
  currency: string
  default_for_currency: boolean
  fingerprint: string
  last4: string
  metadata: Metadata
  routing_number: string
  status: 'new' | 'errored'
}

export interface Account extends Base {
  object: 'account'
  business_profile: {
    mcc: string | null
    name: string | null
    product_description: string | null
    url: string | null
  }
  business_type: string | null
  capabilities: Record<string, CapabilityStatus>
  charges_enabled: boolean
  controller: {
    fees: { payer: string }
    is_controller: boolean
    losses: { payments: string }
    type: 'application'
  }
  country: string
  default_currency: string
  details_submitted: boolean
  email: string | null
  external_accounts: ApiList<ExternalBankAccount>
  future_requirements: Requirements
  metadata: Metadata
  payouts_enabled: boolean
  requirements: Requirements
  settings: {
    payouts: { debit_negative_balances: boolean; schedule: { delay_days: number; interval: string } }
  }
  tos_acceptance: { date: number | null }
  type: 'express' | 'custom' | 'standard'
}

export interface AccountLink {
  object: 'account_link'
  created: number
  expires_at: number
  url: string
}

/** Server-side record behind an account link's single-use URL. */
export interface AccountLinkRecord {
  token: string
  account: string
  type: 'account_onboarding' | 'account_update'
  refresh_url: string
  return_url: string
  created: number
  expires_at: number
  used_at: number | null
}

export interface TransferReversal {
  id: string
  object: 'transfer_reversal'
  amount: number
  balance_transaction: string
  created: number
  currency: string
  destination_payment_refund: string
  metadata: Metadata
  source_refund: null
  transfer: string
}

export interface Transfer extends Base {
  object: 'transfer'
  amount: number
  amount_reversed: number
  balance_transaction: string
  currency: string
  description: string | null
  destination: string
  destination_payment: string
  metadata: Metadata
  reversals: ApiList<TransferReversal> & { total_count: number }
  reversed: boolean
  source_transaction: string | null
  source_type: 'card'
  transfer_group: string | null
}

export type PayoutStatus = 'pending' | 'in_transit' | 'paid' | 'failed' | 'canceled'

export interface Payout extends Base {
  object: 'payout'
  amount: number
  application_fee: null
  application_fee_amount: null
  arrival_date: number
  automatic: boolean
  balance_transaction: string
  currency: string
  description: string | null
  destination: string | null
  failure_balance_transaction: string | null
  failure_code: string | null
  failure_message: string | null
  metadata: Metadata
  method: 'standard' | 'instant'
  original_payout: null
  reconciliation_status: 'not_applicable' | 'in_progress' | 'completed'
  reversed_by: null
  source_type: 'card'
  statement_descriptor: string | null
  status: PayoutStatus
  type: 'bank_account'
}

export interface StripeEvent {
  id: string
  object: 'event'
  account?: string
  api_version: string
  created: number
  data: { object: unknown; previous_attributes?: Record<string, unknown> }
  livemode: false
  pending_webhooks: number
  request: { id: string | null; idempotency_key: string | null }
  type: string
}

/** Any stored API object, addressable by id for `expand[]` and ownership checks. */
export type StoredObject =
  | Customer
  | PaymentMethod
  | PaymentIntent
  | Charge
  | Refund
  | BalanceTransaction
  | Account
  | Transfer
  | TransferReversal
  | Payout
  | StripeEvent
  | BillingObject
