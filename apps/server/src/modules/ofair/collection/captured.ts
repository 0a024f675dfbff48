import type { AppContext } from '../../../kernel/context.ts'
import { lockKey } from '../../../kernel/db/concurrency.ts'
import type { OfairCaller } from '../caller.ts'
import type { OfairTx } from '../database.ts'
import { refuse } from '../messages.ts'
import { markCapturedPaymentPaid } from '../settlement/index.ts'
import type { HostedPageResult } from './gateway.ts'
import { gatewayOf, webhookUrl } from './payment-methods.ts'

/**
 * Captured-payment mode (the seed's first model): the client pays a confirmed job on the
 * provider's hosted page; the signed webhook marks it paid through settlement's
 * `markCapturedPaymentPaid` (which credits the performer and referrers to pending balances).
 * One live payment page per job: concurrent "pay" clicks get the same one.
 */

export async function initiateCapturedPayment(
  ctx: AppContext,
  tx: OfairTx,
  caller: OfairCaller,
  proposalId: string,
) {
  if (!caller.userId) throw refuse('unauthenticated', 'Sign in first')
  const payment = await tx
    .selectFrom('ofair.lead_payments')
    .select(['id', 'lead_id', 'payer_user_id', 'settlement_mode', 'status', 'final_amount_minor'])
    .where('proposal_id', '=', proposalId)
    .executeTakeFirst()
  if (!payment) throw refuse('not_found', 'No completed job for this proposal')
  if (payment.payer_user_id !== caller.userId && !caller.isAdmin) {
    throw refuse('not_found', 'No completed job of yours for this proposal')
  }
  if (
    payment.settlement_mode !== 'captured' ||
    !['awaiting_confirmation', 'confirmed'].includes(payment.status)
  ) {
    throw refuse('payment_not_payable', `The job is ${payment.settlement_mode}/${payment.status}`)
  }
  await lockKey(tx, `ofair.payment_session:${payment.id}`)
  const live = await tx
    .selectFrom('ofair.psp_sessions')
    .select(['id', 'url', 'status'])
    .where('lead_payment_id', '=', payment.id)
    .where('purpose', '=', 'captured_payment')
    .where('status', 'in', ['pending', 'completed'])
    .executeTakeFirst()
  if (live) return { session_id: live.id, url: live.url, status: live.status, created: false }
  const gateway = gatewayOf(ctx)
  const id = crypto.randomUUID()
  const back = `${ctx.config.http.publicUrl}/ofair/leads/${payment.lead_id}`
  const page = await gateway.createHostedPage({
    mode: 'charge',
    amountMinor: BigInt(payment.final_amount_minor),
    reference: id,
    successUrl: `${back}?paid=${id}`,
    failureUrl: `${back}?payment_failed=${id}`,
    webhookUrl: webhookUrl(ctx),
  })
  await tx
    .insertInto('ofair.psp_sessions')
    .values({
      id,
      purpose: 'captured_payment',
      provider: gateway.provider,
      provider_session_id: page.sessionId,
      url: page.url,
      lead_payment_id: payment.id,
      amount_minor: BigInt(payment.final_amount_minor),
      created_by: caller.userId,
    })
    .execute()
  return { session_id: id, url: page.url, status: 'pending' as const, created: true }
}

export async function completeCapturedPayment(
  ctx: AppContext,
  tx: OfairTx,
  sessionId: string,
  result: HostedPageResult,
): Promise<string> {
  const session = await tx
    .selectFrom('ofair.psp_sessions')
    .selectAll()
    .where('id', '=', sessionId)
    .forUpdate()
    .executeTakeFirst()
  if (session?.status !== 'pending') return 'already'
  const now = ctx.clock.now()
  if (result.status !== 'completed' || !result.transactionId) {
    if (result.status === 'pending') return 'already'
    await tx
      .updateTable('ofair.psp_sessions')
      .set({ status: 'failed', completed_at: now })
      .where('id', '=', sessionId)
      .execute()
    return 'failed'
  }
  await tx
    .updateTable('ofair.psp_sessions')
    .set({ status: 'completed', completed_at: now, psp_reference: result.transactionId })
    .where('id', '=', sessionId)
    .execute()
  await markCapturedPaymentPaid(tx, session.lead_payment_id!, {
    pspProvider: session.provider,
    pspReference: result.transactionId,
    paidAt: now,
  })
  return 'paid'
}
