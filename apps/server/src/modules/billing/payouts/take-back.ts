import { sql } from 'kysely'
import { fromKysely } from 'pg-boss'
import Stripe from 'stripe'
import { z } from 'zod'
import type { AppContext } from '../../../kernel/context.ts'
import type { AnyTx } from '../../../kernel/db/database.ts'
import { inTransaction, systemActor } from '../../../kernel/db/transaction.ts'
import { defineJob } from '../../../kernel/jobs/define-job.ts'
import { createHold, type PostingLine, post } from '../../ledger/index.ts'
import { account, SPLITS_BOOK } from '../book.ts'
import { stripeClientOf } from './adapters.ts'
import { type Collected, collected, failPayout, flush, type PayoutRow } from './engine.ts'
import { voidHold } from './escrow.ts'
import { insertSchedules } from './schedules.ts'
import { adjustPosition, dayOf, fellOff, type PositionKey, positionOf, view } from './shared.ts'

/**
 * Taking a recruiter's share of a placement back (a fall-off refunded or credited to the company,
 * or a split changed after money was collected) from wherever it is now — nothing is edited, every
 * step is a posting or a resolution:
 * 1. its escrow holds are cancelled first (the ledger holds voided), then that held money is taken;
 * 2. then its available money: unclaimed first, then its open schedules are cancelled (a payout
 *    not yet sent is failed, its money returned to available) and taken;
 * 3. what is left was already paid out (or is on its way): it becomes the recruiter's debt, netted
 *    against their next payouts, or recovered by a Stripe transfer reversal while their connected
 *    balance allows (`billing.recover_recruiter_debt`).
 * A partial take-back of a placement still running keeps the rest: a new hold for the holdback
 * left, a new schedule for the available money left.
 */
export interface TakeBack {
  placementId: string
  recruiterId: string
  currency: string
  amount: bigint
  reason: string
}

export interface TakeBackResult {
  lines: PostingLine[]
  fromHeld: bigint
  fromAvailable: bigint
  toDebt: bigint
}

export async function takeBackFromRecruiter(
  ctx: AppContext,
  tx: AnyTx,
  t: TakeBack,
  now: Date,
  c: Collected,
): Promise<TakeBackResult> {
  const key: PositionKey = { placementId: t.placementId, recruiterId: t.recruiterId, currency: t.currency }
  const stillRunning = !(await fellOff(tx, t.placementId))
  let remaining = t.amount
  const audit = (entry: Collected['audit'][number]) => c.audit.push(entry)

  // payouts of this money not yet sent: failed (their money back to available), schedules cancelled
  const pendingPayouts = (await view(tx)
    .selectFrom('billing.payouts')
    .selectAll()
    .where('placement_id', '=', t.placementId)
    .where('recruiter_id', '=', t.recruiterId)
    .where('currency', '=', t.currency)
    .where('status', '=', 'pending')
    .orderBy('id')
    .forUpdate()
    .execute()) as PayoutRow[]

  // 1. held: cancel the active holds, take from the free held money
  const holds = await view(tx)
    .selectFrom('billing.escrow_holds')
    .selectAll()
    .where('placement_id', '=', t.placementId)
    .where('recruiter_id', '=', t.recruiterId)
    .where('currency', '=', t.currency)
    .where('status', '=', 'active')
    .orderBy('release_scheduled_date', 'desc')
    .orderBy('id')
    .forUpdate()
    .execute()
  let voided = 0n
  const releaseDate = holds[0]?.release_scheduled_date
  for (const h of holds) {
    audit(await voidHold(tx, h, { reason: t.reason, role: 'system', now }))
    voided += h.hold_amount
  }
  const position = await positionOf(tx, key, true)
  const heldFree = position?.held_free ?? 0n
  const fromHeld = remaining < heldFree ? remaining : heldFree
  remaining -= fromHeld
  let heldLeft = heldFree - fromHeld

  // 2. available: unclaimed money, then open schedules (and payouts not sent yet)
  for (const p of pendingPayouts) {
    await failPayout(ctx, tx, p, `Taken back: ${t.reason}`, now, 'system', c, { cancelSchedules: t.reason })
  }
  const cancelled = await view(tx)
    .updateTable('billing.payout_schedules')
    .set((eb) => ({
      status: 'failed',
      cancelled_at: now,
      cancellation_reason: t.reason,
      failure_reason: `Taken back: ${t.reason}`,
      next_attempt_at: null,
      updated_at: now,
      version: eb('version', '+', 1),
    }))
    .where('placement_id', '=', t.placementId)
    .where('recruiter_id', '=', t.recruiterId)
    .where('currency', '=', t.currency)
    .where('cancelled_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'pending'), eb('payout_id', 'is', null)]),
        eb.and([
          eb('status', '=', 'failed'),
          eb.or([
            eb('payout_id', 'is', null),
            eb.exists(
              eb
                .selectFrom('billing.payouts as p')
                .select('p.id')
                .where(sql<boolean>`p.id = billing.payout_schedules.payout_id`)
                .where('p.status', '=', 'failed'),
            ),
          ]),
        ]),
      ]),
    )
    .returning(['id', 'amount', 'status'])
    .execute()
  for (const s of cancelled) {
    audit({
      entityType: 'payout_schedule',
      entityId: s.id,
      action: 'payout_schedule.cancelled',
      changedByRole: 'system',
      newValue: { status: 'failed', cancelled: true, amount: s.amount },
      reason: t.reason,
    })
  }
  // money of the payouts just failed was claimed by their (now cancelled) schedules
  const fromPayouts = pendingPayouts.reduce((sum, p) => sum + p.gross_amount, 0n)
  const pool = (position?.unscheduled ?? 0n) + cancelled.reduce((sum, s) => sum + s.amount, 0n) + fromPayouts
  const fromAvailable = remaining < pool ? remaining : pool
  remaining -= fromAvailable
  let availableLeft = pool - fromAvailable

  // 3. the rest was paid out (or is on its way): a debt
  const toDebt = remaining

  // the position: what was free before is now taken or left
  await adjustPosition(
    tx,
    key,
    {
      held_free: -fromHeld,
      unscheduled: -(position?.unscheduled ?? 0n),
      debt: toDebt,
      taken_back: t.amount,
    },
    now,
  )
  // a placement still running keeps what was not taken: held again, scheduled again
  if (stillRunning && heldLeft > 0n && voided > 0n) {
    const again = heldLeft < voided ? heldLeft : voided
    const { holdId } = await createHold(tx, {
      book: SPLITS_BOOK,
      idempotencyKey: `takeback:${t.placementId}:${t.recruiterId}:${now.getTime()}:rehold`,
      from: account.recruiterHeld(t.recruiterId, t.currency),
      to: account.recruiterAvailable(t.recruiterId, t.currency),
      amount: again,
      currency: t.currency,
      reference: { type: 'placement', id: t.placementId },
      description: `Holdback left after a take-back (${t.reason})`.slice(0, 500),
      expiresAt: null,
      metadata: { placement_id: t.placementId, recruiter_id: t.recruiterId },
    })
    const row = await view(tx)
      .insertInto('billing.escrow_holds')
      .values({
        placement_id: t.placementId,
        recruiter_id: t.recruiterId,
        hold_amount: again,
        currency: t.currency,
        holdback_bps: holds[0]?.holdback_bps ?? 0,
        hold_reason: 'remainder',
        held_at: now,
        release_scheduled_date: releaseDate ?? dayOf(now),
        ledger_hold_id: holdId,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await adjustPosition(tx, key, { held_free: -again }, now)
    heldLeft -= again
    audit({
      entityType: 'escrow_hold',
      entityId: row.id,
      action: 'escrow_hold.created',
      changedByRole: 'system',
      newValue: { status: 'active', hold_amount: again, hold_reason: 'remainder' },
      reason: t.reason,
    })
  }
  if (availableLeft > 0n) {
    if (stillRunning) {
      c.audit.push(
        ...(await insertSchedules(
          tx,
          [
            {
              placementId: t.placementId,
              recruiterId: t.recruiterId,
              amount: availableLeft,
              currency: t.currency,
              scheduledDate: dayOf(now),
              guaranteeCompletionDate: null,
              triggerEvent: 'reallocation',
              escrowHoldId: null,
              createdBy: null,
            },
          ],
          now,
          'system',
        )),
      )
    } else {
      await adjustPosition(tx, key, { unscheduled: availableLeft }, now)
    }
    availableLeft = 0n
  }
  const lines: PostingLine[] = []
  if (fromHeld > 0n)
    lines.push({
      account: account.recruiterHeld(t.recruiterId, t.currency),
      direction: 'debit',
      amount: fromHeld,
      currency: t.currency,
    })
  if (fromAvailable > 0n)
    lines.push({
      account: account.recruiterAvailable(t.recruiterId, t.currency),
      direction: 'debit',
      amount: fromAvailable,
      currency: t.currency,
    })
  if (toDebt > 0n) {
    lines.push({
      account: account.recruiterDebt(t.recruiterId, t.currency),
      direction: 'debit',
      amount: toDebt,
      currency: t.currency,
    })
    c.debts.push(t.recruiterId)
  }
  audit({
    entityType: 'placement',
    entityId: t.placementId,
    action: 'recruiter_share.taken_back',
    changedByRole: 'system',
    newValue: {
      recruiter_id: t.recruiterId,
      amount: t.amount,
      from_held: fromHeld,
      from_available: fromAvailable,
      to_debt: toDebt,
      holds_cancelled: holds.length,
      schedules_cancelled: cancelled.length,
      payouts_cancelled: pendingPayouts.length,
    },
    reason: t.reason,
  })
  return { lines, fromHeld, fromAvailable, toDebt }
}

/** Enqueues debt recovery (transfer reversals) for recruiters who got a debt in this transaction. */
export async function afterTakeBacks(ctx: AppContext, tx: AnyTx, c: Collected) {
  if (!stripeClientOf(ctx)) return
  for (const recruiterId of new Set(c.debts)) {
    await ctx.jobs.enqueue(RECOVER_DEBT_JOB, { recruiter_id: recruiterId }, { db: fromKysely(view(tx)) })
  }
}

/**
 * Money that comes back to a recruiter's available balance (a failed bank payout) pays what they
 * owe first. Returns what is left for a new schedule.
 */
export async function netReturnedMoney(
  tx: AnyTx,
  key: PositionKey,
  amount: bigint,
  now: Date,
  idempotencyKey: string,
  c: Collected,
): Promise<bigint> {
  const debts = await view(tx)
    .selectFrom('billing.payout_positions')
    .selectAll()
    .where('recruiter_id', '=', key.recruiterId)
    .where('currency', '=', key.currency)
    .where('debt', '>', 0n)
    .orderBy('placement_id')
    .forUpdate()
    .execute()
  let netted = 0n
  for (const d of debts) {
    const take = d.debt < amount - netted ? d.debt : amount - netted
    if (take <= 0n) break
    netted += take
    await adjustPosition(
      tx,
      { placementId: d.placement_id, recruiterId: key.recruiterId, currency: key.currency },
      { debt: -take, debt_netted: take },
      now,
    )
  }
  if (netted > 0n) {
    await post(tx, {
      book: SPLITS_BOOK,
      idempotencyKey: `${idempotencyKey}:netted`,
      kind: 'payout.debt_netted',
      reference: { type: 'recruiter', id: key.recruiterId },
      description: 'Returned money pays what the recruiter owes',
      effectiveAt: now,
      metadata: { placement_id: key.placementId, recruiter_id: key.recruiterId },
      lines: [
        {
          account: account.recruiterAvailable(key.recruiterId, key.currency),
          direction: 'debit',
          amount: netted,
          currency: key.currency,
        },
        {
          account: account.recruiterDebt(key.recruiterId, key.currency),
          direction: 'credit',
          amount: netted,
          currency: key.currency,
        },
      ],
    })
    c.audit.push({
      entityType: 'payout',
      entityId: idempotencyKey.split(':')[1] ?? key.recruiterId,
      action: 'payout.debt_netted',
      changedByRole: 'system',
      newValue: { recruiter_id: key.recruiterId, netted },
    })
  }
  return amount - netted
}

export const RECOVER_DEBT_JOB = 'billing.recover_recruiter_debt'

/**
 * A recruiter's debt, recovered by reversing their latest transfers while their connected balance
 * allows (Stripe refuses a reversal the balance cannot cover: then netting does it, later).
 */
export const recoverDebtJob = defineJob({
  name: RECOVER_DEBT_JOB,
  description: 'Recover what a recruiter owes by reversing their transfers while their Stripe balance allows',
  payload: z.object({ recruiter_id: z.uuid() }),
  retry: { limit: 3, delaySeconds: 60, backoff: true },
  timeoutSeconds: 300,
  concurrency: 1,
  handler: (payload, ctx: AppContext) => recoverDebtByReversal(ctx, payload.recruiter_id),
})

export async function recoverDebtByReversal(ctx: AppContext, recruiterId: string) {
  const client = stripeClientOf(ctx)
  if (!client) return { recovered: '0', reason: 'Stripe is not configured' }
  const state = await inTransaction(ctx.db, systemActor('billing.debts'), async (tx) => {
    const debt = await view(tx)
      .selectFrom('billing.payout_positions')
      .select(['currency', (eb) => eb.fn.sum<string>('debt').as('debt')])
      .where('recruiter_id', '=', recruiterId)
      .where('debt', '>', 0n)
      .groupBy('currency')
      .execute()
    const transfers = await view(tx)
      .selectFrom('billing.payouts')
      .select(['id', 'stripe_transfer_id', 'amount', 'currency'])
      .where('recruiter_id', '=', recruiterId)
      .where('status', '=', 'completed')
      .where('stripe_transfer_id', 'is not', null)
      .orderBy('completed_at', 'desc')
      .limit(20)
      .execute()
    return { debt, transfers }
  })
  let recovered = 0n
  for (const { currency, debt } of state.debt) {
    let owed = BigInt(debt)
    for (const t of state.transfers.filter((x) => x.currency === currency)) {
      if (owed <= 0n) break
      let reversible: bigint
      try {
        const tr = await client.transfers.retrieve(t.stripe_transfer_id!)
        reversible = BigInt(tr.amount - tr.amount_reversed)
      } catch {
        break
      }
      const amount = owed < reversible ? owed : reversible
      if (amount <= 0n) continue
      let reversalId: string
      try {
        const r = await client.transfers.createReversal(
          t.stripe_transfer_id!,
          { amount: Number(amount), metadata: { reason: 'recruiter debt', recruiter_id: recruiterId } },
          { idempotencyKey: `recover:${t.id}:${amount}:${owed}` },
        )
        reversalId = r.id
      } catch (err) {
        // the connected balance does not allow it (already paid out to the bank): netting will do
        if (err instanceof Stripe.errors.StripeError && (err.statusCode ?? 500) < 500) break
        throw err
      }
      await inTransaction(ctx.db, systemActor('billing.debts'), async (tx) => {
        const now = ctx.clock.now()
        const c = collected()
        const positions = await view(tx)
          .selectFrom('billing.payout_positions')
          .selectAll()
          .where('recruiter_id', '=', recruiterId)
          .where('currency', '=', currency)
          .where('debt', '>', 0n)
          .orderBy('placement_id')
          .forUpdate()
          .execute()
        let left = amount
        for (const p of positions) {
          const take = p.debt < left ? p.debt : left
          if (take <= 0n) break
          left -= take
          await adjustPosition(
            tx,
            { placementId: p.placement_id, recruiterId, currency },
            { debt: -take, debt_recovered: take },
            now,
          )
        }
        const applied = amount - left
        if (applied > 0n) {
          await post(tx, {
            book: SPLITS_BOOK,
            idempotencyKey: `recover:${reversalId}`,
            kind: 'payout.debt_recovered',
            reference: { type: 'payout', id: t.id },
            description: `What the recruiter owed, recovered by reversing transfer ${t.stripe_transfer_id}`,
            effectiveAt: now,
            metadata: { recruiter_id: recruiterId, reversal_id: reversalId },
            lines: [
              {
                account: account.recruiterPaid(recruiterId, currency),
                direction: 'debit',
                amount: applied,
                currency,
              },
              {
                account: account.recruiterDebt(recruiterId, currency),
                direction: 'credit',
                amount: applied,
                currency,
              },
            ],
          })
          c.audit.push({
            entityType: 'payout',
            entityId: t.id,
            action: 'payout.debt_recovered',
            changedByRole: 'system',
            newValue: { recruiter_id: recruiterId, recovered: applied, reversal_id: reversalId },
          })
        }
        await flush(ctx, tx, c)
      })
      recovered += amount
      owed -= amount
    }
  }
  return { recovered: recovered.toString() }
}
