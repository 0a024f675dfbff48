import { type RequestContext, type Route, route } from '../engine/route.ts'
import type { PaymentIntent } from '../engine/types.ts'
import { checkChargeAmount, checkCurrency } from '../protocol/currency.ts'
import { ApiFailure } from '../protocol/errors.ts'
import { newId, randomToken } from '../protocol/ids.ts'
import { createdFilter, LIST_PARAMS, paginate } from '../protocol/list.ts'
import { Params } from '../protocol/params.ts'
import { requireCustomer } from './customers.ts'
import {
  allowedTypesParam,
  CONFIRMABLE,
  type ConfirmPlan,
  checkCompatible,
  compatibleTypes,
  confirm,
  paymentMethodFromParams,
  prepareConfirm,
  unexpectedState,
} from './payment-attempts.ts'

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

const CANCELABLE = [
  'requires_payment_method',
  'requires_capture',
  'requires_confirmation',
  'requires_action',
  'processing',
]

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
