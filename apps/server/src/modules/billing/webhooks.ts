import { fromKysely } from 'pg-boss'
import { z } from 'zod'
import type { AppContext } from '../../kernel/context.ts'
import { inTransaction, systemActor } from '../../kernel/db/transaction.ts'
import { AppError } from '../../kernel/errors.ts'
import { access } from '../../kernel/http/access.ts'
import { defineJob } from '../../kernel/jobs/define-job.ts'
import type { AppFastify } from '../../kernel/module.ts'
import { billingRoute } from './caller.ts'
import type { BillingTx } from './database.ts'
import { settleProviderPayment } from './payments.ts'
import type { StripeProvider } from './stripe-provider.ts'

/**
 * Stripe's webhooks: the signature is verified on the raw bytes, the event stored once by its id
 * (a redelivery, however concurrent, finds it there), a job enqueued in the same transaction, and
 * Stripe answered at once. The job does the work, with retries.
 */
export const PROCESS_STRIPE_EVENT_JOB = 'billing.process_stripe_event'
const view = (tx: unknown) => tx as BillingTx

declare module '../../kernel/context.ts' {
  interface AppServices {
    stripe?: StripeProvider
  }
}

/** Event types other modules handle (payouts: account.updated, payout.*); registered at start-up. */
const handlers = new Map<string, (ctx: AppContext, event: StripeEventRow) => Promise<unknown>>()
export interface StripeEventRow {
  id: string
  type: string
  account: string | null
  payload: unknown
}
export function onStripeEvent(
  type: string,
  handler: (ctx: AppContext, event: StripeEventRow) => Promise<unknown>,
) {
  handlers.set(type, handler)
}

export function stripeWebhookRoutes(app: AppFastify, ctx: AppContext): void {
  // raw bytes for this route only: the signature covers the body exactly as sent
  app.register(async (child) => {
    child.removeContentTypeParser('application/json')
    child.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_req, body, done) =>
      done(null, body),
    )
    billingRoute.mount(child as unknown as AppFastify, ctx, [
      billingRoute.define({
        method: 'POST',
        url: '/api/webhooks/stripe',
        operationId: 'receiveStripeWebhook',
        summary: 'Stripe’s webhook (signed): payment, refund, account and payout events',
        access: access.public('Stripe, proven by the signature.'),
        tags: ['webhooks'],
        transaction: false,
        errors: [400, 503],
        description:
          'Verified with the `Stripe-Signature` header on the raw body (5 minutes of tolerance), de-duplicated by event id, processed from the job queue. A redelivery of a known event (signed anew) answers `duplicate: true`; the very same signed delivery sent again is a replay: 400 `webhook_replayed`. A bad signature or an old timestamp: 400 `webhook_signature_invalid`. Nothing is stored or changed for a refused delivery.',
        response: z.object({ received: z.literal(true), duplicate: z.boolean() }),
        handler: async ({ request, ctx: c }) => {
          const provider = c.services.stripe
          if (!provider) throw new AppError('payments_unavailable', 'Stripe is not configured here')
          if (!Buffer.isBuffer(request.body)) {
            throw new AppError('validation_failed', 'body: send the event as application/json', {
              errors: [{ field: 'body', message: 'must be the JSON event Stripe sent' }],
            })
          }
          const signature = request.headers['stripe-signature']
          const event = provider.verifyWebhook(
            request.body,
            Array.isArray(signature) ? signature[0] : signature,
          )
          const header = Array.isArray(signature) ? signature[0] : signature
          // the signature of this delivery: Stripe signs each delivery anew (a new timestamp), so
          // the same signature again is a replay of a delivery we accepted, not a redelivery
          const deliverySignature = (header ?? '').split(',').find((p) => p.startsWith('v1=')) ?? null
          const stored = await inTransaction(
            c.db,
            systemActor('billing.stripe_webhook'),
            async (tx) => {
              const row = await view(tx)
                .insertInto('billing.stripe_events')
                .values({
                  id: event.id,
                  type: event.type,
                  account: (event as { account?: string }).account ?? null,
                  payload: JSON.stringify(event),
                  received_at: c.clock.now(),
                  first_signature: deliverySignature,
                })
                .onConflict((oc) => oc.column('id').doNothing())
                .returning('id')
                .executeTakeFirst()
              if (row) {
                await c.jobs.enqueue(
                  PROCESS_STRIPE_EVENT_JOB,
                  { event_id: event.id },
                  { db: fromKysely(view(tx)) },
                )
                return true
              }
              const first = await view(tx)
                .selectFrom('billing.stripe_events')
                .select('first_signature')
                .where('id', '=', event.id)
                .executeTakeFirst()
              if (deliverySignature && first?.first_signature === deliverySignature) {
                request.log.warn({ event_id: event.id }, 'replayed Stripe webhook delivery refused')
                throw new AppError(
                  'webhook_replayed',
                  `Event ${event.id} was already received with this very signature: a replayed delivery (Stripe signs every delivery anew)`,
                )
              }
              return false
            },
            { requestId: request.id },
          )
          if (!stored) request.log.info({ event_id: event.id }, 'stripe event already received')
          return { received: true as const, duplicate: !stored }
        },
      }),
    ])
  })
}

export const processStripeEventJob = defineJob({
  name: PROCESS_STRIPE_EVENT_JOB,
  description: 'Act on one Stripe event: book a payment, record a failure, update an account or payout',
  payload: z.object({ event_id: z.string().min(1).max(255) }),
  retry: { limit: 8, delaySeconds: 10, backoff: true, maxDelaySeconds: 3600 },
  timeoutSeconds: 120,
  concurrency: 2,
  handler: async (payload, ctx: AppContext) => {
    const event = await inTransaction(ctx.db, systemActor('billing.stripe_event'), (tx) =>
      view(tx)
        .selectFrom('billing.stripe_events')
        .selectAll()
        .where('id', '=', payload.event_id)
        .executeTakeFirst(),
    )
    if (!event) return { skipped: 'unknown event' }
    if (event.processed_at) return { skipped: 'already processed' }
    const object = (event.payload as { data?: { object?: Record<string, unknown> } }).data?.object ?? {}
    let outcome: unknown = 'ignored'
    const custom = handlers.get(event.type)
    if (custom) {
      outcome = await custom(ctx, {
        id: event.id,
        type: event.type,
        account: event.account,
        payload: event.payload,
      })
    } else if (event.type.startsWith('payment_intent.')) {
      outcome = await inTransaction(ctx.db, systemActor('billing.stripe_event'), async (tx) => {
        const id = String(object.id ?? '')
        switch (event.type) {
          case 'payment_intent.succeeded':
            return settleProviderPayment(ctx, tx, id, { status: 'succeeded' })
          case 'payment_intent.payment_failed': {
            const error = object.last_payment_error as { message?: string } | undefined
            return settleProviderPayment(ctx, tx, id, {
              status: 'failed',
              reason: error?.message ?? 'The payment failed',
            })
          }
          case 'payment_intent.canceled':
            return settleProviderPayment(ctx, tx, id, {
              status: 'canceled',
              reason: 'The payment was canceled',
            })
          default:
            return 'ignored'
        }
      })
    }
    await inTransaction(ctx.db, systemActor('billing.stripe_event'), (tx) =>
      view(tx)
        .updateTable('billing.stripe_events')
        .set({ processed_at: ctx.clock.now() })
        .where('id', '=', event.id)
        .execute(),
    )
    return { type: event.type, outcome }
  },
})
