import { addBalanceTransaction, chargeFee } from '../engine/balance.ts'
import { changedKeys } from '../engine/diff.ts'
import { type RequestContext, type Route, route } from '../engine/route.ts'
import type { Origin, Sim } from '../engine/sim.ts'
import type { Charge, PaymentIntent, PaymentMethod } from '../engine/types.ts'
import { ApiFailure } from '../protocol/errors.ts'
import { newId } from '../protocol/ids.ts'
import { createdFilter, LIST_PARAMS, paginate } from '../protocol/list.ts'
import { Params } from '../protocol/params.ts'

/** Who is acting: a request, or a scheduled job (no request id). */
export interface Actor {
  sim: Sim
  owner: string
  origin: Origin
}

export interface ChargeFailure {
  code: string
  message: string
  declineCode?: string
}

function paymentMethodDetails(pm: PaymentMethod): Charge['payment_method_details'] {
  if (pm.type === 'card' && pm.card) {
    const { brand, country, exp_month, exp_year, fingerprint, funding, last4 } = pm.card
    return {
      type: 'card',
      card: { brand, country, exp_month, exp_year, fingerprint, funding, last4, network: brand },
    }
  }
  if (pm.type === 'sepa_debit') return { type: 'sepa_debit', sepa_debit: { ...pm.sepa_debit, mandate: null } }
  return { type: 'us_bank_account', us_bank_account: { ...pm.us_bank_account } }
}

/** A charge for a PaymentIntent attempt: succeeded (card), pending (bank debit) or failed. */
export function createCharge(
  actor: Actor,
  pi: PaymentIntent,
  pm: PaymentMethod,
  status: Charge['status'],
  failure: ChargeFailure | null,
  bypassPending = false,
): Charge {
  const charge: Charge = {
    id: newId('ch'),
    object: 'charge',
    amount: pi.amount,
    amount_captured: status === 'succeeded' ? pi.amount : 0,
    amount_refunded: 0,
    application: null,
    application_fee: null,
    application_fee_amount: null,
    balance_transaction: null,
    billing_details: pm.billing_details,
    calculated_statement_descriptor: pi.statement_descriptor ?? 'STRIPE TEST SERVER',
    captured: status === 'succeeded',
    created: actor.sim.nowSec(),
    currency: pi.currency,
    customer: pi.customer,
    description: pi.description,
    destination: null,
    disputed: false,
    failure_balance_transaction: null,
    failure_code: failure?.code ?? null,
    failure_message: failure?.message ?? null,
    fraud_details: {},
    livemode: false,
    metadata: { ...pi.metadata },
    on_behalf_of: null,
    outcome: outcomeFor(status, failure),
    paid: status === 'succeeded',
    payment_intent: pi.id,
    payment_method: pm.id,
    payment_method_details: paymentMethodDetails(pm),
    receipt_email: pi.receipt_email,
    receipt_url: null,
    refunded: false,
    review: null,
    source_transfer: null,
    statement_descriptor: pi.statement_descriptor,
    statement_descriptor_suffix: pi.statement_descriptor_suffix,
    status,
    transfer_data: null,
    transfer_group: pi.transfer_group,
  }
  actor.sim.put(charge, actor.owner)
  if (status === 'succeeded') bookCharge(actor, charge, bypassPending)
  return charge
}

function outcomeFor(status: Charge['status'], failure: ChargeFailure | null): Charge['outcome'] {
  if (status === 'pending') return null
  if (status === 'failed') {
    return {
      network_status: 'declined_by_network',
      reason: failure?.declineCode ?? failure?.code ?? 'generic_decline',
      risk_level: 'normal',
      risk_score: 20,
      seller_message: 'The bank did not return any further details with this decline.',
      type: 'issuer_declined',
    }
  }
  return {
    network_status: 'approved_by_network',
    reason: null,
    risk_level: 'normal',
    risk_score: 20,
    seller_message: 'Payment complete.',
    type: 'authorized',
  }
}

/**
 * Books a successful charge on the platform balance, net of Stripe's fee. Funds are pending for
 * `settlementDelayMs` (the 4000000000000077 test card skips that, as on Stripe).
 */
export function bookCharge(actor: Actor, charge: Charge, bypassPending: boolean): void {
  const delayMs = bypassPending ? 0 : actor.sim.config.settlementDelayMs
  const txn = addBalanceTransaction(actor.sim, {
    owner: actor.owner,
    type: 'charge',
    amount: charge.amount,
    currency: charge.currency,
    source: charge.id,
    fee: chargeFee(actor.sim, charge.amount),
    availableOn: Math.floor((actor.sim.nowMs() + delayMs) / 1000),
  })
  charge.balance_transaction = txn.id
}

export function markChargeSucceeded(actor: Actor, charge: Charge): void {
  charge.status = 'succeeded'
  charge.paid = true
  charge.captured = true
  charge.amount_captured = charge.amount
  charge.outcome = outcomeFor('succeeded', null)
  bookCharge(actor, charge, false)
}

export function markChargeFailed(charge: Charge, failure: ChargeFailure): void {
  charge.status = 'failed'
  charge.failure_code = failure.code
  charge.failure_message = failure.message
  charge.outcome = outcomeFor('failed', failure)
}

function pathCharge(ctx: RequestContext): Charge {
  const id = ctx.path.id as string
  const charge = ctx.sim.get('charge', id, ctx.owner)
  if (!charge) throw ApiFailure.notFound('charge', id, 'charge')
  return charge
}

export const chargeRoutes: Route[] = [
  route('POST', '/v1/charges', () => {
    throw ApiFailure.invalidRequest(
      'Creating charges directly is not supported by this test server; create a PaymentIntent instead.',
    )
  }),
  route('GET', '/v1/charges/:id', (ctx) => {
    Params.of(ctx.raw, [])
    return pathCharge(ctx)
  }),
  route('POST', '/v1/charges/:id', (ctx) => {
    const p = Params.of(ctx.raw, ['description', 'metadata', 'receipt_email'])
    const charge = pathCharge(ctx)
    const before = structuredClone(charge)
    const description = p.string('description')
    if (description !== undefined) charge.description = description
    const email = p.string('receipt_email')
    if (email !== undefined) charge.receipt_email = email
    charge.metadata = p.metadata(charge.metadata)
    ctx.sim.emit('charge.updated', charge, ctx.owner, ctx.origin, changedKeys(before, charge))
    return charge
  }),
  route('GET', '/v1/charges', (ctx) => {
    const p = Params.of(ctx.raw, [...LIST_PARAMS, 'customer', 'payment_intent', 'transfer_group', 'created'])
    const customer = p.string('customer')
    const pi = p.string('payment_intent')
    const group = p.string('transfer_group')
    const created = createdFilter(p)
    const items = ctx.sim
      .all('charge', ctx.owner)
      .filter(
        (c) =>
          (customer ? c.customer === customer : true) &&
          (pi ? c.payment_intent === pi : true) &&
          (group ? c.transfer_group === group : true) &&
          created(c.created),
      )
    return paginate(items, p, '/v1/charges')
  }),
]
