import { isCurrency } from '@app/money'
import type { AppContext } from '../../kernel/context.ts'
import type { AnyTx } from '../../kernel/db/database.ts'
import { type Actor, inTransaction, systemActor } from '../../kernel/db/transaction.ts'
import { AppError } from '../../kernel/errors.ts'
import { post } from '../ledger/index.ts'
import { companyOrganization } from '../recruiting/index.ts'
import { divideIncoming, lineShares, partyLines, recordAllocations } from './allocations.ts'
import { account, SPLITS_BOOK } from './book.ts'
import type { BillingTx } from './database.ts'
import { formatAmount, outstandingOf, tellCompanyAdmins } from './invoices.ts'
import { writePayoutAudit } from './payout-audit.ts'
import { distributeRecruiterShares } from './payouts/escrow.ts'

/**
 * Payments of company invoices: by card or bank debit through the payment provider (Stripe), or a
 * bank transfer recorded by a platform admin. A succeeded payment is one balanced posting: the
 * money arrives (provider clearing or bank), the company's receivable goes down, and the invoiced
 * fee is recognised — the platform's share as revenue, each recruiter's share into their held
 * balance, which payouts release later.
 */
const view = (tx: AnyTx) => tx as BillingTx

export type PaymentMethod = 'card' | 'bank_debit' | 'bank_transfer'

/** The payment provider, as billing needs it. Expected failures are values, with `retryable`. */
export interface PaymentProvider {
  createPayment(input: {
    amount: bigint
    currency: string
    paymentMethod: string
    method: 'card' | 'bank_debit'
    idempotencyKey: string
    description: string
    metadata: Record<string, string>
  }): Promise<
    | { ok: true; providerId: string; status: 'succeeded' | 'processing' | 'requires_action' }
    | {
        ok: false
        providerId: string | null
        retryable: boolean
        message: string
        declineCode?: string | undefined
      }
  >
  refund(input: {
    providerPaymentId: string
    amount: bigint
    idempotencyKey: string
    reason: string
  }): Promise<{ ok: true; providerId: string } | { ok: false; retryable: boolean; message: string }>
}

declare module '../../kernel/context.ts' {
  interface AppServices {
    /** Absent when no provider is configured: then only bank transfers recorded by an admin. */
    payments?: PaymentProvider
  }
}

async function payableInvoice(tx: AnyTx, invoiceId: string, lock = true) {
  let q = view(tx).selectFrom('billing.invoices').selectAll().where('id', '=', invoiceId)
  if (lock) q = q.forUpdate()
  const invoice = await q.executeTakeFirst()
  if (!invoice) throw new AppError('not_found', 'No such invoice')
  return invoice
}

/** Refuses a payment the invoice cannot take: not open, another currency, zero, or more than it owes. */
async function checkPayable(
  tx: AnyTx,
  invoice: Awaited<ReturnType<typeof payableInvoice>>,
  amount: bigint,
  currency: string,
) {
  if (invoice.status !== 'open' && invoice.status !== 'partially_paid') {
    throw new AppError(
      'invoice_not_payable',
      `Invoice ${invoice.number ?? invoice.id} is ${invoice.status === 'draft' ? 'not issued yet' : invoice.status}`,
    )
  }
  if (!isCurrency(currency) || currency !== invoice.currency) {
    throw new AppError(
      'currency_mismatch',
      `body.currency: the invoice is in ${invoice.currency}, not ${currency}`,
      {
        errors: [{ field: 'body.currency', message: `must be ${invoice.currency}` }],
      },
    )
  }
  if (amount <= 0n) {
    throw new AppError('validation_failed', 'body.amount: must be more than zero', {
      errors: [{ field: 'body.amount', message: 'must be more than zero' }],
    })
  }
  // money on its way (a card payment still processing) counts, so two payments cannot both fit
  const inFlight = await view(tx)
    .selectFrom('billing.payments')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<string>('amount'), eb.val('0')).as('sum'))
    .where('invoice_id', '=', invoice.id)
    .where('status', 'in', ['pending', 'processing'])
    .executeTakeFirstOrThrow()
  const room = outstandingOf(invoice) - BigInt(inFlight.sum)
  if (amount > room) {
    throw new AppError(
      'overpayment',
      `body.amount: the invoice owes ${formatAmount(room, invoice.currency)}${BigInt(inFlight.sum) > 0n ? ' besides payments still processing' : ''}; a payment may not be more`,
      {
        errors: [{ field: 'body.amount', message: `must be at most ${room}` }],
        meta: { outstanding: room.toString() },
      },
    )
  }
}

/** A platform admin records a bank transfer the company made: applied at once. */
export async function recordBankTransfer(
  ctx: AppContext,
  tx: AnyTx,
  input: {
    invoiceId: string
    amount: bigint
    currency: string
    receivedOn: string
    reference: string
    recordedBy: string
  },
): Promise<string> {
  const invoice = await payableInvoice(tx, input.invoiceId)
  await checkPayable(tx, invoice, input.amount, input.currency)
  const now = ctx.clock.now()
  const payment = await view(tx)
    .insertInto('billing.payments')
    .values({
      invoice_id: invoice.id,
      company_id: invoice.company_id,
      method: 'bank_transfer',
      amount: input.amount,
      currency: input.currency,
      status: 'succeeded',
      reference: input.reference,
      received_on: input.receivedOn,
      recorded_by: input.recordedBy,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await applyPayment(ctx, tx, payment.id, now, 'platform_admin')
  return payment.id
}

/**
 * Books a succeeded payment, once: the ledger posting, the allocations, the invoice's paid amount
 * and status, the audit row and the company's notice. Safe to call again (a redelivered webhook).
 */
export async function applyPayment(
  ctx: AppContext,
  tx: AnyTx,
  paymentId: string,
  now: Date,
  changedByRole: string,
  options: { quiet?: boolean } = {},
): Promise<void> {
  const payment = await view(tx)
    .selectFrom('billing.payments')
    .selectAll()
    .where('id', '=', paymentId)
    .forUpdate()
    .executeTakeFirstOrThrow()
  if (payment.posting_id) return
  const invoice = await payableInvoice(tx, payment.invoice_id)
  if (payment.amount > outstandingOf(invoice)) {
    // cannot happen through checkPayable; a provider paying more than asked is a defect to see
    throw new AppError('overpayment', `Payment ${payment.id} is more than invoice ${invoice.number} owes`)
  }
  const currency = payment.currency
  const shares = await lineShares(tx, invoice.id)
  const allocations = divideIncoming(payment.amount, shares)
  const source =
    payment.method === 'bank_transfer'
      ? account.bank(currency, payment.id)
      : payment.method === 'credit'
        ? account.companyCredit(payment.company_id, currency)
        : account.pspClearing(currency, payment.id)
  const posting = await post(tx, {
    book: SPLITS_BOOK,
    idempotencyKey: `payment:${payment.id}:applied`,
    kind: 'payment.received',
    reference: { type: 'payment', id: payment.id },
    description: `Payment of invoice ${invoice.number} (${payment.method.replace('_', ' ')})`,
    effectiveAt: now,
    metadata: { invoice_id: invoice.id },
    lines: [
      { account: source, direction: 'debit', amount: payment.amount, currency },
      {
        account: account.receivable(payment.company_id, currency),
        direction: 'credit',
        amount: payment.amount,
        currency,
      },
      {
        account: account.invoiced(currency, invoice.id),
        direction: 'debit',
        amount: payment.amount,
        currency,
      },
      ...partyLines(allocations, currency, 'credit', invoice.id),
    ],
  })
  await recordAllocations(tx, 'payment', allocations, {
    paymentId: payment.id,
    postingId: posting.postingId,
    sign: 1n,
    now,
  })
  // each recruiter's share: released to their available balance, the holdback kept until the guarantee ends
  await distributeRecruiterShares(ctx, tx, {
    paymentId: payment.id,
    companyId: payment.company_id,
    currency,
    shares: allocations
      .filter((a) => a.party.type === 'recruiter' && a.party.id)
      .map((a) => ({ placementId: a.placementId, recruiterId: a.party.id!, amount: a.amount })),
    now,
    role: changedByRole,
  })
  const paid = invoice.amount_paid + payment.amount
  const status = paid + invoice.amount_credited === invoice.total ? 'paid' : 'partially_paid'
  await view(tx)
    .updateTable('billing.invoices')
    .set({ amount_paid: paid, status, updated_at: now, version: invoice.version + 1 })
    .where('id', '=', invoice.id)
    .execute()
  await view(tx)
    .updateTable('billing.payments')
    .set({ status: 'succeeded', posting_id: posting.postingId, updated_at: now })
    .where('id', '=', payment.id)
    .execute()
  await writePayoutAudit(tx, {
    entityType: 'invoice',
    entityId: invoice.id,
    action: 'invoice.payment_applied',
    changedByRole,
    oldValue: { status: invoice.status, amount_paid: invoice.amount_paid },
    newValue: {
      status,
      amount_paid: paid,
      payment_id: payment.id,
      method: payment.method,
      amount: payment.amount,
    },
  })
  const org = options.quiet ? null : await organizationOfCompany(tx, payment.company_id)
  if (org) {
    await tellCompanyAdmins(ctx, tx, org, {
      kind: 'payment.received',
      sourceName: `payment:${payment.id}:received`,
      title: `Payment received for invoice ${invoice.number}`,
      body: `${formatAmount(payment.amount, currency)} received; ${status === 'paid' ? 'the invoice is paid' : `${formatAmount(invoice.total - paid - invoice.amount_credited, currency)} still due`}.`,
      link: `/splits/billing/invoices/${invoice.id}`,
    })
  }
}

/** The identity organisation of a company, for addressing its admins. */
async function organizationOfCompany(tx: AnyTx, companyId: string): Promise<string | null> {
  return (await companyOrganization(tx, companyId))?.organizationId ?? null
}

/**
 * A company pays by card or bank debit. The payment row is written and committed first; then the
 * provider is called outside any transaction with the payment's own idempotency key (a retry
 * cannot charge twice); then the outcome is stored. A succeeded charge is booked at once; a
 * processing one (bank debit) is booked when the provider's webhook says it succeeded.
 */
export async function payByProvider(
  ctx: AppContext,
  actor: Actor,
  input: {
    invoiceId: string
    amount?: bigint | undefined
    method: 'card' | 'bank_debit'
    paymentMethod: string
    requestId: string
    authorize: (tx: AnyTx, companyId: string) => Promise<void>
  },
): Promise<{ paymentId: string; status: 'succeeded' | 'processing' | 'requires_action' }> {
  const provider = ctx.services.payments
  const started = await inTransaction(
    ctx.db,
    actor,
    async (tx) => {
      const invoice = await payableInvoice(tx, input.invoiceId)
      await input.authorize(tx, invoice.company_id)
      // only now: someone who may not see the invoice learns nothing about how payments are set up
      if (!provider) {
        throw new AppError(
          'payments_unavailable',
          'Card and bank-debit payments are not configured here; pay by bank transfer (a platform admin records it)',
        )
      }
      const amount = input.amount ?? outstandingOf(invoice)
      await checkPayable(tx, invoice, amount, invoice.currency)
      const now = ctx.clock.now()
      const payment = await view(tx)
        .insertInto('billing.payments')
        .values({
          invoice_id: invoice.id,
          company_id: invoice.company_id,
          method: input.method,
          amount,
          currency: invoice.currency,
          status: 'processing',
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      return { paymentId: payment.id, amount, currency: invoice.currency, number: invoice.number ?? '' }
    },
    { requestId: input.requestId },
  )
  // present: the transaction above refused otherwise
  const result = await provider!.createPayment({
    amount: started.amount,
    currency: started.currency,
    paymentMethod: input.paymentMethod,
    method: input.method,
    idempotencyKey: `payment:${started.paymentId}`,
    description: `Invoice ${started.number}`,
    metadata: { payment_id: started.paymentId, invoice_id: input.invoiceId },
  })
  return inTransaction(ctx.db, systemActor('billing.payments'), async (tx) => {
    const now = ctx.clock.now()
    if (!result.ok) {
      await view(tx)
        .updateTable('billing.payments')
        .set({
          status: 'failed',
          stripe_payment_intent_id: result.providerId,
          failure_reason: result.message,
          updated_at: now,
        })
        .where('id', '=', started.paymentId)
        .where('status', '=', 'processing')
        .execute()
      await writePayoutAudit(tx, {
        entityType: 'payment',
        entityId: started.paymentId,
        action: 'payment.failed',
        changedByRole: 'company_admin',
        newValue: { reason: result.message, decline_code: result.declineCode ?? null },
      })
      // committed as failed; the caller gets a 4xx explaining why
      return { failed: result }
    }
    await view(tx)
      .updateTable('billing.payments')
      .set({ stripe_payment_intent_id: result.providerId, updated_at: now })
      .where('id', '=', started.paymentId)
      .execute()
    if (result.status === 'succeeded') await applyPayment(ctx, tx, started.paymentId, now, 'company_admin')
    return { status: result.status }
  }).then((r) => {
    if ('failed' in r && r.failed) {
      throw new AppError('payment_failed', `The payment was declined: ${r.failed.message}`, {
        userMessage: r.failed.message,
        meta: { payment_id: started.paymentId, decline_code: r.failed.declineCode ?? null },
      })
    }
    return {
      paymentId: started.paymentId,
      status: (r as { status: 'succeeded' | 'processing' | 'requires_action' }).status,
    }
  })
}

/** The provider says how a payment ended (its webhook): book it, or mark it failed. Idempotent. */
export async function settleProviderPayment(
  ctx: AppContext,
  tx: AnyTx,
  providerId: string,
  outcome: { status: 'succeeded' } | { status: 'failed' | 'canceled'; reason: string },
): Promise<'applied' | 'failed' | 'unknown' | 'already'> {
  const payment = await view(tx)
    .selectFrom('billing.payments')
    .selectAll()
    .where('stripe_payment_intent_id', '=', providerId)
    .forUpdate()
    .executeTakeFirst()
  if (!payment) return 'unknown'
  const now = ctx.clock.now()
  if (outcome.status === 'succeeded') {
    if (payment.posting_id) return 'already'
    await applyPayment(ctx, tx, payment.id, now, 'system')
    return 'applied'
  }
  if (payment.status !== 'processing' && payment.status !== 'pending') return 'already'
  await view(tx)
    .updateTable('billing.payments')
    .set({ status: outcome.status, failure_reason: outcome.reason, updated_at: now })
    .where('id', '=', payment.id)
    .execute()
  await writePayoutAudit(tx, {
    entityType: 'payment',
    entityId: payment.id,
    action: `payment.${outcome.status}`,
    changedByRole: 'system',
    oldValue: { status: payment.status },
    newValue: { status: outcome.status, reason: outcome.reason },
  })
  const org = await organizationOfCompany(tx, payment.company_id)
  if (org) {
    await tellCompanyAdmins(ctx, tx, org, {
      kind: 'payment.failed',
      sourceName: `payment:${payment.id}:failed`,
      title: 'A payment did not go through',
      body: `${formatAmount(payment.amount, payment.currency)} by ${payment.method.replace('_', ' ')}: ${outcome.reason}`,
      link: `/splits/billing/invoices/${payment.invoice_id}`,
    })
  }
  return 'failed'
}
