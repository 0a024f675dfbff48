import { type RequestContext, type Route, route } from '../engine/route.ts'
import { ApiFailure } from '../protocol/errors.ts'
import { newId, randomToken } from '../protocol/ids.ts'
import { LIST_PARAMS, paginate } from '../protocol/list.ts'
import { Params } from '../protocol/params.ts'
import { behaviourOf, resolvePaymentMethod } from '../resources/payment-methods.ts'
import type { SetupIntent } from './types.ts'

// SetupIntents: save a card for later off-session charges (subscriptions). Confirming with a
// declining test card fails the setup (402, `last_setup_error`); `pm_card_chargeCustomerFail`
// sets up fine and is declined later, on the first charge, as on Stripe.

const CONFIRMABLE = ['requires_payment_method', 'requires_confirmation'] as const

function pathIntent(ctx: RequestContext): SetupIntent {
  const id = ctx.path.id as string
  const si = ctx.sim.get('setup_intent', id, ctx.owner)
  if (!si) throw ApiFailure.notFound('setup_intent', id, 'intent')
  return si
}

function confirmSetup(ctx: RequestContext, si: SetupIntent, pmId: string | null | undefined, param: string) {
  if (!(CONFIRMABLE as readonly string[]).includes(si.status)) {
    throw ApiFailure.refused(`You cannot confirm this SetupIntent because it has a status of ${si.status}.`, {
      code: 'setup_intent_unexpected_state',
      extra: { setup_intent: structuredClone(si) },
    })
  }
  const id = pmId ?? si.payment_method
  if (!id) {
    throw ApiFailure.invalidRequest('You cannot confirm this SetupIntent because it has no payment method.', {
      code: 'setup_intent_unexpected_state',
      param: 'payment_method',
    })
  }
  const pm = resolvePaymentMethod(ctx, id, param)
  if (pm.customer && si.customer && pm.customer !== si.customer) {
    throw ApiFailure.invalidRequest('The provided PaymentMethod belongs to a different Customer.', {
      code: 'payment_method_unexpected_state',
      param,
    })
  }
  si.payment_method = pm.id
  const behaviour = behaviourOf(pm)
  if (behaviour.kind === 'decline' && pm.card?.last4 !== '0341') {
    const d = behaviour.decline
    si.status = 'requires_payment_method'
    si.last_setup_error = {
      type: 'card_error',
      code: d.code,
      decline_code: d.declineCode,
      message: d.message,
      payment_method: structuredClone(pm),
    }
    ctx.sim.emit('setup_intent.setup_failed', si, ctx.owner, ctx.origin)
    throw new ApiFailure(402, 'card_error', d.message, {
      code: d.code,
      declineCode: d.declineCode,
      extra: { setup_intent: structuredClone(si), payment_method: structuredClone(pm) },
    })
  }
  if (si.customer && !pm.customer) {
    pm.customer = si.customer
    ctx.sim.emit('payment_method.attached', pm, ctx.owner, ctx.origin)
  }
  si.status = 'succeeded'
  si.last_setup_error = null
  ctx.sim.emit('setup_intent.succeeded', si, ctx.owner, ctx.origin)
}

const CREATE = [
  'customer',
  'payment_method',
  'payment_method_types',
  'usage',
  'confirm',
  'description',
  'metadata',
  'automatic_payment_methods',
  'return_url',
] as const

export const setupIntentRoutes: Route[] = [
  route('POST', '/v1/setup_intents', (ctx) => {
    const p = Params.of(ctx.raw, [...CREATE])
    const customer = p.string('customer') ?? null
    if (customer && !ctx.sim.get('customer', customer, ctx.owner)) {
      throw ApiFailure.missingParamObject('customer', customer, 'customer')
    }
    p.nested('automatic_payment_methods', ['enabled', 'allow_redirects'])
    const pmId = p.string('payment_method')
    const id = newId('seti')
    const si: SetupIntent = {
      id,
      object: 'setup_intent',
      cancellation_reason: null,
      client_secret: `${id}_secret_${randomToken(24)}`,
      created: ctx.sim.nowSec(),
      customer,
      description: p.string('description') ?? null,
      last_setup_error: null,
      latest_attempt: null,
      livemode: false,
      metadata: p.metadata({}),
      next_action: null,
      payment_method: null,
      payment_method_types: p.strings('payment_method_types') ?? ['card'],
      status: pmId ? 'requires_confirmation' : 'requires_payment_method',
      usage: p.oneOf('usage', ['off_session', 'on_session'] as const) ?? 'off_session',
    }
    if (pmId) si.payment_method = resolvePaymentMethod(ctx, pmId, 'payment_method').id
    ctx.sim.put(si, ctx.owner)
    ctx.sim.emit('setup_intent.created', si, ctx.owner, ctx.origin)
    if (p.boolean('confirm')) confirmSetup(ctx, si, null, 'payment_method')
    return si
  }),
  route('GET', '/v1/setup_intents/:id', (ctx) => {
    Params.of(ctx.raw, ['client_secret'])
    return pathIntent(ctx)
  }),
  route('GET', '/v1/setup_intents', (ctx) => {
    const p = Params.of(ctx.raw, [...LIST_PARAMS, 'customer', 'payment_method'])
    const customer = p.string('customer')
    const items = ctx.sim.all('setup_intent', ctx.owner).filter((x) => !customer || x.customer === customer)
    return paginate(items, p, '/v1/setup_intents')
  }),
  route('POST', '/v1/setup_intents/:id/confirm', (ctx) => {
    const p = Params.of(ctx.raw, ['payment_method', 'return_url', 'mandate_data', 'client_secret'])
    const si = pathIntent(ctx)
    confirmSetup(ctx, si, p.string('payment_method'), 'payment_method')
    return si
  }),
  route('POST', '/v1/setup_intents/:id/cancel', (ctx) => {
    Params.of(ctx.raw, ['cancellation_reason'])
    const si = pathIntent(ctx)
    if (si.status === 'succeeded' || si.status === 'canceled') {
      throw ApiFailure.refused(
        `You cannot cancel this SetupIntent because it has a status of ${si.status}.`,
        {
          code: 'setup_intent_unexpected_state',
        },
      )
    }
    si.status = 'canceled'
    ctx.sim.emit('setup_intent.canceled', si, ctx.owner, ctx.origin)
    return si
  }),
]
