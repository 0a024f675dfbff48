import type { AppContext } from '../../../kernel/context.ts'
import type { AnyTx } from '../../../kernel/db/database.ts'
import { asSystem } from '../../../kernel/db/transaction.ts'
import { AppError } from '../../../kernel/errors.ts'
import { createHold, reverse } from '../../ledger/index.ts'
import { account, SPLITS_BOOK } from '../book.ts'
import { type PayoutAuditEntry, writePayoutAudits } from '../payout-audit.ts'
import { findDueReleases, lockHold, releaseHold } from './escrow.ts'
import { money, tellRecruiters } from './notices.ts'
import { dayOf, view } from './shared.ts'

/** An escrow hold whose guarantee has ended and which is still held, as automation rules see it. */
export interface GuaranteeEnded {
  hold_id: string
  placement_id: string
  recruiter_id: string
  amount: string
  currency: string
  guarantee_ends_on: string
  days_since_guarantee_end: number
}

/** Holds due for release (guarantee over, no fall-off): the scheduled automation's source. */
export async function guaranteeEndedHolds(anyTx: AnyTx, now: Date, limit = 5000): Promise<GuaranteeEnded[]> {
  const rows = await asSystem(anyTx, 'billing.automation_facts', () =>
    findDueReleases(anyTx, dayOf(now), limit),
  )
  return rows.map((h) => ({
    hold_id: h.id,
    placement_id: h.placement_id,
    recruiter_id: h.recruiter_id,
    amount: String(h.hold_amount),
    currency: h.currency,
    guarantee_ends_on: h.release_scheduled_date,
    days_since_guarantee_end: Math.floor(
      (Date.parse(`${dayOf(now)}T00:00:00Z`) - Date.parse(`${h.release_scheduled_date}T00:00:00Z`)) /
        86_400_000,
    ),
  }))
}

/**
 * Releases a hold through billing's own command (ledger posting, payout schedule, audit, the
 * recruiter told): the payout is then triggered by the next payout run. A second release is a 409.
 */
export async function releaseHoldFor(
  ctx: AppContext,
  tx: AnyTx,
  holdId: string,
  actor: { userId: string; role: string },
): Promise<void> {
  await asSystem(tx, 'billing.automation_release', () =>
    releaseHold(ctx, tx, holdId, { by: actor.userId, role: actor.role, now: ctx.clock.now() }),
  )
}

/**
 * Undoes a release (automation's undo): the money is held again, as before the release. An escrow
 * hold resolves once and its terms never change (the database refuses `released → active`), so the
 * released row stays as the history of the release and a **new escrow hold** takes its place with
 * the same terms (placement, recruiter, payment, amount, rate, reason, `release_scheduled_date`),
 * under a new ledger hold. In one transaction, under the released hold's row lock: the payout
 * schedule the release made is cancelled while it waits (once the payout run has taken it → 409
 * `invalid_state_transition`, nothing changed); the release posting is reversed (available → held:
 * a mirror posting, never an edit; once per posting, so a second undo is a 409); the new ledger
 * hold reserves the money (held → available); the new escrow hold is inserted `active`. Payout
 * audit, written last: the schedule's cancellation, `escrow_hold.release_undone` on the released
 * row (naming the new hold) and `escrow_hold.created` for the new one (naming the row it replaces).
 * The recruiter's position is unchanged (the money goes from claimed-by-a-schedule back under a hold).
 */
export async function reholdReleasedHold(
  ctx: AppContext,
  tx: AnyTx,
  holdId: string,
  reason: string,
): Promise<{
  /** the new escrow hold, `active` */
  holdId: string
  ledgerHoldId: string
  reversalPostingId: string
  scheduleId: string
  amount: string
  currency: string
}> {
  return asSystem(tx, 'billing.automation_release_undo', async () => {
    const now = ctx.clock.now()
    const hold = await lockHold(tx, holdId)
    if (hold.status !== 'released' || !hold.release_posting_id) {
      throw new AppError('invalid_state_transition', `This escrow hold is ${hold.status}, not released`, {
        meta: { status: hold.status },
      })
    }
    const s = await view(tx)
      .selectFrom('billing.payout_schedules')
      .selectAll()
      .where('escrow_hold_id', '=', holdId)
      .where('trigger_event', '=', 'guarantee_complete')
      .where('cancelled_at', 'is', null)
      .orderBy('created_at', 'desc')
      .forUpdate()
      .executeTakeFirst()
    if (!s)
      throw new AppError('invalid_state_transition', 'The release has no payout schedule left to cancel')
    if (s.payout_id || s.status === 'processing' || s.status === 'processed') {
      throw new AppError(
        'invalid_state_transition',
        `The payout run has taken this release (schedule ${s.status}${s.payout_id ? `, payout ${s.payout_id}` : ''}); the money is no longer held back`,
        { meta: { status: s.status } },
      )
    }
    await view(tx)
      .updateTable('billing.payout_schedules')
      .set({
        status: 'failed',
        cancelled_at: now,
        cancellation_reason: reason,
        failure_reason: `Cancelled: ${reason}`,
        updated_at: now,
        version: s.version + 1,
      })
      .where('id', '=', s.id)
      .execute()
    const reversal = await reverse(tx, hold.release_posting_id, {
      idempotencyKey: `escrow:${hold.id}:release_undone:${hold.ledger_hold_id}`,
      reason,
      effectiveAt: now,
    })
    if (reversal.replayed) {
      throw new AppError('invalid_state_transition', 'This release was already undone')
    }
    const { holdId: ledgerHoldId } = await createHold(tx, {
      book: SPLITS_BOOK,
      idempotencyKey: `escrow:${hold.id}:reheld`,
      from: account.recruiterHeld(hold.recruiter_id, hold.currency),
      to: account.recruiterAvailable(hold.recruiter_id, hold.currency),
      amount: hold.hold_amount,
      currency: hold.currency,
      reference: { type: 'placement', id: hold.placement_id },
      description: `Holdback held again (release undone) until the guarantee ends on ${hold.release_scheduled_date}`,
      expiresAt: null,
      metadata: {
        placement_id: hold.placement_id,
        recruiter_id: hold.recruiter_id,
        payment_id: hold.payment_id,
        replaces_escrow_hold_id: hold.id,
      },
    })
    const row = await view(tx)
      .insertInto('billing.escrow_holds')
      .values({
        placement_id: hold.placement_id,
        recruiter_id: hold.recruiter_id,
        payment_id: hold.payment_id,
        hold_amount: hold.hold_amount,
        currency: hold.currency,
        holdback_bps: hold.holdback_bps,
        hold_reason: hold.hold_reason,
        held_at: now,
        release_scheduled_date: hold.release_scheduled_date,
        ledger_hold_id: ledgerHoldId,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const audit: PayoutAuditEntry[] = [
      {
        entityType: 'payout_schedule',
        entityId: s.id,
        action: 'payout_schedule.cancelled',
        changedByRole: 'platform_admin',
        oldValue: { status: s.status },
        newValue: { status: 'failed', cancelled: true },
        reason,
      },
      {
        entityType: 'escrow_hold',
        entityId: hold.id,
        action: 'escrow_hold.release_undone',
        changedByRole: 'platform_admin',
        oldValue: { status: 'released', release_posting_id: hold.release_posting_id },
        newValue: { held_again_as: row.id, reversal_posting_id: reversal.postingId },
        reason,
      },
      {
        entityType: 'escrow_hold',
        entityId: row.id,
        action: 'escrow_hold.created',
        changedByRole: 'platform_admin',
        newValue: {
          status: 'active',
          placement_id: hold.placement_id,
          recruiter_id: hold.recruiter_id,
          hold_amount: hold.hold_amount,
          holdback_bps: hold.holdback_bps,
          release_scheduled_date: hold.release_scheduled_date,
          payment_id: hold.payment_id,
          replaces_hold_id: hold.id,
        },
        reason,
      },
    ]
    await writePayoutAudits(tx, audit)
    // the recruiter was told the money was theirs: they hear it is held again, and why
    await tellRecruiters(ctx, tx, [
      {
        kind: 'escrow.release_undone',
        recruiterId: hold.recruiter_id,
        sourceName: `escrow:${hold.id}:release_undone`,
        title: `${money(hold.hold_amount, hold.currency)} is held again`,
        body: `An admin undid the release of this money. It stays held until the guarantee ends on ${hold.release_scheduled_date} and is released to you then.`,
        link: '/splits/earnings',
      },
    ])
    return {
      holdId: row.id,
      ledgerHoldId,
      reversalPostingId: reversal.postingId,
      scheduleId: s.id,
      amount: String(hold.hold_amount),
      currency: hold.currency,
    }
  })
}
