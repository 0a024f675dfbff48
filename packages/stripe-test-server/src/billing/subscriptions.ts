import { changedKeys } from '../engine/diff.ts'
import type { RequestContext, Route } from '../engine/route.ts'
import { route } from '../engine/route.ts'
import { NO_ORIGIN, type Sim } from '../engine/sim.ts'
import type { Customer, PaymentIntent, PaymentMethod } from '../engine/types.ts'
import { ApiFailure } from '../protocol/errors.ts'
import { newId, randomToken } from '../protocol/ids.ts'
import { LIST_PARAMS, paginate } from '../protocol/list.ts'
import { Params } from '../protocol/params.ts'
import { type Actor, createCharge } from '../resources/charges.ts'
import { behaviourOf, resolvePaymentMethod } from '../resources/payment-methods.ts'
import { promotionCodeProblem } from './catalog.ts'
import { periodEnd, prorate } from './proration.ts'
import { advanceSchedule } from './schedules.ts'
import type {
  Discount,
  Invoice,
  InvoiceLine,
  InvoicePayment,
  PendingLine,
  Price,
  Subscription,
  SubscriptionItem,
} from './types.ts'

/**
 * Subscriptions and their invoices. A subscription bills its price at the start of each period
 * from the default payment method (the subscription's, else the customer's invoice default); a
 * failed renewal leaves the invoice open, the subscription `past_due`, and retries on the dunning
 * schedule (`DUNNING_RETRY_DAYS` after each failure), then cancels it. Time moves with the server's
 * clock (`control.advanceClock`), which runs renewals and retries that fell due.
 */
export const DUNNING_RETRY_DAYS = [3, 5, 7] as const
const DAY_MS = 86_400_000

type Proration = 'create_prorations' | 'none' | 'always_invoice'
const PRORATIONS = ['create_prorations', 'none', 'always_invoice'] as const

function actorOf(ctx: RequestContext): Actor {
  return { sim: ctx.sim, owner: ctx.owner, origin: ctx.origin }
}

function pathSubscription(ctx: RequestContext): Subscription {
  const id = ctx.path.id as string
  const sub = ctx.sim.get('subscription', id, ctx.owner)
  if (!sub) throw ApiFailure.notFound('subscription', id)
  return sub
}

function recurringPrice(ctx: RequestContext, id: string, param: string): Price {
  const price = ctx.sim.get('price', id, ctx.owner)
  if (!price) throw ApiFailure.missingParamObject('price', id, param)
  if (!price.recurring) {
    throw ApiFailure.invalidRequest(
      `The price specified is set to \`type=one_time\` but this field only accepts prices with \`type=recurring\`.`,
      { param },
    )
  }
  if (!price.active) throw ApiFailure.invalidRequest('The price specified is inactive.', { param })
  return price
}

function item(sub: Subscription): SubscriptionItem {
  return sub.items.data[0] as SubscriptionItem
}

/** The discount a promotion code or coupon gives, after checking it can be redeemed now. */
function discountFrom(
  ctx: RequestContext,
  p: Params,
  customer: string,
  subscription: string,
): Discount | null {
  const list = p.hashes('discounts', ['coupon', 'promotion_code', 'discount'])
  const first = list[0]
  const promoId = first?.string('promotion_code') ?? p.string('promotion_code')
  const couponId = first?.string('coupon') ?? p.string('coupon')
  if (!promoId && !couponId) return null
  let promotionCode: string | null = null
  let coupon = couponId ? ctx.sim.get('coupon', couponId, ctx.owner) : undefined
  if (promoId) {
    const promo = ctx.sim.get('promotion_code', promoId, ctx.owner)
    if (!promo) throw ApiFailure.missingParamObject('promotion_code', promoId, 'discounts[0][promotion_code]')
    const problem = promotionCodeProblem(ctx, promo)
    if (problem) throw ApiFailure.invalidRequest(problem, { param: 'discounts[0][promotion_code]' })
    promotionCode = promo.id
    coupon = ctx.sim.get('coupon', promo.promotion.coupon, ctx.owner)
    promo.times_redeemed++
  } else if (!coupon) {
    throw ApiFailure.missingParamObject('coupon', couponId as string, 'discounts[0][coupon]')
  }
  if (!coupon) throw ApiFailure.invalidRequest('No such coupon.', { param: 'discounts[0][coupon]' })
  if (!promoId && !coupon.valid)
    throw ApiFailure.invalidRequest('This coupon is no longer valid.', { param: 'discounts[0][coupon]' })
  coupon.times_redeemed++
  if (coupon.max_redemptions !== null && coupon.times_redeemed >= coupon.max_redemptions) coupon.valid = false
  const start = ctx.sim.nowSec()
  return {
    id: newId('di'),
    object: 'discount',
    coupon: structuredClone(coupon),
    promotion_code: promotionCode,
    start,
    end:
      coupon.duration === 'repeating' && coupon.duration_in_months
        ? periodEnd(start, 'month', coupon.duration_in_months)
        : null,
    subscription,
    customer,
  }
}

function discountAmount(d: Discount | null, positive: number, currency: string, at: number): number {
  if (!d || positive <= 0) return 0
  if (d.end !== null && d.end <= at) return 0
  const c = d.coupon
  if (c.percent_off !== null) {
    // exactly, in hundredths of a percent: 32.05 % of 99,000 is 31,729.5 → 31,730 (rounded half up);
    // in floating point 99,000 × 32.05 / 100 is 31,729.4999… and would round down
    const hundredths = Math.round(c.percent_off * 100)
    return Math.min(positive, Math.round((positive * hundredths) / 10_000))
  }
  if (c.amount_off !== null && c.currency === currency) return Math.min(positive, c.amount_off)
  return 0
}

function line(
  sub: Subscription,
  price: Price,
  amount: number,
  period: { start: number; end: number },
  description: string,
  proration: boolean,
): InvoiceLine {
  return {
    id: newId('il'),
    object: 'line_item',
    amount,
    currency: price.currency,
    description,
    discount_amounts: [],
    metadata: {},
    parent: {
      type: 'subscription_item_details',
      subscription_item_details: { proration, subscription: sub.id, subscription_item: item(sub).id },
    },
    period,
    pricing: {
      type: 'price_details',
      price_details: { price: price.id, product: price.product },
      unit_amount_decimal: String(price.unit_amount),
    },
    quantity: 1,
  }
}

function pendingToLine(sub: Subscription, a: Actor, pending: PendingLine): InvoiceLine {
  const price = a.sim.get('price', pending.price, a.owner) as Price
  return line(sub, price, pending.amount, pending.period, pending.description, pending.proration)
}

function describe(price: Price, qty = 1): string {
  const product = price.product
  return `${qty} × ${price.nickname ?? product} (at ${price.unit_amount} ${price.currency} / ${price.recurring?.interval})`
}

/** Creates, finalises and tries to pay an invoice for a subscription. */
function invoice(
  a: Actor,
  sub: Subscription,
  reason: Invoice['billing_reason'],
  lines: InvoiceLine[],
  period: { start: number; end: number },
): Invoice {
  const customer = a.sim.get('customer', sub.customer, a.owner) as Customer
  const now = a.sim.nowSec()
  const subtotal = lines.reduce((s, l) => s + l.amount, 0)
  const positive = lines
    .filter((l) => !l.parent.subscription_item_details.proration)
    .reduce((s, l) => s + Math.max(0, l.amount), 0)
  const discount = discountAmount(sub._discount, positive, sub.currency, now)
  if (sub._discount?.coupon.duration === 'once' && discount > 0) sub._discount.end = now
  const total = subtotal - discount
  const starting = customer.balance
  let amountDue = total
  let ending = starting
  if (total > 0 && starting < 0) {
    const applied = Math.min(total, -starting)
    amountDue = total - applied
    ending = starting + applied
  } else if (total < 0) {
    amountDue = 0
    ending = starting + total
  }
  customer.balance = ending
  const count = a.sim.all('invoice', a.owner).filter((i) => i.customer === customer.id).length
  const id = newId('in')
  const inv: Invoice = {
    id,
    object: 'invoice',
    amount_due: amountDue,
    amount_paid: 0,
    amount_remaining: amountDue,
    attempt_count: 0,
    attempted: false,
    billing_reason: reason,
    collection_method: 'charge_automatically',
    created: now,
    currency: sub.currency,
    customer: customer.id,
    default_payment_method: sub.default_payment_method,
    hosted_invoice_url: `${a.sim.baseUrl}/invoices/${id}`,
    lines: { object: 'list', data: lines, has_more: false, url: `/v1/invoices/${id}/lines` },
    livemode: false,
    metadata: {},
    next_payment_attempt: null,
    number: `${customer.invoice_prefix}-${String(count + 1).padStart(4, '0')}`,
    parent: {
      type: 'subscription_details',
      quote_details: null,
      subscription_details: { metadata: { ...sub.metadata }, subscription: sub.id },
    },
    period_end: period.end,
    period_start: period.start,
    starting_balance: starting,
    ending_balance: ending,
    status: 'open',
    status_transitions: { finalized_at: now, paid_at: null, voided_at: null },
    subtotal,
    total,
    total_discount_amounts:
      discount > 0 && sub._discount ? [{ amount: discount, discount: sub._discount.id }] : [],
    last_finalization_error: null,
    _last_payment_error: null,
  }
  a.sim.put(inv, a.owner)
  sub.latest_invoice = inv.id
  a.sim.emit('invoice.created', inv, a.owner, a.origin)
  a.sim.emit('invoice.finalized', inv, a.owner, a.origin)
  attemptPayment(a, sub, inv)
  return inv
}

function paymentMethodFor(a: Actor, sub: Subscription): PaymentMethod | undefined {
  const customer = a.sim.get('customer', sub.customer, a.owner)
  const id = sub.default_payment_method ?? customer?.invoice_settings.default_payment_method
  return id ? a.sim.get('payment_method', id, a.owner) : undefined
}

/** One payment attempt of an open invoice; true when it is paid. */
function attemptPayment(a: Actor, sub: Subscription, inv: Invoice, pm = paymentMethodFor(a, sub)): boolean {
  const now = a.sim.nowSec()
  if (inv.amount_due > 0) {
    inv.attempt_count++
    inv.attempted = true
    const behaviour = pm ? behaviourOf(pm) : null
    if (!pm || !behaviour || behaviour.kind !== 'succeed') {
      // the next try on the dunning schedule (a first invoice that fails is not retried: the
      // subscription stays `incomplete`), set before the event so the webhook carries it
      const days = DUNNING_RETRY_DAYS[inv.attempt_count - 1]
      inv.next_payment_attempt =
        inv.billing_reason === 'subscription_create' || days === undefined ? null : now + days * 86_400
      inv._last_payment_error = !pm
        ? 'There is no default payment method.'
        : behaviour?.kind === 'decline'
          ? behaviour.decline.message
          : 'The payment needs the customer to authenticate.'
      a.sim.emit('invoice.payment_failed', inv, a.owner, a.origin)
      return false
    }
  }
  inv.status = 'paid'
  inv.amount_paid = inv.amount_due
  inv.amount_remaining = 0
  inv.next_payment_attempt = null
  inv._last_payment_error = null
  inv.status_transitions.paid_at = now
  if (inv.amount_paid > 0 && pm) recordInvoicePayment(a, inv, pm)
  a.sim.emit('invoice.paid', inv, a.owner, a.origin)
  a.sim.emit('invoice.payment_succeeded', inv, a.owner, a.origin)
  return true
}

/**
 * What the card paid an invoice with: a succeeded PaymentIntent with its charge (so it can be
 * refunded, `POST /v1/refunds` with `payment_intent`), and the invoice payment linking them.
 */
function recordInvoicePayment(a: Actor, inv: Invoice, pm: PaymentMethod): InvoicePayment {
  const now = a.sim.nowSec()
  const piId = newId('pi')
  const pi: PaymentIntent = {
    id: piId,
    object: 'payment_intent',
    allowed_payment_method_types: null,
    amount: inv.amount_paid,
    amount_capturable: 0,
    amount_received: inv.amount_paid,
    application: null,
    application_fee_amount: null,
    automatic_payment_methods: null,
    canceled_at: null,
    cancellation_reason: null,
    capture_method: 'automatic',
    client_secret: `${piId}_secret_${randomToken(25)}`,
    confirmation_method: 'automatic',
    created: now,
    currency: inv.currency,
    customer: inv.customer,
    description:
      inv.billing_reason === 'subscription_create' ? 'Subscription creation' : 'Subscription update',
    excluded_payment_method_types: null,
    last_payment_error: null,
    latest_charge: null,
    livemode: false,
    metadata: {},
    next_action: null,
    on_behalf_of: null,
    payment_method: pm.id,
    payment_method_configuration_details: null,
    payment_method_options: {},
    payment_method_types: [pm.type],
    processing: null,
    receipt_email: null,
    review: null,
    setup_future_usage: null,
    shipping: null,
    source: null,
    statement_descriptor: null,
    statement_descriptor_suffix: null,
    status: 'succeeded',
    transfer_data: null,
    transfer_group: null,
  }
  a.sim.put(pi, a.owner)
  const charge = createCharge(a, pi, pm, 'succeeded', null)
  pi.latest_charge = charge.id
  const payment: InvoicePayment = {
    id: newId('inpay'),
    object: 'invoice_payment',
    amount_paid: inv.amount_paid,
    amount_requested: inv.amount_due,
    created: now,
    currency: inv.currency,
    invoice: inv.id,
    is_default: true,
    livemode: false,
    payment: { type: 'payment_intent', payment_intent: pi.id },
    status: 'paid',
    status_transitions: { canceled_at: null, paid_at: now },
  }
  a.sim.put(payment, a.owner)
  a.sim.emit('payment_intent.succeeded', pi, a.owner, a.origin)
  a.sim.emit('charge.succeeded', charge, a.owner, a.origin)
  return payment
}

function scheduleCycle(sim: Sim, sub: Subscription): void {
  sim.cancelJobs(sub.id, 'subscription_cycle')
  const at = sub.status === 'trialing' && sub.trial_end ? sub.trial_end : item(sub).current_period_end
  sim.schedule('subscription_cycle', sub.id, at * 1000 - sim.nowMs())
}

export function cancelNow(a: Actor, sub: Subscription, reason: string): void {
  const before = structuredClone(sub)
  const now = a.sim.nowSec()
  sub.status = 'canceled'
  sub.canceled_at ??= now
  sub.ended_at = now
  sub.cancellation_details = { comment: null, feedback: null, reason }
  a.sim.cancelJobs(sub.id)
  for (const inv of a.sim.all('invoice', a.owner)) {
    if (inv.parent.subscription_details.subscription === sub.id && inv.status === 'open') {
      inv.next_payment_attempt = null
      a.sim.cancelJobs(inv.id)
    }
  }
  a.sim.emit('customer.subscription.deleted', sub, a.owner, a.origin, changedKeys(before, sub))
}

/** After a failed attempt: past_due and the next retry, or canceled once the schedule ran out. */
function afterFailure(a: Actor, sub: Subscription, inv: Invoice): void {
  const retryIndex = inv.attempt_count - 1
  const days = DUNNING_RETRY_DAYS[retryIndex]
  if (days === undefined) {
    cancelNow(a, sub, 'payment_failed')
    return
  }
  a.sim.schedule('invoice_retry', inv.id, days * DAY_MS)
}

function setStatus(a: Actor, sub: Subscription, status: Subscription['status'], before: Subscription): void {
  sub.status = status
  const prev = changedKeys(before, sub)
  if (Object.keys(prev).length > 0) a.sim.emit('customer.subscription.updated', sub, a.owner, a.origin, prev)
}

/** Job: a period (or a trial) ended; renew, or end a subscription set to cancel at period end. */
export function cycleSubscription(sim: Sim, id: string): void {
  const owner = sim.ownerOf(id)
  const sub = owner ? sim.get('subscription', id, owner) : undefined
  if (!owner || !sub || sub.status === 'canceled' || sub.status === 'incomplete_expired') return
  const a: Actor = { sim, owner, origin: NO_ORIGIN }
  if (sub.cancel_at_period_end) {
    cancelNow(a, sub, 'cancellation_requested')
    return
  }
  const before = structuredClone(sub)
  // a schedule's next phase starts now: its price from this period on, no proration
  if (advanceSchedule(a, sub) === 'canceled') return
  const it = item(sub)
  const price = sim.get('price', it.price.id, owner) as Price
  const recurring = price.recurring as NonNullable<Price['recurring']>
  const start = sub.status === 'trialing' && sub.trial_end ? sub.trial_end : it.current_period_end
  const end = periodEnd(start, recurring.interval, recurring.interval_count)
  it.current_period_start = start
  it.current_period_end = end
  const lines = [
    ...sub._pending_lines.map((l) => pendingToLine(sub, a, l)),
    line(sub, price, price.unit_amount, { start, end }, describe(price), false),
  ]
  sub._pending_lines = []
  const wasTrial = sub.status === 'trialing'
  const inv = invoice(a, sub, 'subscription_cycle', lines, { start, end })
  if (inv.status === 'paid') setStatus(a, sub, 'active', before)
  else {
    setStatus(a, sub, wasTrial ? 'past_due' : 'past_due', before)
    afterFailure(a, sub, inv)
  }
  scheduleCycle(sim, sub)
}

/** Job: retry an open subscription invoice on the dunning schedule. */
export function retryInvoice(sim: Sim, id: string): void {
  const owner = sim.ownerOf(id)
  const inv = owner ? sim.get('invoice', id, owner) : undefined
  if (!owner || !inv || inv.status !== 'open') return
  const sub = sim.get('subscription', inv.parent.subscription_details.subscription, owner)
  if (!sub || sub.status === 'canceled') return
  const a: Actor = { sim, owner, origin: NO_ORIGIN }
  const before = structuredClone(sub)
  if (attemptPayment(a, sub, inv)) {
    if (sub.status === 'past_due' || sub.status === 'incomplete') setStatus(a, sub, 'active', before)
  } else afterFailure(a, sub, inv)
}

const CREATE = [
  'customer',
  'items',
  'default_payment_method',
  'trial_period_days',
  'trial_end',
  'discounts',
  'promotion_code',
  'coupon',
  'metadata',
  'cancel_at_period_end',
  'payment_behavior',
  'proration_behavior',
  'off_session',
  'collection_method',
  'payment_settings',
  'description',
] as const

const UPDATE = [
  'items',
  'default_payment_method',
  'proration_behavior',
  'proration_date',
  'cancel_at_period_end',
  'metadata',
  'payment_behavior',
  'discounts',
  'promotion_code',
  'coupon',
  'trial_end',
  'billing_cycle_anchor',
  'off_session',
  'description',
  'payment_settings',
] as const

function checkPaymentMethod(
  ctx: RequestContext,
  customer: string,
  id: string | null | undefined,
): string | null {
  if (!id) return null
  const pm = resolvePaymentMethod(ctx, id, 'default_payment_method')
  if (pm.customer !== customer) {
    throw ApiFailure.invalidRequest(
      `The customer does not have a payment method with the ID ${id}. The payment method must be attached to the customer.`,
      { code: 'resource_missing', param: 'default_payment_method' },
    )
  }
  return pm.id
}

export const subscriptionRoutes: Route[] = [
  route('POST', '/v1/subscriptions', (ctx) => {
    const p = Params.of(ctx.raw, [...CREATE])
    const customerId = p.requiredString('customer')
    const customer = ctx.sim.get('customer', customerId, ctx.owner)
    if (!customer) throw ApiFailure.missingParamObject('customer', customerId, 'customer')
    const items = p.hashes('items', ['price', 'quantity', 'metadata'])
    if (items.length === 0) throw p.missing('items')
    if (items.length > 1) {
      throw ApiFailure.invalidRequest('This test server supports one item per subscription.', {
        param: 'items',
      })
    }
    const it0 = items[0] as Params
    const price = recurringPrice(ctx, it0.requiredString('price'), 'items[0][price]')
    const quantity = it0.integer('quantity') ?? 1
    if (quantity !== 1)
      throw ApiFailure.invalidRequest('This test server supports quantity 1 only.', {
        param: 'items[0][quantity]',
      })
    const pmId = checkPaymentMethod(ctx, customerId, p.string('default_payment_method'))
    const behaviour =
      p.oneOf('payment_behavior', [
        'allow_incomplete',
        'default_incomplete',
        'error_if_incomplete',
        'pending_if_incomplete',
      ] as const) ?? 'allow_incomplete'
    p.oneOf('proration_behavior', PRORATIONS)
    p.nested('payment_settings', [
      'save_default_payment_method',
      'payment_method_types',
      'payment_method_options',
    ])
    const trialDays = p.integer('trial_period_days')
    if (trialDays !== undefined && (trialDays < 0 || trialDays > 730))
      throw p.invalid('trial_period_days', 'Invalid integer')
    const now = ctx.sim.nowSec()
    const trialEnd = trialDays ? now + trialDays * 86_400 : (p.integer('trial_end') ?? null)
    if (trialEnd !== null && trialEnd <= now) throw p.invalid('trial_end', 'trial_end must be in the future')
    const recurring = price.recurring as NonNullable<Price['recurring']>
    const id = newId('sub')
    const discount = discountFrom(ctx, p, customerId, id)
    const periodStart = now
    const periodEndAt = trialEnd ?? periodEnd(now, recurring.interval, recurring.interval_count)
    const sub: Subscription = {
      id,
      object: 'subscription',
      billing_cycle_anchor: periodEndAt,
      cancel_at: null,
      cancel_at_period_end: p.boolean('cancel_at_period_end') ?? false,
      canceled_at: null,
      cancellation_details: null,
      collection_method: 'charge_automatically',
      created: now,
      currency: price.currency,
      customer: customerId,
      default_payment_method: pmId,
      discounts: discount ? [discount.id] : [],
      ended_at: null,
      items: {
        object: 'list',
        data: [
          {
            id: newId('si'),
            object: 'subscription_item',
            created: now,
            current_period_start: periodStart,
            current_period_end: periodEndAt,
            metadata: it0.metadata({}),
            price: structuredClone(price),
            quantity: 1,
            subscription: id,
          },
        ],
        has_more: false,
        url: `/v1/subscription_items?subscription=${id}`,
      },
      latest_invoice: null,
      livemode: false,
      metadata: p.metadata({}),
      pending_setup_intent: null,
      start_date: now,
      status: trialEnd ? 'trialing' : 'incomplete',
      trial_end: trialEnd,
      trial_start: trialEnd ? now : null,
      schedule: null,
      _pending_lines: [],
      _discount: discount,
    }
    sub.billing_cycle_anchor = trialEnd ?? now
    const a = actorOf(ctx)
    if (!trialEnd && price.unit_amount > 0 && behaviour === 'error_if_incomplete') {
      const pm = paymentMethodFor(a, sub)
      const b = pm ? behaviourOf(pm) : null
      if (!pm || b?.kind !== 'succeed') {
        const message =
          b?.kind === 'decline'
            ? b.decline.message
            : 'This customer has no attached payment source or default payment method.'
        throw new ApiFailure(402, 'card_error', message, {
          code: b?.kind === 'decline' ? b.decline.code : 'resource_missing',
          declineCode: b?.kind === 'decline' ? b.decline.declineCode : undefined,
        })
      }
    }
    ctx.sim.put(sub, ctx.owner)
    const lines = trialEnd
      ? [
          line(
            sub,
            price,
            0,
            { start: now, end: trialEnd },
            `Trial period for ${price.nickname ?? price.product}`,
            false,
          ),
        ]
      : [line(sub, price, price.unit_amount, { start: now, end: periodEndAt }, describe(price), false)]
    const inv = invoice(a, sub, 'subscription_create', lines, { start: now, end: periodEndAt })
    if (!trialEnd) sub.status = inv.status === 'paid' ? 'active' : 'incomplete'
    ctx.sim.emit('customer.subscription.created', sub, ctx.owner, ctx.origin)
    scheduleCycle(ctx.sim, sub)
    return sub
  }),

  route('GET', '/v1/subscriptions/:id', (ctx) => {
    Params.of(ctx.raw, [])
    return pathSubscription(ctx)
  }),

  route('GET', '/v1/subscriptions', (ctx) => {
    const p = Params.of(ctx.raw, [...LIST_PARAMS, 'customer', 'status', 'price', 'created'])
    const customer = p.string('customer')
    const status = p.string('status')
    const price = p.string('price')
    const items = ctx.sim
      .all('subscription', ctx.owner)
      .filter(
        (s) =>
          (!customer || s.customer === customer) &&
          (status === 'all' || (status ? s.status === status : s.status !== 'canceled')) &&
          (!price || item(s).price.id === price),
      )
    return paginate(items, p, '/v1/subscriptions')
  }),

  route('POST', '/v1/subscriptions/:id', (ctx) => {
    const p = Params.of(ctx.raw, [...UPDATE])
    const sub = pathSubscription(ctx)
    if (sub.status === 'canceled' || sub.status === 'incomplete_expired') {
      throw ApiFailure.refused(
        `A canceled subscription can only update its cancellation_details and metadata.`,
        { code: 'resource_missing' },
      )
    }
    const before = structuredClone(sub)
    const a = actorOf(ctx)
    const proration: Proration = p.oneOf('proration_behavior', PRORATIONS) ?? 'create_prorations'
    const now = p.integer('proration_date') ?? ctx.sim.nowSec()
    const pmId = checkPaymentMethod(ctx, sub.customer, p.string('default_payment_method'))
    p.oneOf('payment_behavior', [
      'allow_incomplete',
      'default_incomplete',
      'error_if_incomplete',
      'pending_if_incomplete',
    ] as const)
    p.nested('payment_settings', [
      'save_default_payment_method',
      'payment_method_types',
      'payment_method_options',
    ])
    const anchor = p.oneOf('billing_cycle_anchor', ['now', 'unchanged'] as const)
    if (pmId) sub.default_payment_method = pmId
    sub.metadata = p.metadata(sub.metadata)
    const cancelAtEnd = p.boolean('cancel_at_period_end')
    if (cancelAtEnd !== undefined && sub.schedule) {
      throw ApiFailure.invalidRequest(
        `The subscription is managed by the subscription schedule \`${sub.schedule}\`, and updating any cancelation behavior directly is not allowed. Please update the schedule instead.`,
        { param: 'cancel_at_period_end' },
      )
    }
    if (cancelAtEnd !== undefined) {
      sub.cancel_at_period_end = cancelAtEnd
      sub.cancel_at = cancelAtEnd ? item(sub).current_period_end : null
      sub.canceled_at = cancelAtEnd ? ctx.sim.nowSec() : null
    }
    const discount = discountFrom(ctx, p, sub.customer, sub.id)
    if (discount) {
      sub._discount = discount
      sub.discounts = [discount.id]
    }
    const items = p.hashes('items', ['id', 'price', 'quantity', 'metadata', 'deleted'])
    const change = items[0]
    let invoiced: Invoice | null = null
    if (change) {
      const itemId = change.string('id')
      const it = item(sub)
      if (itemId && itemId !== it.id) {
        throw ApiFailure.missingParamObject('subscription_item', itemId, 'items[0][id]')
      }
      const priceId = change.string('price')
      const next = priceId ? recurringPrice(ctx, priceId, 'items[0][price]') : undefined
      if (next && next.currency !== sub.currency) {
        throw ApiFailure.invalidRequest('The price must be in the currency of the subscription.', {
          param: 'items[0][price]',
        })
      }
      if (next && next.id !== it.price.id) {
        const old = it.price
        const oldRec = old.recurring as NonNullable<Price['recurring']>
        const newRec = next.recurring as NonNullable<Price['recurring']>
        const intervalChanged =
          oldRec.interval !== newRec.interval || oldRec.interval_count !== newRec.interval_count
        const { current_period_start: ps, current_period_end: pe } = it
        const lines: InvoiceLine[] = []
        if (sub.status !== 'trialing' && proration !== 'none' && now < pe) {
          const credit = -prorate(old.unit_amount, ps, pe, now)
          if (credit !== 0)
            lines.push(
              line(sub, old, credit, { start: now, end: pe }, `Unused time on ${describe(old)}`, true),
            )
          if (!intervalChanged && anchor !== 'now') {
            const charge = prorate(next.unit_amount, ps, pe, now)
            if (charge !== 0)
              lines.push(
                line(sub, next, charge, { start: now, end: pe }, `Remaining time on ${describe(next)}`, true),
              )
          }
        }
        it.price = structuredClone(next)
        if (sub.status === 'trialing') {
          // no invoice during a trial: the new price is billed when the trial ends
        } else if (intervalChanged || anchor === 'now') {
          // a new billing period starts now and is invoiced at once, with the credit for the old one
          const end = periodEnd(now, newRec.interval, newRec.interval_count)
          it.current_period_start = now
          it.current_period_end = end
          sub.billing_cycle_anchor = now
          const all = [
            ...sub._pending_lines.map((l) => pendingToLine(sub, a, l)),
            ...lines,
            line(sub, next, next.unit_amount, { start: now, end }, describe(next), false),
          ]
          sub._pending_lines = []
          invoiced = invoice(a, sub, 'subscription_update', all, { start: now, end })
          scheduleCycle(ctx.sim, sub)
        } else if (proration === 'always_invoice' && lines.length > 0) {
          const all = [...sub._pending_lines.map((l) => pendingToLine(sub, a, l)), ...lines]
          sub._pending_lines = []
          invoiced = invoice(a, sub, 'subscription_update', all, { start: now, end: pe })
        } else {
          for (const l of lines) {
            sub._pending_lines.push({
              description: l.description,
              amount: l.amount,
              proration: true,
              period: l.period,
              price: l.pricing.price_details.price,
            })
          }
        }
      }
    }
    if (invoiced) {
      if (invoiced.status === 'paid' && (sub.status === 'past_due' || sub.status === 'incomplete'))
        sub.status = 'active'
      else if (invoiced.status === 'open' && sub.status === 'active') {
        sub.status = 'past_due'
        afterFailure(a, sub, invoiced)
      }
    }
    const prev = changedKeys(before, sub)
    if (Object.keys(prev).length > 0)
      ctx.sim.emit('customer.subscription.updated', sub, ctx.owner, ctx.origin, prev)
    return sub
  }),

  route('DELETE', '/v1/subscriptions/:id', (ctx) => {
    Params.of(ctx.raw, ['invoice_now', 'prorate', 'cancellation_details'])
    const sub = pathSubscription(ctx)
    if (sub.status === 'canceled') {
      throw ApiFailure.refused('This subscription is already canceled.', { code: 'resource_missing' })
    }
    cancelNow(actorOf(ctx), sub, 'cancellation_requested')
    return sub
  }),

  route('GET', '/v1/invoices/:id', (ctx) => {
    Params.of(ctx.raw, [])
    const id = ctx.path.id as string
    const inv = ctx.sim.get('invoice', id, ctx.owner)
    if (!inv) throw ApiFailure.notFound('invoice', id)
    return inv
  }),

  route('GET', '/v1/invoices', (ctx) => {
    const p = Params.of(ctx.raw, [...LIST_PARAMS, 'customer', 'subscription', 'status', 'created'])
    const customer = p.string('customer')
    const subscription = p.string('subscription')
    const status = p.string('status')
    const items = ctx.sim
      .all('invoice', ctx.owner)
      .filter(
        (i) =>
          (!customer || i.customer === customer) &&
          (!subscription || i.parent.subscription_details.subscription === subscription) &&
          (!status || i.status === status),
      )
    return paginate(items, p, '/v1/invoices')
  }),

  route('GET', '/v1/invoice_payments/:id', (ctx) => {
    Params.of(ctx.raw, [])
    const id = ctx.path.id as string
    const payment = ctx.sim.get('invoice_payment', id, ctx.owner)
    if (!payment) throw ApiFailure.notFound('invoice_payment', id)
    return payment
  }),

  route('GET', '/v1/invoice_payments', (ctx) => {
    const p = Params.of(ctx.raw, [...LIST_PARAMS, 'invoice', 'status', 'payment'])
    const invoice = p.string('invoice')
    const status = p.string('status')
    const items = ctx.sim
      .all('invoice_payment', ctx.owner)
      .filter((i) => (!invoice || i.invoice === invoice) && (!status || i.status === status))
    return paginate(items, p, '/v1/invoice_payments')
  }),

  route('POST', '/v1/invoices/:id/pay', (ctx) => {
    const p = Params.of(ctx.raw, ['payment_method', 'off_session', 'paid_out_of_band'])
    const id = ctx.path.id as string
    const inv = ctx.sim.get('invoice', id, ctx.owner)
    if (!inv) throw ApiFailure.notFound('invoice', id)
    if (inv.status !== 'open')
      throw ApiFailure.refused('Invoice is already paid', { code: 'invoice_not_open' })
    const sub = ctx.sim.get(
      'subscription',
      inv.parent.subscription_details.subscription,
      ctx.owner,
    ) as Subscription
    const pmId = p.string('payment_method')
    const pm = pmId ? resolvePaymentMethod(ctx, pmId, 'payment_method') : undefined
    const a = actorOf(ctx)
    const before = structuredClone(sub)
    if (!attemptPayment(a, sub, inv, pm ?? paymentMethodFor(a, sub))) {
      throw new ApiFailure(402, 'card_error', inv._last_payment_error ?? 'Your card was declined.', {
        code: 'card_declined',
        declineCode: 'generic_decline',
        extra: { invoice: structuredClone(inv) },
      })
    }
    ctx.sim.cancelJobs(inv.id)
    if (sub.status === 'past_due' || sub.status === 'incomplete') setStatus(a, sub, 'active', before)
    return inv
  }),
]
