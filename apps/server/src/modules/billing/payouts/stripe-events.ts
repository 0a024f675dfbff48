import { fromKysely } from 'pg-boss'
import Stripe from 'stripe'
import { z } from 'zod'
import type { AppContext } from '../../../kernel/context.ts'
import type { AnyTx } from '../../../kernel/db/database.ts'
import { inTransaction, systemActor } from '../../../kernel/db/transaction.ts'
import { defineJob } from '../../../kernel/jobs/define-job.ts'
import { post } from '../../ledger/index.ts'
import { account, SPLITS_BOOK } from '../book.ts'
import { writePayoutAudits } from '../payout-audit.ts'
import { onStripeEvent, type StripeEventRow } from '../webhooks.ts'
import { classifyStripeError, stripeClientOf } from './adapters.ts'
import { applyAccountFields, type ConnectRow, onAccountReadinessChange, readinessOf } from './connect.ts'
import {
  BANK_PAYOUT_JOB,
  collected,
  flush,
  type PayoutRow,
  processDueSchedules,
  totalsToWire,
} from './engine.ts'
import { money } from './notices.ts'
import { unpark } from './payouts.ts'
import { insertSchedules } from './schedules.ts'
import { dayOf, payoutKey, view } from './shared.ts'
import { netReturnedMoney } from './take-back.ts'

/**
 * What Stripe tells us about connected accounts and their bank payouts:
 * - `account.updated` keeps `billing.connect_accounts` in sync; when an account becomes able to
 *   receive money, its parked payouts resume by themselves (and payouts run for that recruiter);
 *   when it stops being able to, the recruiter is told why and what to do.
 * - Each completed transfer is followed by a bank payout on the connected account (the platform
 *   controls Express payouts: one per transfer, so each `payout.*` event names our payout).
 *   `payout.paid` records it; `payout.failed` — also after `paid`, as banks return payouts days
 *   later — reverses the transfer (the money comes back to the platform), returns the money to the
 *   recruiter's available balance with a schedule that waits for their account to be fixed, fails
 *   the payout, and tells them. Every step is idempotent: redelivered or out-of-order events do
 *   nothing twice.
 */
export const PROCESS_RECRUITER_PAYOUTS_JOB = 'billing.process_recruiter_payouts'

export function registerPayoutStripeEvents(): void {
  onStripeEvent('account.updated', onAccountUpdated)
  for (const type of ['payout.paid', 'payout.failed', 'payout.updated', 'payout.canceled']) {
    onStripeEvent(type, onBankPayoutEvent)
  }
  onAccountReadinessChange(afterReadinessChange)
}

async function onAccountUpdated(ctx: AppContext, event: StripeEventRow) {
  const payload = event.payload as { created?: number; data?: { object?: Stripe.Account } }
  const object = payload.data?.object
  if (!object?.id) return 'no account'
  return inTransaction(ctx.db, systemActor('billing.connect'), async (tx) => {
    const { changed, row } = await applyAccountFields(ctx, tx, object.id, object, payload.created ?? null)
    if (!row) return 'unknown account'
    if (changed) await afterReadinessChange(ctx, tx, row)
    return readinessOf(row).code
  })
}

/**
 * An account's readiness changed: if it can receive money now, its parked payouts and the
 * schedules waiting for it resume, and a payout run for the recruiter is queued; if it cannot,
 * the recruiter hears why and what to do.
 */
async function afterReadinessChange(ctx: AppContext, tx: AnyTx, row: ConnectRow) {
  const readiness = readinessOf(row)
  const now = ctx.clock.now()
  const c = collected()
  if (readiness.can_receive_payouts) {
    const parked = await view(tx)
      .selectFrom('billing.payouts')
      .selectAll()
      .where('recruiter_id', '=', row.recruiter_id)
      .where('parked_code', '=', 'account')
      .forUpdate()
      .execute()
    for (const p of parked)
      await unpark(tx, p, now, 'system', c, 'The payout account can receive money again')
    // money a failed bank payout returned: its schedules waited for the account to be fixed
    const waiting = await view(tx)
      .updateTable('billing.payout_schedules')
      .set((eb) => ({
        status: 'pending',
        failure_reason: null,
        next_attempt_at: null,
        updated_at: now,
        version: eb('version', '+', 1),
      }))
      .where('recruiter_id', '=', row.recruiter_id)
      .where('status', '=', 'failed')
      .where('cancelled_at', 'is', null)
      .where('payout_id', 'is', null)
      .where('trigger_event', '=', 'payout_returned')
      .returning('id')
      .execute()
    for (const s of waiting) {
      c.audit.push({
        entityType: 'payout_schedule',
        entityId: s.id,
        action: 'payout_schedule.resumed',
        changedByRole: 'system',
        newValue: { status: 'pending' },
        reason: 'The payout account can receive money again',
      })
    }
    if (parked.length || waiting.length) {
      await ctx.jobs.enqueue(
        PROCESS_RECRUITER_PAYOUTS_JOB,
        { recruiter_id: row.recruiter_id },
        { db: fromKysely(view(tx)) },
      )
    }
  } else {
    c.notices.push({
      kind: 'payout.account_action_needed',
      recruiterId: row.recruiter_id,
      sourceName: `connect:${row.stripe_account_id}:${readiness.code}:${row.version}`,
      title: 'Your payout account needs attention',
      body: `${readiness.message} ${readiness.next_step.label}.`,
      link: '/splits/earnings',
    })
  }
  await flush(ctx, tx, c)
}

/** Payouts of one recruiter, now (after their account was fixed). */
export const processRecruiterPayoutsJob = defineJob({
  name: PROCESS_RECRUITER_PAYOUTS_JOB,
  description: 'Send a recruiter’s due and resumed payouts now (after their payout account was fixed)',
  payload: z.object({ recruiter_id: z.uuid() }),
  retry: { limit: 5, delaySeconds: 30, backoff: true, maxDelaySeconds: 1800 },
  timeoutSeconds: 600,
  concurrency: 1,
  handler: async (payload, ctx: AppContext) => {
    return totalsToWire(await processDueSchedules(ctx, { filter: { recruiterId: payload.recruiter_id } }))
  },
})

// ---------------------------------------------------------------------------------------------
// Bank payouts on connected accounts
// ---------------------------------------------------------------------------------------------

/**
 * After transfers: a bank payout on each connected account, one per transfer, with its own key
 * (`payout:<id>:bank`). Refusals that will not pass (payouts disabled) are recorded; passing ones
 * (the funds are still pending, Stripe did not answer) retry the job.
 */
export const sendBankPayoutsJob = defineJob({
  name: BANK_PAYOUT_JOB,
  description:
    'Pay completed transfers out to the recruiters’ bank accounts (a Stripe payout on each connected account)',
  payload: z.object({ payout_ids: z.array(z.uuid()).min(1).max(1000) }),
  retry: { limit: 10, delaySeconds: 5, backoff: true, maxDelaySeconds: 3600 },
  timeoutSeconds: 600,
  concurrency: 1,
  handler: async (payload, ctx: AppContext) => sendBankPayouts(ctx, payload.payout_ids),
})

export async function sendBankPayouts(ctx: AppContext, ids: readonly string[]) {
  const client = stripeClientOf(ctx)
  if (!client) return { skipped: 'Stripe is not configured' }
  const rows = await inTransaction(ctx.db, systemActor('billing.payouts'), (tx) =>
    view(tx)
      .selectFrom('billing.payouts')
      .selectAll()
      .where('id', 'in', [...ids])
      .where('status', '=', 'completed')
      .where('stripe_payout_id', 'is', null)
      .where('stripe_connect_account_id', 'is not', null)
      .execute(),
  )
  let sent = 0
  let refused = 0
  let retry: string | null = null
  for (const p of rows) {
    try {
      const payout = await client.payouts.create(
        {
          amount: Number(p.amount),
          currency: p.currency.toLowerCase(),
          description: `Splits Network payout ${p.id.slice(0, 8)}`,
          metadata: { payout_id: p.id, placement_id: p.placement_id },
        },
        { stripeAccount: p.stripe_connect_account_id!, idempotencyKey: `${payoutKey(p.id)}:bank` },
      )
      await inTransaction(ctx.db, systemActor('billing.payouts'), async (tx) => {
        await view(tx)
          .updateTable('billing.payouts')
          .set({ stripe_payout_id: payout.id, updated_at: ctx.clock.now() })
          .where('id', '=', p.id)
          .where('stripe_payout_id', 'is', null)
          .execute()
        // the event may have come first
        await setBankStatus(ctx, tx, p.id, payout.status as BankStatus, null)
      })
      sent++
    } catch (err) {
      const kind = classifyStripeError(err)
      if (kind.kind === 'temporary') {
        retry = kind.message
        continue
      }
      refused++
      ctx.log.warn(
        { payout: p.id, err: kind.message },
        'bank payout refused; the money stays on the recruiter’s Stripe balance',
      )
    }
  }
  if (retry) throw new Error(`some bank payouts will be tried again: ${retry}`)
  return { sent, refused }
}

type BankStatus = 'pending' | 'in_transit' | 'paid' | 'failed' | 'canceled'

async function setBankStatus(
  ctx: AppContext,
  tx: AnyTx,
  payoutId: string,
  status: BankStatus,
  code: string | null,
) {
  const p = await view(tx)
    .selectFrom('billing.payouts')
    .select(['id', 'bank_payout_status'])
    .where('id', '=', payoutId)
    .forUpdate()
    .executeTakeFirst()
  if (!p) return false
  // failed and canceled are final; a late `paid` (out of order) does not undo them
  if (p.bank_payout_status === 'failed' || p.bank_payout_status === 'canceled') return false
  if (p.bank_payout_status === status) return false
  // events arrive in any order: a late `in_transit` (or `pending`) never moves a payout back
  const rank: Record<string, number> = { pending: 0, in_transit: 1, paid: 2 }
  const now = p.bank_payout_status ? rank[p.bank_payout_status] : undefined
  const next = rank[status]
  if (now !== undefined && next !== undefined && next < now) return false
  await view(tx)
    .updateTable('billing.payouts')
    .set({ bank_payout_status: status, bank_failure_code: code, updated_at: ctx.clock.now() })
    .where('id', '=', payoutId)
    .execute()
  return true
}

async function onBankPayoutEvent(ctx: AppContext, event: StripeEventRow) {
  const object = (event.payload as { data?: { object?: Stripe.Payout } }).data?.object
  if (!object?.id) return 'no payout'
  const payoutId = object.metadata?.payout_id
  const row = await inTransaction(ctx.db, systemActor('billing.payouts'), async (tx) => {
    let q = view(tx).selectFrom('billing.payouts').selectAll()
    q = payoutId
      ? q.where((eb) => eb.or([eb('id', '=', payoutId), eb('stripe_payout_id', '=', object.id)]))
      : q.where('stripe_payout_id', '=', object.id)
    const p = await q.executeTakeFirst()
    if (!p) return undefined
    if (p.stripe_connect_account_id && event.account && p.stripe_connect_account_id !== event.account) {
      ctx.log.warn(
        { payout: p.id, event: event.id },
        'payout event from another account than the payout’s: ignored',
      )
      return undefined
    }
    if (!p.stripe_payout_id) {
      await view(tx)
        .updateTable('billing.payouts')
        .set({ stripe_payout_id: object.id })
        .where('id', '=', p.id)
        .execute()
    }
    if (object.status !== 'failed') {
      // `payout.paid` and `payout.updated` both say paid: one audit row for one change
      if (await setBankStatus(ctx, tx, p.id, object.status as BankStatus, null))
        await writeBankAudit(tx, p, event.type, object.status)
    }
    return p
  })
  if (!row) return 'not ours'
  // `payout.failed`, or a `payout.updated` that says failed (whichever comes first): once
  if (object.status !== 'failed') return object.status
  return returnFailedBankPayout(
    ctx,
    row,
    object.failure_code ?? 'could_not_process',
    object.failure_message ?? null,
  )
}

async function writeBankAudit(tx: AnyTx, p: PayoutRow, type: string, status: string) {
  await writePayoutAudits(tx, [
    {
      entityType: 'payout',
      entityId: p.id,
      action: `payout.bank_${status}`,
      changedByRole: 'system',
      oldValue: { bank_payout_status: p.bank_payout_status },
      newValue: { bank_payout_status: status, event: type },
    },
  ])
}

/**
 * A bank payout failed (maybe after it was `paid`): reverse the transfer with its own key, then
 * return the money to the recruiter's available balance (netting what they owe), with a schedule
 * that waits for their account to be fixed; the payout fails; the recruiter is told. Once.
 */
export async function returnFailedBankPayout(
  ctx: AppContext,
  p: PayoutRow,
  code: string,
  message: string | null,
) {
  if (p.return_posting_id) return 'already returned'
  if (p.status !== 'completed' || !p.stripe_transfer_id) return `payout is ${p.status}`
  const client = stripeClientOf(ctx)
  if (!client) throw new Error('Stripe is not configured: cannot reverse the transfer')
  // the money came back to the connected account; take it back to the platform
  try {
    await client.transfers.createReversal(
      p.stripe_transfer_id,
      { amount: Number(p.amount), metadata: { payout_id: p.id, reason: `bank payout failed: ${code}` } },
      { idempotencyKey: `${payoutKey(p.id)}:reversal` },
    )
  } catch (err) {
    if (!(err instanceof Stripe.errors.StripeError && err.code === 'transfer_already_reversed')) throw err
  }
  return inTransaction(ctx.db, systemActor('billing.payouts'), async (tx) => {
    const now = ctx.clock.now()
    const locked = await view(tx)
      .selectFrom('billing.payouts')
      .selectAll()
      .where('id', '=', p.id)
      .forUpdate()
      .executeTakeFirstOrThrow()
    if (locked.return_posting_id) return 'already returned'
    const { postingId } = await post(tx, {
      book: SPLITS_BOOK,
      idempotencyKey: `${payoutKey(p.id)}:bank-returned`,
      kind: 'payout.bank_returned',
      reference: { type: 'payout', id: p.id },
      description: `Bank payout failed (${code}): the transfer was reversed and the money is the recruiter’s available balance again`,
      effectiveAt: now,
      metadata: { placement_id: p.placement_id, recruiter_id: p.recruiter_id, failure_code: code },
      lines: [
        {
          account: account.recruiterPaid(p.recruiter_id, p.currency),
          direction: 'debit',
          amount: p.amount,
          currency: p.currency,
        },
        {
          account: account.recruiterAvailable(p.recruiter_id, p.currency),
          direction: 'credit',
          amount: p.amount,
          currency: p.currency,
        },
      ],
    })
    await view(tx)
      .updateTable('billing.payouts')
      .set({
        status: 'failed',
        bank_payout_status: 'failed',
        bank_failure_code: code,
        failed_at: now,
        failure_reason: `Bank payout failed: ${message ?? code}`,
        return_posting_id: postingId,
        updated_at: now,
        version: locked.version + 1,
      })
      .where('id', '=', p.id)
      .execute()
    const c = collected()
    const rest = await netReturnedMoney(
      tx,
      { placementId: p.placement_id, recruiterId: p.recruiter_id, currency: p.currency },
      p.amount,
      now,
      `${payoutKey(p.id)}:bank-returned`,
      c,
    )
    if (rest > 0n) {
      c.audit.push(
        ...(await insertSchedules(
          tx,
          [
            {
              placementId: p.placement_id,
              recruiterId: p.recruiter_id,
              amount: rest,
              currency: p.currency,
              scheduledDate: dayOf(now),
              guaranteeCompletionDate: null,
              triggerEvent: 'payout_returned',
              escrowHoldId: null,
              createdBy: null,
              parkedReason: `Your bank returned a payout (${code}): update your bank account in Stripe; we pay it again once your account is updated`,
            },
          ],
          now,
          'system',
        )),
      )
    }
    c.audit.push({
      entityType: 'payout',
      entityId: p.id,
      action: 'payout.bank_failed',
      changedByRole: 'system',
      oldValue: { status: 'completed', bank_payout_status: locked.bank_payout_status },
      newValue: { status: 'failed', returned: p.amount, failure_code: code, rescheduled: rest },
      reason: message ?? code,
    })
    c.notices.push({
      kind: 'payout.returned',
      recruiterId: p.recruiter_id,
      sourceName: `payout:${p.id}:bank-failed`,
      title: `Your bank returned a payout of ${money(p.amount, p.currency)}`,
      body: `${message ?? code}. The money is back in your available balance. Update your bank account in Stripe; we pay it again once your account is updated.`,
      link: '/splits/earnings',
    })
    await flush(ctx, tx, c)
    return 'returned'
  })
}
