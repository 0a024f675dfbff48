import type { AppContext } from '../../../kernel/context.ts'
import { lockKey } from '../../../kernel/db/concurrency.ts'
import { type OfairCaller, requireProfessional } from '../caller.ts'
import type { OfairTx } from '../database.ts'
import { refuse } from '../messages.ts'
import type { HostedPageResult, PaymentGateway } from './gateway.ts'

/**
 * Saved payment methods: a professional asks for a hosted page (token only, nothing charged), the
 * provider keeps the card and returns a token; we keep the token with brand, last 4 digits and
 * expiry — never a card number. The return page and the signed webhook both complete the session
 * (whichever comes first; the other finds it done).
 */
export function gatewayOf(ctx: AppContext): PaymentGateway {
  const gateway = ctx.services.ofairGateway
  if (!gateway) throw refuse('psp_unavailable', 'No payment provider is configured in this process')
  return gateway
}

export const webhookUrl = (ctx: AppContext) => `${ctx.config.http.publicUrl}/api/ofair/payments/webhook`

export async function startCardSetup(ctx: AppContext, tx: OfairTx, caller: OfairCaller) {
  const professionalId = await requireProfessional(tx, caller)
  const gateway = gatewayOf(ctx)
  const id = crypto.randomUUID()
  const base = `${ctx.config.http.publicUrl}/ofair/payment-method`
  const page = await gateway.createHostedPage({
    mode: 'token',
    reference: id,
    successUrl: `${base}?setup=${id}`,
    failureUrl: `${base}?setup=${id}&failed=1`,
    webhookUrl: webhookUrl(ctx),
  })
  await tx
    .insertInto('ofair.psp_sessions')
    .values({
      id,
      purpose: 'setup',
      provider: gateway.provider,
      provider_session_id: page.sessionId,
      url: page.url,
      professional_id: professionalId,
      created_by: caller.userId,
    })
    .execute()
  return { session_id: id, url: page.url }
}

/** Completes a setup session from the provider's result, once (the session row is locked). */
export async function completeSetup(
  ctx: AppContext,
  tx: OfairTx,
  sessionId: string,
  result: HostedPageResult,
): Promise<'saved' | 'failed' | 'already'> {
  const session = await tx
    .selectFrom('ofair.psp_sessions')
    .selectAll()
    .where('id', '=', sessionId)
    .forUpdate()
    .executeTakeFirst()
  if (session?.purpose !== 'setup') return 'already'
  if (session.status !== 'pending') return 'already'
  const now = ctx.clock.now()
  if (result.status !== 'completed' || !result.card) {
    if (result.status === 'pending') return 'already'
    await tx
      .updateTable('ofair.psp_sessions')
      .set({ status: 'failed', completed_at: now })
      .where('id', '=', sessionId)
      .execute()
    return 'failed'
  }
  const professionalId = session.professional_id!
  // two setups of one professional completing at once: one after the other
  await lockKey(tx, `ofair.payment_method:${professionalId}`)
  // a new card replaces the one in use
  await tx
    .updateTable('ofair.payment_methods')
    .set((eb) => ({ status: 'removed', removed_at: now, version: eb('version', '+', 1) }))
    .where('professional_id', '=', professionalId)
    .where('status', '=', 'active')
    .execute()
  const method = await tx
    .insertInto('ofair.payment_methods')
    .values({
      professional_id: professionalId,
      provider: session.provider,
      token: result.card.token,
      brand: result.card.brand,
      last4: result.card.last4,
      exp_month: result.card.expMonth,
      exp_year: result.card.expYear,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await tx
    .updateTable('ofair.psp_sessions')
    .set({ status: 'completed', completed_at: now, payment_method_id: method.id })
    .where('id', '=', sessionId)
    .execute()
  return 'saved'
}

/** The return page: asks the provider (query-back) and completes the caller's own session. */
export async function confirmCardSetup(ctx: AppContext, tx: OfairTx, caller: OfairCaller, sessionId: string) {
  const professionalId = await requireProfessional(tx, caller)
  const session = await tx
    .selectFrom('ofair.psp_sessions')
    .select(['id', 'status', 'provider_session_id', 'professional_id'])
    .where('id', '=', sessionId)
    .where('purpose', '=', 'setup')
    .executeTakeFirst()
  if (!session || session.professional_id !== professionalId) throw refuse('not_found', 'No such card setup')
  if (session.status === 'pending') {
    const result = await gatewayOf(ctx).getHostedPageResult(session.provider_session_id)
    await completeSetup(ctx, tx, session.id, result)
  }
  return myPaymentMethod(tx, caller)
}

const methodOut = (m: {
  id: string
  brand: string
  last4: string
  exp_month: number
  exp_year: number
  autopay: boolean
  created_at: Date
  version: number
}) => ({
  id: m.id,
  brand: m.brand,
  last4: m.last4,
  exp_month: m.exp_month,
  exp_year: m.exp_year,
  autopay: m.autopay,
  created_at: m.created_at,
  version: m.version,
})

export async function myPaymentMethod(tx: OfairTx, caller: OfairCaller) {
  const professionalId = await requireProfessional(tx, caller)
  const rows = await tx
    .selectFrom('ofair.payment_methods')
    .select(['id', 'brand', 'last4', 'exp_month', 'exp_year', 'autopay', 'created_at', 'version'])
    .where('professional_id', '=', professionalId)
    .where('status', '=', 'active')
    .execute()
  return { data: rows.map(methodOut) }
}

async function ownMethod(tx: OfairTx, caller: OfairCaller, id: string) {
  const professionalId = await requireProfessional(tx, caller)
  const row = await tx
    .selectFrom('ofair.payment_methods')
    .selectAll()
    .where('id', '=', id)
    .where('professional_id', '=', professionalId)
    .where('status', '=', 'active')
    .forUpdate()
    .executeTakeFirst()
  if (!row) throw refuse('not_found', 'No such payment method of yours')
  return row
}

export async function removePaymentMethod(ctx: AppContext, tx: OfairTx, caller: OfairCaller, id: string) {
  await ownMethod(tx, caller, id)
  await tx
    .updateTable('ofair.payment_methods')
    .set((eb) => ({ status: 'removed', removed_at: ctx.clock.now(), version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute()
}

export async function setAutopay(tx: OfairTx, caller: OfairCaller, id: string, autopay: boolean) {
  await ownMethod(tx, caller, id)
  const row = await tx
    .updateTable('ofair.payment_methods')
    .set((eb) => ({ autopay, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .returning(['id', 'brand', 'last4', 'exp_month', 'exp_year', 'autopay', 'created_at', 'version'])
    .executeTakeFirstOrThrow()
  return methodOut(row)
}
