import { z } from 'zod'
import type { AppContext } from '../../../kernel/context.ts'
import { inTransaction, systemActor } from '../../../kernel/db/transaction.ts'
import type { AppFastify } from '../../../kernel/module.ts'
import type { OfairTx } from '../database.ts'
import { refuse } from '../messages.ts'
import { ofairRoute, who } from '../route.ts'
import { completeCapturedPayment } from './captured.ts'
import type { GatewayEvent } from './gateway.ts'
import { completeSetup, gatewayOf } from './payment-methods.ts'

/**
 * The payment provider's webhook: verified on the raw bytes (X-Signature = base64 HMAC-SHA256 of
 * the body; the signed Timestamp at most 5 minutes old), stored once by its EventId and acted on
 * in the same transaction. A refused delivery (bad signature, old, a replayed EventId) is a 400
 * with a stable code and changes nothing.
 */
export async function handleGatewayEvent(ctx: AppContext, tx: OfairTx, event: GatewayEvent): Promise<string> {
  const stored = await tx
    .insertInto('ofair.psp_webhook_events')
    .values({
      event_id: event.id,
      provider: gatewayOf(ctx).provider,
      type: event.type,
      payload: JSON.stringify(event.payload),
      received_at: ctx.clock.now(),
    })
    .onConflict((oc) => oc.column('event_id').doNothing())
    .returning('event_id')
    .executeTakeFirst()
  if (!stored) throw refuse('webhook_replayed', `Event ${event.id} was already received`)
  let outcome = 'ignored'
  if (event.result && event.sessionId) {
    const session = await tx
      .selectFrom('ofair.psp_sessions')
      .select(['id', 'purpose'])
      .where('provider', '=', gatewayOf(ctx).provider)
      .where('provider_session_id', '=', event.sessionId)
      .executeTakeFirst()
    if (session?.purpose === 'setup') outcome = await completeSetup(ctx, tx, session.id, event.result)
    else if (session?.purpose === 'captured_payment') {
      outcome = await completeCapturedPayment(ctx, tx, session.id, event.result)
    } else outcome = 'unknown session'
  }
  await tx.updateTable('ofair.psp_webhook_events').set({ outcome }).where('event_id', '=', event.id).execute()
  return outcome
}

export function ofairWebhookRoutes(app: AppFastify, ctx: AppContext): void {
  // raw bytes for this route only: the signature covers the body exactly as sent
  app.register(async (child) => {
    child.removeContentTypeParser('application/json')
    child.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_req, body, done) =>
      done(null, body),
    )
    ofairRoute.mount(child as unknown as AppFastify, ctx, [
      ofairRoute.define({
        method: 'POST',
        url: '/api/ofair/payments/webhook',
        operationId: 'receiveOfairPaymentWebhook',
        summary: 'The payment provider’s signed webhook: a saved card, a paid job',
        description:
          'Verified on the raw body: `X-Signature` = base64(HMAC-SHA256(secret, body)); the signed `Timestamp` at most 5 minutes old (else 400 `webhook_timestamp_too_old`); a bad signature is 400 `webhook_signature_invalid`; an `EventId` already received is 400 `webhook_replayed`. Nothing is changed by a refused delivery; an accepted one is acted on once.',
        tags: ['webhooks'],
        access: who.anyone,
        transaction: false,
        errors: [400, 503],
        response: z.object({ received: z.literal(true), outcome: z.string() }),
        handler: async ({ request, ctx: c }) => {
          const gateway = gatewayOf(c)
          if (!Buffer.isBuffer(request.body)) {
            throw refuse('validation_failed', 'body: send the event as application/json', { field: 'body' })
          }
          const event = gateway.verifyWebhook(request.body, request.headers, c.clock.now())
          const outcome = await inTransaction(
            c.db,
            systemActor('ofair.psp_webhook'),
            (tx) => handleGatewayEvent(c, tx as unknown as OfairTx, event),
            { requestId: request.id },
          )
          return { received: true as const, outcome }
        },
      }),
    ])
  })
}
