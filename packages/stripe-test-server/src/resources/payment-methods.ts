import { createHash } from 'node:crypto'
import { changedKeys } from '../engine/diff.ts'
import { type RequestContext, type Route, route } from '../engine/route.ts'
import type { BillingDetails, CardDetails, PaymentMethod } from '../engine/types.ts'
import { ApiFailure } from '../protocol/errors.ts'
import { newId } from '../protocol/ids.ts'
import { LIST_PARAMS, paginate } from '../protocol/list.ts'
import { Params } from '../protocol/params.ts'

interface TestCard {
  brand: string
  last4: string
  funding?: 'credit' | 'debit'
}

const visa = (last4: string): TestCard => ({ brand: 'visa', last4 })

/** Stripe's test PaymentMethod ids; each use creates a new PaymentMethod, as in test mode. */
export const TEST_PAYMENT_METHODS: Record<string, TestCard> = {
  pm_card_visa: visa('4242'),
  pm_card_visa_debit: { brand: 'visa', last4: '5556', funding: 'debit' },
  pm_card_mastercard: { brand: 'mastercard', last4: '4444' },
  pm_card_amex: { brand: 'amex', last4: '8431' },
  pm_card_bypassPending: visa('0077'),
  pm_card_chargeDeclined: visa('0002'),
  pm_card_visa_chargeDeclined: visa('0002'),
  pm_card_chargeDeclinedInsufficientFunds: visa('9995'),
  pm_card_visa_chargeDeclinedInsufficientFunds: visa('9995'),
  pm_card_chargeDeclinedLostCard: visa('9987'),
  pm_card_visa_chargeDeclinedLostCard: visa('9987'),
  pm_card_chargeDeclinedStolenCard: visa('9979'),
  pm_card_visa_chargeDeclinedStolenCard: visa('9979'),
  pm_card_chargeDeclinedExpiredCard: visa('0069'),
  pm_card_chargeDeclinedIncorrectCvc: visa('0127'),
  pm_card_chargeDeclinedProcessingError: visa('0119'),
  pm_card_authenticationRequired: visa('3184'),
  pm_card_threeDSecure2Required: visa('3220'),
  /** Attaches (a SetupIntent succeeds) but every charge is declined: dunning tests. */
  pm_card_chargeCustomerFail: visa('0341'),
}

export interface Decline {
  code: string
  declineCode: string
  message: string
}

export type Behaviour =
  | { kind: 'succeed'; bypassPending: boolean }
  | { kind: 'decline'; decline: Decline }
  | { kind: 'authenticate' }
  | { kind: 'async'; failure: { code: string; message: string } | null }

const CARD_DECLINES: Record<string, Decline> = {
  '0341': { code: 'card_declined', declineCode: 'generic_decline', message: 'Your card was declined.' },
  '0002': { code: 'card_declined', declineCode: 'generic_decline', message: 'Your card was declined.' },
  '9995': {
    code: 'card_declined',
    declineCode: 'insufficient_funds',
    message: 'Your card has insufficient funds.',
  },
  '9987': { code: 'card_declined', declineCode: 'lost_card', message: 'Your card was declined.' },
  '9979': { code: 'card_declined', declineCode: 'stolen_card', message: 'Your card was declined.' },
  '0069': { code: 'expired_card', declineCode: 'expired_card', message: 'Your card has expired.' },
  '0127': {
    code: 'incorrect_cvc',
    declineCode: 'incorrect_cvc',
    message: "Your card's security code is incorrect.",
  },
  '0119': {
    code: 'processing_error',
    declineCode: 'processing_error',
    message: 'An error occurred while processing your card. Try again in a little bit.',
  },
}

export const AUTHENTICATION_DECLINE: Decline = {
  code: 'authentication_required',
  declineCode: 'authentication_required',
  message: 'Your card was declined. This transaction requires authentication.',
}

// Stripe's test bank details: IBAN / account number endings that make the debit fail later.
const DEBIT_FAILURES: Record<string, { code: string; message: string }> = {
  sepa_3001: {
    code: 'insufficient_funds',
    message: "The customer's account has insufficient funds to cover this payment.",
  },
  sepa_3202: {
    code: 'insufficient_funds',
    message: "The customer's account has insufficient funds to cover this payment.",
  },
  ach_1113: { code: 'account_closed', message: "The customer's bank account has been closed." },
  ach_1116: { code: 'no_account', message: "The customer's bank account could not be located." },
  ach_2227: {
    code: 'insufficient_funds',
    message: "The customer's account has insufficient funds to cover this payment.",
  },
  ach_3335: {
    code: 'debit_not_authorized',
    message: 'The customer has notified their bank that this payment was unauthorized.',
  },
  ach_4440: {
    code: 'invalid_currency',
    message: 'The bank was unable to process this payment because of its currency.',
  },
}

export function behaviourOf(pm: PaymentMethod): Behaviour {
  if (pm.type === 'sepa_debit')
    return { kind: 'async', failure: DEBIT_FAILURES[`sepa_${pm.sepa_debit?.last4}`] ?? null }
  if (pm.type === 'us_bank_account') {
    return { kind: 'async', failure: DEBIT_FAILURES[`ach_${pm.us_bank_account?.last4}`] ?? null }
  }
  const last4 = pm.card?.last4 ?? ''
  const decline = CARD_DECLINES[last4]
  if (decline) return { kind: 'decline', decline }
  if (last4 === '3184' || last4 === '3220') return { kind: 'authenticate' }
  return { kind: 'succeed', bypassPending: last4 === '0077' }
}

function fingerprint(text: string): string {
  return createHash('sha256').update(text).digest('base64url').slice(0, 16)
}

function cardDetails(card: TestCard): CardDetails {
  return {
    brand: card.brand,
    checks: { address_line1_check: null, address_postal_code_check: null, cvc_check: 'pass' },
    country: 'US',
    display_brand: card.brand,
    exp_month: 12,
    exp_year: new Date().getUTCFullYear() + 3,
    fingerprint: fingerprint(`${card.brand}${card.last4}`),
    funding: card.funding ?? 'credit',
    last4: card.last4,
    networks: { available: [card.brand], preferred: null },
    three_d_secure_usage: { supported: true },
    wallet: null,
  }
}

const emptyBilling = (): BillingDetails => ({ address: null, email: null, name: null, phone: null })

function newPaymentMethod(ctx: RequestContext, fields: Partial<PaymentMethod> & Pick<PaymentMethod, 'type'>) {
  const pm: PaymentMethod = {
    id: newId('pm'),
    object: 'payment_method',
    allow_redisplay: 'unspecified',
    billing_details: emptyBilling(),
    created: ctx.sim.nowSec(),
    customer: null,
    livemode: false,
    metadata: {},
    ...fields,
  }
  return ctx.sim.put(pm, ctx.owner)
}

/** A PaymentMethod id or one of Stripe's `pm_card_*` test ids (which mints a new PaymentMethod). */
export function resolvePaymentMethod(ctx: RequestContext, id: string, param: string): PaymentMethod {
  const card = TEST_PAYMENT_METHODS[id]
  if (card) return newPaymentMethod(ctx, { type: 'card', card: cardDetails(card) })
  const pm = ctx.sim.get('payment_method', id, ctx.owner)
  if (!pm) throw ApiFailure.missingParamObject('PaymentMethod', id, param)
  return pm
}

const BILLING_KEYS = ['address', 'email', 'name', 'phone'] as const

function billingDetails(p: Params | undefined): BillingDetails {
  const out = emptyBilling()
  if (!p) return out
  out.email = p.string('email') ?? null
  out.name = p.string('name') ?? null
  out.phone = p.string('phone') ?? null
  return out
}

/** Builds a PaymentMethod from `type` + details (also used for PaymentIntents' `payment_method_data`). */
export function createPaymentMethodFrom(ctx: RequestContext, p: Params, prefix = ''): PaymentMethod {
  const type = p.oneOf('type', ['card', 'sepa_debit', 'us_bank_account'] as const)
  if (!type) throw p.missing('type')
  const billing = billingDetails(p.nested('billing_details', BILLING_KEYS))
  const metadata = p.metadata()
  if (type === 'card') {
    // Raw card numbers are refused by Stripe for most accounts; the test ids cover card behaviour.
    throw ApiFailure.invalidRequest(
      'Sending card numbers directly is not supported by this test server; use a test PaymentMethod such as pm_card_visa.',
      { param: `${prefix}card` },
    )
  }
  if (type === 'sepa_debit') {
    const sepa = p.nested('sepa_debit', ['iban'])
    if (!sepa) throw p.missing('sepa_debit')
    const iban = sepa.requiredString('iban').replace(/\s+/g, '').toUpperCase()
    if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(iban)) {
      throw ApiFailure.invalidRequest('The IBAN you provided appears to be invalid.', {
        code: 'invalid_bank_account_iban',
        param: `${prefix}sepa_debit[iban]`,
      })
    }
    // SEPA mandates need the account holder's name and email.
    if (!billing.name)
      throw ApiFailure.invalidRequest(`Missing required param: ${prefix}billing_details[name].`, {
        code: 'parameter_missing',
        param: `${prefix}billing_details[name]`,
      })
    if (!billing.email)
      throw ApiFailure.invalidRequest(`Missing required param: ${prefix}billing_details[email].`, {
        code: 'parameter_missing',
        param: `${prefix}billing_details[email]`,
      })
    return newPaymentMethod(ctx, {
      type,
      billing_details: billing,
      metadata,
      sepa_debit: {
        bank_code: iban.slice(4, 12),
        branch_code: '',
        country: iban.slice(0, 2),
        fingerprint: fingerprint(iban),
        last4: iban.slice(-4),
      },
    })
  }
  const bank = p.nested('us_bank_account', [
    'account_number',
    'routing_number',
    'account_holder_type',
    'account_type',
  ])
  if (!bank) throw p.missing('us_bank_account')
  const accountNumber = bank.requiredString('account_number')
  const routing = bank.requiredString('routing_number')
  if (!/^\d{9}$/.test(routing)) {
    throw ApiFailure.invalidRequest('Routing number must have 9 digits', {
      code: 'routing_number_invalid',
      param: `${prefix}us_bank_account[routing_number]`,
    })
  }
  if (!/^\d{4,17}$/.test(accountNumber)) {
    throw ApiFailure.invalidRequest('Account number must have 4 to 17 digits', {
      code: 'account_number_invalid',
      param: `${prefix}us_bank_account[account_number]`,
    })
  }
  if (!billing.name)
    throw ApiFailure.invalidRequest(`Missing required param: ${prefix}billing_details[name].`, {
      code: 'parameter_missing',
      param: `${prefix}billing_details[name]`,
    })
  return newPaymentMethod(ctx, {
    type,
    billing_details: billing,
    metadata,
    us_bank_account: {
      account_holder_type:
        bank.oneOf('account_holder_type', ['individual', 'company'] as const) ?? 'individual',
      account_type: bank.oneOf('account_type', ['checking', 'savings'] as const) ?? 'checking',
      bank_name: 'STRIPE TEST BANK',
      fingerprint: fingerprint(routing + accountNumber),
      last4: accountNumber.slice(-4),
      routing_number: routing,
    },
  })
}

export const PAYMENT_METHOD_DATA_KEYS = [
  'type',
  'billing_details',
  'sepa_debit',
  'us_bank_account',
  'card',
  'metadata',
] as const

function pathPaymentMethod(ctx: RequestContext): PaymentMethod {
  const id = ctx.path.id as string
  if (TEST_PAYMENT_METHODS[id]) return resolvePaymentMethod(ctx, id, 'payment_method')
  const pm = ctx.sim.get('payment_method', id, ctx.owner)
  if (!pm) throw ApiFailure.notFound('PaymentMethod', id, 'payment_method')
  return pm
}

export const paymentMethodRoutes: Route[] = [
  route('POST', '/v1/payment_methods', (ctx) => {
    const p = Params.of(ctx.raw, [...PAYMENT_METHOD_DATA_KEYS, 'allow_redisplay'])
    return createPaymentMethodFrom(ctx, p)
  }),
  route('GET', '/v1/payment_methods/:id', (ctx) => {
    Params.of(ctx.raw, [])
    return pathPaymentMethod(ctx)
  }),
  route('POST', '/v1/payment_methods/:id', (ctx) => {
    const p = Params.of(ctx.raw, ['metadata', 'billing_details', 'allow_redisplay'])
    const pm = pathPaymentMethod(ctx)
    const metadata = p.metadata(pm.metadata)
    const billing = p.nested('billing_details', BILLING_KEYS)
    const before = structuredClone(pm)
    pm.metadata = metadata
    if (billing) pm.billing_details = { ...pm.billing_details, ...stripUndefined(billingDetails(billing)) }
    ctx.sim.emit('payment_method.updated', pm, ctx.owner, ctx.origin, changedKeys(before, pm))
    return pm
  }),
  route('POST', '/v1/payment_methods/:id/attach', (ctx) => {
    const p = Params.of(ctx.raw, ['customer'])
    const customerId = p.requiredString('customer')
    const pm = pathPaymentMethod(ctx)
    if (!ctx.sim.get('customer', customerId, ctx.owner))
      throw ApiFailure.missingParamObject('customer', customerId, 'customer')
    if (pm.customer && pm.customer !== customerId) {
      throw ApiFailure.refused('The payment method you provided has already been attached to a customer.', {
        code: 'payment_method_unexpected_state',
      })
    }
    pm.customer = customerId
    ctx.sim.emit('payment_method.attached', pm, ctx.owner, ctx.origin)
    return pm
  }),
  route('POST', '/v1/payment_methods/:id/detach', (ctx) => {
    Params.of(ctx.raw, [])
    const pm = pathPaymentMethod(ctx)
    if (!pm.customer) {
      throw ApiFailure.refused(
        'The payment method you provided is not attached to a customer so detachment is impossible.',
        {
          code: 'payment_method_unexpected_state',
        },
      )
    }
    pm.customer = null
    ctx.sim.emit('payment_method.detached', pm, ctx.owner, ctx.origin)
    return pm
  }),
  route('GET', '/v1/payment_methods', (ctx) => {
    const p = Params.of(ctx.raw, [...LIST_PARAMS, 'customer', 'type'])
    const customer = p.string('customer')
    const type = p.string('type')
    const items = ctx.sim
      .all('payment_method', ctx.owner)
      .filter((pm) => (customer ? pm.customer === customer : true) && (type ? pm.type === type : true))
    return paginate(items, p, '/v1/payment_methods')
  }),
  route('GET', '/v1/customers/:id/payment_methods', (ctx) => {
    const p = Params.of(ctx.raw, [...LIST_PARAMS, 'type'])
    const id = ctx.path.id as string
    if (!ctx.sim.get('customer', id, ctx.owner)) throw ApiFailure.notFound('customer', id, 'customer')
    const type = p.string('type')
    const items = ctx.sim
      .all('payment_method', ctx.owner)
      .filter((pm) => pm.customer === id && (type ? pm.type === type : true))
    return paginate(items, p, `/v1/customers/${id}/payment_methods`)
  }),
]

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined)) as Partial<T>
}
