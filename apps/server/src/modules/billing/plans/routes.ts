import { z } from 'zod'
import { type Access, access } from '../../../kernel/http/access.ts'
import { idempotencyKeyOf } from '../../../kernel/http/idempotency.ts'
import { ZMoney } from '../../../kernel/http/schemas.ts'
import { billingRoute as route } from '../caller.ts'
import { PLAN_TIERS } from '../fees/fee-config.ts'
import { plansOverview } from './admin.ts'
import { PLANS } from './catalog.ts'
import { refundPlanInvoice } from './refunds.ts'
import {
  cancelScheduledChange,
  cancelSubscription,
  changeSubscription,
  mySubscription,
  saveCard,
  subscribe,
} from './subscriptions.ts'

/**
 * The plans API: the catalogue (public), a recruiter's subscription (read, start, change, cancel)
 * and the card it is billed to. See plans/README.md.
 */
const TAG = ['plans']
const recruiter: Access = access.roles(['recruiter'], 'Recruiters, for their own plan.')
const ZTs = z.iso.datetime()
const ZTier = z.enum(PLAN_TIERS)
const ZPaidTier = z
  .enum(['pro', 'partner'])
  .describe('A paid plan (Starter is free: cancel to go back to it)')
const ZInterval = z.enum(['month', 'year']).describe('Billed monthly or yearly (yearly: two months free)')

const ZEntitlements = z.object({
  platform_take_bps: z.number().int().describe('The platform’s share of the standard fee, in basis points'),
  message_initiations_per_month: z
    .number()
    .int()
    .nullable()
    .describe('Conversations you may start a month; null: no limit'),
  early_access_hours: z.number().int().describe('Hours before everyone else you see new roles'),
})

const ZPlan = z.object({
  tier: ZTier,
  name: z.string(),
  tagline: z.string(),
  prices: z.object({ month: ZMoney, year: ZMoney }),
  trial_days: z.number().int(),
  entitlements: ZEntitlements,
  features: z.array(z.string()),
})

const ZMine = z.object({
  tier: ZTier.describe('The plan you hold now'),
  plan_name: z.string(),
  entitlements: ZEntitlements,
  usage: z.object({ message_initiations: z.number().int(), month: z.string() }),
  card: z.object({ brand: z.string(), last4: z.string() }).nullable(),
  subscription: z
    .object({
      id: z.string(),
      tier: ZPaidTier,
      interval: ZInterval,
      status: z.enum(['creating', 'incomplete', 'trialing', 'active', 'past_due']),
      price: ZMoney,
      current_period_start: ZTs.nullable(),
      current_period_end: ZTs.nullable(),
      trial_end: ZTs.nullable(),
      cancel_at_period_end: z
        .boolean()
        .describe('true: the plan ends (back to Starter) at the end of the period'),
      scheduled_change: z
        .object({
          tier: ZPaidTier,
          interval: ZInterval,
          at: ZTs.describe('When it takes effect: the end of the period already paid'),
          price: ZMoney,
        })
        .nullable()
        .describe('A downgrade waiting for the end of the paid period (call it off before then)'),
      promo_code: z.string().nullable(),
      discount_percent: z.string().nullable(),
      version: z.number().int(),
    })
    .nullable(),
  payment_pending: z
    .object({
      invoice_id: z.string(),
      amount_due: ZMoney,
      attempt_count: z.number().int(),
      next_payment_attempt: ZTs.nullable().describe('When we try the card again; null: no more tries'),
      last_payment_error: z.string().nullable(),
    })
    .nullable()
    .describe('An invoice of your plan that is not paid yet (dunning)'),
  invoices: z.array(
    z.object({
      id: z.string(),
      number: z.string().nullable(),
      status: z.enum(['draft', 'open', 'paid', 'uncollectible', 'void']),
      billing_reason: z.string().nullable(),
      total: ZMoney,
      amount_paid: ZMoney,
      amount_due: ZMoney,
      period_start: ZTs.nullable(),
      period_end: ZTs.nullable(),
      created_at: ZTs,
    }),
  ),
  history: z.array(
    z
      .object({ tier: ZTier, from: ZTs, to: ZTs.nullable(), reason: z.string() })
      .describe('A period you held a plan'),
  ),
})

const ZSubscriber = {
  subscription_id: z.string(),
  recruiter_id: z.string(),
  recruiter_name: z.string(),
}
const ZAnyTier = z.enum(['starter', 'pro', 'partner'])

const ZPlanRefund = z
  .object({
    id: z.string(),
    invoice_id: z.string(),
    recruiter_id: z.string(),
    recruiter_name: z.string(),
    amount: ZMoney,
    reason: z.string(),
    status: z
      .enum(['requested', 'pending', 'succeeded', 'failed'])
      .describe('requested: not yet at Stripe; succeeded: refunded and booked'),
    stripe_refund_id: z.string().nullable(),
    booked: z.boolean().describe('The reversal is on the ledger'),
    failure_reason: z.string().nullable(),
    refunded_at: ZTs.nullable(),
    created_at: ZTs,
  })
  .describe('A refund of a plan invoice')

const ZPaidPlanInvoice = z.object({
  invoice_id: z.string(),
  number: z.string().nullable(),
  recruiter_id: z.string(),
  recruiter_name: z.string(),
  amount_paid: ZMoney,
  amount_refunded: ZMoney,
  paid_at: ZTs,
})

const ZPlansOverview = z.object({
  currency: z.string(),
  as_of: ZTs,
  totals: z.object({
    subscribers: z.number().int().describe('Paying subscriptions (active or in dunning)'),
    trialing: z.number().int(),
    past_due: z.number().int(),
    mrr: ZMoney.describe(
      'Monthly recurring revenue: what subscribers pay per invoice (list price less a promo-code discount while it lasts: once = the first paid period, repeating = N months, forever), yearly plans a twelfth; summed in twelfths and divided once, half a cent rounded up',
    ),
    arr: ZMoney.describe('MRR × 12'),
    mrr_at_list_price: ZMoney.describe('MRR had nobody a discount'),
    discounted_subscribers: z.number().int().describe('Paying subscriptions with a discount running now'),
    plan_revenue_booked: ZMoney.describe('Plan invoices paid, as booked on the ledger (all time)'),
  }),
  tiers: z.array(
    z.object({
      tier: ZPaidTier,
      name: z.string(),
      subscribers: z.number().int(),
      trialing: z.number().int(),
      monthly: z.number().int(),
      yearly: z.number().int(),
      mrr: ZMoney,
    }),
  ),
  trials: z.array(z.object({ ...ZSubscriber, tier: ZPaidTier, trial_end: ZTs.nullable() })),
  past_due: z.array(
    z.object({
      ...ZSubscriber,
      tier: ZPaidTier,
      invoice_id: z.string(),
      amount_due: ZMoney,
      attempt_count: z.number().int(),
      next_payment_attempt: ZTs.nullable(),
      last_payment_error: z.string().nullable(),
    }),
  ),
  scheduled: z.array(
    z.object({
      ...ZSubscriber,
      from: z.object({ tier: ZPaidTier, interval: ZInterval }),
      to: z.object({ tier: ZAnyTier, interval: ZInterval.nullable() }),
      at: ZTs.nullable(),
    }),
  ),
  recent_changes: z.array(
    z.object({
      recruiter_id: z.string(),
      recruiter_name: z.string(),
      from_tier: ZAnyTier.nullable(),
      to_tier: ZAnyTier,
      at: ZTs,
      reason: z.string(),
    }),
  ),
  months: z.array(
    z.object({
      month: z.string().describe('YYYY-MM'),
      pro: z.number().int().describe('Recruiters on Pro at the end of the month (today for this month)'),
      partner: z.number().int(),
      collected: ZMoney.describe('Plan invoices paid that month (by Stripe’s paid-at time)'),
      refunded: ZMoney.describe('Refunds of plan invoices that month'),
      net: ZMoney.describe('Collected less refunded'),
    }),
  ),
  refunds: z.array(ZPlanRefund).describe('The latest refunds of plan invoices'),
  paid_invoices: z.array(ZPaidPlanInvoice).describe('The latest paid plan invoices (to refund)'),
})

const money = (amount: bigint) => ({ amount: amount.toString(), currency: 'USD' })

export const plansRoutes = [
  route.define({
    method: 'GET',
    url: '/api/admin/plans',
    operationId: 'getPlansOverview',
    summary: 'Recruiter plans at a glance: subscribers per tier, MRR, trials, dunning, changes',
    description:
      'Subscribers and MRR from the subscription rows (list prices, integer cents; yearly plans count a twelfth), trials, subscriptions in dunning with their open invoice, downgrades and cancellations scheduled for the end of a period, the latest changes of the plan history, and by month the recruiters on each paid tier and the plan revenue collected.',
    tags: TAG,
    access: access.roles(['platform_admin'], 'Platform admins (finance).'),
    query: z.strictObject({
      months: z.coerce
        .number()
        .int()
        .min(1)
        .max(36)
        .default(12)
        .describe('How many months the series covers'),
    }),
    errors: [],
    response: ZPlansOverview,
    handler: ({ ctx, tx, query }) => plansOverview(tx, ctx.clock.now(), query.months),
  }),
  route.define({
    method: 'POST',
    url: '/api/admin/plans/invoices/:invoiceId/refunds',
    operationId: 'refundPlanInvoice',
    summary: 'Refund a paid plan invoice, in full or in part, with a reason',
    description:
      'Refunds the invoice’s card payment at Stripe; the reversal is booked on the ledger (Dr plan revenue, Cr PSP clearing) once per Stripe refund when Stripe confirms it. Without `amount`, what is left of the invoice. More than is left: 422 `refund_exceeds_paid`; an invoice not paid: 409 `plan_invoice_not_paid`; unknown: 404 `plan_invoice_not_found`. The admin’s decision is audited.',
    tags: TAG,
    access: access.roles(['platform_admin'], 'Platform admins (finance).'),
    transaction: false,
    idempotent: true,
    params: z.strictObject({
      invoiceId: z
        .string()
        .regex(/^in_[A-Za-z0-9]+$/, 'a Stripe invoice id')
        .describe('The Stripe invoice id'),
    }),
    body: z.strictObject({
      amount: z
        .string()
        .regex(/^[1-9][0-9]{0,11}$/, 'a positive whole number of cents')
        .optional()
        .describe('Cents to refund; default: all that is left'),
      reason: z.string().trim().min(3).max(500).describe('Why (kept in the audit log)'),
    }),
    errors: [404, 409, 422, 503],
    status: 201,
    response: ZPlanRefund,
    handler: ({ ctx, caller, params, body, request }) =>
      refundPlanInvoice(
        ctx,
        caller,
        params.invoiceId,
        { amount: body.amount === undefined ? undefined : BigInt(body.amount), reason: body.reason },
        idempotencyKeyOf(request.headers),
      ),
  }),
  route.define({
    method: 'GET',
    url: '/api/plans',
    operationId: 'listPlans',
    summary: 'The recruiter plans: prices, trial, what each gives',
    tags: TAG,
    access: access.public('Anyone: the price list is public.'),
    transaction: false,
    errors: [],
    response: z.object({ data: z.array(ZPlan) }),
    handler: async () => ({
      data: Object.values(PLANS).map((p) => ({
        tier: p.tier,
        name: p.name,
        tagline: p.tagline,
        prices: { month: money(p.prices.month), year: money(p.prices.year) },
        trial_days: p.trial_days,
        entitlements: p.entitlements,
        features: p.features,
      })),
    }),
  }),
  route.define({
    method: 'GET',
    url: '/api/subscriptions',
    operationId: 'getMySubscription',
    summary: 'Your plan: tier, subscription, card, pending payment, invoices, history, usage',
    tags: TAG,
    access: recruiter,
    errors: [],
    response: ZMine,
    handler: ({ ctx, tx, caller }) => mySubscription(ctx, tx, caller),
  }),
  route.define({
    method: 'POST',
    url: '/api/subscriptions/card',
    operationId: 'saveSubscriptionCard',
    summary: 'Save the card your plan is billed to (a Stripe SetupIntent)',
    description:
      'Creates and confirms a SetupIntent for off-session use with the PaymentMethod; with a payment of the plan pending, the new card pays it at once (`pending_payment_paid`). In production Stripe.js collects the card and sends its PaymentMethod id; in demo mode a Stripe test card id (`pm_card_visa`, `pm_card_chargeDeclined`, `pm_card_chargeCustomerFail`…). A declined card: 422 `payment_failed`, nothing saved.',
    tags: TAG,
    access: recruiter,
    transaction: false,
    body: z.strictObject({
      payment_method: z
        .string()
        .regex(/^pm_[A-Za-z0-9_]{1,100}$/, 'must be a Stripe PaymentMethod id (pm_…)')
        .describe('The PaymentMethod to save'),
    }),
    errors: [422, 503],
    response: z.object({
      brand: z.string(),
      last4: z.string(),
      setup_intent: z.string(),
      pending_payment_paid: z
        .boolean()
        .describe('A pending payment of your plan was paid with this card just now'),
    }),
    handler: ({ ctx, caller, body }) => saveCard(ctx, caller, body.payment_method),
  }),
  route.define({
    method: 'POST',
    url: '/api/subscriptions',
    operationId: 'subscribeToPlan',
    summary: 'Subscribe to Pro or Partner (billed to your saved card)',
    description:
      'Charges the first period now (Pro’s first subscription starts with a free trial). One current subscription per recruiter: a second request gets 409 `already_subscribed`. A promo code that expired: 400 `promo_code_expired`; used up: 400 `promo_code_exhausted`; unknown: 400 `promo_code_unknown`. No card: 422 `card_required`; declined: 422 `payment_failed` (nothing kept).',
    tags: TAG,
    access: recruiter,
    transaction: false,
    status: 201,
    body: z.strictObject({
      tier: ZPaidTier,
      interval: ZInterval.default('month'),
      promo_code: z
        .string()
        .regex(/^[A-Za-z0-9_-]{1,40}$/, 'letters, digits, - and _ only')
        .optional()
        .describe('A promotion code'),
    }),
    errors: [400, 409, 422, 503],
    response: ZMine,
    handler: ({ ctx, caller, body }) => subscribe(ctx, caller, body),
  }),
  route.define({
    method: 'PATCH',
    url: '/api/subscriptions',
    operationId: 'changeMySubscription',
    summary: 'Change tier or interval (with proration), or resume a plan set to end',
    description:
      'An upgrade is charged now for the rest of the period (exact proration); monthly → yearly starts a new period now, less the unused time. A downgrade (a lower tier, or yearly → monthly) takes effect at the end of the period already paid (a Stripe subscription schedule; `subscription.scheduled_change`), without proration; the same downgrade again changes nothing, another one while it is scheduled is a 409 `change_already_scheduled`. `cancel_at_period_end: false` resumes a plan set to end. The current plan: 409 `plan_unchanged`. With a payment pending: 409 `payment_pending`. No paid plan: 404 `no_subscription`.',
    tags: TAG,
    access: recruiter,
    transaction: false,
    body: z
      .strictObject({
        tier: ZPaidTier.optional(),
        interval: ZInterval.optional(),
        cancel_at_period_end: z.boolean().optional(),
      })
      .refine(
        (b) => b.tier !== undefined || b.interval !== undefined || b.cancel_at_period_end !== undefined,
        {
          message: 'send tier, interval or cancel_at_period_end',
          path: ['tier'],
        },
      ),
    errors: [404, 409, 422, 503],
    response: ZMine,
    handler: ({ ctx, caller, body }) => changeSubscription(ctx, caller, body),
  }),
  route.define({
    method: 'DELETE',
    url: '/api/subscriptions/scheduled-change',
    operationId: 'cancelScheduledPlanChange',
    summary: 'Call off the downgrade scheduled for the end of the period',
    description:
      'The plan renews as it is (the Stripe subscription schedule is released). Nothing scheduled: 404 `no_scheduled_change`.',
    tags: TAG,
    access: recruiter,
    transaction: false,
    errors: [404, 409, 422, 503],
    response: ZMine,
    handler: ({ ctx, caller }) => cancelScheduledChange(ctx, caller),
  }),
  route.define({
    method: 'DELETE',
    url: '/api/subscriptions',
    operationId: 'cancelMySubscription',
    summary: 'Go back to Starter at the end of the paid period',
    description:
      'The plan runs until the end of the period already paid, then ends (no refund). With a payment pending: 409 `payment_pending`.',
    tags: TAG,
    access: recruiter,
    transaction: false,
    errors: [404, 409, 422, 503],
    response: ZMine,
    handler: ({ ctx, caller }) => cancelSubscription(ctx, caller),
  }),
]
