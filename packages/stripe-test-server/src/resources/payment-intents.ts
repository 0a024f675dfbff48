import { type RequestContext, type Route, route } from '../engine/route.ts'
import { NO_ORIGIN, type Sim } from '../engine/sim.ts'
import type { Charge, LastPaymentError, PaymentIntent, PaymentMethod } from '../engine/types.ts'
import { checkChargeAmount, checkCurrency } from '../protocol/currency.ts'
import { ApiFailure } from '../protocol/errors.ts'
import { newId, randomToken } from '../protocol/ids.ts'
import { createdFilter, LIST_PARAMS, paginate } from '../protocol/list.ts'
import { Params } from '../protocol/params.ts'
import {
  type Actor,
  type ChargeFailure,
  createCharge,
  markChargeFailed,
  markChargeSucceeded,
} from './charges.ts'
import { requireCustomer } from './customers.ts'
import {
  AUTHENTICATION_DECLINE,
  behaviourOf,
  createPaymentMethodFrom,
  type Decline,
  PAYMENT_METHOD_DATA_KEYS,
  resolvePaymentMethod,
} from './payment-methods.ts'

const CONFIRM_KEYS = [
  'payment_method',
  'payment_method_data',
  'return_url',
  'off_session',
  'error_on_requires_action',
  'mandate_data',
  'mandate',
  'payment_method_options',
  'allowed_payment_method_types',
  'excluded_payment_method_types',
  // The name before API version 2026-10-28; kept so older clients work.
  'payment_method_types',
  'receipt_email',
  'setup_future_usage',
  'shipping',
  'use_stripe_sdk',
  'capture_method',
  // Accepted and ignored.
  'radar_options',
  'payment_details',
  'hooks',
  'amount_details',
] as const

const CREATE_KEYS = [
  ...CONFIRM_KEYS,
  'amount',
  'currency',
  'customer',
  'confirm',
  'metadata',
  'description',
  'transfer_group',
  'statement_descriptor',
  'statement_descriptor_suffix',
  'automatic_payment_methods',
  'confirmation_method',
  'payment_method_configuration',
  // Destination charges; refused below with a clear message rather than as unknown.
  'on_behalf_of',
  'transfer_data',
  'application_fee_amount',
] as const

const UPDATE_KEYS = [
  'amount',
  'currency',
  'customer',
  'description',
  'metadata',
  'payment_method',
  'payment_method_data',
  'allowed_payment_method_types',
  'excluded_payment_method_types',
  'payment_method_types',
  'receipt_email',
  'setup_future_usage',
  'shipping',
  'statement_descriptor',
  'statement_descriptor_suffix',
  'transfer_group',
  'payment_method_options',
  'payment_details',
  'amount_details',
  'hooks',
] as const

const CONFIRMABLE = ['requires_payment_method', 'requires_confirmation', 'requires_action'] as const
const CANCELABLE = [
  'requires_payment_method',
  'requires_capture',
  'requires_confirmation',
  'requires_action',
  'processing',
]

const REDIRECT_MESSAGE =
  'A `return_url` must be specified because this Payment Intent is configured to automatically accept the payment methods enabled in the Dashboard, some of which may require a full page redirect to succeed. If you do not want to accept redirect-based payment methods, set `automatic_payment_methods[enabled]` to `true` and `automatic_payment_methods[allow_redirects]` to `never` when creating Setup Intents and Payment Intents.'

function unexpectedState(pi: PaymentIntent, action: string, allowed: readonly string[]): ApiFailure {
  return ApiFailure.refused(
    `You cannot ${action} this PaymentIntent because it has a status of ${pi.status}. Only a PaymentIntent with one of the following statuses may be ${action === 'confirm' ? 'confirmed' : 'canceled'}: ${allowed.join(', ')}.`,
    { code: 'payment_intent_unexpected_state', extra: { payment_intent: structuredClone(pi) } },
  )
}

const SUPPORTED_TYPES = ['card', 'sepa_debit', 'us_bank_account']

/**
 * `payment_method_types` of the answer: the allowed types (all we support when none are given)
 * that fit the currency — SEPA debits are in euros, ACH debits in dollars — minus the excluded ones.
 */
function compatibleTypes(currency: string, allowed: string[] | null, excluded: string[] | null): string[] {
  return (allowed ?? SUPPORTED_TYPES).filter(
    (t) =>
      (t !== 'sepa_debit' || currency === 'eur') &&
      (t !== 'us_bank_account' || currency === 'usd') &&
      !(excluded ?? []).includes(t),
  )
}

function allowedTypesParam(p: Params): string[] | undefined {
  return p.strings('allowed_payment_method_types') ?? p.strings('payment_method_types')
}

function refuseDestinationCharges(p: Params): void {
  for (const key of ['on_behalf_of', 'transfer_data', 'application_fee_amount']) {
    if (p.has(key)) {
      throw ApiFailure.invalidRequest(
        `${key} (destination charges) is not supported by this test server; use separate charges and transfers.`,
        { param: key },
      )
    }
  }
}

function paymentMethodFromParams(ctx: RequestContext, p: Params): PaymentMethod | undefined {
  const data = p.nested('payment_method_data', PAYMENT_METHOD_DATA_KEYS)
  if (data) return createPaymentMethodFrom(ctx, data, 'payment_method_data[')
  const id = p.string('payment_method')
  return id ? resolvePaymentMethod(ctx, id, 'payment_method') : undefined
}

function checkCompatible(pi: PaymentIntent, pm: PaymentMethod): void {
  const allowed = pi.payment_method_types
  if (!allowed.includes(pm.type)) {
    throw ApiFailure.invalidRequest(
      `The PaymentMethod provided (${pm.type}) is not allowed for this PaymentIntent. Please attach a PaymentMethod of one of the following types: ${allowed.join(', ')}.`,
      { code: 'payment_intent_incompatible_payment_method', param: 'payment_method' },
    )
  }
  if (pm.customer && pi.customer && pm.customer !== pi.customer) {
    throw ApiFailure.invalidRequest('The provided PaymentMethod belongs to a different Customer.', {
      code: 'payment_method_unexpected_state',
      param: 'payment_method',
    })
  }
}

interface ConfirmPlan {
  pm: PaymentMethod
  returnUrl: string | null
  offSession: boolean
  errorOnAction: boolean
  receiptEmail: string | null | undefined
}

/** Checks a confirmation without changing the intent, so a refused request changes nothing. */
function prepareConfirm(ctx: RequestContext, pi: PaymentIntent, p: Params): ConfirmPlan {
  if (!(CONFIRMABLE as readonly string[]).includes(pi.status))
    throw unexpectedState(pi, 'confirm', CONFIRMABLE)
  if (p.oneOf('capture_method', ['automatic', 'automatic_async', 'manual'] as const) === 'manual') {
    throw ApiFailure.invalidRequest('capture_method=manual is not supported by this test server.', {
      param: 'capture_method',
    })
  }
  const pm =
    paymentMethodFromParams(ctx, p) ??
    (pi.payment_method ? ctx.sim.get('payment_method', pi.payment_method, ctx.owner) : undefined)
  if (!pm) {
    throw ApiFailure.invalidRequest(
      "You cannot confirm this PaymentIntent because it's missing a payment method. Update the PaymentIntent with a payment method and then confirm it again.",
      { code: 'payment_intent_unexpected_state', param: 'payment_method' },
    )
  }
  checkCompatible(pi, pm)
  const returnUrl = p.string('return_url') ?? null
  const apm = pi.automatic_payment_methods
  if (apm?.enabled && apm.allow_redirects !== 'never' && !returnUrl) {
    throw ApiFailure.invalidRequest(REDIRECT_MESSAGE, { param: 'return_url' })
  }
  return {
    pm,
    returnUrl,
    // off_session is a boolean or, in recent versions, a hash describing the off-session use.
    offSession: typeof p.raw.off_session === 'object' ? true : (p.boolean('off_session') ?? false),
    errorOnAction: p.boolean('error_on_requires_action') ?? false,
    receiptEmail: p.string('receipt_email'),
  }
}

/** Runs one confirmation attempt; throws the 402 card error after recording a decline. */
function confirm(ctx: RequestContext, pi: PaymentIntent, plan: ConfirmPlan): void {
  const { pm } = plan
  if (plan.receiptEmail !== undefined) pi.receipt_email = plan.receiptEmail
  pi.payment_method = pm.id
  pi.last_payment_error = null
  pi.next_action = null

  const behaviour = behaviourOf(pm)
  switch (behaviour.kind) {
    case 'succeed': {
      const charge = createCharge(ctx, pi, pm, 'succeeded', null, behaviour.bypassPending)
      succeed(ctx, pi, charge)
      return
    }
    case 'decline':
      decline(ctx, pi, pm, behaviour.decline)
      return
    case 'authenticate':
      if (plan.offSession || plan.errorOnAction) {
        decline(ctx, pi, pm, AUTHENTICATION_DECLINE)
        return
      }
      requireAction(ctx, pi, plan.returnUrl)
      return
    case 'async': {
      const charge = createCharge(ctx, pi, pm, 'pending', null)
      pi.status = 'processing'
      pi.latest_charge = charge.id
      ctx.sim.emit('charge.pending', charge, ctx.owner, ctx.origin)
      ctx.sim.emit('payment_intent.processing', pi, ctx.owner, ctx.origin)
      ctx.sim.schedule('async_payment', pi.id, ctx.sim.config.asyncPaymentDelayMs)
      return
    }
  }
}

function succeed(actor: Actor, pi: PaymentIntent, charge: Charge): void {
  pi.status = 'succeeded'
  pi.amount_received = pi.amount
  pi.latest_charge = charge.id
  pi.next_action = null
  actor.sim.emit('charge.succeeded', charge, actor.owner, actor.origin)
  actor.sim.emit('payment_intent.succeeded', pi, actor.owner, actor.origin)
}

function fail(actor: Actor, pi: PaymentIntent, error: LastPaymentError): void {
  pi.status = 'requires_payment_method'
  pi.last_payment_error = error
  // Stripe detaches the failed method so that the next confirmation must name one.
  pi.payment_method = null
  pi.next_action = null
  actor.sim.emit('payment_intent.payment_failed', pi, actor.owner, actor.origin)
}

function decline(ctx: RequestContext, pi: PaymentIntent, pm: PaymentMethod, d: Decline): never {
  const failure: ChargeFailure = { code: d.code, message: d.message, declineCode: d.declineCode }
  const charge = createCharge(ctx, pi, pm, 'failed', failure)
  pi.latest_charge = charge.id
  ctx.sim.emit('charge.failed', charge, ctx.owner, ctx.origin)
  const error: LastPaymentError = {
    type: 'card_error',
    code: d.code,
    decline_code: d.declineCode,
    message: d.message,
    charge: charge.id,
    doc_url: `https://docs.stripe.com/error-codes/${d.code.replace(/_/g, '-')}`,
    payment_method: structuredClone(pm),
  }
  fail(ctx, pi, error)
  throw new ApiFailure(402, 'card_error', d.message, {
    code: d.code,
    declineCode: d.declineCode,
    extra: { charge: charge.id, payment_intent: structuredClone(pi), payment_method: structuredClone(pm) },
  })
}

function requireAction(ctx: RequestContext, pi: PaymentIntent, returnUrl: string | null): void {
  const url = `${ctx.sim.baseUrl}/3ds/${pi.id}`
  pi.status = 'requires_action'
  pi.next_action = returnUrl
    ? { type: 'redirect_to_url', redirect_to_url: { return_url: returnUrl, url } }
    : {
        type: 'use_stripe_sdk',
        use_stripe_sdk: { type: 'three_d_secure_redirect', stripe_js: url, source: newId('src') },
      }
  ctx.sim.emit('payment_intent.requires_action', pi, ctx.owner, ctx.origin)
}

/** The customer finished (or failed) 3-D Secure for a PaymentIntent in `requires_action`. */
export function completeAuthentication(sim: Sim, piId: string, outcome: 'succeed' | 'fail'): PaymentIntent {
  const owner = sim.ownerOf(piId)
  const pi = owner ? sim.get('payment_intent', piId, owner) : undefined
  if (!pi || !owner) throw ApiFailure.notFound('payment_intent', piId, 'intent')
  if (pi.status !== 'requires_action') throw unexpectedState(pi, 'authenticate', ['requires_action'])
  const actor: Actor = { sim, owner, origin: NO_ORIGIN }
  const pm = pi.payment_method ? sim.get('payment_method', pi.payment_method, owner) : undefined
  if (!pm) throw new Error(`PaymentIntent ${pi.id} lost its payment method`)
  if (outcome === 'succeed') {
    succeed(actor, pi, createCharge(actor, pi, pm, 'succeeded', null))
  } else {
    fail(actor, pi, {
      type: 'invalid_request_error',
      code: 'payment_intent_authentication_failure',
      message:
        'The provided PaymentMethod has failed authentication. You can provide payment_method_data or a new PaymentMethod to attempt to fulfill this PaymentIntent again.',
      doc_url: 'https://docs.stripe.com/error-codes/payment-intent-authentication-failure',
      payment_method: structuredClone(pm),
    })
  }
  sim.changed()
  return pi
}

/** Scheduled: a bank debit in `processing` clears or bounces. */
export function settleAsyncPayment(sim: Sim, piId: string): void {
  const owner = sim.ownerOf(piId)
  const pi = owner ? sim.get('payment_intent', piId, owner) : undefined
  if (!pi || !owner || pi.status !== 'processing' || !pi.latest_charge) return
  const actor: Actor = { sim, owner, origin: NO_ORIGIN }
  const charge = sim.get('charge', pi.latest_charge, owner)
  const pm = pi.payment_method ? sim.get('payment_method', pi.payment_method, owner) : undefined
  if (!charge || !pm) return
  const behaviour = behaviourOf(pm)
  const failure = behaviour.kind === 'async' ? behaviour.failure : null
  if (!failure) {
    markChargeSucceeded(actor, charge)
    succeed(actor, pi, charge)
    return
  }
  markChargeFailed(charge, failure)
  sim.emit('charge.failed', charge, owner, NO_ORIGIN)
  fail(actor, pi, {
    type: 'invalid_request_error',
    code: failure.code,
    message: failure.message,
    charge: charge.id,
    payment_method: structuredClone(pm),
  })
}

function pathIntent(ctx: RequestContext): PaymentIntent {
  const id = ctx.path.id as string
  const pi = ctx.sim.get('payment_intent', id, ctx.owner)
  if (!pi) throw ApiFailure.notFound('payment_intent', id, 'intent')
  return pi
}

function create(ctx: RequestContext): PaymentIntent {
  const p = Params.of(ctx.raw, CREATE_KEYS)
  refuseDestinationCharges(p)
  const amount = p.requiredInteger('amount')
  const currency = checkCurrency(p.requiredString('currency'))
  checkChargeAmount(amount, currency)
  const customerId = p.string('customer')
  if (customerId) requireCustomer(ctx, customerId)
  if (p.oneOf('confirmation_method', ['automatic', 'manual'] as const) === 'manual') {
    throw ApiFailure.invalidRequest('confirmation_method=manual is not supported by this test server.', {
      param: 'confirmation_method',
    })
  }
  const types = allowedTypesParam(p)
  const excluded = p.strings('excluded_payment_method_types') ?? null
  const apmParams = p.nested('automatic_payment_methods', ['enabled', 'allow_redirects'])
  if (types && apmParams?.boolean('enabled')) {
    throw ApiFailure.invalidRequest(
      'You may only specify one of these parameters: automatic_payment_methods, allowed_payment_method_types.',
    )
  }
  const allowRedirects = apmParams?.oneOf('allow_redirects', ['always', 'never'] as const)
  const automatic: PaymentIntent['automatic_payment_methods'] = types
    ? null
    : { enabled: true, ...(allowRedirects ? { allow_redirects: allowRedirects } : {}) }
  const id = newId('pi')
  const pi: PaymentIntent = {
    id,
    object: 'payment_intent',
    allowed_payment_method_types: types ?? null,
    amount,
    amount_capturable: 0,
    amount_received: 0,
    application: null,
    application_fee_amount: null,
    automatic_payment_methods: automatic,
    canceled_at: null,
    cancellation_reason: null,
    capture_method:
      p.oneOf('capture_method', ['automatic', 'automatic_async', 'manual'] as const) === 'automatic'
        ? 'automatic'
        : 'automatic_async',
    client_secret: `${id}_secret_${randomToken(25)}`,
    confirmation_method: 'automatic',
    created: ctx.sim.nowSec(),
    currency,
    customer: customerId ?? null,
    description: p.string('description') ?? null,
    excluded_payment_method_types: excluded,
    last_payment_error: null,
    latest_charge: null,
    livemode: false,
    metadata: p.metadata(),
    next_action: null,
    on_behalf_of: null,
    payment_method: null,
    payment_method_configuration_details: null,
    payment_method_options: {},
    payment_method_types: compatibleTypes(currency, types ?? null, excluded),
    processing: null,
    receipt_email: p.string('receipt_email') ?? null,
    review: null,
    setup_future_usage: p.string('setup_future_usage') ?? null,
    shipping: null,
    source: null,
    statement_descriptor: p.string('statement_descriptor') ?? null,
    statement_descriptor_suffix: p.string('statement_descriptor_suffix') ?? null,
    status: 'requires_payment_method',
    transfer_data: null,
    transfer_group: p.string('transfer_group') ?? null,
  }
  const confirmNow = p.boolean('confirm') ?? false
  let plan: ConfirmPlan | null = null
  if (confirmNow) {
    plan = prepareConfirm(ctx, pi, p)
  } else {
    for (const key of ['off_session', 'return_url', 'error_on_requires_action', 'mandate_data'] as const) {
      if (p.has(key))
        throw ApiFailure.invalidRequest(`You can only pass ${key} when confirm=true.`, { param: key })
    }
    const pm = paymentMethodFromParams(ctx, p)
    if (pm) checkCompatible(pi, pm)
    if (pm) pi.payment_method = pm.id
  }
  if (plan) pi.payment_method = plan.pm.id
  if (pi.payment_method) pi.status = 'requires_confirmation'
  ctx.sim.put(pi, ctx.owner)
  ctx.sim.emit('payment_intent.created', pi, ctx.owner, ctx.origin)
  if (plan) confirm(ctx, pi, plan)
  return pi
}

function update(ctx: RequestContext): PaymentIntent {
  const p = Params.of(ctx.raw, UPDATE_KEYS)
  const pi = pathIntent(ctx)
  const alwaysEditable = new Set(['metadata', 'description', 'receipt_email', 'shipping', 'expand'])
  const editable = (CONFIRMABLE as readonly string[]).includes(pi.status)
  if (!editable && Object.keys(p.raw).some((k) => !alwaysEditable.has(k))) {
    throw ApiFailure.refused(
      `This PaymentIntent's ${Object.keys(p.raw).find((k) => !alwaysEditable.has(k))} could not be updated because it has a status of ${pi.status}.`,
      { code: 'payment_intent_unexpected_state' },
    )
  }
  const currency = p.has('currency') ? checkCurrency(p.requiredString('currency')) : pi.currency
  const amount = p.integer('amount') ?? pi.amount
  if (p.has('amount') || p.has('currency')) checkChargeAmount(amount, currency)
  const customerId = p.string('customer')
  if (customerId) requireCustomer(ctx, customerId)
  const types = allowedTypesParam(p)
  const excluded = p.has('excluded_payment_method_types')
    ? (p.strings('excluded_payment_method_types') ?? null)
    : pi.excluded_payment_method_types
  const allowed = types ?? pi.allowed_payment_method_types
  const compatible = compatibleTypes(currency, allowed, excluded)
  const pm = paymentMethodFromParams(ctx, p)
  if (pm) checkCompatible({ ...pi, payment_method_types: compatible }, pm)
  const metadata = p.metadata(pi.metadata)
  pi.amount = amount
  pi.currency = currency
  if (customerId !== undefined) pi.customer = customerId
  for (const key of [
    'description',
    'receipt_email',
    'statement_descriptor',
    'statement_descriptor_suffix',
    'transfer_group',
    'setup_future_usage',
  ] as const) {
    const v = p.string(key)
    if (v !== undefined) pi[key] = v
  }
  pi.allowed_payment_method_types = allowed
  pi.excluded_payment_method_types = excluded
  pi.payment_method_types = compatible
  if (types) pi.automatic_payment_methods = null
  pi.metadata = metadata
  if (pm) {
    pi.payment_method = pm.id
    pi.status = 'requires_confirmation'
  }
  return pi
}

export const paymentIntentRoutes: Route[] = [
  route('POST', '/v1/payment_intents', create),
  route('GET', '/v1/payment_intents/:id', (ctx) => {
    Params.of(ctx.raw, ['client_secret'])
    return pathIntent(ctx)
  }),
  route('POST', '/v1/payment_intents/:id', update),
  route('POST', '/v1/payment_intents/:id/confirm', (ctx) => {
    const p = Params.of(ctx.raw, [...CONFIRM_KEYS, 'client_secret'])
    const pi = pathIntent(ctx)
    confirm(ctx, pi, prepareConfirm(ctx, pi, p))
    return pi
  }),
  route('POST', '/v1/payment_intents/:id/cancel', (ctx) => {
    const p = Params.of(ctx.raw, ['cancellation_reason'])
    const reason = p.oneOf('cancellation_reason', [
      'duplicate',
      'fraudulent',
      'requested_by_customer',
      'abandoned',
    ] as const)
    const pi = pathIntent(ctx)
    // Stripe can cancel `processing` intents only "in rare cases"; we never can.
    const allowed = CANCELABLE.filter((s) => s !== 'processing')
    if (!allowed.includes(pi.status)) throw unexpectedState(pi, 'cancel', CANCELABLE)
    pi.status = 'canceled'
    pi.canceled_at = ctx.sim.nowSec()
    pi.cancellation_reason = reason ?? null
    pi.next_action = null
    ctx.sim.emit('payment_intent.canceled', pi, ctx.owner, ctx.origin)
    return pi
  }),
  route('POST', '/v1/payment_intents/:id/capture', () => {
    throw ApiFailure.invalidRequest('Manual capture is not supported by this test server.')
  }),
  route('GET', '/v1/payment_intents', (ctx) => {
    const p = Params.of(ctx.raw, [...LIST_PARAMS, 'customer', 'created'])
    const customer = p.string('customer')
    const created = createdFilter(p)
    const items = ctx.sim
      .all('payment_intent', ctx.owner)
      .filter((pi) => (customer ? pi.customer === customer : true) && created(pi.created))
    return paginate(items, p, '/v1/payment_intents')
  }),
]
