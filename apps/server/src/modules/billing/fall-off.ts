import type { AppContext } from '../../kernel/context.ts'
import type { AnyTx } from '../../kernel/db/database.ts'
import { inTransaction, systemActor } from '../../kernel/db/transaction.ts'
import { type PostingLine, post } from '../ledger/index.ts'
import type { PlacementFacts } from '../recruiting/index.ts'
import {
  type Allocation,
  divideOutgoing,
  type LineShares,
  lineShares,
  partyLines,
  recordAllocations,
} from './allocations.ts'
import { account, SPLITS_BOOK } from './book.ts'
import type { BillingTx } from './database.ts'
import { billingSettings } from './invoices.ts'
import { writePayoutAudit } from './payout-audit.ts'
import { collected as collected_, flush } from './payouts/engine.ts'
import { afterTakeBacks, takeBackFromRecruiter } from './payouts/take-back.ts'

/**
 * A placement fell off inside its guarantee: its money goes back, by reversing movements, never
 * edits. What was not yet paid is no longer owed (the invoice is voided, or credited when it
 * carries other placements). What was paid is refunded to the company (card payments through the
 * provider; bank transfers by an admin, who records the transfer back) or kept as the company's
 * credit, per its contract or settings — and the platform's and recruiters' shares of it are taken
 * back: the recruiters' from wherever their money is now (escrow holds voided first, then held,
 * then available; what was already paid out becomes a debt netted against their next payouts,
 * see payouts/take-back.ts). Runs from the `placement.fell_off` event; every step is idempotent.
 */
const view = (tx: AnyTx) => tx as BillingTx

export async function handleFallOff(
  ctx: AppContext,
  tx: AnyTx,
  facts: PlacementFacts,
): Promise<Record<string, unknown>> {
  const done = await view(tx)
    .selectFrom('billing.fall_offs')
    .select('summary')
    .where('placement_id', '=', facts.id)
    .executeTakeFirst()
  if (done) return { already: true }
  const now = ctx.clock.now()
  const line = await view(tx)
    .selectFrom('billing.invoice_lines as l')
    .innerJoin('billing.invoices as i', 'i.id', 'l.invoice_id')
    .select([
      'l.id',
      'l.amount',
      'l.invoice_id',
      'i.status',
      'i.currency',
      'i.company_id',
      'i.grouping',
      'i.number',
    ])
    .where('l.placement_id', '=', facts.id)
    .executeTakeFirst()
  const policy = (await billingSettings(tx, facts.company.id, facts.createdAt.toISOString().slice(0, 10)))
    .fallOffPolicy
  let summary: Record<string, unknown>
  if (!line) {
    summary = { invoiced: false }
  } else if (line.status === 'draft') {
    // a monthly invoice still collecting: the line simply leaves it
    await view(tx).deleteFrom('billing.invoice_lines').where('id', '=', line.id).execute()
    await view(tx)
      .updateTable('billing.invoices')
      .set((eb) => ({
        total: eb('total', '-', line.amount),
        updated_at: now,
        version: eb('version', '+', 1),
      }))
      .where('id', '=', line.invoice_id)
      .execute()
    summary = { invoiced: false, removed_from_draft: line.invoice_id }
  } else {
    const shares = (await lineShares(tx, line.invoice_id)).find((s) => s.lineId === line.id)!
    const collected = shares.parties.reduce((s, p) => s + p.collected, 0n)
    const unpaid = line.amount - collected
    summary = { invoice_id: line.invoice_id, unpaid: unpaid.toString(), paid: collected.toString(), policy }
    await releaseUnpaid(tx, line, unpaid, facts, now)
    if (collected > 0n) {
      if (policy === 'credit') await creditPaid(ctx, tx, line, shares, collected, facts, now)
      else summary.refunds = await planRefunds(tx, line, collected, facts, now)
    }
  }
  await view(tx)
    .insertInto('billing.fall_offs')
    .values({ placement_id: facts.id, policy, handled_at: now, summary: JSON.stringify(summary) })
    .execute()
  await writePayoutAudit(tx, {
    entityType: 'placement',
    entityId: facts.id,
    action: 'placement.fall_off_handled',
    changedByRole: 'system',
    newValue: summary,
    reason: facts.fallOffReason,
  })
  return summary
}

type Line = {
  id: string
  amount: bigint
  invoice_id: string
  currency: string
  company_id: string
  grouping: string
  number: string | null
}

/**
 * The unpaid part is no longer owed: invoiced fees ← receivable. An invoice of this placement alone
 * is voided (its paid part, if any, is refunded or credited next); one carrying other placements is
 * credited by the unpaid part.
 */
async function releaseUnpaid(tx: AnyTx, line: Line, unpaid: bigint, facts: PlacementFacts, now: Date) {
  if (unpaid > 0n)
    await post(tx, {
      book: SPLITS_BOOK,
      idempotencyKey: `fall-off:${facts.id}:unpaid`,
      kind: 'invoice.fall_off_released',
      reference: { type: 'invoice', id: line.invoice_id },
      description: `Fall-off of ${facts.candidate.name}: the unpaid fee is no longer owed`,
      effectiveAt: now,
      metadata: { placement_id: facts.id },
      lines: [
        {
          account: account.invoiced(line.currency, line.invoice_id),
          direction: 'debit',
          amount: unpaid,
          currency: line.currency,
        },
        {
          account: account.receivable(line.company_id, line.currency),
          direction: 'credit',
          amount: unpaid,
          currency: line.currency,
        },
      ],
    })
  const invoice = await view(tx)
    .selectFrom('billing.invoices')
    .selectAll()
    .where('id', '=', line.invoice_id)
    .forUpdate()
    .executeTakeFirstOrThrow()
  const onlyLine =
    (
      await view(tx)
        .selectFrom('billing.invoice_lines')
        .select('id')
        .where('invoice_id', '=', invoice.id)
        .execute()
    ).length === 1
  if (!onlyLine && unpaid === 0n) return
  const credited = invoice.amount_credited + unpaid
  const next = onlyLine
    ? {
        status: 'void',
        voided_at: now,
        void_reason: `Placement fell off: ${facts.fallOffReason ?? ''}`.trim(),
        amount_credited: credited,
      }
    : {
        status: invoice.amount_paid + credited === invoice.total ? 'paid' : invoice.status,
        amount_credited: credited,
      }
  await view(tx)
    .updateTable('billing.invoices')
    .set({ ...next, updated_at: now, version: invoice.version + 1 })
    .where('id', '=', invoice.id)
    .execute()
  await writePayoutAudit(tx, {
    entityType: 'invoice',
    entityId: invoice.id,
    action: onlyLine ? 'invoice.voided' : 'invoice.credited',
    changedByRole: 'system',
    oldValue: { status: invoice.status, amount_credited: invoice.amount_credited },
    newValue: { status: next.status, amount_credited: credited, placement_id: facts.id },
    reason: facts.fallOffReason,
  })
}

/** Paid money stays with the platform as the company's credit; the parties' shares are taken back. */
async function creditPaid(
  ctx: AppContext,
  tx: AnyTx,
  line: Line,
  shares: LineShares,
  collected: bigint,
  facts: PlacementFacts,
  now: Date,
) {
  const takeBack = divideOutgoing(collected, shares)
  const c = collected_()
  const reason = `Placement fell off: ${facts.fallOffReason ?? ''}`.trim()
  const posting = await post(tx, {
    book: SPLITS_BOOK,
    idempotencyKey: `fall-off:${facts.id}:credit`,
    kind: 'credit_note.issued',
    reference: { type: 'placement', id: facts.id },
    description: `Fall-off of ${facts.candidate.name}: the paid fee becomes the company's credit`,
    effectiveAt: now,
    lines: [
      ...(await takeBackLines(ctx, tx, takeBack, line.currency, line.invoice_id, reason, now, c)),
      {
        account: account.companyCredit(line.company_id, line.currency),
        direction: 'credit',
        amount: collected,
        currency: line.currency,
      },
    ],
  })
  await recordAllocations(tx, 'credit', takeBack, {
    paymentId: null,
    postingId: posting.postingId,
    sign: -1n,
    now,
  })
  await view(tx)
    .insertInto('billing.credit_notes')
    .values({
      company_id: line.company_id,
      invoice_id: line.invoice_id,
      placement_id: facts.id,
      amount: collected,
      currency: line.currency,
      reason: `Placement fell off: ${facts.fallOffReason ?? ''}`.trim(),
      posting_id: posting.postingId,
      created_at: now,
    })
    .execute()
  await afterTakeBacks(ctx, tx, c)
  await flush(ctx, tx, c)
  await writePayoutAudit(tx, {
    entityType: 'credit_note',
    entityId: facts.id,
    action: 'credit_note.issued',
    changedByRole: 'system',
    newValue: { invoice_id: line.invoice_id, amount: collected, currency: line.currency },
    reason: facts.fallOffReason,
  })
}

/**
 * The ledger lines that take back a line's collected money: the platform's share from revenue, each
 * recruiter's from wherever it is now (holds, held, available, else a debt: see payouts/take-back.ts).
 */
async function takeBackLines(
  ctx: AppContext,
  tx: AnyTx,
  takeBack: readonly Allocation[],
  currency: string,
  invoiceId: string,
  reason: string,
  now: Date,
  c: ReturnType<typeof collected_>,
): Promise<PostingLine[]> {
  const lines = partyLines(
    takeBack.filter((a) => a.party.type === 'platform'),
    currency,
    'debit',
    invoiceId,
  )
  const recruiters = new Map<string, Allocation>()
  for (const a of takeBack) {
    if (a.party.type !== 'recruiter' || !a.party.id) continue
    const k = `${a.placementId}:${a.party.id}`
    const cur = recruiters.get(k) ?? { ...a, amount: 0n }
    cur.amount += a.amount
    recruiters.set(k, cur)
  }
  const byAccount = new Map<string, PostingLine>()
  for (const a of [...recruiters.values()].sort((x, y) => x.party.id!.localeCompare(y.party.id!))) {
    const r = await takeBackFromRecruiter(
      ctx,
      tx,
      { placementId: a.placementId, recruiterId: a.party.id!, currency, amount: a.amount, reason },
      now,
      c,
    )
    for (const l of r.lines) {
      const k = `${l.account.ownerId}:${l.account.kind}`
      const cur = byAccount.get(k)
      byAccount.set(k, cur ? { ...cur, amount: cur.amount + l.amount } : l)
    }
  }
  return [...lines, ...byAccount.values()]
}

/** Refund rows for the paid part, newest payments first; the provider is called after commit. */
async function planRefunds(tx: AnyTx, line: Line, collected: bigint, facts: PlacementFacts, now: Date) {
  const payments = await view(tx)
    .selectFrom('billing.payments')
    .select(['id', 'amount', 'amount_refunded', 'method'])
    .where('invoice_id', '=', line.invoice_id)
    .where('status', '=', 'succeeded')
    .orderBy('created_at', 'desc')
    .execute()
  const planned = await view(tx)
    .selectFrom('billing.refunds')
    .select(['payment_id', (eb) => eb.fn.sum<string>('amount').as('sum')])
    .where('status', 'in', ['pending', 'succeeded'])
    .groupBy('payment_id')
    .execute()
  const already = new Map(planned.map((p) => [p.payment_id, BigInt(p.sum)]))
  let left = collected
  const made: { payment_id: string; amount: string; method: string }[] = []
  for (const p of payments) {
    if (left === 0n) break
    const room = p.amount - (already.get(p.id) ?? 0n)
    const amount = room < left ? room : left
    if (amount <= 0n) continue
    await view(tx)
      .insertInto('billing.refunds')
      .values({
        payment_id: p.id,
        invoice_line_id: line.id,
        placement_id: facts.id,
        amount,
        reason: `Placement fell off: ${facts.fallOffReason ?? ''}`.trim(),
        status: 'pending',
        created_at: now,
        updated_at: now,
      })
      .execute()
    made.push({ payment_id: p.id, amount: amount.toString(), method: p.method })
    left -= amount
  }
  return made
}

/**
 * Sends the pending refunds of a placement through the provider (card and bank-debit payments),
 * each with its own idempotency key, and books each that succeeded. Bank-transfer refunds wait
 * for an admin to record the transfer back (`completeRefund`).
 */
export async function sendPendingRefunds(
  ctx: AppContext,
  placementId: string,
): Promise<{ sent: number; waiting: number }> {
  const pending = await inTransaction(ctx.db, systemActor('billing.refunds'), (tx) =>
    view(tx)
      .selectFrom('billing.refunds as r')
      .innerJoin('billing.payments as p', 'p.id', 'r.payment_id')
      .select(['r.id', 'r.amount', 'r.reason', 'p.method', 'p.stripe_payment_intent_id'])
      .where('r.placement_id', '=', placementId)
      .where('r.status', '=', 'pending')
      .execute(),
  )
  let sent = 0
  let waiting = 0
  for (const r of pending) {
    if (r.method !== 'card' && r.method !== 'bank_debit') {
      waiting++
      continue
    }
    const provider = ctx.services.payments
    if (!provider || !r.stripe_payment_intent_id) {
      waiting++
      continue
    }
    const result = await provider.refund({
      providerPaymentId: r.stripe_payment_intent_id,
      amount: r.amount,
      idempotencyKey: `refund:${r.id}`,
      reason: r.reason,
    })
    if (!result.ok) {
      if (result.retryable) throw new Error(`refund ${r.id}: ${result.message}`)
      await inTransaction(ctx.db, systemActor('billing.refunds'), (tx) =>
        view(tx)
          .updateTable('billing.refunds')
          .set({ status: 'failed', failure_reason: result.message, updated_at: ctx.clock.now() })
          .where('id', '=', r.id)
          .where('status', '=', 'pending')
          .execute(),
      )
      continue
    }
    await inTransaction(ctx.db, systemActor('billing.refunds'), (tx) =>
      completeRefund(ctx, tx, r.id, { providerRefundId: result.providerId, role: 'system' }),
    )
    sent++
  }
  return { sent, waiting }
}

/**
 * Books a refund that went out: the parties' shares of the line are taken back and the money leaves
 * the provider's clearing (or the bank). Once per refund.
 */
export async function completeRefund(
  ctx: AppContext,
  tx: AnyTx,
  refundId: string,
  options: { providerRefundId?: string | undefined; role: string },
): Promise<void> {
  const refund = await view(tx)
    .selectFrom('billing.refunds')
    .selectAll()
    .where('id', '=', refundId)
    .forUpdate()
    .executeTakeFirstOrThrow()
  if (refund.status !== 'pending') return
  const payment = await view(tx)
    .selectFrom('billing.payments')
    .selectAll()
    .where('id', '=', refund.payment_id)
    .forUpdate()
    .executeTakeFirstOrThrow()
  const line = await view(tx)
    .selectFrom('billing.invoice_lines')
    .select(['invoice_id'])
    .where('id', '=', refund.invoice_line_id)
    .executeTakeFirstOrThrow()
  const shares = (await lineShares(tx, line.invoice_id)).find((s) => s.lineId === refund.invoice_line_id)!
  const takeBack = divideOutgoing(refund.amount, shares)
  const now = ctx.clock.now()
  const destination =
    payment.method === 'bank_transfer'
      ? account.bank(payment.currency, payment.id)
      : account.pspClearing(payment.currency, payment.id)
  const c = collected_()
  const recruiterLines = await takeBackLines(
    ctx,
    tx,
    takeBack,
    payment.currency,
    line.invoice_id,
    refund.reason,
    now,
    c,
  )
  const posting = await post(tx, {
    book: SPLITS_BOOK,
    idempotencyKey: `refund:${refund.id}`,
    kind: 'payment.refunded',
    reference: { type: 'refund', id: refund.id },
    description: `Refund of a payment: ${refund.reason}`,
    effectiveAt: now,
    metadata: { payment_id: payment.id, placement_id: refund.placement_id },
    lines: [
      ...recruiterLines,
      { account: destination, direction: 'credit', amount: refund.amount, currency: payment.currency },
    ],
  })
  await afterTakeBacks(ctx, tx, c)
  await recordAllocations(tx, 'refund', takeBack, {
    paymentId: payment.id,
    postingId: posting.postingId,
    sign: -1n,
    now,
  })
  await view(tx)
    .updateTable('billing.refunds')
    .set({
      status: 'succeeded',
      stripe_refund_id: options.providerRefundId ?? null,
      posting_id: posting.postingId,
      updated_at: now,
    })
    .where('id', '=', refund.id)
    .execute()
  await view(tx)
    .updateTable('billing.payments')
    .set({ amount_refunded: payment.amount_refunded + refund.amount, updated_at: now })
    .where('id', '=', payment.id)
    .execute()
  await view(tx)
    .updateTable('billing.invoices')
    .set((eb) => ({
      amount_refunded: eb('amount_refunded', '+', refund.amount),
      updated_at: now,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', line.invoice_id)
    .execute()
  await flush(ctx, tx, c)
  await writePayoutAudit(tx, {
    entityType: 'refund',
    entityId: refund.id,
    action: 'refund.completed',
    changedByRole: options.role,
    oldValue: { status: 'pending' },
    newValue: { status: 'succeeded', amount: refund.amount, payment_id: payment.id, method: payment.method },
    reason: refund.reason,
  })
}
