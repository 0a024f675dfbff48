import type Stripe from 'stripe'
import type { AppContext } from '../../../kernel/context.ts'
import { inTransaction, systemActor } from '../../../kernel/db/transaction.ts'
import { onStripeEvent, type StripeEventRow } from '../webhooks.ts'
import { applyRefund } from './refunds.ts'
import { applyInvoice, applySubscription } from './subscriptions.ts'

/**
 * Stripe Billing's webhooks, received and de-duplicated by billing's endpoint (signature checked,
 * each event id stored once, processed from the job queue): subscriptions renewing, going past due
 * and ending, and their invoices paid or failing. Each handler is idempotent on its own too.
 */
const actor = systemActor('billing.plans.stripe_event')

interface EventPayload<T> {
  created: number
  data: { object: T }
}

async function onSubscription(ctx: AppContext, event: StripeEventRow) {
  const payload = event.payload as EventPayload<Stripe.Subscription>
  // events arrive in any order: apply the subscription as Stripe has it now (a released schedule
  // in an older event would otherwise look called off), the event's own copy if Stripe is away
  let sub = payload.data.object
  const client = ctx.services.stripe?.client
  if (client) {
    try {
      sub = await client.subscriptions.retrieve(sub.id)
    } catch (err) {
      ctx.log.warn({ err, subscription: sub.id }, 'could not re-read the subscription; applying the event')
    }
  }
  return inTransaction(ctx.db, actor, (tx) => applySubscription(ctx, tx, sub, payload.created))
}

function onInvoice(failed: boolean) {
  return async (ctx: AppContext, event: StripeEventRow) => {
    const payload = event.payload as EventPayload<Stripe.Invoice>
    return inTransaction(ctx.db, actor, (tx) => applyInvoice(ctx, tx, payload.data.object, failed))
  }
}

/** A refund of a plan invoice succeeded (or failed): booked once per Stripe refund id; others are not ours. */
async function onRefund(ctx: AppContext, event: StripeEventRow) {
  const payload = event.payload as EventPayload<Stripe.Refund>
  const row = await inTransaction(ctx.db, actor, (tx) => applyRefund(ctx, tx, payload.data.object))
  return row ? { refund: row.id, status: row.status, booked: row.posting_id !== null } : 'not a plan refund'
}

export function registerPlanStripeEvents() {
  for (const type of [
    'customer.subscription.created',
    'customer.subscription.updated',
    'customer.subscription.deleted',
  ]) {
    onStripeEvent(type, onSubscription)
  }
  onStripeEvent('invoice.paid', onInvoice(false))
  onStripeEvent('invoice.finalized', onInvoice(false))
  onStripeEvent('invoice.payment_failed', onInvoice(true))
  onStripeEvent('refund.created', onRefund)
  onStripeEvent('refund.updated', onRefund)
}
