import { addBalanceTransaction } from '../engine/balance.ts'
import { changedKeys } from '../engine/diff.ts'
import { type RequestContext, type Route, route } from '../engine/route.ts'
import { NO_ORIGIN, type Sim } from '../engine/sim.ts'
import type { Charge, Refund } from '../engine/types.ts'
import { checkPositiveAmount } from '../protocol/currency.ts'
import { ApiFailure } from '../protocol/errors.ts'
import { newId } from '../protocol/ids.ts'
import { createdFilter, LIST_PARAMS, paginate } from '../protocol/list.ts'
import { Params } from '../protocol/params.ts'

const REASONS = ['duplicate', 'fraudulent', 'requested_by_customer'] as const

function chargeToRefund(ctx: RequestContext, p: Params): Charge {
  const chargeId = p.string('charge')
  const piId = p.string('payment_intent')
  if (chargeId && piId) {
    throw ApiFailure.invalidRequest('You can only pass one of these parameters: charge, payment_intent.')
  }
  if (chargeId) {
    const charge = ctx.sim.get('charge', chargeId, ctx.owner)
    if (!charge) throw ApiFailure.missingParamObject('charge', chargeId, 'charge')
    return charge
  }
  if (!piId)
    throw ApiFailure.invalidRequest(
      'One of the following params should be provided for this request: payment_intent or charge.',
      { code: 'parameter_missing' },
    )
  const pi = ctx.sim.get('payment_intent', piId, ctx.owner)
  if (!pi) throw ApiFailure.missingParamObject('payment_intent', piId, 'payment_intent')
  const charge = pi.latest_charge ? ctx.sim.get('charge', pi.latest_charge, ctx.owner) : undefined
  if (!charge || pi.status !== 'succeeded') {
    throw ApiFailure.invalidRequest(
      `This PaymentIntent (${pi.id}) does not have a successful charge to refund.`,
      { code: 'charge_not_refundable', param: 'payment_intent' },
    )
  }
  return charge
}

function create(ctx: RequestContext): Refund {
  const p = Params.of(ctx.raw, [
    'charge',
    'payment_intent',
    'amount',
    'reason',
    'metadata',
    'instructions_email',
    'refund_application_fee',
    'reverse_transfer',
  ])
  if (p.has('reverse_transfer') || p.has('refund_application_fee')) {
    throw ApiFailure.invalidRequest(
      'reverse_transfer and refund_application_fee apply to destination charges, which this test server does not support.',
    )
  }
  const charge = chargeToRefund(ctx, p)
  const reason = p.oneOf('reason', REASONS)
  const metadata = p.metadata()
  const remaining = charge.amount - charge.amount_refunded
  const amount = p.integer('amount') ?? remaining
  if (p.has('amount')) checkPositiveAmount(amount)
  if (charge.status !== 'succeeded') {
    throw ApiFailure.invalidRequest(
      `Charge ${charge.id} has not succeeded; only successful charges can be refunded.`,
      {
        code: 'charge_not_refundable',
      },
    )
  }
  if (remaining === 0) {
    throw ApiFailure.invalidRequest(`Charge ${charge.id} has already been refunded.`, {
      code: 'charge_already_refunded',
    })
  }
  if (amount > remaining) {
    throw ApiFailure.invalidRequest(
      `Refund amount (${amount}) is greater than unrefunded amount on charge (${remaining})`,
      { code: 'amount_too_large', param: 'amount' },
    )
  }
  // Card refunds succeed at once in test mode; bank debit refunds stay pending for a while.
  const isCard = charge.payment_method_details.type === 'card'
  const txn = addBalanceTransaction(ctx.sim, {
    owner: ctx.owner,
    type: 'refund',
    amount: -amount,
    currency: charge.currency,
    source: null,
    description: 'REFUND FOR PAYMENT',
  })
  const refund: Refund = {
    id: newId('re'),
    object: 'refund',
    amount,
    balance_transaction: txn.id,
    charge: charge.id,
    created: ctx.sim.nowSec(),
    currency: charge.currency,
    destination_details: { type: charge.payment_method_details.type },
    livemode: false,
    metadata,
    payment_intent: charge.payment_intent,
    reason: reason ?? null,
    receipt_number: null,
    source_transfer_reversal: null,
    status: isCard ? 'succeeded' : 'pending',
    transfer_reversal: null,
  }
  txn.source = refund.id
  ctx.sim.put(refund, ctx.owner)
  const before = structuredClone(charge)
  charge.amount_refunded += amount
  charge.refunded = charge.amount_refunded === charge.amount
  ctx.sim.emit('refund.created', refund, ctx.owner, ctx.origin)
  ctx.sim.emit('charge.refunded', charge, ctx.owner, ctx.origin, changedKeys(before, charge))
  if (!isCard) ctx.sim.schedule('refund_settle', refund.id, ctx.sim.config.asyncPaymentDelayMs)
  return refund
}

/** Scheduled: a pending bank-debit refund completes. */
export function settleRefund(sim: Sim, refundId: string): void {
  const owner = sim.ownerOf(refundId)
  const refund = owner ? sim.get('refund', refundId, owner) : undefined
  if (!owner || !refund || refund.status !== 'pending') return
  refund.status = 'succeeded'
  sim.emit('refund.updated', refund, owner, NO_ORIGIN, { status: 'pending' })
}

function pathRefund(ctx: RequestContext): Refund {
  const id = ctx.path.id as string
  const refund = ctx.sim.get('refund', id, ctx.owner)
  if (!refund) throw ApiFailure.notFound('refund', id, 'refund')
  return refund
}

export const refundRoutes: Route[] = [
  route('POST', '/v1/refunds', create),
  route('GET', '/v1/refunds/:id', (ctx) => {
    Params.of(ctx.raw, [])
    return pathRefund(ctx)
  }),
  route('POST', '/v1/refunds/:id', (ctx) => {
    const p = Params.of(ctx.raw, ['metadata'])
    const refund = pathRefund(ctx)
    const before = structuredClone(refund)
    refund.metadata = p.metadata(refund.metadata)
    ctx.sim.emit('refund.updated', refund, ctx.owner, ctx.origin, changedKeys(before, refund))
    return refund
  }),
  route('GET', '/v1/refunds', (ctx) => {
    const p = Params.of(ctx.raw, [...LIST_PARAMS, 'charge', 'payment_intent', 'created'])
    const charge = p.string('charge')
    const pi = p.string('payment_intent')
    const created = createdFilter(p)
    const items = ctx.sim
      .all('refund', ctx.owner)
      .filter(
        (r) =>
          (charge ? r.charge === charge : true) &&
          (pi ? r.payment_intent === pi : true) &&
          created(r.created),
      )
    return paginate(items, p, '/v1/refunds')
  }),
  route('GET', '/v1/charges/:id/refunds', (ctx) => {
    const p = Params.of(ctx.raw, [...LIST_PARAMS])
    const id = ctx.path.id as string
    if (!ctx.sim.get('charge', id, ctx.owner)) throw ApiFailure.notFound('charge', id, 'charge')
    return paginate(
      ctx.sim.all('refund', ctx.owner).filter((r) => r.charge === id),
      p,
      `/v1/charges/${id}/refunds`,
    )
  }),
]
