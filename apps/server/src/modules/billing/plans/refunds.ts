import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import type Stripe from 'stripe'
import { appendAudit } from '../../../kernel/audit/audit.ts'
import type { AppContext } from '../../../kernel/context.ts'
import type { AnyTx } from '../../../kernel/db/database.ts'
import { inTransaction, systemActor } from '../../../kernel/db/transaction.ts'
import { AppError } from '../../../kernel/errors.ts'
import { recordDecision } from '../../intelligence/index.ts'
import { post } from '../../ledger/index.ts'
import { recruiterNames } from '../../recruiting/index.ts'
import { account, SPLITS_BOOK } from '../book.ts'
import type { BillingCaller } from '../caller.ts'
import type { BillingTx } from '../database.ts'
import { PLAN_CURRENCY } from './catalog.ts'
import { addRevenueMonth, stripeCall, stripeOf } from './subscriptions.ts'

/**
 * Refunds of paid plan invoices, asked by a platform admin (full or partial, with a reason). The
 * row is claimed first under the invoice's row lock (what is refunded, asked or done, never
 * exceeds what was paid: 422 `refund_exceeds_paid`; one row per Idempotency-Key), then Stripe
 * refunds the invoice's payment (its PaymentIntent, found through the invoice payments), keyed by
 * the row. When Stripe says the refund succeeded — its answer, or the `refund.created|updated`
 * webhook, whichever comes first — the reversal is booked once per Stripe refund id: Dr
 * `plan_revenue` / Cr `psp_clearing` (the paid invoice's posting mirrored), at Stripe's time.
 */
const view = (tx: unknown) => tx as BillingTx
const actor = systemActor('billing.plans.refunds')

export interface RefundInput {
  amount?: bigint | undefined
  reason: string
}

const refundColumns = [
  'id',
  'stripe_invoice_id',
  'recruiter_id',
  'amount',
  'currency',
  'reason',
  'status',
  'stripe_refund_id',
  'posting_id',
  'failure_reason',
  'refunded_at',
  'created_at',
] as const

type RefundRow = {
  id: string
  stripe_invoice_id: string
  recruiter_id: string
  amount: bigint
  currency: string
  reason: string
  status: string
  stripe_refund_id: string | null
  posting_id: string | null
  failure_reason: string | null
  refunded_at: Date | null
  created_at: Date
}

function asWire(r: RefundRow, name = '') {
  return {
    id: r.id,
    invoice_id: r.stripe_invoice_id,
    recruiter_id: r.recruiter_id,
    recruiter_name: name,
    amount: { amount: r.amount, currency: r.currency },
    reason: r.reason,
    status: r.status as 'requested' | 'pending' | 'succeeded' | 'failed',
    stripe_refund_id: r.stripe_refund_id,
    booked: r.posting_id !== null,
    failure_reason: r.failure_reason,
    refunded_at: r.refunded_at,
    created_at: r.created_at,
  }
}

/** 1. The claim: the invoice locked, the amount checked against what is left, the row written. */
async function claimRefund(
  ctx: AppContext,
  tx: AnyTx,
  caller: BillingCaller,
  invoiceId: string,
  input: RefundInput,
  key: string,
): Promise<{ row: RefundRow; fresh: boolean }> {
  const inv = await view(tx)
    .selectFrom('billing.plan_invoices')
    .select(['stripe_invoice_id', 'recruiter_id', 'status', 'amount_paid', 'currency', 'posting_id'])
    .where('stripe_invoice_id', '=', invoiceId)
    .forUpdate()
    .executeTakeFirst()
  if (!inv) throw new AppError('plan_invoice_not_found', `There is no plan invoice ${invoiceId}`)
  const same = await view(tx)
    .selectFrom('billing.plan_refunds')
    .select(refundColumns)
    .where('idempotency_key', '=', key)
    .executeTakeFirst()
  if (same) {
    if (same.stripe_invoice_id !== invoiceId || (input.amount !== undefined && same.amount !== input.amount))
      throw new AppError('idempotency_key_reused', 'This Idempotency-Key was used for another refund')
    return { row: same, fresh: false }
  }
  if (inv.status !== 'paid' || inv.amount_paid <= 0n || !inv.posting_id) {
    throw new AppError(
      'plan_invoice_not_paid',
      `Plan invoice ${invoiceId} is ${inv.status === 'paid' ? 'not paid by card' : inv.status}: nothing to refund`,
    )
  }
  const taken = await view(tx)
    .selectFrom('billing.plan_refunds')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<bigint>('amount'), sql<bigint>`0`).as('n'))
    .where('stripe_invoice_id', '=', invoiceId)
    .where('status', '!=', 'failed')
    .executeTakeFirstOrThrow()
  const left = inv.amount_paid - BigInt(taken.n)
  const amount = input.amount ?? left
  if (amount <= 0n || amount > left) {
    throw new AppError(
      'refund_exceeds_paid',
      `At most ${left} cents of plan invoice ${invoiceId} can still be refunded (${inv.amount_paid} paid)`,
      { errors: [{ field: 'amount', message: `at most ${left} can still be refunded` }] },
    )
  }
  const now = ctx.clock.now()
  const row = await view(tx)
    .insertInto('billing.plan_refunds')
    .values({
      stripe_invoice_id: invoiceId,
      recruiter_id: inv.recruiter_id,
      amount,
      currency: inv.currency,
      reason: input.reason,
      idempotency_key: key,
      requested_by: caller.principal?.userId ?? null,
      created_at: now,
      updated_at: now,
    })
    .returning(refundColumns)
    .executeTakeFirstOrThrow()
  await appendAudit(tx, {
    action: 'plan.invoice_refund_requested',
    entityType: 'plan_invoice',
    entityId: invoiceId,
    before: { amount_paid: inv.amount_paid.toString(), refunded_before: BigInt(taken.n).toString() },
    after: { refund_id: row.id, amount: amount.toString(), reason: input.reason },
  })
  await recordDecision(tx, {
    kind: 'decision',
    source: 'billing.plans',
    subjectType: 'plan_invoice',
    subjectId: invoiceId,
    humanDecision: amount === inv.amount_paid ? 'refund_full' : 'refund_partial',
    reason: input.reason,
    factors: { refund_id: row.id, amount: amount.toString(), amount_paid: inv.amount_paid.toString() },
    actorRole: 'platform_admin',
    at: now,
  })
  return { row, fresh: true }
}

/**
 * Refunds a paid plan invoice (POST /api/admin/plans/invoices/{id}/refunds). The same
 * Idempotency-Key answers the same refund; concurrent twins serialise on the invoice's lock.
 */
export async function refundPlanInvoice(
  ctx: AppContext,
  caller: BillingCaller,
  invoiceId: string,
  input: RefundInput,
  idempotencyKey: string | undefined,
) {
  const client = stripeOf(ctx)
  const key = idempotencyKey ?? randomUUID()
  const { row } = await inTransaction(ctx.db, actor, (tx) =>
    claimRefund(ctx, tx, caller, invoiceId, input, key),
  )
  if (row.status === 'succeeded' || row.status === 'failed') return asWire(row)
  let refund: Stripe.Refund
  try {
    const payments = await stripeCall('find the invoice’s payment', () =>
      client.invoicePayments.list({ invoice: invoiceId, limit: 10 }),
    )
    const paid = payments.data.find((p) => p.status === 'paid' && p.payment.payment_intent)
    const pi = paid?.payment.payment_intent
    if (!pi)
      throw new AppError('plan_invoice_not_paid', `Stripe has no card payment of ${invoiceId} to refund`)
    refund = await stripeCall('refund the invoice', () =>
      client.refunds.create(
        {
          payment_intent: typeof pi === 'string' ? pi : pi.id,
          amount: Number(row.amount),
          reason: 'requested_by_customer',
          metadata: { plan_refund_id: row.id, plan_invoice: invoiceId },
        },
        { idempotencyKey: `plan-refund:${row.id}` },
      ),
    )
  } catch (err) {
    // Stripe refused (a 4xx): the claim is given back; unreachable: kept, a retry continues it
    if (err instanceof AppError && err.code !== 'stripe_unreachable') {
      await inTransaction(ctx.db, actor, (tx) =>
        view(tx)
          .updateTable('billing.plan_refunds')
          .set({ status: 'failed', failure_reason: err.message, updated_at: ctx.clock.now() })
          .where('id', '=', row.id)
          .where('status', '=', 'requested')
          .execute(),
      )
    }
    throw err
  }
  const done = await inTransaction(ctx.db, actor, (tx) => applyRefund(ctx, tx, refund))
  return asWire(done ?? row)
}

/**
 * Applies a Stripe refund of a plan invoice (our answer or a `refund.*` webhook): the row gets
 * Stripe's id and status; a succeeded one is booked once (the posting's key is the refund id).
 * Refunds that are not of plan invoices are not ours: null.
 */
export async function applyRefund(
  ctx: AppContext,
  tx: AnyTx,
  refund: Stripe.Refund,
): Promise<RefundRow | null> {
  const rowId = refund.metadata?.plan_refund_id
  let row = await view(tx)
    .selectFrom('billing.plan_refunds')
    .select(refundColumns)
    .where((eb) =>
      rowId && /^[0-9a-f-]{36}$/.test(rowId)
        ? eb.or([eb('id', '=', rowId), eb('stripe_refund_id', '=', refund.id)])
        : eb('stripe_refund_id', '=', refund.id),
    )
    .forUpdate()
    .executeTakeFirst()
  if (!row) return null
  const status =
    refund.status === 'succeeded'
      ? 'succeeded'
      : refund.status === 'failed' || refund.status === 'canceled'
        ? 'failed'
        : 'pending'
  const at = new Date(refund.created * 1000)
  if (row.posting_id || row.status === 'failed') return row
  row = await view(tx)
    .updateTable('billing.plan_refunds')
    .set({
      stripe_refund_id: refund.id,
      status,
      failure_reason: status === 'failed' ? (refund.failure_reason ?? 'The refund failed') : null,
      updated_at: ctx.clock.now(),
    })
    .where('id', '=', row.id)
    .returning(refundColumns)
    .executeTakeFirstOrThrow()
  if (status !== 'succeeded') return row
  const amount = row.amount
  const { postingId } = await post(tx, {
    book: SPLITS_BOOK,
    idempotencyKey: `plan-refund:${refund.id}`,
    kind: 'plan.invoice_refunded',
    reference: { type: 'plan_invoice', id: row.stripe_invoice_id },
    description: `Recruiter plan invoice ${row.stripe_invoice_id} refunded: ${row.reason}`.slice(0, 500),
    effectiveAt: at,
    metadata: { recruiter_id: row.recruiter_id, refund_id: refund.id },
    lines: [
      {
        account: account.planRevenue(row.currency, row.stripe_invoice_id),
        direction: 'debit',
        amount,
        currency: row.currency,
      },
      {
        account: account.pspClearing(row.currency, row.stripe_invoice_id),
        direction: 'credit',
        amount,
        currency: row.currency,
      },
    ],
  })
  await view(tx)
    .updateTable('billing.plan_invoices')
    .set((eb) => ({ amount_refunded: eb('amount_refunded', '+', amount) }))
    .where('stripe_invoice_id', '=', row.stripe_invoice_id)
    .execute()
  await addRevenueMonth(tx, at, row.currency, { refunded: amount })
  return view(tx)
    .updateTable('billing.plan_refunds')
    .set({ posting_id: postingId, refunded_at: at })
    .where('id', '=', row.id)
    .returning(refundColumns)
    .executeTakeFirstOrThrow()
}

/** The latest refunds of plan invoices, newest first (the admin screen). */
export async function latestPlanRefunds(tx: AnyTx, limit = 50) {
  const rows = await view(tx)
    .selectFrom('billing.plan_refunds')
    .select(refundColumns)
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute()
  const names = await recruiterNames(
    tx,
    rows.map((r) => r.recruiter_id),
  )
  return rows.map((r) => asWire(r, names.get(r.recruiter_id) ?? ''))
}

/** The latest paid plan invoices with what is left to refund (the admin screen's refund action). */
export async function latestPaidPlanInvoices(tx: AnyTx, limit = 50) {
  const rows = await view(tx)
    .selectFrom('billing.plan_invoices')
    .select([
      'stripe_invoice_id',
      'recruiter_id',
      'number',
      'amount_paid',
      'amount_refunded',
      'currency',
      'paid_at',
      'created_at',
    ])
    .where('status', '=', 'paid')
    .where('posting_id', 'is not', null)
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute()
  const names = await recruiterNames(
    tx,
    rows.map((r) => r.recruiter_id),
  )
  const m = (amount: bigint) => ({ amount, currency: PLAN_CURRENCY })
  return rows.map((r) => ({
    invoice_id: r.stripe_invoice_id,
    number: r.number,
    recruiter_id: r.recruiter_id,
    recruiter_name: names.get(r.recruiter_id) ?? '',
    amount_paid: m(r.amount_paid),
    amount_refunded: m(r.amount_refunded),
    paid_at: r.paid_at ?? r.created_at,
  }))
}
