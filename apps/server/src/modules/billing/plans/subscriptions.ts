import { type Selectable, sql } from 'kysely'
import Stripe from 'stripe'
import { appendAudit } from '../../../kernel/audit/audit.ts'
import type { AppContext } from '../../../kernel/context.ts'
import type { AnyTx } from '../../../kernel/db/database.ts'
import type { BillingSchema } from '../../../kernel/db/schema/billing.ts'
import { inTransaction, systemActor } from '../../../kernel/db/transaction.ts'
import { AppError } from '../../../kernel/errors.ts'
import { post } from '../../ledger/index.ts'
import { account, SPLITS_BOOK } from '../book.ts'
import type { BillingCaller } from '../caller.ts'
import type { BillingTx } from '../database.ts'
import type { PlanTier } from '../fees/fee-config.ts'
import {
  type BillingInterval,
  type PaidTier,
  PLAN_CURRENCY,
  PLANS,
  priceLookupKey,
  TIER_RANK,
  tierOfLookupKey,
} from './catalog.ts'
import { planHistory, planTierAt, switchTier, usageOf } from './history.ts'
import { tellRecruiter } from './notices.ts'
import { isScheduledChange } from './schedule-rules.ts'

/**
 * Recruiter subscriptions on Stripe Billing. The flow: save a card (a SetupIntent confirmed with
 * it), subscribe (a row is written first — one current subscription per recruiter, a unique
 * index — then Stripe is called with the row's id as the idempotency key), change tier or
 * interval (upgrades are invoiced at once with exact proration; downgrades credit the unused time
 * on the next invoice; monthly ↔ yearly starts a new period), cancel at period end. Stripe's
 * webhooks keep the row in step (renewals, dunning, the end of a canceled plan); the answers of our
 * own calls are applied the same way, so whichever arrives first wins and the other does nothing.
 */
const view = (tx: unknown) => tx as BillingTx
export type SubscriptionRow = Selectable<BillingSchema['billing.plan_subscriptions']>
const actor = systemActor('billing.plans')

export function stripeOf(ctx: AppContext): Stripe {
  const client = ctx.services.stripe?.client
  if (!client)
    throw new AppError('payments_unavailable', 'Card payments (and so paid plans) are not configured here')
  return client
}

export async function stripeCall<T>(what: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn()
  } catch (err) {
    if (err instanceof Stripe.errors.StripeCardError) {
      throw new AppError('payment_failed', `Your card was refused: ${err.message}`, {
        cause: err,
        meta: { decline_code: err.decline_code ?? err.code ?? null },
      })
    }
    if (err instanceof Stripe.errors.StripeError && (err.statusCode ?? 500) < 500 && err.statusCode !== 429) {
      throw new AppError('unprocessable', `Stripe refused to ${what}: ${err.message}`, { cause: err })
    }
    throw new AppError(
      'stripe_unreachable',
      `Stripe did not answer when asked to ${what}; try again shortly`,
      {
        cause: err,
      },
    )
  }
}

function recruiterOf(caller: BillingCaller): string {
  if (!caller.recruiterId) throw new AppError('forbidden', 'Only a recruiter has a plan')
  return caller.recruiterId
}

// ---------------------------------------------------------------------------------------------
// Prices at Stripe (found by lookup key, made once)
// ---------------------------------------------------------------------------------------------
const priceCache = new WeakMap<Stripe, Map<string, Stripe.Price>>()

export async function priceOf(
  client: Stripe,
  tier: PaidTier,
  interval: BillingInterval,
): Promise<Stripe.Price> {
  const key = priceLookupKey(tier, interval)
  const cache = priceCache.get(client) ?? new Map<string, Stripe.Price>()
  priceCache.set(client, cache)
  const hit = cache.get(key)
  if (hit) return hit
  const found = await stripeCall('find the plan’s price', () =>
    client.prices.list({ lookup_keys: [key], active: true, limit: 1 }),
  )
  let price = found.data[0]
  if (!price) {
    const plan = PLANS[tier]
    price = await stripeCall('create the plan’s price', () =>
      client.prices.create(
        {
          currency: PLAN_CURRENCY.toLowerCase(),
          unit_amount: Number(plan.prices[interval]),
          recurring: { interval },
          lookup_key: key,
          nickname: `${plan.name} (${interval}ly)`,
          product_data: { name: `Splits Network ${plan.name}`, metadata: { tier } },
          metadata: { tier, interval },
        },
        { idempotencyKey: `plan-price:${key}` },
      ),
    )
  }
  cache.set(key, price)
  return price
}

// ---------------------------------------------------------------------------------------------
// The customer and the card
// ---------------------------------------------------------------------------------------------
async function customerRow(tx: AnyTx, recruiterId: string) {
  return view(tx)
    .selectFrom('billing.plan_customers')
    .selectAll()
    .where('recruiter_id', '=', recruiterId)
    .executeTakeFirst()
}

async function ensureCustomer(ctx: AppContext, client: Stripe, recruiterId: string, email: string | null) {
  const existing = await inTransaction(ctx.db, actor, async (tx) => {
    await view(tx)
      .insertInto('billing.plan_customers')
      .values({ recruiter_id: recruiterId, created_at: ctx.clock.now(), updated_at: ctx.clock.now() })
      .onConflict((oc) => oc.column('recruiter_id').doNothing())
      .execute()
    return customerRow(tx, recruiterId)
  })
  if (existing?.stripe_customer_id) return existing
  const customer = await stripeCall('create your billing profile', () =>
    client.customers.create(
      { metadata: { recruiter_id: recruiterId }, ...(email ? { email } : {}) },
      { idempotencyKey: `plan-customer:${recruiterId}` },
    ),
  )
  return inTransaction(ctx.db, actor, async (tx) => {
    await view(tx)
      .updateTable('billing.plan_customers')
      .set({ stripe_customer_id: customer.id, updated_at: ctx.clock.now() })
      .where('recruiter_id', '=', recruiterId)
      .where('stripe_customer_id', 'is', null)
      .execute()
    return (await customerRow(tx, recruiterId))!
  })
}

/**
 * Saves the recruiter's card for the subscription: a SetupIntent for off-session use, confirmed
 * with the PaymentMethod. In production Stripe.js confirms the SetupIntent in the browser (the card
 * never reaches us) and sends the PaymentMethod id; in demo mode the id is a Stripe test card.
 */
export async function saveCard(ctx: AppContext, caller: BillingCaller, paymentMethod: string) {
  const client = stripeOf(ctx)
  const recruiterId = recruiterOf(caller)
  const customer = await ensureCustomer(ctx, client, recruiterId, null)
  const intent = await stripeCall('save your card', () =>
    client.setupIntents.create({
      customer: customer.stripe_customer_id!,
      payment_method: paymentMethod,
      usage: 'off_session',
      confirm: true,
      metadata: { recruiter_id: recruiterId },
      expand: ['payment_method'],
    }),
  )
  const pm = intent.payment_method as Stripe.PaymentMethod
  await stripeCall('make the card your default', () =>
    client.customers.update(customer.stripe_customer_id!, {
      invoice_settings: { default_payment_method: pm.id },
    }),
  )
  const current = await inTransaction(ctx.db, actor, async (tx) => {
    const sub = await currentSubscription(tx, recruiterId)
    return sub ? { sub, pending: await openInvoice(tx, sub.id) } : null
  })
  if (current?.sub.stripe_subscription_id) {
    await stripeCall('use the card for your plan', () =>
      client.subscriptions.update(current.sub.stripe_subscription_id!, { default_payment_method: pm.id }),
    )
  }
  // a payment of the plan is pending (dunning): try the new card on it at once
  let recovered = false
  if (current?.pending) {
    try {
      const paid = await client.invoices.pay(current.pending.stripe_invoice_id, { payment_method: pm.id })
      const sub = await client.subscriptions.retrieve(current.sub.stripe_subscription_id!)
      await inTransaction(ctx.db, actor, async (tx) => {
        await applyInvoice(ctx, tx, paid)
        await applySubscription(ctx, tx, sub, null)
      })
      recovered = true
    } catch (err) {
      // the card is saved all the same; Stripe keeps retrying on its schedule
      ctx.log.info({ err, recruiter_id: recruiterId }, 'the new card did not pay the pending plan invoice')
    }
  }
  return inTransaction(ctx.db, actor, async (tx) => {
    await view(tx)
      .updateTable('billing.plan_customers')
      .set({
        payment_method_id: pm.id,
        card_brand: pm.card?.brand ?? null,
        card_last4: pm.card?.last4 ?? null,
        updated_at: ctx.clock.now(),
      })
      .where('recruiter_id', '=', recruiterId)
      .execute()
    return {
      brand: pm.card?.brand ?? 'card',
      last4: pm.card?.last4 ?? '0000',
      setup_intent: intent.id,
      pending_payment_paid: recovered,
    }
  })
}

// ---------------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------------
export async function currentSubscription(tx: AnyTx, recruiterId: string) {
  return view(tx)
    .selectFrom('billing.plan_subscriptions')
    .selectAll()
    .where('recruiter_id', '=', recruiterId)
    .where('status', 'not in', ['canceled', 'failed'])
    .executeTakeFirst()
}

async function openInvoice(tx: AnyTx, subscriptionId: string) {
  return view(tx)
    .selectFrom('billing.plan_invoices')
    .selectAll()
    .where('subscription_id', '=', subscriptionId)
    .where('status', '=', 'open')
    .executeTakeFirst()
}

const toMoney = (amount: bigint | number) => ({ amount: BigInt(amount), currency: PLAN_CURRENCY })

export async function mySubscription(ctx: AppContext, tx: AnyTx, caller: BillingCaller) {
  const recruiterId = recruiterOf(caller)
  const now = ctx.clock.now()
  const [sub, customer, tier, invoices, history, used] = await Promise.all([
    currentSubscription(tx, recruiterId),
    customerRow(tx, recruiterId),
    planTierAt(tx, recruiterId, now),
    view(tx)
      .selectFrom('billing.plan_invoices')
      .selectAll()
      .where('recruiter_id', '=', recruiterId)
      .orderBy('created_at', 'desc')
      .limit(24)
      .execute(),
    planHistory(tx, recruiterId),
    usageOf(tx, recruiterId, 'message_initiation', now),
  ])
  const pending = sub ? await openInvoice(tx, sub.id) : undefined
  const plan = PLANS[tier]
  return {
    tier,
    plan_name: plan.name,
    entitlements: plan.entitlements,
    usage: { message_initiations: used, month: `${now.toISOString().slice(0, 7)}` },
    card: customer?.card_last4 ? { brand: customer.card_brand ?? 'card', last4: customer.card_last4 } : null,
    subscription: sub
      ? {
          id: sub.id,
          tier: sub.tier as PaidTier,
          interval: sub.billing_interval as BillingInterval,
          status: sub.status as 'creating' | 'incomplete' | 'trialing' | 'active' | 'past_due',
          price: toMoney(PLANS[sub.tier as PaidTier].prices[sub.billing_interval as BillingInterval]),
          current_period_start: sub.current_period_start,
          current_period_end: sub.current_period_end,
          trial_end: sub.trial_end,
          cancel_at_period_end: sub.cancel_at_period_end,
          scheduled_change:
            sub.scheduled_tier && sub.scheduled_interval && sub.scheduled_at
              ? {
                  tier: sub.scheduled_tier as PaidTier,
                  interval: sub.scheduled_interval as BillingInterval,
                  at: sub.scheduled_at,
                  price: toMoney(
                    PLANS[sub.scheduled_tier as PaidTier].prices[sub.scheduled_interval as BillingInterval],
                  ),
                }
              : null,
          promo_code: sub.promo_code,
          discount_percent: sub.discount_percent,
          version: sub.version,
        }
      : null,
    payment_pending: pending
      ? {
          invoice_id: pending.stripe_invoice_id,
          amount_due: toMoney(pending.amount_due),
          attempt_count: pending.attempt_count,
          next_payment_attempt: pending.next_payment_attempt,
          last_payment_error: pending.last_payment_error,
        }
      : null,
    invoices: invoices.map((i) => ({
      id: i.stripe_invoice_id,
      number: i.number,
      status: i.status as 'draft' | 'open' | 'paid' | 'uncollectible' | 'void',
      billing_reason: i.billing_reason,
      total: toMoney(i.total),
      amount_paid: toMoney(i.amount_paid),
      amount_due: toMoney(i.amount_due),
      period_start: i.period_start,
      period_end: i.period_end,
      created_at: i.created_at,
    })),
    history: history.map((h) => ({
      tier: h.tier as PlanTier,
      from: h.valid_from,
      to: h.valid_to,
      reason: h.reason,
    })),
  }
}

// ---------------------------------------------------------------------------------------------
// Promo codes
// ---------------------------------------------------------------------------------------------
async function promotionCodeId(
  ctx: AppContext,
  client: Stripe,
  code: string,
): Promise<{
  id: string
  percent: number | null
  amountOff: bigint | null
  duration: 'once' | 'repeating' | 'forever'
  months: number | null
}> {
  const list = await stripeCall('check the promo code', () =>
    client.promotionCodes.list({ code, limit: 1, expand: ['data.promotion.coupon'] }),
  )
  const promo = list.data[0]
  if (!promo?.active)
    throw new AppError('promo_code_unknown', `There is no promo code “${code}”`, {
      errors: [{ field: 'promo_code', message: 'no such promo code' }],
    })
  const now = Math.floor(ctx.clock.now().getTime() / 1000)
  if (promo.expires_at !== null && promo.expires_at <= now) {
    throw new AppError('promo_code_expired', `The promo code “${code}” expired`, {
      errors: [{ field: 'promo_code', message: 'this promo code has expired' }],
    })
  }
  if (promo.max_redemptions !== null && promo.times_redeemed >= promo.max_redemptions) {
    throw new AppError(
      'promo_code_exhausted',
      `The promo code “${code}” has been used the maximum number of times`,
      {
        errors: [{ field: 'promo_code', message: 'this promo code has been used up' }],
      },
    )
  }
  const coupon = promo.promotion.coupon
  const c = coupon && typeof coupon !== 'string' ? coupon : null
  return {
    id: promo.id,
    percent: c?.percent_off ?? null,
    amountOff:
      c?.amount_off != null && c.currency?.toUpperCase() === PLAN_CURRENCY ? BigInt(c.amount_off) : null,
    duration: (c?.duration ?? 'once') as 'once' | 'repeating' | 'forever',
    months: c?.duration_in_months ?? null,
  }
}

// ---------------------------------------------------------------------------------------------
// Subscribe
// ---------------------------------------------------------------------------------------------
export interface SubscribeInput {
  tier: PaidTier
  interval: BillingInterval
  promo_code?: string | undefined
}

export async function subscribe(
  ctx: AppContext,
  caller: BillingCaller,
  input: SubscribeInput,
  options: { trial?: boolean } = {},
) {
  const client = stripeOf(ctx)
  const recruiterId = recruiterOf(caller)
  const customer = await inTransaction(ctx.db, actor, (tx) => customerRow(tx, recruiterId))
  if (!customer?.stripe_customer_id || !customer.payment_method_id) {
    throw new AppError('card_required', 'Add a card first: your plan is billed to it', {
      errors: [{ field: 'card', message: 'add a card before subscribing' }],
    })
  }
  const promo = input.promo_code ? await promotionCodeId(ctx, client, input.promo_code) : null
  const price = await priceOf(client, input.tier, input.interval)
  // 1. the row first: one current subscription per recruiter (unique index); a twin gets 409
  const { row, firstEver } = await inTransaction(ctx.db, actor, async (tx) => {
    const before = await view(tx)
      .selectFrom('billing.plan_subscriptions')
      .select('id')
      .where('recruiter_id', '=', recruiterId)
      .where('status', '!=', 'failed')
      .executeTakeFirst()
    const inserted = await view(tx)
      .insertInto('billing.plan_subscriptions')
      .values({
        recruiter_id: recruiterId,
        tier: input.tier,
        billing_interval: input.interval,
        stripe_price_id: price.id,
        promo_code: input.promo_code ?? null,
        discount_percent: promo?.percent != null ? String(promo.percent) : null,
        discount_amount_off: promo?.percent == null ? (promo?.amountOff ?? null) : null,
        discount_duration: promo ? promo.duration : null,
        created_at: ctx.clock.now(),
        updated_at: ctx.clock.now(),
      })
      .onConflict((oc) =>
        // the partial index's predicate as literals: PostgreSQL cannot always match it to parameters
        oc.column('recruiter_id').where(sql<boolean>`status not in ('canceled', 'failed')`).doNothing(),
      )
      .returningAll()
      .executeTakeFirst()
    if (!inserted) {
      throw new AppError(
        'already_subscribed',
        'You already have a plan: change it instead of subscribing again',
      )
    }
    return { row: inserted, firstEver: !before }
  })
  // 2. the subscription at Stripe, keyed by the row: a retry gets the same subscription
  const trialDays = firstEver && options.trial !== false ? PLANS[input.tier].trial_days : 0
  let sub: Stripe.Subscription
  try {
    sub = await stripeCall('start your plan', () =>
      client.subscriptions.create(
        {
          customer: customer.stripe_customer_id!,
          items: [{ price: price.id }],
          default_payment_method: customer.payment_method_id!,
          payment_behavior: 'error_if_incomplete',
          ...(trialDays > 0 ? { trial_period_days: trialDays } : {}),
          ...(promo ? { discounts: [{ promotion_code: promo.id }] } : {}),
          metadata: { plan_subscription_id: row.id, recruiter_id: recruiterId },
          expand: ['latest_invoice'],
        },
        { idempotencyKey: `plan-subscription:${row.id}` },
      ),
    )
  } catch (err) {
    await inTransaction(ctx.db, actor, (tx) =>
      view(tx)
        .updateTable('billing.plan_subscriptions')
        .set({ status: 'failed', updated_at: ctx.clock.now(), version: row.version + 1 })
        .where('id', '=', row.id)
        .where('status', '=', 'creating')
        .execute(),
    )
    throw err
  }
  // 3. apply what Stripe answered (the webhooks will say the same; whichever is first wins)
  await inTransaction(ctx.db, actor, async (tx) => {
    await applySubscription(ctx, tx, sub, null)
    if (promo) await setDiscountEnd(tx, row.id, sub, input.interval, promo)
    const invoice = sub.latest_invoice
    if (invoice && typeof invoice !== 'string') await applyInvoice(ctx, tx, invoice)
  })
  return inTransaction(ctx.db, actor, async (tx) => mySubscription(ctx, tx, caller))
}

/**
 * Until when a promo code's discount runs, in Stripe's time (null: forever): `repeating` — N
 * months from the subscription's start (Stripe's discount `end`, a trial counts); `once` — the
 * first paid invoice only, so the end of the first paid period (after a trial, if any).
 */
async function setDiscountEnd(
  tx: AnyTx,
  rowId: string,
  sub: Stripe.Subscription,
  interval: BillingInterval,
  promo: { duration: 'once' | 'repeating' | 'forever'; months: number | null },
) {
  const start = sub.start_date
  const endsAt =
    promo.duration === 'forever'
      ? null
      : promo.duration === 'repeating'
        ? sql<Date>`to_timestamp(${start}) + make_interval(months => ${promo.months ?? 1})`
        : sql<Date>`to_timestamp(${sub.trial_end ?? start}) + make_interval(months => ${interval === 'year' ? 12 : 1})`
  await view(tx)
    .updateTable('billing.plan_subscriptions')
    .set({ discount_ends_at: endsAt })
    .where('id', '=', rowId)
    .execute()
}

// ---------------------------------------------------------------------------------------------
// Change and cancel
// ---------------------------------------------------------------------------------------------
export interface ChangeInput {
  tier?: PaidTier | undefined
  interval?: BillingInterval | undefined
  cancel_at_period_end?: boolean | undefined
}

async function lockedCurrent(ctx: AppContext, recruiterId: string) {
  return inTransaction(ctx.db, actor, async (tx) => {
    const sub = await currentSubscription(tx, recruiterId)
    if (!sub?.stripe_subscription_id) {
      throw new AppError('no_subscription', 'You are on Starter (free): subscribe to a paid plan first')
    }
    const pending = await openInvoice(tx, sub.id)
    return { sub, pending }
  })
}

export async function changeSubscription(ctx: AppContext, caller: BillingCaller, input: ChangeInput) {
  const client = stripeOf(ctx)
  const recruiterId = recruiterOf(caller)
  const { sub, pending } = await lockedCurrent(ctx, recruiterId)
  const tier = input.tier ?? (sub.tier as PaidTier)
  const interval = input.interval ?? (sub.billing_interval as BillingInterval)
  const changesPlan = tier !== sub.tier || interval !== sub.billing_interval
  if (!changesPlan && input.cancel_at_period_end === undefined) {
    throw new AppError('plan_unchanged', `You are already on ${PLANS[tier].name}, billed ${interval}ly`, {
      errors: [{ field: 'tier', message: 'this is your current plan' }],
    })
  }
  const from = { tier: sub.tier as PaidTier, interval: sub.billing_interval as BillingInterval }
  const atPeriodEnd = changesPlan && isScheduledChange(from, { tier, interval })
  const downgrade = TIER_RANK[tier] < TIER_RANK[from.tier] || input.cancel_at_period_end === true
  if ((pending || sub.status === 'past_due' || sub.status === 'incomplete') && (downgrade || changesPlan)) {
    throw new AppError(
      'payment_pending',
      'A payment of your plan is still pending: update your card so it goes through, then change your plan',
      { meta: { invoice: pending?.stripe_invoice_id ?? null } },
    )
  }
  if (atPeriodEnd) {
    if (input.cancel_at_period_end !== undefined) {
      throw new AppError('unprocessable', 'Change the plan or cancel it, not both at once', {
        errors: [{ field: 'cancel_at_period_end', message: 'send it on its own' }],
      })
    }
    if (sub.cancel_at_period_end) {
      throw new AppError(
        'change_already_scheduled',
        'Your plan is set to end at the end of the period: keep it first, then schedule a change',
      )
    }
    await scheduleChange(ctx, client, sub, { tier, interval })
    return inTransaction(ctx.db, actor, async (tx) => mySubscription(ctx, tx, caller))
  }
  // an immediate change (an upgrade, yearly billing, a cancellation) replaces a scheduled one
  if (sub.stripe_schedule_id || sub.scheduled_tier) await callOffSchedule(ctx, client, sub)
  const params: Stripe.SubscriptionUpdateParams = { expand: ['latest_invoice'] }
  if (changesPlan) {
    const stripeSub = await stripeCall('read your plan', () =>
      client.subscriptions.retrieve(sub.stripe_subscription_id!),
    )
    const item = stripeSub.items.data[0]!
    const price = await priceOf(client, tier, interval)
    params.items = [{ id: item.id, price: price.id }]
    // an upgrade is charged now (the exact difference for the rest of the period); monthly →
    // yearly starts a new period now, less the unused time (downgrades wait for the period end)
    params.proration_behavior = 'always_invoice'
    params.payment_behavior = 'error_if_incomplete'
  }
  if (input.cancel_at_period_end !== undefined) params.cancel_at_period_end = input.cancel_at_period_end
  const updated = await stripeCall('change your plan', () =>
    client.subscriptions.update(sub.stripe_subscription_id!, params, {
      idempotencyKey: `plan-change:${sub.id}:${sub.version}:${tier}:${interval}:${String(input.cancel_at_period_end)}`,
    }),
  )
  await inTransaction(ctx.db, actor, async (tx) => {
    await applySubscription(ctx, tx, updated, null)
    const invoice = updated.latest_invoice
    if (invoice && typeof invoice !== 'string') await applyInvoice(ctx, tx, invoice)
  })
  return inTransaction(ctx.db, actor, async (tx) => mySubscription(ctx, tx, caller))
}

/**
 * A downgrade at the end of the paid period, as a Stripe subscription schedule: the current price
 * until the period ends, then the new one (no proration: the period was paid in full), released
 * after that so the subscription goes on by itself. The change is claimed on the row first (one
 * scheduled change per subscription): twenty identical clicks make one schedule, the others see
 * it; a different change while one is scheduled is a 409 `change_already_scheduled`. The switch
 * itself arrives by webhook (`customer.subscription.updated`) and is applied like any other.
 */
async function scheduleChange(
  ctx: AppContext,
  client: Stripe,
  sub: SubscriptionRow,
  to: { tier: PaidTier; interval: BillingInterval },
) {
  if (!sub.current_period_end) throw new AppError('unprocessable', 'Your plan has no paid period yet')
  const claimed = await inTransaction(ctx.db, actor, async (tx) => {
    const row = await view(tx)
      .updateTable('billing.plan_subscriptions')
      .set({
        scheduled_tier: to.tier,
        scheduled_interval: to.interval,
        scheduled_at: sub.current_period_end,
        updated_at: ctx.clock.now(),
        version: sql<number>`version + 1`,
      })
      .where('id', '=', sub.id)
      .where('scheduled_tier', 'is', null)
      .where('status', 'in', ['active', 'trialing'])
      .returningAll()
      .executeTakeFirst()
    if (row) return row
    const now = await view(tx)
      .selectFrom('billing.plan_subscriptions')
      .selectAll()
      .where('id', '=', sub.id)
      .executeTakeFirstOrThrow()
    if (now.scheduled_tier === to.tier && now.scheduled_interval === to.interval) return null
    if (now.scheduled_tier === null) {
      throw new AppError('payment_pending', 'A payment of your plan is still pending: settle it first')
    }
    throw new AppError(
      'change_already_scheduled',
      `A change to ${PLANS[now.scheduled_tier as PaidTier].name} (${now.scheduled_interval}ly) is already scheduled: call it off first`,
    )
  })
  if (!claimed) return // the same change is already scheduled (a twin request)
  try {
    const [current, next] = await Promise.all([
      priceOf(client, sub.tier as PaidTier, sub.billing_interval as BillingInterval),
      priceOf(client, to.tier, to.interval),
    ])
    const schedule = claimed.stripe_schedule_id
      ? await stripeCall('read your plan’s schedule', () =>
          client.subscriptionSchedules.retrieve(claimed.stripe_schedule_id!),
        )
      : await stripeCall('schedule your change', () =>
          client.subscriptionSchedules.create(
            {
              from_subscription: sub.stripe_subscription_id!,
              metadata: { plan_subscription_id: sub.id },
            },
            { idempotencyKey: `plan-schedule:${sub.id}:${claimed.version}` },
          ),
        )
    const phase = schedule.current_phase ?? schedule.phases[0]
    if (!phase) throw new AppError('unprocessable', 'Stripe answered a schedule without a current phase')
    await stripeCall('schedule your change', () =>
      client.subscriptionSchedules.update(
        schedule.id,
        {
          end_behavior: 'release',
          proration_behavior: 'none',
          phases: [
            { items: [{ price: current.id }], start_date: phase.start_date, end_date: phase.end_date },
            {
              items: [{ price: next.id }],
              duration: { interval: to.interval, interval_count: 1 },
              proration_behavior: 'none',
            },
          ],
          metadata: { plan_subscription_id: sub.id, tier: to.tier, interval: to.interval },
        },
        { idempotencyKey: `plan-schedule-phases:${sub.id}:${claimed.version}` },
      ),
    )
    const fresh = await stripeCall('read your plan', () =>
      client.subscriptions.retrieve(sub.stripe_subscription_id!),
    )
    await inTransaction(ctx.db, actor, async (tx) => {
      await applySubscription(ctx, tx, fresh, null)
      await recordPlanAudit(tx, sub, 'plan.change_scheduled', { tier: to.tier, interval: to.interval })
    })
  } catch (err) {
    await inTransaction(ctx.db, actor, (tx) =>
      view(tx)
        .updateTable('billing.plan_subscriptions')
        .set({
          scheduled_tier: null,
          scheduled_interval: null,
          scheduled_at: null,
          updated_at: ctx.clock.now(),
        })
        .where('id', '=', sub.id)
        .where('version', '=', claimed.version)
        .execute(),
    )
    throw err
  }
}

/** Releases the schedule at Stripe (the subscription goes on as it is) and forgets the change. */
async function callOffSchedule(ctx: AppContext, client: Stripe, sub: SubscriptionRow) {
  if (sub.stripe_schedule_id) {
    const scheduleId = sub.stripe_schedule_id
    const schedule = await stripeCall('read your plan’s schedule', () =>
      client.subscriptionSchedules.retrieve(scheduleId),
    )
    if (schedule.status === 'active' || schedule.status === 'not_started') {
      await stripeCall('call off the scheduled change', () =>
        client.subscriptionSchedules.release(
          scheduleId,
          {},
          { idempotencyKey: `plan-release:${scheduleId}` },
        ),
      )
    }
  }
  const fresh = await stripeCall('read your plan', () =>
    client.subscriptions.retrieve(sub.stripe_subscription_id!),
  )
  await inTransaction(ctx.db, actor, async (tx) => {
    await applySubscription(ctx, tx, fresh, null)
    await view(tx)
      .updateTable('billing.plan_subscriptions')
      .set({
        scheduled_tier: null,
        scheduled_interval: null,
        scheduled_at: null,
        updated_at: ctx.clock.now(),
      })
      .where('id', '=', sub.id)
      .execute()
    if (sub.scheduled_tier) {
      await recordPlanAudit(tx, sub, 'plan.change_called_off', {
        tier: sub.scheduled_tier,
        interval: sub.scheduled_interval,
      })
    }
  })
}

/** Calls off the change scheduled for the end of the period: the plan renews as it is. */
export async function cancelScheduledChange(ctx: AppContext, caller: BillingCaller) {
  const client = stripeOf(ctx)
  const recruiterId = recruiterOf(caller)
  const { sub } = await lockedCurrent(ctx, recruiterId)
  if (!sub.scheduled_tier) {
    throw new AppError('no_scheduled_change', 'No change of your plan is scheduled')
  }
  await callOffSchedule(ctx, client, sub)
  return inTransaction(ctx.db, actor, async (tx) => mySubscription(ctx, tx, caller))
}

async function recordPlanAudit(
  tx: AnyTx,
  sub: SubscriptionRow,
  action: string,
  change: Record<string, unknown>,
) {
  await appendAudit(tx, {
    action,
    entityType: 'plan_subscription',
    entityId: sub.id,
    before: { recruiter_id: sub.recruiter_id, tier: sub.tier, interval: sub.billing_interval },
    after: change,
  })
}

/** Back to Starter at the end of the paid period (DELETE): the plan runs until then. */
export async function cancelSubscription(ctx: AppContext, caller: BillingCaller) {
  return changeSubscription(ctx, caller, { cancel_at_period_end: true })
}

// ---------------------------------------------------------------------------------------------
// Applying Stripe's view (our answers and webhooks)
// ---------------------------------------------------------------------------------------------
const fromUnix = (s: number | null | undefined) => (s == null ? null : new Date(s * 1000))

/**
 * One writer at a time per Stripe subscription: our own answers and the webhook jobs (two at
 * once) apply the same subscription and its invoices; without this they deadlock on each other.
 */
async function lockSubscription(tx: AnyTx, stripeSubscriptionId: string) {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`plan-sub:${stripeSubscriptionId}`}, 0))`.execute(
    view(tx),
  )
}

/** When a change happened: Stripe's time, but never later than ours (a change is not in the future). */
const happenedAt = (ctx: AppContext, s: number | null | undefined) => {
  const now = ctx.clock.now()
  const at = fromUnix(s)
  return at && at < now ? at : now
}

const STATUS: Record<string, SubscriptionRow['status']> = {
  incomplete: 'incomplete',
  incomplete_expired: 'failed',
  trialing: 'trialing',
  active: 'active',
  past_due: 'past_due',
  unpaid: 'past_due',
  paused: 'past_due',
  canceled: 'canceled',
}

/** Which tier a status gives: trialing and active hold the plan; past_due keeps it during dunning. */
function heldTier(status: SubscriptionRow['status'], tier: PaidTier): PlanTier {
  return status === 'active' || status === 'trialing' || status === 'past_due' ? tier : 'starter'
}

/**
 * Applies a Stripe subscription to its row, idempotently: the same state again changes nothing;
 * an event older than the last one applied is ignored (Stripe does not promise order). Changes of
 * the tier held are written to the plan history at the moment they happened at Stripe.
 */
export async function applySubscription(
  ctx: AppContext,
  tx: AnyTx,
  sub: Stripe.Subscription,
  eventCreated: number | null,
): Promise<'applied' | 'unchanged' | 'stale' | 'unknown'> {
  await lockSubscription(tx, sub.id)
  const rowId = sub.metadata?.plan_subscription_id
  const row = await view(tx)
    .selectFrom('billing.plan_subscriptions')
    .selectAll()
    .where((eb) =>
      rowId
        ? eb.or([eb('id', '=', rowId), eb('stripe_subscription_id', '=', sub.id)])
        : eb('stripe_subscription_id', '=', sub.id),
    )
    .forUpdate()
    .executeTakeFirst()
  if (!row) return 'unknown'
  if (
    eventCreated !== null &&
    row.synced_event_created !== null &&
    eventCreated < Number(row.synced_event_created)
  ) {
    return 'stale'
  }
  const item = sub.items.data[0]
  const plan = tierOfLookupKey(item?.price.lookup_key) ?? {
    tier: row.tier as PaidTier,
    interval: row.billing_interval as BillingInterval,
  }
  const status = STATUS[sub.status] ?? 'past_due'
  const scheduleId = typeof sub.schedule === 'string' ? sub.schedule : (sub.schedule?.id ?? null)
  // the scheduled change happened (the new phase's price is on the subscription), or the schedule
  // was released (the change was called off) or the plan ended: nothing is scheduled any more
  const switched =
    row.scheduled_tier !== null &&
    plan.tier === row.scheduled_tier &&
    plan.interval === row.scheduled_interval &&
    (plan.tier !== row.tier || plan.interval !== row.billing_interval)
  const calledOff = row.stripe_schedule_id !== null && scheduleId === null
  const scheduled =
    switched || calledOff || status === 'canceled'
      ? { scheduled_tier: null, scheduled_interval: null, scheduled_at: null }
      : {}
  const next = {
    tier: plan.tier,
    billing_interval: plan.interval,
    status,
    stripe_subscription_id: sub.id,
    stripe_price_id: item?.price.id ?? row.stripe_price_id,
    current_period_start: fromUnix(item?.current_period_start),
    current_period_end: fromUnix(item?.current_period_end),
    trial_end: fromUnix(sub.trial_end),
    cancel_at_period_end: sub.cancel_at_period_end,
    canceled_at: fromUnix(sub.canceled_at),
    ended_at: fromUnix(sub.ended_at),
    stripe_schedule_id: scheduleId,
    ...scheduled,
  }
  const same =
    row.tier === next.tier &&
    row.billing_interval === next.billing_interval &&
    row.status === next.status &&
    row.stripe_subscription_id === next.stripe_subscription_id &&
    row.cancel_at_period_end === next.cancel_at_period_end &&
    row.stripe_schedule_id === next.stripe_schedule_id &&
    !('scheduled_tier' in scheduled && row.scheduled_tier !== null) &&
    row.current_period_end?.getTime() === next.current_period_end?.getTime()
  if (same) {
    if (eventCreated !== null && eventCreated > Number(row.synced_event_created ?? 0)) {
      await view(tx)
        .updateTable('billing.plan_subscriptions')
        .set({ synced_event_created: eventCreated })
        .where('id', '=', row.id)
        .execute()
    }
    return 'unchanged'
  }
  await view(tx)
    .updateTable('billing.plan_subscriptions')
    .set({
      ...next,
      synced_event_created: eventCreated ?? row.synced_event_created,
      updated_at: ctx.clock.now(),
      version: row.version + 1,
    })
    .where('id', '=', row.id)
    .execute()
  const before = row.status === 'creating' ? 'starter' : heldTier(row.status, row.tier as PaidTier)
  const after = heldTier(status, plan.tier)
  if (before !== after || row.status === 'creating') {
    const at =
      status === 'canceled'
        ? happenedAt(ctx, sub.ended_at)
        : row.status === 'creating'
          ? // Stripe's start is whole seconds: never earlier than the click that asked for it, or a
            // placement made in that same second would take the new tier
            new Date(Math.max(happenedAt(ctx, sub.start_date).getTime(), row.created_at.getTime()))
          : switched
            ? // a downgrade scheduled for the period end: the new tier from the day it took effect
              happenedAt(ctx, item?.current_period_start)
            : ctx.clock.now()
    const reason =
      status === 'canceled'
        ? sub.cancellation_details?.reason === 'payment_failed'
          ? 'payment_failed'
          : 'canceled'
        : row.status === 'creating'
          ? 'subscribed'
          : 'changed'
    const changed = await switchTier(tx, row.recruiter_id, after, at, reason, row.id)
    if (changed) {
      const plan = PLANS[after]
      await tellRecruiter(ctx, tx, {
        kind: 'plan.changed',
        recruiterId: row.recruiter_id,
        sourceName: `plan:${row.id}:${after}:${at.toISOString()}`,
        title:
          reason === 'payment_failed'
            ? 'Your plan ended: we could not take its payment'
            : after === 'starter'
              ? 'You are back on Starter'
              : `You are on ${plan.name}`,
        body:
          after === 'starter'
            ? 'Placements from now on use the Starter rate. You can subscribe again at any time.'
            : `Placements from now on use the ${plan.name} rate: the platform keeps ${plan.entitlements.platform_take_bps / 100}% of the fee.`,
      })
    }
  }
  return 'applied'
}

/**
 * Books a paid plan invoice on the ledger, once per Stripe invoice (the posting's idempotency key
 * is the invoice id; the row keeps the posting): the money collected at Stripe (psp_clearing) is
 * the platform's plan revenue. Only what the card paid is booked: a trial's $0 invoice and the part
 * paid from the customer's credit (a downgrade's unused time, booked when it was first paid) are not.
 */
export async function bookPaidInvoice(
  _ctx: AppContext,
  tx: AnyTx,
  stripeInvoiceId: string,
  recruiterId: string,
) {
  const inv = await view(tx)
    .selectFrom('billing.plan_invoices')
    .select(['amount_paid', 'currency', 'number', 'posting_id', 'status', 'paid_at', 'created_at'])
    .where('stripe_invoice_id', '=', stripeInvoiceId)
    .forUpdate()
    .executeTakeFirstOrThrow()
  if (inv.status !== 'paid' || inv.posting_id || inv.amount_paid <= 0n) return null
  // booked when Stripe took the money, not when we heard of it (a late redelivery books the right day)
  const paidAt = inv.paid_at ?? inv.created_at
  const { postingId } = await post(tx, {
    book: SPLITS_BOOK,
    idempotencyKey: `plan-invoice:${stripeInvoiceId}:paid`,
    kind: 'plan.invoice_paid',
    reference: { type: 'plan_invoice', id: stripeInvoiceId },
    description: `Recruiter plan invoice ${inv.number ?? stripeInvoiceId} paid`,
    effectiveAt: paidAt,
    metadata: { recruiter_id: recruiterId },
    lines: [
      {
        account: account.pspClearing(inv.currency, stripeInvoiceId),
        direction: 'debit',
        amount: inv.amount_paid,
        currency: inv.currency,
      },
      {
        account: account.planRevenue(inv.currency, stripeInvoiceId),
        direction: 'credit',
        amount: inv.amount_paid,
        currency: inv.currency,
      },
    ],
  })
  await view(tx)
    .updateTable('billing.plan_invoices')
    .set({ posting_id: postingId })
    .where('stripe_invoice_id', '=', stripeInvoiceId)
    .execute()
  await addRevenueMonth(tx, paidAt, inv.currency, { collected: inv.amount_paid })
  return postingId
}

/** Keeps the monthly plan revenue (by Stripe's time, UTC months) in step with a posting. */
export async function addRevenueMonth(
  tx: AnyTx,
  at: Date,
  currency: string,
  amounts: { collected?: bigint; refunded?: bigint },
) {
  const collected = amounts.collected ?? 0n
  const refunded = amounts.refunded ?? 0n
  await view(tx)
    .insertInto('billing.plan_revenue_months')
    .values({
      month: sql<string>`date_trunc('month', ${at}::timestamptz at time zone 'UTC')::date`,
      currency,
      collected,
      refunded,
    })
    .onConflict((oc) =>
      oc.columns(['month', 'currency']).doUpdateSet({
        collected: sql<bigint>`billing.plan_revenue_months.collected + ${collected}`,
        refunded: sql<bigint>`billing.plan_revenue_months.refunded + ${refunded}`,
      }),
    )
    .execute()
}

/** Records a subscription invoice as Stripe last described it. */
export async function applyInvoice(ctx: AppContext, tx: AnyTx, invoice: Stripe.Invoice, failed = false) {
  const stripeSubId = invoice.parent?.subscription_details?.subscription
  const subId = typeof stripeSubId === 'string' ? stripeSubId : stripeSubId?.id
  if (!subId || !invoice.id) return 'unknown'
  await lockSubscription(tx, subId)
  const row = await view(tx)
    .selectFrom('billing.plan_subscriptions')
    .select(['id', 'recruiter_id'])
    .where('stripe_subscription_id', '=', subId)
    .executeTakeFirst()
  if (!row) return 'unknown'
  const error = (invoice as unknown as { _last_payment_error?: string | null })._last_payment_error ?? null
  const values = {
    recruiter_id: row.recruiter_id,
    subscription_id: row.id,
    number: invoice.number,
    status: invoice.status ?? 'open',
    billing_reason: invoice.billing_reason,
    currency: invoice.currency.toUpperCase(),
    total: BigInt(invoice.total),
    amount_due: BigInt(invoice.amount_due),
    amount_paid: BigInt(invoice.amount_paid),
    attempt_count: invoice.attempt_count,
    next_payment_attempt: fromUnix(invoice.next_payment_attempt),
    last_payment_error: failed ? (error ?? 'Your card was declined') : null,
    period_start: fromUnix(invoice.period_start),
    period_end: fromUnix(invoice.period_end),
    created_at: new Date(invoice.created * 1000),
    paid_at: fromUnix(invoice.status_transitions?.paid_at ?? null),
    updated_at: ctx.clock.now(),
  }
  const existing = await view(tx)
    .selectFrom('billing.plan_invoices')
    .select(['status', 'attempt_count'])
    .where('stripe_invoice_id', '=', invoice.id)
    .forUpdate()
    .executeTakeFirst()
  // a paid invoice stays paid; an older attempt count never overwrites a newer one
  if (existing && (existing.status === 'paid' || existing.attempt_count > values.attempt_count))
    return 'stale'
  await view(tx)
    .insertInto('billing.plan_invoices')
    .values({ stripe_invoice_id: invoice.id, ...values })
    .onConflict((oc) => oc.column('stripe_invoice_id').doUpdateSet(values))
    .execute()
  if (values.status === 'paid') await bookPaidInvoice(ctx, tx, invoice.id, row.recruiter_id)
  if (failed && (!existing || existing.attempt_count < values.attempt_count)) {
    const next = values.next_payment_attempt
    await tellRecruiter(ctx, tx, {
      kind: 'plan.payment_failed',
      recruiterId: row.recruiter_id,
      sourceName: `plan-invoice:${invoice.id}:${invoice.attempt_count}`,
      title: 'We could not take your plan’s payment',
      body: next
        ? `Your card was declined. We will try again on ${next.toISOString().slice(0, 10)}; update your card to keep your plan.`
        : 'Your card was declined and we will not try again: your plan ends.',
    })
  }
  return 'applied'
}
