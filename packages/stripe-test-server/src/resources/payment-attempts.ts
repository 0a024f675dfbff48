import type { RequestContext } from '../engine/route.ts'
import { NO_ORIGIN, type Sim } from '../engine/sim.ts'
import type { Charge, LastPaymentError, PaymentIntent, PaymentMethod } from '../engine/types.ts'
import { ApiFailure } from '../protocol/errors.ts'
import { newId } from '../protocol/ids.ts'
import type { Params } from '../protocol/params.ts'
import {
  type Actor,
  type ChargeFailure,
  createCharge,
  markChargeFailed,
  markChargeSucceeded,
} from './charges.ts'
import {
  AUTHENTICATION_DECLINE,
  behaviourOf,
  createPaymentMethodFrom,
  type Decline,
  PAYMENT_METHOD_DATA_KEYS,
  resolvePaymentMethod,
} from './payment-methods.ts'

// How one confirmation of a PaymentIntent plays out: charge, decline, 3-D Secure or a bank debit.

export const CONFIRMABLE = ['requires_payment_method', 'requires_confirmation', 'requires_action'] as const

const REDIRECT_MESSAGE =
  'A `return_url` must be specified because this Payment Intent is configured to automatically accept the payment methods enabled in the Dashboard, some of which may require a full page redirect to succeed. If you do not want to accept redirect-based payment methods, set `automatic_payment_methods[enabled]` to `true` and `automatic_payment_methods[allow_redirects]` to `never` when creating Setup Intents and Payment Intents.'

const PAST: Record<string, string> = {
  confirm: 'confirmed',
  cancel: 'canceled',
  authenticate: 'authenticated',
}

export function unexpectedState(pi: PaymentIntent, action: string, allowed: readonly string[]): ApiFailure {
  return ApiFailure.refused(
    `You cannot ${action} this PaymentIntent because it has a status of ${pi.status}. Only a PaymentIntent with one of the following statuses may be ${PAST[action] ?? action}: ${allowed.join(', ')}.`,
    { code: 'payment_intent_unexpected_state', extra: { payment_intent: structuredClone(pi) } },
  )
}

const SUPPORTED_TYPES = ['card', 'sepa_debit', 'us_bank_account']

/**
 * `payment_method_types` of the answer: the allowed types (all we support when none are given)
 * that fit the currency — SEPA debits are in euros, ACH debits in dollars — minus the excluded ones.
 */
export function compatibleTypes(
  currency: string,
  allowed: string[] | null,
  excluded: string[] | null,
): string[] {
  return (allowed ?? SUPPORTED_TYPES).filter(
    (t) =>
      (t !== 'sepa_debit' || currency === 'eur') &&
      (t !== 'us_bank_account' || currency === 'usd') &&
      !(excluded ?? []).includes(t),
  )
}

export function allowedTypesParam(p: Params): string[] | undefined {
  return p.strings('allowed_payment_method_types') ?? p.strings('payment_method_types')
}

export function paymentMethodFromParams(ctx: RequestContext, p: Params): PaymentMethod | undefined {
  const data = p.nested('payment_method_data', PAYMENT_METHOD_DATA_KEYS)
  if (data) return createPaymentMethodFrom(ctx, data, 'payment_method_data[')
  const id = p.string('payment_method')
  return id ? resolvePaymentMethod(ctx, id, 'payment_method') : undefined
}

export function checkCompatible(pi: PaymentIntent, pm: PaymentMethod): void {
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

export interface ConfirmPlan {
  pm: PaymentMethod
  returnUrl: string | null
  offSession: boolean
  errorOnAction: boolean
  receiptEmail: string | null | undefined
}

/** Checks a confirmation without changing the intent, so a refused request changes nothing. */
export function prepareConfirm(ctx: RequestContext, pi: PaymentIntent, p: Params): ConfirmPlan {
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
export function confirm(ctx: RequestContext, pi: PaymentIntent, plan: ConfirmPlan): void {
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
